"""The errors elasticache_typed raises: a base, categories to `except` by meaning, and one
class per error the ElastiCache model declares (matched by its error code)."""

from elasticache_typed._errors.categories import AccessDeniedError as AccessDeniedError
from elasticache_typed._errors.categories import AlreadyExistsError as AlreadyExistsError
from elasticache_typed._errors.categories import ElastiCacheError as ElastiCacheError
from elasticache_typed._errors.categories import InvalidParameterError as InvalidParameterError
from elasticache_typed._errors.categories import InvalidStateError as InvalidStateError
from elasticache_typed._errors.categories import NetworkError as NetworkError
from elasticache_typed._errors.categories import NotFoundError as NotFoundError
from elasticache_typed._errors.categories import QuotaExceededError as QuotaExceededError
from elasticache_typed._errors.categories import ServiceUnavailableError as ServiceUnavailableError
from elasticache_typed._errors.categories import ThrottlingError as ThrottlingError
from elasticache_typed._errors.categories import ValidationError as ValidationError
from elasticache_typed._errors.categories import WaiterError as WaiterError
from elasticache_typed._generated.errors import *  # noqa: F403

# The base and the categories, then the modelled errors (the reference lists them in this
# order); written once, in the generated module.
from elasticache_typed._generated.errors import __all__ as __all__


def _publish() -> None:
    # Every error class names this module (repr, tracebacks, and what pickle records),
    # wherever it is defined inside the package.
    for value in list(globals().values()):
        if isinstance(value, type) and issubclass(value, ElastiCacheError):
            value.__module__ = __name__


_publish()
