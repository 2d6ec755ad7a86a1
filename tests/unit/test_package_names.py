"""The package's own names: `__version__`, and `dir()` listing the public names only."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import elasticache_typed

PUBLIC = {"AsyncElastiCache", "ElastiCache", "converter", "connection_settings", "shapes"}


def test_version_is_the_installed_distributions() -> None:
    assert elasticache_typed.__version__ == importlib.metadata.version("elasticache-typed")


def test_dir_lists_public_names_only() -> None:
    listed = dir(elasticache_typed)
    assert PUBLIC <= set(listed)
    assert "__version__" in listed
    assert set(elasticache_typed.__all__) <= set(listed)
    hidden = [name for name in listed if name.startswith("_") and name != "__version__"]
    assert hidden == []
    assert "TYPE_CHECKING" not in listed
    assert listed == sorted(listed)


def test_every_listed_name_resolves() -> None:
    for name in dir(elasticache_typed):
        assert getattr(elasticache_typed, name) is not None


def test_version_is_not_read_at_import() -> None:
    # Reading the distribution's metadata touches the disk: only on first use.
    code = (
        "import elasticache_typed; "
        "print('__version__' in vars(elasticache_typed)); "
        "elasticache_typed.__version__; "
        "print('__version__' in vars(elasticache_typed))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True"]
