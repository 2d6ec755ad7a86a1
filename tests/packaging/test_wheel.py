"""`pip wheel .` builds a wheel that installs and imports in a fresh venv."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import elasticache_typed

ROOT = Path(__file__).resolve().parents[2]

# Without the `async` extra: the package works, AsyncElastiCache says what to install.
ASYNC_CHECK = (
    "import importlib.util, elasticache_typed as e\n"
    "assert importlib.util.find_spec('aiobotocore') is None\n"
    "try:\n    e.AsyncElastiCache\n"
    "except ImportError as exc:\n    print(exc)\n"
)

IMPORT_CHECK = (
    "import importlib.util, elasticache_typed as e;"
    "print(e.GENERATED_FROM_BOTOCORE, e.ElastiCache.__name__, e.shapes.Snapshot.__name__,"
    " importlib.util.find_spec('moto') is None)"
)


def _run(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_wheel_installs_and_imports_in_a_fresh_venv(tmp_path: Path) -> None:
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", ROOT)
    (wheel,) = (tmp_path / "dist").glob("elasticache_typed-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "elasticache_typed/py.typed" in names
    assert "elasticache_typed/_generated/facade.py" in names
    assert not any(name.startswith(("codegen/", "tests/")) for name in names)

    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel)
    out = _run(python, "-c", IMPORT_CHECK)
    # The runtime works without moto: moto is a dev/example dependency only.
    assert out.split() == [
        elasticache_typed.GENERATED_FROM_BOTOCORE,
        "ElastiCache",
        "Snapshot",
        "True",
    ]
    assert "pip install 'elasticache-typed[async]'" in _run(python, "-c", ASYNC_CHECK)
    assert "elasticache_typed/_generated/async_facade.py" in names
