"""Every use of a private botocore or aiobotocore name, each with its reason.

tests/unit/test_botocore_private.py checks that each name still exists and means what this
module relies on, section by section.
"""

from __future__ import annotations

from typing import Any

from botocore.hooks import HierarchicalEmitter, NodeList
from botocore.loaders import Loader

# Client creation
#
# `create()` makes a new botocore Session for each client without re-reading botocore's JSON
# (service model, endpoints, partitions, defaults) and without registering botocore's 600-odd
# built-in handlers again: `Loader._cache` (the dict behind `@instance_cache`) is shared by the
# loaders of those sessions, and the sessions' event emitters copy their handler trie
# (`HierarchicalEmitter._handlers`, a `_PrefixTrie` of dict nodes whose values are
# `NodeList`s; `_unique_id_handlers`) without `copy.copy` on every node. The copy has the
# same nodes, lists and handlers as botocore's own `__copy__`.


def share_loader_cache(loader: Loader, cache: dict[Any, Any]) -> Loader:
    """Make `loader` keep what it reads in `cache` (shared by loaders of the same paths)."""
    loader._cache = cache  # type: ignore[attr-defined]
    return loader


def _copy_node(node: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = {}
    for key, value in node.items():
        if isinstance(value, NodeList):
            lists: Any = value
            copied[key] = NodeList(lists.first[:], lists.middle[:], lists.last[:])
        elif isinstance(value, dict):
            children: dict[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
            copied[key] = _copy_node(children)
        else:
            copied[key] = value
    return copied


def copy_emitter(emitter: HierarchicalEmitter) -> HierarchicalEmitter:
    """A copy of `emitter` as botocore's `HierarchicalEmitter.__copy__` makes it, quicker."""
    private: Any = emitter  # `_handlers` and `_unique_id_handlers` are not in the stubs
    new = type(emitter).__new__(type(emitter))
    state = emitter.__dict__.copy()
    handlers: Any = private._handlers
    trie_class: type[object] = type(handlers)  # pyright: ignore[reportUnknownVariableType]
    trie: Any = object.__new__(trie_class)
    trie.__dict__ = _copy_node(handlers.__dict__)
    state["_handlers"] = trie
    unique_ids: dict[str, Any] = private._unique_id_handlers
    state["_unique_id_handlers"] = unique_ids.copy()
    new.__dict__ = state
    return new
