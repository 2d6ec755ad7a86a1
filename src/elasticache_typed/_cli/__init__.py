"""The `elasticache-typed` command line (also `python -m elasticache_typed`): an IAM token, or
the connection settings of a cache. See `main`."""
