from elasticache_typed._generated.shapes import *  # noqa: F403
from elasticache_typed._generated.shapes import __all__ as __all__
