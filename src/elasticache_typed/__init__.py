"""elasticache_typed: the typed Python SDK for Amazon ElastiCache.

`ElastiCache` is the facade over a boto3 client, `shapes` the model's typed structures,
`errors` the typed exceptions and `converter` the cattrs bridge to boto3's dicts.
"""

from elasticache_typed import errors, shapes
from elasticache_typed._converter import converter
from elasticache_typed._facade_base import TagsInput
from elasticache_typed._generated.facade import ElastiCache
from elasticache_typed._generated.version import GENERATED_FROM_BOTOCORE

__all__ = [
    "GENERATED_FROM_BOTOCORE",
    "ElastiCache",
    "TagsInput",
    "converter",
    "errors",
    "shapes",
]
