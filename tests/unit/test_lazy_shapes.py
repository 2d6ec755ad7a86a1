"""Shape classes are built on first use, yet behave as if defined at import.

Each check runs in a fresh interpreter, where no class has been built yet.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECKS = {
    "import builds no class and imports no attrs": (
        "import sys, elasticache_typed\n"
        "from elasticache_typed._generated import shapes\n"
        "assert 'attrs' not in sys.modules\n"
        "assert not any(isinstance(vars(shapes).get(name), type) for name in shapes.__all__)\n"
    ),
    "type hints resolve on a first-built class": (
        "import typing\n"
        "from elasticache_typed import shapes\n"
        "hints = typing.get_type_hints(shapes.CacheCluster)\n"
        "assert hints['cache_nodes'] == list[shapes.CacheNode] | None\n"
    ),
    "attrs and a plain cattrs converter see real types": (
        "import attrs, cattrs\n"
        "from elasticache_typed import shapes\n"
        "attrs.resolve_types(shapes.Snapshot)\n"
        "value = cattrs.Converter().structure({'node_snapshots': [{'cache_size': '1'}]},"
        " shapes.Snapshot)\n"
        "assert value.node_snapshots[0].cache_size == '1'\n"
    ),
    "the public module is where classes say they live": (
        "import pickle, elasticache_typed.shapes as public\n"
        "from elasticache_typed import shapes\n"
        "assert public is shapes and shapes.Tag.__module__ == 'elasticache_typed.shapes'\n"
        "tag = shapes.Tag(key='k', value='v')\n"
        "assert pickle.loads(pickle.dumps(tag)) == tag\n"
        "assert repr(tag) == \"Tag(key='k', value='v')\"\n"
    ),
    "threads share one class": (
        "import threading\n"
        "from elasticache_typed import shapes\n"
        "seen = []\n"
        "barrier = threading.Barrier(8)\n"
        "def get():\n"
        "    barrier.wait()\n"
        "    seen.append(shapes.ReplicationGroup)\n"
        "threads = [threading.Thread(target=get) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert len(seen) == 8 and len({id(c) for c in seen}) == 1\n"
    ),
    "an unknown name is an AttributeError": (
        "from elasticache_typed import shapes\n"
        "try:\n"
        "    shapes.NoSuchShape\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('no error')\n"
    ),
}


@pytest.mark.parametrize("source", CHECKS.values(), ids=CHECKS.keys())
def test_in_a_fresh_interpreter(source: str) -> None:
    result = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
