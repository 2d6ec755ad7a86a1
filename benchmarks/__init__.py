"""The elasticache_typed benchmark suite: `python -m benchmarks.run` (see README.md here)."""
