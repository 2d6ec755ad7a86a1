"""The contract's class of a raised error: an error the service answered with is an instance
of a run-time subclass of that class and botocore's ClientError, with the same name."""

from __future__ import annotations


def public_class(exc: BaseException) -> type[BaseException]:
    """The most derived class of `exc` that `elasticache_typed.errors` exports."""
    from elasticache_typed import errors

    return next(c for c in type(exc).__mro__ if getattr(errors, c.__name__, None) is c)
