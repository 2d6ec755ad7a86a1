"""Every use of a private botocore or aiobotocore name, each with why no public one serves.

`tests/unit/test_botocore_private.py` checks that each name still exists and behaves as
assumed; CI runs it at the lowest and the newest botocore the package accepts. Nothing else
in the package reaches into botocore's private parts.
"""

from __future__ import annotations

import copy
import importlib.util
import inspect
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from types import FrameType, FunctionType
from typing import TYPE_CHECKING, Any, cast

import botocore.client
import botocore.credentials
import botocore.session
from botocore import UNSIGNED, retryhandler, translate
from botocore.context import get_context, with_current_context
from botocore.exceptions import PartialCredentialsError
from botocore.hooks import HierarchicalEmitter, NodeList
from botocore.loaders import Loader
from botocore.useragent import register_feature_id

if TYPE_CHECKING:
    from aiobotocore.session import AioSession

    class _PrefixTrie:
        """botocore's handler trie (`botocore.hooks._PrefixTrie`), which the stubs leave out."""

        _root: dict[str, Any]

        def __copy__(self) -> _PrefixTrie: ...
        def append_item(self, key: str, value: Any, section: int = 1) -> None: ...
        def prefix_search(self, key: str) -> Any: ...
        def remove_item(self, key: str, value: Any) -> None: ...
        def _remove_item(
            self, current_node: Any, key_parts: list[str], value: Any, index: int
        ) -> None: ...

    _MIDDLE = 1
else:
    from botocore.hooks import _MIDDLE, _PrefixTrie

# The response path ---------------------------------------------------------------------------


def install_parser_factory(client: Any, factory: object) -> None:
    """Give one new client's endpoint its own parser factory.

    Reason: botocore takes a response parser factory only as a session component, which
    every other client of the session would get too; `Endpoint._response_parser_factory` is
    this client's alone.
    """
    client._endpoint._response_parser_factory = factory


def api_call_wrapped(client: Any) -> bool:
    """Whether instrumentation wraps the client's API call (OpenTelemetry, AWS X-Ray, any
    wrapt or `functools.wraps` wrapper, on the class or the instance).

    Reason: instrumentation patches `BaseClient._make_api_call` (aiobotocore's
    `AioBaseClient._make_api_call`). botocore wraps it itself (`with_current_context`), so
    each layer down the `__wrapped__` chain must be a plain function of botocore's or
    aiobotocore's own files.
    """
    client_class = cast("type[object]", type(client))
    layer: Any = client.__dict__.get("_make_api_call") or _static(client_class, "_make_api_call")
    while layer is not None:
        layer = getattr(layer, "__func__", layer)  # a bound method put on the instance
        # type(), not isinstance(): a wrapt proxy (OpenTelemetry's, X-Ray's) claims to be
        # the function it wraps, `__class__` and `__code__` included.
        if type(layer) is not FunctionType or not layer.__code__.co_filename.startswith(_OWN_DIRS):
            return True
        layer = layer.__dict__.get("__wrapped__")
    return False


class ApiCallWatch:
    """`api_call_wrapped` of one client, asked again only when what its `_make_api_call`
    resolves to (on the instance, or through its class) is another object: wrapping it, on
    the class, a base class or the instance, always puts a new object there."""

    __slots__ = ("_client", "_seen", "_wrapped")

    def __init__(self, client: Any) -> None:
        self._client = client
        self._seen: tuple[object, object] | None = None
        self._wrapped = True

    def wrapped(self) -> bool:
        """Whether instrumentation wraps the client's API call now."""
        client = self._client
        client_class: Any = cast("Any", type(client))
        seen: tuple[object, object] = (
            client.__dict__.get("_make_api_call"),
            client_class._make_api_call,
        )
        last = self._seen
        if last is None or last[0] is not seen[0] or last[1] is not seen[1]:
            self._wrapped = api_call_wrapped(client)
            self._seen = seen
        return self._wrapped


def _static(cls: type, name: str) -> object:
    """The class attribute as defined (not bound), from the first class of the MRO with it."""
    return next((vars(k)[name] for k in cls.__mro__ if name in vars(k)), None)


