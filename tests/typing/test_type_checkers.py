"""Both type checkers are clean on the downstream module and flag every misuse case.

Each file in misuse/ holds one mistake a user could make, on the line marked
`# expect-error`; the test fails if mypy or pyright stops reporting it there, or reports
an error on any other line.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MISUSE = sorted((HERE / "misuse").glob("*.py"))
DOWNSTREAM = HERE / "downstream_app.py"
MARK = "# expect-error"


def _expected_line(path: Path) -> int:
    lines = path.read_text().splitlines()
    (line,) = [number for number, text in enumerate(lines, start=1) if MARK in text]
    return line


def _mypy_errors(paths: list[Path]) -> dict[str, set[int]]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    found: dict[str, set[int]] = defaultdict(set)
    for match in re.finditer(r"^(.+?\.py):(\d+): error:", result.stdout, re.MULTILINE):
        found[Path(match[1]).resolve().name].add(int(match[2]))
    return found


def _pyright_errors(paths: list[Path]) -> dict[str, set[int]]:
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    found: dict[str, set[int]] = defaultdict(set)
    for diagnostic in json.loads(result.stdout)["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1
            found[Path(diagnostic["file"]).name].add(line)
    return found


@pytest.fixture(scope="module")
def mypy_errors() -> dict[str, set[int]]:
    return _mypy_errors([*MISUSE, DOWNSTREAM])


@pytest.fixture(scope="module")
def pyright_errors() -> dict[str, set[int]]:
    return _pyright_errors([*MISUSE, DOWNSTREAM])


def test_there_are_misuse_cases() -> None:
    assert len(MISUSE) >= 10


@pytest.mark.parametrize("path", MISUSE, ids=lambda p: p.stem)
def test_mypy_flags_the_mistake(path: Path, mypy_errors: dict[str, set[int]]) -> None:
    assert mypy_errors[path.name] == {_expected_line(path)}


@pytest.mark.parametrize("path", MISUSE, ids=lambda p: p.stem)
def test_pyright_flags_the_mistake(path: Path, pyright_errors: dict[str, set[int]]) -> None:
    assert pyright_errors[path.name] == {_expected_line(path)}


def test_downstream_module_is_clean(
    mypy_errors: dict[str, set[int]], pyright_errors: dict[str, set[int]]
) -> None:
    assert DOWNSTREAM.name not in mypy_errors
    assert DOWNSTREAM.name not in pyright_errors
