"""Fresh-process probes for the asyncio and cold-start figures, run by benchmarks.run in
subprocesses (benchmarks.startup runs them, the sides interleaved).

    python -m benchmarks.coldstart cold-start SIDE ANSWERS_DIR
    python -m benchmarks.coldstart async-first-call SIDE ANSWERS_DIR WARM_CALLS
    python -m benchmarks.coldstart peak-memory SIDE ANSWERS_DIR CALLS

- cold-start: the time from before the first import to the first answer of
  DescribeCacheClusters (100 clusters): import, making the client and the first call,
  measured together; the asyncio sides also say when their imports were done. SIDE is one
  of COLD_SIDES: `boto3`, `create` (ElastiCache.create()), `capo` (capo-elasticache), and
  their asyncio counterparts `aiobotocore`, `async_create` (AsyncElastiCache.create()),
  `async_capo`.
- async-first-call: the process's first DescribeCacheClusters (100 clusters) call / its warm
  calls, SIDE `aiobotocore` or `async_create`.
- peak-memory: tracemalloc's peak over CALLS DescribeCacheClusters calls of 1000 clusters
  (the loop keeps one answer at a time, as user code does), after one untraced call (so the
  one-off work of a first call is not counted); SIDE `boto3`, `aiobotocore` or `async_create`.

Each prints one JSON line. The answers are the prepared XML files in ANSWERS_DIR, served
locally: botocore and aiobotocore sides by a `before-send` handler (botocore's serializer,
signer and parser run, as in benchmarks.wire), capo's by a zapros handler (as in
benchmarks.capo). Only json, sys, time and pathlib are loaded before the clock starts (the
asyncio sides import asyncio inside the timed part), and each side imports only what it
needs: the capo sides never load botocore, the plain sides never load elasticache_typed.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

COLD_FILE = "describe_cache_clusters_100.xml"
MEMORY_FILE = "describe_cache_clusters_1000.xml"
SYNC_COLD_SIDES = ("boto3", "create", "capo")
ASYNC_COLD_SIDES = ("aiobotocore", "async_create", "async_capo")
COLD_SIDES = SYNC_COLD_SIDES + ASYNC_COLD_SIDES
ASYNC_FIRST_CALL_SIDES = ("aiobotocore", "async_create")
MEMORY_SIDES = ("boto3", "aiobotocore", "async_create")

# The same client settings as benchmarks.wire.CLIENT_KWARGS (not imported: it loads botocore).
REGION = "us-east-1"
ACCESS_KEY = "AKIDBENCHMARKFAKE"
SECRET_KEY = "benchmark-fake-secret"
REQUEST_ID = "5b2c1c7e-8f0e-4d4a-9a8e-0c1d2e3f4a5b"
CLIENT_KWARGS: dict[str, Any] = {
    "region_name": REGION,
    "aws_access_key_id": ACCESS_KEY,
    "aws_secret_access_key": SECRET_KEY,
}


class Counter:
    requests = 0


def _headers(body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "text/xml",
        "Content-Length": str(len(body)),
        "x-amzn-RequestId": REQUEST_ID,
    }


def _attach_sync_wire(client: Any, body: bytes, counter: Counter) -> None:
    """A before-send handler giving botocore a new AWSResponse over `body` (benchmarks.wire)."""
    from botocore.awsrequest import AWSResponse

    from benchmarks.wire import _RawBody  # pyright: ignore[reportPrivateUsage]

    def handler(request: Any, **_: Any) -> Any:
        counter.requests += 1
        headers: Any = _headers(body)
        return AWSResponse(request.url, 200, headers, _RawBody(body))

    client.meta.events.register("before-send.elasticache", handler)


def _attach_async_wire(client: Any, body: bytes, counter: Counter) -> None:
    """A before-send handler giving aiobotocore a new AioAWSResponse over `body`."""
    from aiobotocore.awsrequest import AioAWSResponse

    class _Raw:
        async def read(self, *_: Any) -> bytes:
            return body

    def handler(request: Any, **_: Any) -> Any:
        counter.requests += 1
        headers: Any = _headers(body)
        return AioAWSResponse(request.url, 200, headers, _Raw())

    client.meta.events.register("before-send.elasticache", handler)


def _capo_handler(body: bytes, counter: Counter) -> Any:
    """A zapros handler (sync and async) answering every request with `body`."""
    from zapros import Response

    class Handler:
        def handle(self, request: Any) -> Any:
            counter.requests += 1
            return Response(200, _headers(body), content=body)

        async def ahandle(self, request: Any) -> Any:
            return self.handle(request)

        def close(self) -> None:
            return None

        async def aclose(self) -> None:
            return None

        def wrap_with_middleware(self, factory: Callable[[Any], Any]) -> Any:
            return factory(self)

        def wrap_with_async_middleware(self, factory: Callable[[Any], Any]) -> Any:
            return factory(self)

    return Handler()


def _capo_credentials() -> Any:
    from capo_elasticache import Credentials

    return Credentials(access_key=ACCESS_KEY, secret_key=SECRET_KEY)


# -- cold start -----------------------------------------------------------------------------


def _sync_cold(side: str, body: bytes, counter: Counter) -> object:
    if side == "boto3":
        import boto3

        client = boto3.client("elasticache", **CLIENT_KWARGS)
        _attach_sync_wire(client, body, counter)
        return client.describe_cache_clusters(ShowCacheNodeInfo=True)
    if side == "create":
        from elasticache_typed import ElastiCache

        cache = ElastiCache.create(**CLIENT_KWARGS)
        _attach_sync_wire(cache.client, body, counter)
        return cache.describe_cache_clusters(show_cache_node_info=True)
    if side == "capo":
        from capo_elasticache import ElastiCacheClient

        capo = ElastiCacheClient(
            http_handler=_capo_handler(body, counter),
            region=REGION,
            credentials=_capo_credentials(),
        )
        return capo.describe_cache_clusters(show_cache_node_info=True)
    raise SystemExit(f"unknown side {side!r}; one of {COLD_SIDES}")


async def _async_cold(side: str, body: bytes, counter: Counter, marks: dict[str, float]) -> object:
    """The first answer of `side`; `marks["imported"]` is when its imports were done."""
    if side == "aiobotocore":
        from aiobotocore.session import get_session

        marks["imported"] = time.perf_counter()
        async with get_session().create_client("elasticache", **CLIENT_KWARGS) as client:
            _attach_async_wire(client, body, counter)
            return await client.describe_cache_clusters(ShowCacheNodeInfo=True)
    if side == "async_create":
        from elasticache_typed import AsyncElastiCache

        marks["imported"] = time.perf_counter()
        async with AsyncElastiCache.create(**CLIENT_KWARGS) as cache:
            _attach_async_wire(cache.client, body, counter)
            return await cache.describe_cache_clusters(show_cache_node_info=True)
    if side == "async_capo":
        from capo_elasticache import AsyncElastiCacheClient

        marks["imported"] = time.perf_counter()
        capo = AsyncElastiCacheClient(
            http_handler=_capo_handler(body, counter),
            region=REGION,
            credentials=_capo_credentials(),
        )
        return await capo.describe_cache_clusters(show_cache_node_info=True)
    raise SystemExit(f"unknown side {side!r}; one of {COLD_SIDES}")


def cold_start(side: str, answers_dir: Path) -> dict[str, float]:
    body = (answers_dir / COLD_FILE).read_bytes()
    counter = Counter()
    marks: dict[str, float] = {}
    started = time.perf_counter()
    if side in ASYNC_COLD_SIDES:
        import asyncio  # timed: an asyncio program pays for it

        answer = asyncio.run(_async_cold(side, body, counter, marks))
    else:
        answer = _sync_cold(side, body, counter)
    elapsed = time.perf_counter() - started
    stages = {}
    if "imported" in marks:  # the asyncio sides: the imports, then the client and first call
        stages = {"imports_s": marks["imported"] - started}
        stages["client_and_call_s"] = elapsed - stages["imports_s"]
    return {
        "first_answer_s": elapsed,
        **stages,
        "requests": float(counter.requests),
        "clusters": _cluster_count(answer),
        # What the side loaded: the capo sides no botocore, the plain sides no elasticache_typed.
        "loaded_botocore": float("botocore" in sys.modules),
        "loaded_typed": float("elasticache_typed" in sys.modules),
    }


def _cluster_count(answer: object) -> float:
    """How many clusters the answer holds (a check that the whole answer was read)."""
    found: Any
    if isinstance(answer, dict):
        keys = cast("dict[str, Any]", answer)
        found = keys.get("CacheClusters", keys.get("cache_clusters"))
    else:
        found = getattr(answer, "cache_clusters", None)
    return float(len(cast("list[object]", found or [])))


# -- asyncio first call ---------------------------------------------------------------------


async def _timed(call: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await call()
    return time.perf_counter() - started


async def _async_first_call(side: str, body: bytes, warm_calls: int) -> dict[str, float]:
    counter = Counter()
    started = time.perf_counter()
    if side == "aiobotocore":
        from aiobotocore.session import get_session

        async with get_session().create_client("elasticache", **CLIENT_KWARGS) as client:
            _attach_async_wire(client, body, counter)
            made = time.perf_counter()

            async def plain() -> object:
                return await client.describe_cache_clusters(ShowCacheNodeInfo=True)

            first = await _timed(plain)
            warm = [await _timed(plain) for _ in range(warm_calls)]
    elif side == "async_create":
        from elasticache_typed import AsyncElastiCache

        async with AsyncElastiCache.create(**CLIENT_KWARGS) as cache:
            _attach_async_wire(cache.client, body, counter)
            made = time.perf_counter()

            async def typed() -> object:
                return await cache.describe_cache_clusters(show_cache_node_info=True)

            first = await _timed(typed)
            warm = [await _timed(typed) for _ in range(warm_calls)]
    else:
        raise SystemExit(f"unknown side {side!r}; one of {ASYNC_FIRST_CALL_SIDES}")
    import statistics

    return {
        "setup_s": made - started,
        "first_s": first,
        "warm_s": statistics.median(warm),
        "requests": float(counter.requests),
    }


def async_first_call(side: str, answers_dir: Path, warm_calls: int) -> dict[str, float]:
    import asyncio

    body = (answers_dir / COLD_FILE).read_bytes()
    return asyncio.run(_async_first_call(side, body, warm_calls))


# -- peak memory ----------------------------------------------------------------------------


def _traced_peak(calls: int, call: Callable[[], object]) -> int:
    import gc
    import tracemalloc

    call()  # untraced: the one-off work of a first call
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        answer: object = None
        for _ in range(calls):
            answer = call()
        del answer
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - base


async def _async_traced_peak(calls: int, call: Callable[[], Awaitable[object]]) -> int:
    import gc
    import tracemalloc

    await call()
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        answer: object = None
        for _ in range(calls):
            answer = await call()
        del answer
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - base


async def _async_peak(side: str, body: bytes, calls: int, counter: Counter) -> int:
    if side == "aiobotocore":
        from aiobotocore.session import get_session

        async with get_session().create_client("elasticache", **CLIENT_KWARGS) as client:
            _attach_async_wire(client, body, counter)
            return await _async_traced_peak(
                calls, lambda: client.describe_cache_clusters(ShowCacheNodeInfo=True)
            )
    from elasticache_typed import AsyncElastiCache

    async with AsyncElastiCache.create(**CLIENT_KWARGS) as cache:
        _attach_async_wire(cache.client, body, counter)
        return await _async_traced_peak(
            calls, lambda: cache.describe_cache_clusters(show_cache_node_info=True)
        )


def peak_memory(side: str, answers_dir: Path, calls: int) -> dict[str, float]:
    import resource

    body = (answers_dir / MEMORY_FILE).read_bytes()
    counter = Counter()
    if side == "boto3":
        import boto3

        client = boto3.client("elasticache", **CLIENT_KWARGS)
        _attach_sync_wire(client, body, counter)
        peak = _traced_peak(calls, lambda: client.describe_cache_clusters(ShowCacheNodeInfo=True))
    elif side in ("aiobotocore", "async_create"):
        import asyncio

        peak = asyncio.run(_async_peak(side, body, calls, counter))
    else:
        raise SystemExit(f"unknown side {side!r}; one of {MEMORY_SIDES}")
    return {
        "peak_bytes": float(peak),
        "max_rss_kb": float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "requests": float(counter.requests),
    }


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "cold-start":
        print(json.dumps(cold_start(argv[1], Path(argv[2]))))
        return 0
    if len(argv) == 4 and argv[0] == "async-first-call":
        print(json.dumps(async_first_call(argv[1], Path(argv[2]), int(argv[3]))))
        return 0
    if len(argv) == 4 and argv[0] == "peak-memory":
        print(json.dumps(peak_memory(argv[1], Path(argv[2]), int(argv[3]))))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
