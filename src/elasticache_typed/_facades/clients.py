"""The clients of `ElastiCache.create()` and `AsyncElastiCache.create()`, made cheaply.

Each client gets a new botocore Session of its own, as `boto3.Session().client(...)` gives
it: its own credentials, configuration, components and event handlers, with the same handlers
botocore and boto3 register. What a new Session would read again and again is done once per
process: botocore's JSON (service model, endpoints, partitions, defaults), kept in a loader
cache shared by the sessions of the same data path, and botocore's built-in handlers,
registered once on a prototype emitter that each session copies (a quicker copy than
botocore's, with the same nodes and handlers; the client copies its session's, as always).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
import botocore.session
from botocore import handlers
from botocore.hooks import EventAliaser, HierarchicalEmitter
from botocore.loaders import Loader, create_loader

from elasticache_typed._botocore_private import copy_emitter, share_loader_cache

if TYPE_CHECKING:
    from aiobotocore.session import AioSession, ClientCreatorContext
    from mypy_boto3_elasticache.client import ElastiCacheClient
    from types_aiobotocore_elasticache.client import ElastiCacheClient as AioElastiCacheClient

SessionT = TypeVar("SessionT", bound=botocore.session.Session)


class QuickCopyEmitter(HierarchicalEmitter):
    """botocore's emitter, copied with `copy_emitter` (what clients and sessions do)."""

    def __copy__(self) -> QuickCopyEmitter:
        copied = copy_emitter(self)
        assert isinstance(copied, QuickCopyEmitter)
        return copied


_lock = threading.Lock()
_prototypes: dict[type[HierarchicalEmitter], tuple[tuple[Any, ...], HierarchicalEmitter]] = {}
_loader_caches: dict[tuple[str, str | None], dict[Any, Any]] = {}
_aio_emitter: type[HierarchicalEmitter] | None = None


def _prototype(kind: type[HierarchicalEmitter]) -> HierarchicalEmitter:
    """An emitter with botocore's built-in handlers, as `Session.__init__` registers them.

    Made again when the list changed (moto, for one, adds its handler to it on import)."""
    builtin = tuple(handlers.BUILTIN_HANDLERS)
    with _lock:
        known = _prototypes.get(kind)
        if known is not None and known[0] == builtin:
            return known[1]
        found = kind()
        events = EventAliaser(found)
        for spec in handlers.BUILTIN_HANDLERS:
            if len(spec) == 2:
                events.register(spec[0], spec[1])
            elif spec[2] is handlers.REGISTER_FIRST:
                events.register_first(spec[0], spec[1])
            elif spec[2] is handlers.REGISTER_LAST:
                events.register_last(spec[0], spec[1])
        _prototypes[kind] = (builtin, found)
        return found


def _loader(flavour: str, data_path: str | None) -> Loader:
    """A new loader of `data_path`, sharing what it reads with the others of that path."""
    with _lock:
        cache = _loader_caches.setdefault((flavour, data_path), {})
    return share_loader_cache(create_loader(data_path), cache)


def _new_session(
    factory: Callable[..., SessionT], emitter_kind: type[HierarchicalEmitter], flavour: str
) -> SessionT:
    """A new botocore session like `factory()`, without registering or reading again."""
    session = factory(
        event_hooks=copy_emitter(_prototype(emitter_kind)), include_builtin_handlers=False
    )
    session.lazy_register_component(
        "data_loader", lambda: _loader(flavour, session.get_config_variable("data_path"))
    )
    return session


def new_client(session: boto3.Session | None, **client_args: Any) -> ElastiCacheClient:
    """`session.client("elasticache", **client_args)`, of a new boto3 Session by default."""
    if session is None:
        botocore_session = _new_session(botocore.session.Session, QuickCopyEmitter, "boto3")
        session = boto3.Session(botocore_session=botocore_session)
    client: ElastiCacheClient = session.client("elasticache", **client_args)
    return client


def new_async_client(
    session: AioSession | None, **client_args: Any
) -> ClientCreatorContext[AioElastiCacheClient]:
    """`session.create_client("elasticache", **client_args)`, of a new AioSession by default."""
    if session is None:
        from aiobotocore.session import AioSession

        session = _new_session(AioSession, _quick_copy_aio_emitter(), "aiobotocore")
    created: ClientCreatorContext[AioElastiCacheClient] = session.create_client(
        "elasticache", **client_args
    )
    return created


def _quick_copy_aio_emitter() -> type[HierarchicalEmitter]:
    """aiobotocore's emitter class, copied with `copy_emitter` (made on first use)."""
    global _aio_emitter
    if _aio_emitter is None:
        from aiobotocore.hooks import AioHierarchicalEmitter

        class QuickCopyAioEmitter(AioHierarchicalEmitter):
            """aiobotocore's emitter, copied with `copy_emitter`."""

            def __copy__(self) -> QuickCopyAioEmitter:
                copied = copy_emitter(self)
                assert isinstance(copied, QuickCopyAioEmitter)
                return copied

        _aio_emitter = QuickCopyAioEmitter
    return _aio_emitter
