"""Which cache clusters a facade described with their nodes (`show_cache_node_info=True`).

A `shapes.CacheCluster` without `cache_nodes` cannot say whether its nodes were asked for:
the service always answers them when asked, but local stand-ins (moto) do not. So the facade
remembers the clusters of such calls, by identity and weakly (nothing is kept alive), and
`connection_settings` advises asking for the nodes only for the others.

The weak references carry no callback: a callback per cluster (a partial each) cost a
1000-cluster answer about 7% of its read, mostly in collector passes over those partials.
References to clusters that died are dropped instead in one sweep whenever the table has
doubled since the last one, so it stays within twice the clusters alive (and 1024).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

_DESCRIBE = "DescribeCacheClusters"
_SMALLEST_SWEEP = 1024
_described: dict[int, weakref.ref[Any]] = {}
_lock = threading.Lock()
_sweep_at = _SMALLEST_SWEEP


def nodes_asked(operation: str, params: Mapping[str, Any]) -> bool:
    """Whether a call of `operation` with boto3's `params` asks for the clusters' nodes."""
    return operation == _DESCRIBE and params.get("ShowCacheNodeInfo") is True


def remember(clusters: Iterable[object]) -> None:
    """Note these clusters as described with their nodes, for as long as they live."""
    global _sweep_at
    ref = weakref.ref
    with _lock:
        described = _described
        for cluster in clusters:
            described[id(cluster)] = ref(cluster)
        if len(described) >= _sweep_at:
            for key in [key for key, known in described.items() if known() is None]:
                del described[key]
            _sweep_at = max(_SMALLEST_SWEEP, 2 * len(described))


def remember_answer(result: object) -> None:
    """Note the clusters of a DescribeCacheClusters result asked with their nodes."""
    remember(getattr(result, "cache_clusters", None) or ())


def described_with_nodes(cluster: object) -> bool:
    """Whether a facade call described this very cluster with its nodes."""
    known = _described.get(id(cluster))
    return known is not None and known() is cluster
