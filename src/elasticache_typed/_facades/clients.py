"""The clients of `ElastiCache.create()` and `AsyncElastiCache.create()`, made cheaply.

Each client gets a new botocore Session of its own, as `boto3.Session().client(...)` gives
it: its own credentials, configuration, components and event handlers, with the same handlers
botocore and boto3 register. What a new Session would read again and again is done once per
process: botocore's JSON (service model, endpoints, partitions, defaults), kept in a loader
cache shared by the sessions of the same data path, and botocore's built-in handlers,
registered once on a prototype emitter that each session copies. The emitters keep their
handlers in a trie whose copies share its nodes (`SharingTrie`), so copying one (for a
session, then for its client) costs nothing; boto3's own handlers are on the prototype
already: the client is made by the botocore session directly, with the user agent and loader
path a `boto3.Session` would have set. Clients of the same model share the client class
botocore (or aiobotocore) builds while no handler but theirs sees it being made
(`_botocore_private`'s client class reuse).
"""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import botocore.session
from botocore import handlers
from botocore.hooks import HierarchicalEmitter
from botocore.loaders import Loader

from elasticache_typed._botocore_private import (
    ClassReusingSession,
    class_reusing_aio_session,
    mirrors_create_client,
    share_handlers,
    share_loader_cache,
)
from elasticache_typed._facades.model_loader import model_loader

if TYPE_CHECKING:
    import boto3
    from aiobotocore.session import AioSession, ClientCreatorContext
    from mypy_boto3_elasticache.client import ElastiCacheClient
    from types_aiobotocore_elasticache.client import ElastiCacheClient as AioElastiCacheClient

SessionT = TypeVar("SessionT", bound=botocore.session.Session)


_lock = threading.Lock()
_prototypes: dict[str, tuple[tuple[Any, ...], HierarchicalEmitter]] = {}
_loader_caches: dict[tuple[str, str | None], dict[Any, Any]] = {}
_SYNC_SESSION: type[botocore.session.Session] = (
    ClassReusingSession if mirrors_create_client() else botocore.session.Session
)
"""The session class of `create()`'s clients: one that reuses client classes, when it can."""


def _prototype(flavour: str) -> HierarchicalEmitter:
    """An emitter with the handlers a new session registers: botocore's built-in ones (and,
    for boto3, boto3's), registered by a throw-away session over it; its trie is shared.

    Made again when the list changed (moto, for one, adds its handler to it on import)."""
    builtin = tuple(handlers.BUILTIN_HANDLERS)
    with _lock:
        known = _prototypes.get(flavour)
        if known is not None and known[0] == builtin:
            return known[1]
        if flavour == "boto3":
            import boto3  # here: the asyncio facade's clients need none of it

            found = HierarchicalEmitter()
            boto3.Session(
                botocore_session=botocore.session.Session(event_hooks=found),
                region_name="us-east-1",  # read nothing more than needed
            )
        else:
            from aiobotocore.hooks import AioHierarchicalEmitter
            from aiobotocore.session import AioSession

            found = AioHierarchicalEmitter()
            AioSession(event_hooks=found)
        _prototypes[flavour] = (builtin, share_handlers(found))
        return found


def _loader(flavour: str, data_path: str | None) -> Loader:
    """A new loader of `data_path`, sharing what it reads with the others of that path."""
    with _lock:
        cache = _loader_caches.setdefault((flavour, data_path), {})
    loader = share_loader_cache(model_loader(data_path), cache)
    if flavour == "boto3":  # as boto3.Session's _setup_loader does
        import boto3

        loader.search_paths.append(os.path.join(os.path.dirname(boto3.__file__), "data"))
    return loader


def _new_session(factory: Callable[..., SessionT], flavour: str) -> SessionT:
    """A new botocore session like `factory()`, without registering or reading again."""
    emitter = copy.copy(_prototype(flavour))  # a new emitter sharing the prototype's trie
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

    botocore_session = _new_session(_SYNC_SESSION, "boto3")
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
        session = _new_session(class_reusing_aio_session(), "aiobotocore")
    created: ClientCreatorContext[AioElastiCacheClient] = session.create_client(
        "elasticache", **client_args
    )
    return created
