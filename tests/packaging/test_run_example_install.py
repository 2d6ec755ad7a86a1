"""scripts/run-example installs what the example needs once, and again only when that changes.

The script's set-up (scripts/bootstrap-example.sh) runs in a copy of the repository's files
whose `.venv/bin/python` is a stand-in that records how it is called, so no package is
installed and the test takes well under a second.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/usr/bin/env bash
echo "$@" >> "$(dirname "$0")/calls.log"
if [ "$1" = "--version" ]; then echo "Python 3.11.99"; fi
"""


def _checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    for name in ("pyproject.toml", "constraints.txt", "scripts/bootstrap-example.sh"):
        shutil.copy(ROOT / name, repo / name)
    python = repo / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return repo


def _set_up(repo: Path) -> tuple[list[str], str]:
    """The pip calls one set-up made, and what it said."""
    log = repo / ".venv" / "bin" / "calls.log"
    log.unlink(missing_ok=True)
    done = subprocess.run(
        ["bash", "scripts/bootstrap-example.sh"], cwd=repo, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines() if log.exists() else []
    return [call for call in calls if call.startswith("-m pip")], done.stderr


def test_installs_only_the_example_extra_once_then_again_when_its_inputs_change(
    tmp_path: Path,
) -> None:
    repo = _checkout(tmp_path)

    pip_calls, said = _set_up(repo)
    assert len(pip_calls) == 1 and ".[example]" in pip_calls[0] and "dev" not in pip_calls[0]
    assert "-c constraints.txt" in pip_calls[0]
    assert "installing the project and its example extra" in said

    pip_calls, said = _set_up(repo)
    assert pip_calls == [] and "no install" in said

    with (repo / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n# a change\n")
    pip_calls, _ = _set_up(repo)
    assert len(pip_calls) == 1


def test_a_failed_install_is_tried_again(tmp_path: Path) -> None:
    repo = _checkout(tmp_path)
    python = repo / ".venv" / "bin" / "python"
    python.write_text(FAKE_PYTHON + 'if [ "$1" = "-m" ]; then exit 1; fi\n')
    failed = subprocess.run(["bash", "scripts/bootstrap-example.sh"], cwd=repo, check=False)
    assert failed.returncode != 0
    assert not (repo / ".venv" / ".example-stamp").exists()
