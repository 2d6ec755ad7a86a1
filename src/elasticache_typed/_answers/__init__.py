"""How clients made by `create()` read the service's answers."""
