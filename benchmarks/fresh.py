"""Measurements that need a fresh interpreter, run by benchmarks.run in subprocesses.

    python -m benchmarks.fresh first-call SIDE ANSWERS_DIR WARM_CALLS

SIDE is `boto3` (a default plain client), `typed` (`ElastiCache(client)` over a default
client) or `create` (`ElastiCache.create(...)`). The probe imports what its side needs, makes
the client with the fake transport, then times the process's FIRST DescribeCacheClusters call
(100 clusters), then WARM_CALLS more, then the first and WARM_CALLS more CreateSnapshot calls
(the first call of a second operation in a warm process). It prints one JSON line.

Nothing is imported at module level beyond the standard library, so the plain side never
loads elasticache_typed.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

DESCRIBE_FILE = "describe_cache_clusters_100.xml"
SNAPSHOT_FILE = "create_snapshot.xml"
SIDES = ("boto3", "typed", "create")


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def first_call(side: str, answers_dir: Path, warm_calls: int) -> dict[str, float]:
    describe_body = (answers_dir / DESCRIBE_FILE).read_bytes()
    snapshot_body = (answers_dir / SNAPSHOT_FILE).read_bytes()
    started = time.perf_counter()

    import boto3

    from benchmarks import cases
    from benchmarks.wire import CLIENT_KWARGS, FakeWire

    describe: Callable[[], object]
    snapshot: Callable[[], object]
    if side == "boto3":
        client = boto3.client("elasticache", **CLIENT_KWARGS)
        wire = FakeWire.attach(client, describe_body)
        made = time.perf_counter()

        def describe() -> object:
            return cases.plain_describe_cache_clusters(client)

        def snapshot() -> object:
            return cases.plain_create_snapshot(client)

    else:
        from elasticache_typed import ElastiCache

        if side == "typed":
            cache = ElastiCache(boto3.client("elasticache", **CLIENT_KWARGS))
        elif side == "create":
            cache = ElastiCache.create(**CLIENT_KWARGS)
        else:
            raise SystemExit(f"unknown side {side!r}; one of {SIDES}")
        wire = FakeWire.attach(cache.client, describe_body)
        made = time.perf_counter()

        def describe() -> object:
            return cases.typed_describe_cache_clusters(cache)

        def snapshot() -> object:
            return cases.typed_create_snapshot(cache)

    first = _timed(describe)
    warm = statistics.median([_timed(describe) for _ in range(warm_calls)])
    wire.body = snapshot_body
    snapshot_first = _timed(snapshot)
    snapshot_warm = statistics.median([_timed(snapshot) for _ in range(warm_calls)])
    return {
        "setup_s": made - started,
        "first_s": first,
        "warm_s": warm,
        "snapshot_first_s": snapshot_first,
        "snapshot_warm_s": snapshot_warm,
        "requests": float(wire.requests),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] != "first-call":
        print(__doc__, file=sys.stderr)
        return 2
    _, side, answers_dir, warm_calls = argv
    print(json.dumps(first_call(side, Path(answers_dir), int(warm_calls))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
