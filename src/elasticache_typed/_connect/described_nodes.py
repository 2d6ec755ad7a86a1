"""Which cache clusters a facade described with their nodes (`show_cache_node_info=True`).

A `shapes.CacheCluster` without `cache_nodes` cannot say whether its nodes were asked for:
the service always answers them when asked, but local stand-ins (moto) do not. So the facade
remembers the clusters of such calls, by identity and weakly (nothing is kept alive), and
`connection_settings` advises asking for the nodes only for the others.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

_DESCRIBE = "DescribeCacheClusters"
_described: dict[int, weakref.ref[Any]] = {}


def nodes_asked(operation: str, params: Mapping[str, Any]) -> bool:
    """Whether a call of `operation` with boto3's `params` asks for the clusters' nodes."""
    return operation == _DESCRIBE and params.get("ShowCacheNodeInfo") is True


def remember(clusters: Iterable[object]) -> None:
    """Note these clusters as described with their nodes, for as long as they live."""
    for cluster in clusters:
        key = id(cluster)
        _described[key] = weakref.ref(cluster, functools.partial(_forget, key))


def _forget(key: int, _: object) -> None:
    _described.pop(key, None)


def remember_answer(result: object) -> None:
    """Note the clusters of a DescribeCacheClusters result asked with their nodes."""
    remember(getattr(result, "cache_clusters", None) or ())


def described_with_nodes(cluster: object) -> bool:
    """Whether a facade call described this very cluster with its nodes."""
    known = _described.get(id(cluster))
    return known is not None and known() is cluster
