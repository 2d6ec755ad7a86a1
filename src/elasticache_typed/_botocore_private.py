"""Every use of a private botocore or aiobotocore name, each with why no public one serves.

`tests/unit/test_botocore_private.py` checks that each name still exists and behaves as
assumed; CI runs it at the lowest and the newest botocore the package accepts. Nothing else
in the package reaches into botocore's private parts.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from types import FrameType, FunctionType
from typing import TYPE_CHECKING, Any, cast

from botocore.hooks import HierarchicalEmitter, NodeList
from botocore.loaders import Loader

if TYPE_CHECKING:

    class _PrefixTrie:
        """botocore's handler trie (`botocore.hooks._PrefixTrie`), which the stubs leave out."""

        _root: dict[str, Any]

        def prefix_search(self, key: str) -> Any: ...
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