def _package_dirs(*names: str) -> tuple[str, ...]:
    """The folders of the installed packages among `names` (aiobotocore is an extra)."""
    dirs: list[str] = []
    for name in names:
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:
            continue
        if spec is not None and spec.origin:
            dirs.append(os.path.dirname(spec.origin) + os.sep)
    return tuple(dirs)


_OWN_DIRS = _package_dirs("botocore", "aiobotocore")


OBSERVED_EVENTS = (
    "provide-client-params",
    "before-parameter-build",
    "before-call",
    "request-created",
    "choose-signer",
    "before-sign",
    "before-parse",
    "response-received",
    "needs-retry",
    "after-call",
    "after-call-error",
)
"""The events of an operation where a handler sees (or changes) its answer, or could make a
nested call on the client first. `before-send` is left out: a handler there is the HTTP layer
(moto's, a test's or a benchmark's fake), answering in its place, and sees no parsed answer."""

OWN_MODULES = ("botocore.", "aiobotocore.", "boto3.", "elasticache_typed._answers.")
"""Where the handlers every client has come from (their modules' names), and the handover's
own (counting a `create()` client's calls in flight; they observe nothing)."""


class HandlerWatch:
    """Whether anything but botocore's own handlers listens to a client's operation events,
    remembered per operation until a handler is registered or unregistered.

    Reason: botocore has no public way to list a client's handlers; its emitter
    (`EventAliaser._emitter`) finds them with `_handlers.prefix_search(event)` and replaces its
    `_lookup_cache` dict on every register and unregister, which tells when to ask again.
    """

    def __init__(self, client: Any) -> None:
        self._emitter: Any = getattr(client.meta.events, "_emitter", client.meta.events)
        self._service = client.meta.service_model.service_id.hyphenize()
        self._known: dict[str, tuple[object, bool]] = {}

    def foreign_handlers(self, operation: str) -> bool:
        """Whether a handler that is not botocore's, aiobotocore's or boto3's listens to one
        of the operation's `OBSERVED_EVENTS`."""
        cache = self._emitter._lookup_cache
        known = self._known.get(operation)
        if known is not None and known[0] is cache:
            return known[1]
        found = any(
            not _module_of(handler).startswith(OWN_MODULES)
            for event in OBSERVED_EVENTS
            for handler in self._emitter._handlers.prefix_search(
                f"{event}.{self._service}.{operation}"
            )
        )
        self._known[operation] = (cache, found)
        return found


def register_unaliased(events: Any, event_name: str, handler: Callable[..., Any]) -> None:
    """Register a handler on a client's events under a name no alias applies to (a hyphenized
    service id's own event, as botocore emits it).

    Reason: a client's `EventAliaser` looks each event name it has not seen up against
    botocore's ~60 aliases (~25 µs, uncached on a new client); the emitter it wraps
    (`EventAliaser._emitter`) registers the name as given, with botocore's handler check.
    """
    getattr(events, "_emitter", events).register(event_name, handler)


def _module_of(handler: Callable[..., Any]) -> str:
    """The module a handler was defined in (a partial's function's, an instance's class's)."""
    target: Any = getattr(handler, "func", handler)
    module = getattr(target, "__module__", None) or type(target).__module__
    return str(module) + "."


PARSER_MODULES = frozenset({"botocore.parsers", "aiobotocore.parsers"})
"""Where botocore (and aiobotocore) read answers; a plain exception from there is a bad answer."""


def raised_while_parsing(exc: BaseException) -> bool:
    """Whether botocore's response parser is on the exception's traceback.

    Reason: botocore raises a member of the wrong type as a plain ValueError/TypeError from
    its parser modules; only the traceback tells it from a caller's own handler's error.
    """
    return any(f.f_globals.get("__name__") in PARSER_MODULES for f in frames_of(exc))


def answer_behind(exc: BaseException) -> tuple[Mapping[str, Any], str] | None:
    """The answer botocore was reading when `exc` was raised, and the request's URL.

    Reason: a wrapped client's parser is never changed, and botocore's exception carries no
    answer; `Endpoint._do_get_response` (aiobotocore's too) holds it as its local
    `response_dict`, beside `request`. None when no such frame is there.
    """
    for frame in frames_of(exc):
        scope = frame.f_locals
        answer = scope.get("response_dict")
        if isinstance(answer, Mapping) and "status_code" in answer:
            url = getattr(scope.get("request"), "url", None)
            return cast("Mapping[str, Any]", answer), str(url or "")
    return None


