"""jedi, the completion engine of many editors (and of IPython), completes the facades made
by `create()`: it follows `create`'s return type to the class it is called on.

Each case completes after `cache.` in a small module, as an editor would at the cursor.
"""

from __future__ import annotations

from pathlib import Path

import jedi
import pytest

from elasticache_typed import AsyncElastiCache, ElastiCache

ROOT = Path(__file__).resolve().parents[2]

SYNC = """\
from elasticache_typed import ElastiCache

cache = ElastiCache.create(region_name="eu-west-1")
cache."""

ASYNC = """\
from elasticache_typed import AsyncElastiCache


async def main() -> None:
    async with AsyncElastiCache.create(region_name="eu-west-1") as cache:
        cache."""

RESULT = """\
from elasticache_typed import ElastiCache

cache = ElastiCache.create(region_name="eu-west-1")
snapshot = cache.create_snapshot(snapshot_name="nightly", cache_cluster_id="sessions").snapshot
assert snapshot is not None
snapshot."""


def completions(source: str) -> list[str]:
    """The names jedi offers at the end of `source`, in its order."""
    lines = source.splitlines()
    script = jedi.Script(
        source,
        path=ROOT / "editor_buffer.py",
        project=jedi.Project(ROOT),
        environment=jedi.InterpreterEnvironment(),
    )
    return [c.name for c in script.complete(len(lines), len(lines[-1]))]


def public_names(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


@pytest.mark.parametrize(
    ("source", "facade"), [(SYNC, ElastiCache), (ASYNC, AsyncElastiCache)], ids=["sync", "async"]
)
def test_create_completes_every_public_method_before_any_private_name(
    source: str, facade: type
) -> None:
    names = completions(source)
    assert {"create_snapshot", "describe_cache_clusters", "copy_snapshot"} <= set(names)
    assert public_names(facade) <= set(names)
    private = [i for i, name in enumerate(names) if name.startswith("_")]
    public = [i for i, name in enumerate(names) if not name.startswith("_")]
    assert private and max(public) < min(private)


def test_a_results_members_complete() -> None:
    names = completions(RESULT)
    assert {"snapshot_name", "node_snapshots", "cache_cluster_id"} <= set(names)
