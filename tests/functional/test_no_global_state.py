"""The library never changes process-wide state: not the garbage collector, not logging's
levels or handlers. Its one addition is the secret filter on botocore's loggers.

- Every kind of facade makes calls, pages, waits and fails with the gc module's switches
  replaced by counters: none is touched.
- Threads against moto's server: one thread toggles gc the way `timeit` does (save, disable,
  restore) while others make calls; another keeps gc disabled while calls run. gc ends as
  each thread left it.
- Logging: every logger's level, handlers, propagation and filters are as before, but for
  the secret filter on botocore's loggers.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

import pytest

from elasticache_typed import ElastiCache, converter, errors, shapes
from elasticache_typed._secrets import log_filter
from tests.support.facade_kinds import KINDS, call
from tests.support.query_xml import result_xml
from tests.support.scripted_server import ScriptedServer

pytestmark = pytest.mark.usefixtures("local_only")

GC_SWITCHES = ("disable", "enable", "set_threshold", "freeze", "unfreeze", "collect", "set_debug")
CLUSTERS = {
    "CacheClusters": [
        {"CacheClusterId": f"c-{i}", "CacheClusterStatus": "available", "NumCacheNodes": 1}
        for i in range(30)
    ]
}


@pytest.fixture
def gc_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Calls of gc's switches, counted instead of made."""
    made: list[str] = []
    for name in GC_SWITCHES:
        monkeypatch.setattr(gc, name, lambda *_, _name=name, **__: made.append(_name))
    return made


def _everything(cache: Any) -> Any:
    """A call, a paginator, a waiter and a failing call, on either facade."""
    if isinstance(cache, ElastiCache):
        cache.describe_cache_clusters()
        list(cache.paginate_describe_cache_clusters(page_size=20))
        cache.wait_until_cache_cluster_available(cache_cluster_id="c-1", delay=1)
        with pytest.raises(errors.CacheClusterNotFoundFault):
            cache.describe_cache_clusters(cache_cluster_id="gone")
        return None

    async def run() -> None:
        await cache.describe_cache_clusters()
        [c async for c in cache.paginate_describe_cache_clusters(page_size=20)]
        await cache.wait_until_cache_cluster_available(cache_cluster_id="c-1", delay=1)
        with pytest.raises(errors.CacheClusterNotFoundFault):
            await cache.describe_cache_clusters(cache_cluster_id="gone")

    return run()


@pytest.mark.parametrize("kind", KINDS)
def test_gc_is_never_touched(kind: str, server: ScriptedServer, gc_calls: list[str]) -> None:
    for _ in range(3):
        server.add(200, result_xml("DescribeCacheClusters", CLUSTERS))
    server.add_error("CacheClusterNotFound", "gone", status=404)

    call(kind, server.url, _everything)
    typed = converter.structure(CLUSTERS, shapes.CacheClusterMessage)
    assert converter.unstructure(typed) == CLUSTERS

    assert server.pending == 0
    assert gc_calls == []


def _calls_in_threads(moto_url: str, threads: int, calls: int, beside: Callable[[], None]) -> None:
    """`threads` threads making `calls` calls each on one facade, while `beside` runs."""
    cache = ElastiCache.create(endpoint_url=moto_url, region_name="us-east-1")
    cache.create_cache_cluster(
        cache_cluster_id="c-1", engine="redis", cache_node_type="cache.t4g.micro", num_cache_nodes=1
    )
    done = threading.Event()

    def work() -> None:
        for _ in range(calls):
            assert cache.describe_cache_clusters().cache_clusters

    workers = [threading.Thread(target=work) for _ in range(threads)]
    other = threading.Thread(target=lambda: [beside() for _ in iter(done.is_set, True)])
    other.start()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    done.set()
    other.join(timeout=30)


def test_a_timeit_style_toggle_in_another_thread_leaves_gc_enabled(moto_url: str) -> None:
    assert gc.isenabled()

    def timeit_style() -> None:
        enabled = gc.isenabled()
        gc.disable()
        try:
            sum(range(1000))
        finally:
            if enabled:
                gc.enable()

    _calls_in_threads(moto_url, threads=4, calls=25, beside=timeit_style)
    assert gc.isenabled()


def test_gc_kept_disabled_by_the_caller_stays_disabled(moto_url: str) -> None:
    seen: list[bool] = []
    gc.disable()
    try:
        _calls_in_threads(moto_url, threads=4, calls=25, beside=lambda: seen.append(gc.isenabled()))
        assert not gc.isenabled()
        assert seen and not any(seen)
    finally:
        gc.enable()


def _logging_state() -> dict[str, tuple[Any, ...]]:
    loggers = {"": logging.getLogger()}
    loggers.update(
        (name, logger)
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    )
    ours = log_filter.install()
    return {
        name: (
            logger.level,
            tuple(logger.handlers),
            logger.propagate,
            logger.disabled,
            tuple(f for f in logger.filters if f is not ours),
        )
        for name, logger in loggers.items()
    }


@pytest.mark.parametrize("kind", KINDS)
def test_logging_is_left_as_it_was(kind: str, server: ScriptedServer) -> None:
    before = _logging_state()
    for _ in range(3):
        server.add(200, result_xml("DescribeCacheClusters", CLUSTERS))
    server.add_error("CacheClusterNotFound", "gone", status=404)

    call(kind, server.url, _everything)

    after = _logging_state()
    assert {name: after[name] for name in before} == before
    assert logging.getLogger("botocore").filters.count(log_filter.install()) == 1
