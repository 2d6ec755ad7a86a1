"""elasticache_typed: the typed Python SDK for Amazon ElastiCache.

`ElastiCache` is the facade over a boto3 client, `AsyncElastiCache` the asyncio one over an
aiobotocore client (the `async` extra), `shapes` the model's typed structures, `enums` the
values of its enums and checks that narrow a str to them, `errors` the typed exceptions and
`converter` the cattrs bridge to boto3's dicts (`json_converter` the same, JSON-ready);
`ResponseMetadata` the HTTP answer a facade call's result came in. `connection_settings`
reads where to connect to a cache; `integrations` holds credential providers for redis-py
and valkey-py.
"""

import typing as _typing

from elasticache_typed import shapes
from elasticache_typed._generated.version import GENERATED_FROM_BOTOCORE
from elasticache_typed._input.params import TagsInput
from elasticache_typed._input.settings import RetryMode

# AsyncElastiCache is left out of __all__: `import *` must work without aiobotocore.
__all__ = [
    "GENERATED_FROM_BOTOCORE",
    "ConnectionSettings",
    "ElastiCache",
    "ResponseMetadata",
    "RetryMode",
    "TagsInput",
    "connection_settings",
    "converter",
    "enums",
    "errors",
    "json_converter",
    "shapes",
]

_LISTED = (*__all__, "AsyncElastiCache", "__version__")
"""What `dir(elasticache_typed)` shows: the public names, loaded or not."""

__version__: str
"""The installed distribution's version (read from its metadata on first use)."""

if _typing.TYPE_CHECKING:
    from elasticache_typed import enums as enums
    from elasticache_typed import errors as errors
    from elasticache_typed._connect.connection_settings import (
        ConnectionSettings as ConnectionSettings,
    )
    from elasticache_typed._connect.connection_settings import (
        connection_settings as connection_settings,
    )
    from elasticache_typed._conversion.converter import converter as converter
    from elasticache_typed._conversion.converter import json_converter as json_converter
    from elasticache_typed._facades.response_metadata import (
        ResponseMetadata as ResponseMetadata,
    )
    from elasticache_typed._generated.async_facade import AsyncElastiCache as AsyncElastiCache
    from elasticache_typed._generated.facade import ElastiCache as ElastiCache


def __dir__() -> list[str]:
    return sorted(_LISTED)


def __getattr__(name: str) -> object:
    # cattrs is imported on first use of `converter`, not by `import elasticache_typed`;
    # aiobotocore on first use of `AsyncElastiCache` (an ImportError says which extra it needs).
    if name in ("enums", "errors"):  # neither is needed to make a facade and call it
        import importlib

        return importlib.import_module(f"{__name__}.{name}")  # which sets it here too
    if name in ("converter", "json_converter"):
        from elasticache_typed._conversion import converter as converters

        globals()[name] = found = getattr(converters, name)
        return found
    if name == "ResponseMetadata":
        from elasticache_typed._facades.response_metadata import ResponseMetadata

        globals()["ResponseMetadata"] = ResponseMetadata
        return ResponseMetadata
    if name == "ElastiCache":  # boto3 is imported here, not for the asyncio facade
        from elasticache_typed._generated.facade import ElastiCache

        globals()["ElastiCache"] = ElastiCache
        return ElastiCache
    if name == "AsyncElastiCache":
        from elasticache_typed._generated.async_facade import AsyncElastiCache

        globals()["AsyncElastiCache"] = AsyncElastiCache
        return AsyncElastiCache
    if name in ("connection_settings", "ConnectionSettings"):
        # attrs is imported by the first use, not by `import elasticache_typed`.
        from elasticache_typed._connect import connection_settings as module

        globals()[name] = found = getattr(module, name)
        return found
    if name == "__version__":
        from importlib.metadata import version

        globals()["__version__"] = found = version("elasticache-typed")
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
