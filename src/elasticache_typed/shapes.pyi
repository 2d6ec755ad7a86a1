from elasticache_typed._generated.shapes import *  # noqa: F403
