"""elasticache_typed: the typed Python SDK for Amazon ElastiCache.

`ElastiCache` is the facade over a boto3 client, `shapes` the model's typed structures,
`errors` the typed exceptions and `converter` the cattrs bridge to boto3's dicts.
"""

from typing import TYPE_CHECKING

from elasticache_typed import errors, shapes
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

if TYPE_CHECKING:
    from elasticache_typed._converter import converter as converter


def __getattr__(name: str) -> object:
    # cattrs is imported on first use of `converter`, not by `import elasticache_typed`.
    if name == "converter":
        from elasticache_typed._converter import converter

        globals()["converter"] = converter
        return converter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
