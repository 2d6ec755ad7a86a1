"""The clients of `ElastiCache.create()` and `AsyncElastiCache.create()`, made cheaply.

Each client gets a new botocore Session of its own, as `boto3.Session().client(...)` gives
it: its own credentials, configuration, components and event handlers, with the same handlers
botocore and boto3 register. What a new Session would read again and again is done once per
process: botocore's JSON (service model, endpoints, partitions, defaults), kept in a loader
cache shared by the sessions of the same data path, and botocore's built-in handlers,
registered once on a prototype emitter that each session copies (a quicker copy than
botocore's, with the same nodes and handlers). A session made here serves one client only,
so its emitter is handed to that client instead of being copied once more, and boto3's own
handlers are on the prototype already: the client is made by the botocore session directly,
with the user agent and loader path a `boto3.Session` would have set.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import botocore.session
from botocore import handlers
from botocore.hooks import EventAliaser, HierarchicalEmitter
from botocore.loaders import Loader, create_loader

from elasticache_typed._botocore_private import copy_emitter, share_loader_cache

if TYPE_CHECKING:
    import boto3
    from aiobotocore.session import AioSession, ClientCreatorContext
    from mypy_boto3_elasticache.client import ElastiCacheClient
    from types_aiobotocore_elasticache.client import ElastiCacheClient as AioElastiCacheClient

SessionT = TypeVar("SessionT", bound=botocore.session.Session)


class QuickCopyEmitter(HierarchicalEmitter):
    """botocore's emitter, copied with `copy_emitter` (what clients and sessions do).

    One marked `hand_over_once()` gives itself, not a copy, to the first copier: the emitter
    of a session that makes one client and is then dropped."""

    def hand_over_once(self) -> QuickCopyEmitter:
        self.__dict__["_hand_over"] = True
        return self

    def __copy__(self) -> QuickCopyEmitter:
        if self.__dict__.pop("_hand_over", False):
            return self
        copied = copy_emitter(self)
        assert isinstance(copied, QuickCopyEmitter)
        return copied


_lock = threading.Lock()
_prototypes: dict[type[HierarchicalEmitter], tuple[tuple[Any, ...], HierarchicalEmitter]] = {}
_loader_caches: dict[tuple[str, str | None], dict[Any, Any]] = {}
_aio_emitter: type[HierarchicalEmitter] | None = None


def _prototype(kind: type[HierarchicalEmitter]) -> HierarchicalEmitter:
    """An emitter with botocore's built-in handlers, as `Session.__init__` registers them
    (and, for boto3's kind, boto3's, as `boto3.Session.__init__` registers them).

    Made again when the list changed (moto, for one, adds its handler to it on import)."""
    builtin = tuple(handlers.BUILTIN_HANDLERS)
    with _lock:
        known = _prototypes.get(kind)
        if known is not None and known[0] == builtin:
            return known[1]
        found = kind()
        if kind is QuickCopyEmitter:
            import boto3  # here: the asyncio facade's clients need none of it

            # A throw-away boto3 Session registers botocore's and boto3's handlers on it.
            boto3.Session(
                botocore_session=botocore.session.Session(event_hooks=found),
                region_name="us-east-1",  # read nothing more than needed
            )
        else:
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
    loader = share_loader_cache(create_loader(data_path), cache)
    if flavour == "boto3":  # as boto3.Session's _setup_loader does
        import boto3

        loader.search_paths.append(os.path.join(os.path.dirname(boto3.__file__), "data"))
    return loader


def _new_session(
    factory: Callable[..., SessionT], emitter_kind: type[HierarchicalEmitter], flavour: str
) -> SessionT:
    """A new botocore session like `factory()`, without registering or reading again."""
    emitter = copy_emitter(_prototype(emitter_kind))
    if isinstance(emitter, QuickCopyEmitter):
        emitter.hand_over_once()  # to the session's one client
    session = factory(event_hooks=emitter, include_builtin_handlers=False)
    session.lazy_register_component(
        "data_loader", lambda: _loader(flavour, session.get_config_variable("data_path"))
    )
    return session


def new_client(session: boto3.Session | None, **client_args: Any) -> ElastiCacheClient:
    """`session.client("elasticache", **client_args)`, of a new boto3 Session by default."""
    if session is not None:
        made: ElastiCacheClient = session.client("elasticache", **client_args)
        return made
    import boto3

    botocore_session = _new_session(botocore.session.Session, QuickCopyEmitter, "boto3")
    # What boto3.Session.__init__ sets on its botocore session (boto3's handlers are on the
    # prototype emitter, its data path on the loader), then what Session.client does.
    botocore_session.user_agent_extra = f"Botocore/{botocore_session.user_agent_version}"
    botocore_session.user_agent_name = "Boto3"
    botocore_session.user_agent_version = boto3.__version__
    client: Any = botocore_session.create_client("elasticache", **client_args)
    return cast("ElastiCacheClient", client)


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