def frames_of(exc: BaseException) -> Iterator[FrameType]:
    """The frames on an exception's traceback, from where it was caught to where it was
    raised."""
    tb = exc.__traceback__
    while tb is not None:
        yield tb.tb_frame
        tb = tb.tb_next


# Client creation
#
# `create()` makes a new botocore Session for each client without re-reading botocore's JSON
# (service model, endpoints, partitions, defaults) and without registering botocore's 600-odd
# built-in handlers again: `Loader._cache` (the dict behind `@instance_cache`) is shared by the
# loaders of those sessions, and their emitters keep their handlers in a `SharingTrie`: botocore's
# `_PrefixTrie` (its `_root` node dicts of `chunk`, `children`, `values`, the values a `NodeList`)
# whose copy shares the nodes, and whose `append_item` / `remove_item` change copies of the nodes
# on the key's path only. No node is ever changed in place, so copies never see each other's
# handlers, and copying an emitter (a session's for its client, a client's for a waiter) costs
# nothing however many handlers it has.


def share_loader_cache(loader: Loader, cache: dict[Any, Any]) -> Loader:
    """Make `loader` keep what it reads in `cache` (shared by loaders of the same paths)."""
    loader._cache = cache  # type: ignore[attr-defined]
    return loader


def _node_copy(node: dict[str, Any]) -> dict[str, Any]:
    """A node's copy: its own children dict and value lists, the same child nodes."""
    values: Any = node["values"]
    if values is not None:
        values = NodeList(values.first[:], values.middle[:], values.last[:])
    return {"chunk": node["chunk"], "values": values, "children": dict(node["children"])}


