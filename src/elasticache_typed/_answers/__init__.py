"""How clients made by `create()` read the service's answers: their response parsers
(`parsers`; `aio` for the asyncio ones), which read the facade's answers straight from the XML
into the shape classes (`wire_parser`, over the XML `document`), and the handover of the typed
answer to the facade (`handover`)."""
