"""The ElastiCache model's shapes: an attrs class per structure, a Literal alias per enum."""

from elasticache_typed._generated.shapes import *  # noqa: F403