class SharingTrie(_PrefixTrie):
    """botocore's handler trie, whose copies share every node not changed since."""

    _root: dict[str, Any]

    def __copy__(self) -> SharingTrie:
        new = object.__new__(type(self))
        new.__dict__ = self.__dict__.copy()
        return new

    def _path_copy(self, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A new root with copies of the nodes on `key`'s path (made where missing), and the
        copy of `key`'s node."""
        root = node = _node_copy(self._root)
        for part in key.split("."):
            child: dict[str, Any] | None = node["children"].get(part)
            if child is None:
                child = {"chunk": part, "values": None, "children": {}}
            else:
                child = _node_copy(child)
            node["children"][part] = child
            node = child
        return root, node

    def append_item(self, key: str, value: Any, section: int = _MIDDLE) -> None:
        root, node = self._path_copy(key)
        if node["values"] is None:
            node["values"] = NodeList([], [], [])
        node["values"][section].append(value)
        self._root = root

    def remove_item(self, key: str, value: Any) -> None:
        root = node = _node_copy(self._root)
        parts = key.split(".")
        for part in parts:  # copies of the nodes that exist on the path, as _remove_item walks
            found: dict[str, Any] | None = node["children"].get(part)
            if found is None:
                break
            node["children"][part] = node = _node_copy(found)
        self._remove_item(root, parts, value, index=0)  # botocore's own removal, on the copies
        self._root = root


def share_handlers(emitter: HierarchicalEmitter) -> HierarchicalEmitter:
    """Make `emitter` keep its handlers in a `SharingTrie` (the same nodes), and return it."""
    private: Any = emitter  # `_handlers` is not in the stubs
    trie = object.__new__(SharingTrie)
    trie.__dict__ = private._handlers.__dict__.copy()
    private._handlers = trie
    return emitter


# Client class reuse
#
# botocore's `ClientCreator` (aiobotocore's `AioClientCreator`) builds a new client class for
# every client (a method per operation, ~0.3 ms, a fifth of making a client) and emits
# `creating-client-class` with its attributes. The class depends on the service model and
# those handlers only, so when every handler of that event is botocore's, boto3's or
# aiobotocore's, `create()`'s clients share the class made for the same model
# (`ReusedClass`, used by `ClassReusingCreator` and the asyncio `class_reusing_aio_session`'s
# creator alike). Neither library lets a session choose its creator class:
# - botocore builds its ClientCreator inside `Session.create_client` (as
#   `botocore.client.ClientCreator`): `ClassReusingSession.create_client` is botocore's own
#   (1.40.46 to 1.44.18 alike) with that one name changed, used only while botocore's is the
#   one it mirrors (`mirrors_create_client`), else botocore's runs.
# - aiobotocore builds its AioClientCreator inside `AioSession._create_client`, by its global
#   name: the asyncio session runs aiobotocore's own function (its code object, whichever
#   aiobotocore is installed: 2.25 and 3.x differ) with that one global bound to the reusing
#   creator (`aio_create_client_with`), only while the function is what that assumes (a plain
#   function naming `AioClientCreator`, inside `with_current_context`'s wrapper alone), else
#   aiobotocore's own runs unchanged.

_OWN_HANDLER_MODULES = ("botocore.", "boto3.", "aiobotocore.")
_client_classes: dict[tuple[type, str, int], tuple[object, tuple[object, ...], type]] = {}
_CREATE_CLIENT_NAMES = (
    "get_default_client_config", "merge", "_resolve_region_name", "get_config_variable", "get",
    "get_component", "signature_version", "UNSIGNED", "botocore", "credentials", "Credentials",
    "_missing_cred_vars", "PartialCredentialsError", "_get_ignored_credentials", "logger",
    "debug", "get_credentials", "getattr", "register_feature_id", "get_auth_token",
    "_get_internal_component", "copy", "set_session_config", "user_agent_name",
    "user_agent_version", "user_agent_extra", "_resolve_defaults_mode",
    "merge_smart_defaults", "_add_configured_endpoint_provider", "set_client_features",
    "get_context", "features", "client", "ClientCreator", "user_agent", "retryhandler",
    "translate", "create_client", "get_scoped_config", "register", "meta", "events",
    "_register_client_plugins",
)  # fmt: skip
"""The names botocore's `Session.create_client` uses, in order (1.40.46 to 1.44.18)."""


def mirrors_create_client() -> bool:
    """Whether botocore's `Session.create_client` is the one `ClassReusingSession` mirrors."""
    names: tuple[str, ...] = inspect.unwrap(
        botocore.session.Session.create_client
    ).__code__.co_names
    return names == _CREATE_CLIENT_NAMES


class ReusedClass:
    """The client class a creator is about to build for a service model: `known`, the one
    built before for the same model dict and `creating-client-class` handlers, or None.

    Reason: the creator's emitter (`ClientCreator._event_emitter`, an `EventAliaser` over the
    emitter holding `_handlers`) is the only place that lists those handlers, and the model's
    `_service_description` is the loader's dict, shared per process by `create()`'s sessions.
    """

    __slots__ = ("_handlers", "_key", "_model", "known")

    def __init__(self, creator: Any, service_name: str, service_model: Any) -> None:
        emitter: Any = creator._event_emitter
        event = f"creating-client-class.{service_model.service_id.hyphenize()}"
        self._handlers = tuple(getattr(emitter, "_emitter", emitter)._handlers.prefix_search(event))
        self._model: object = service_model._service_description
        self._key: tuple[type, str, int] = (type(creator), service_name, id(self._model))
        known = _client_classes.get(self._key)
        same = known is not None and known[0] is self._model and known[1] == self._handlers
        self.known: type | None = known[2] if known is not None and same else None

    def keep(self, made: type) -> type:
        """Remember the class the creator built, for the next client, when only botocore's,
        boto3's and aiobotocore's handlers saw it being made; return it."""
        if all(_module_of(handler).startswith(_OWN_HANDLER_MODULES) for handler in self._handlers):
            _client_classes[self._key] = (self._model, self._handlers, made)
        return made


class ClassReusingCreator(botocore.client.ClientCreator):
    """botocore's ClientCreator, reusing the class it made before for the same model when
    nothing but botocore and boto3 handles `creating-client-class`."""

    def _create_client_class(self, service_name: str, service_model: Any) -> type:
        wanted = ReusedClass(self, service_name, service_model)
        if wanted.known is not None:
            return wanted.known
        parent: Any = super()
        return wanted.keep(parent._create_client_class(service_name, service_model))


class ClassReusingSession(botocore.session.Session):
    """botocore's Session, whose clients are made by a `ClassReusingCreator`."""

    @with_current_context()
    def create_client(  # noqa: C901, PLR0912 - botocore's own, as it is
        self,
        service_name: str,
        region_name: str | None = None,
        api_version: str | None = None,
        use_ssl: bool | None = True,
        verify: bool | str | None = None,
        endpoint_url: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        config: Any = None,
        aws_account_id: str | None = None,
    ) -> Any:
        """botocore's `Session.create_client`, with a `ClassReusingCreator`."""
        me: Any = self
        default_client_config = me.get_default_client_config()
        if config is not None and default_client_config is not None:
            config = default_client_config.merge(config)
        elif default_client_config is not None:
            config = default_client_config
        region_name = me._resolve_region_name(region_name, config)
        if verify is None:
            verify = me.get_config_variable("ca_bundle")
        if api_version is None:
            api_version = me.get_config_variable("api_versions").get(service_name, None)
        loader = me.get_component("data_loader")
        event_emitter = me.get_component("event_emitter")
        response_parser_factory = me.get_component("response_parser_factory")
        credentials: Any
        if config is not None and config.signature_version is UNSIGNED:
            credentials = None
        elif aws_access_key_id is not None and aws_secret_access_key is not None:
            credentials = botocore.credentials.Credentials(
                access_key=aws_access_key_id,
                secret_key=aws_secret_access_key,
                token=aws_session_token,
                account_id=aws_account_id,
            )
        elif me._missing_cred_vars(aws_access_key_id, aws_secret_access_key):
            raise PartialCredentialsError(
                provider="explicit",
                cred_var=me._missing_cred_vars(aws_access_key_id, aws_secret_access_key),
            )
        else:
            if ignored_credentials := me._get_ignored_credentials(
                aws_session_token, aws_account_id
            ):
                _session_logger.debug(
                    "Ignoring the following credential-related values which were set without "
                    "an access key id and secret key on the session or client: %s",
                    ignored_credentials,
                )
            credentials = me.get_credentials()
        if getattr(credentials, "method", None) == "explicit":
            register_feature_id("CREDENTIALS_CODE")
        auth_token = me.get_auth_token()
        endpoint_resolver = me._get_internal_component("endpoint_resolver")
        exceptions_factory = me._get_internal_component("exceptions_factory")
        config_store = copy.copy(me.get_component("config_store"))
        user_agent_creator = me.get_component("user_agent_creator")
        user_agent_creator.set_session_config(
            session_user_agent_name=me.user_agent_name,
            session_user_agent_version=me.user_agent_version,
            session_user_agent_extra=me.user_agent_extra,
        )
        defaults_mode = me._resolve_defaults_mode(config, config_store)
        if defaults_mode != "legacy":
            smart_defaults_factory = me._get_internal_component("smart_defaults_factory")
            smart_defaults_factory.merge_smart_defaults(config_store, defaults_mode, region_name)
        me._add_configured_endpoint_provider(client_name=service_name, config_store=config_store)
        context: Any = get_context()
        user_agent_creator.set_client_features(context.features)
        client_creator: Any = ClassReusingCreator(
            loader,
            endpoint_resolver,
            me.user_agent(),
            event_emitter,
            retryhandler,
            translate,
            response_parser_factory,
            exceptions_factory,
            config_store,
            user_agent_creator=user_agent_creator,
            auth_token_resolver=me.get_auth_token,
        )
        client = client_creator.create_client(
            service_name=service_name,
            region_name=region_name,
            is_secure=use_ssl,
            endpoint_url=endpoint_url,
            verify=verify,
            credentials=credentials,
            scoped_config=me.get_scoped_config(),
            client_config=config,
            api_version=api_version,
            auth_token=auth_token,
        )
        monitor = me._get_internal_component("monitor")
        if monitor is not None:
            monitor.register(client.meta.events)
        me._register_client_plugins(client)
        return client


_session_logger = logging.getLogger("botocore.session")
"""botocore.session's logger, which its `create_client` logs to."""


def aio_create_client_with(creator: type) -> Callable[..., Any] | None:
    """aiobotocore's own `AioSession._create_client` (unbound), making its client with
    `creator` instead of `AioClientCreator`; None when aiobotocore's is not what this assumes.

    Reason: aiobotocore builds its creator inside that private method, by the module global
    `AioClientCreator`, with no way to choose another. Its code object runs here with a copy
    of its module's globals (made for each client, so what is patched there is seen) in which
    that one name is `creator`, inside `with_current_context` as aiobotocore's is.
    """
    from aiobotocore.context import with_current_context as aio_current_context
    from aiobotocore.session import AioSession

    inner = _aio_create_client(vars(AioSession).get("_create_client"))
    if inner is None:
        return None
    scope = dict(inner.__globals__)
    scope["AioClientCreator"] = creator
    rebound = FunctionType(inner.__code__, scope, inner.__name__, inner.__defaults__)
    rebound.__kwdefaults__ = inner.__kwdefaults__
    rebound.__qualname__ = inner.__qualname__
    made: Callable[..., Any] = aio_current_context()(rebound)
    return made


@lru_cache(maxsize=4)
def _aio_create_client(wrapper: object) -> FunctionType | None:
    """The plain coroutine function inside `wrapper` when `wrapper` is what aiobotocore's
    `with_current_context()` (no hook) makes around one that builds an `AioClientCreator` by
    that global name, else None."""
    from aiobotocore.context import with_current_context as aio_current_context

    async def probe() -> None:
        return None

    reference: Any = aio_current_context()(probe)
    if type(wrapper) is not FunctionType or wrapper.__code__ is not reference.__code__:
        return None
    cells = dict(zip(wrapper.__code__.co_freevars, wrapper.__closure__ or (), strict=True))
    if set(cells) != {"func", "hook"} or cells["hook"].cell_contents is not None:
        return None
    inner = cells["func"].cell_contents
    if (
        type(inner) is not FunctionType
        or inner.__closure__ is not None
        or not inspect.iscoroutinefunction(inner)
        or "AioClientCreator" not in inner.__code__.co_names
    ):
        return None
    return inner


@lru_cache(maxsize=1)
def class_reusing_aio_session() -> type[AioSession]:
    """aiobotocore's AioSession, whose clients are made by an `AioClientCreator` reusing
    client classes as `ClassReusingCreator` does (aiobotocore's own creation when
    `aio_create_client_with` finds it is not what it assumes)."""
    from aiobotocore.client import AioClientCreator
    from aiobotocore.session import AioSession

    class ClassReusingAioCreator(AioClientCreator):
        """aiobotocore's AioClientCreator, reusing the class it made before for the same
        model when nothing but botocore, boto3 and aiobotocore handles
        `creating-client-class`."""

        async def _create_client_class(self, service_name: str, service_model: Any) -> type:
            wanted = ReusedClass(self, service_name, service_model)
            if wanted.known is not None:
                return wanted.known
            parent: Any = super()
            return wanted.keep(await parent._create_client_class(service_name, service_model))

    class ClassReusingAioSession(AioSession):
        """aiobotocore's AioSession, whose clients are made by a `ClassReusingAioCreator`."""

        def _create_client(self, *args: Any, **kwargs: Any) -> Any:
            create = aio_create_client_with(ClassReusingAioCreator)
            if create is None:
                parent: Any = super()
                return parent._create_client(*args, **kwargs)
            return create(self, *args, **kwargs)

    return ClassReusingAioSession


# Connecting


def client_credentials(client: Any) -> Any:
    """The credentials object a boto3 or aiobotocore client signs its requests with, or None.

    botocore has no public accessor for a client's credentials.
    """
    return client._get_credentials()


def client_signing_region(client: Any) -> str:
    """The region a client signs for (`fips` resolves to `us-west-1`, as botocore does).

    `client.meta.region_name` keeps a pseudo-region as given; only the signer knows the scope.
    """
    return str(client._request_signer.region_name)


@lru_cache(maxsize=64)
def signing_region(region: str) -> str:
    """The region botocore signs ElastiCache requests for when a client is made for `region`.

    botocore's client creator strips `fips-` and `-fips`, then its endpoint bridge reads the
    credential scope of pseudo-regions such as `fips`; neither step is public.
    """
    from botocore.client import ClientEndpointBridge
    from botocore.loaders import create_loader
    from botocore.regions import EndpointResolver

    normalized = region.replace("fips-", "").replace("-fips", "")
    bridge = ClientEndpointBridge(EndpointResolver(create_loader().load_data("endpoints")))
    resolve: Any = bridge.resolve  # typed as returning None in botocore-stubs
    resolved = resolve("elasticache", normalized)
    return str(resolved["signing_region"])
