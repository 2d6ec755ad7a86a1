"""Type-check time: mypy and pyright on the project's downstream example module, written against
elasticache_typed (tests/typing/downstream_app.py, the module the typing tests check) vs the same
logic written against plain boto3 and aiobotocore with mypy-boto3-elasticache's and
types-aiobotocore-elasticache's client and TypedDicts (typecheck/downstream_mypy_boto3.py, which
mirrors it function by function; tests/benchmarks/test_typecheck_mirror.py checks that).

Each checker runs from the repository root (so pyproject.toml's strict settings apply) as a
fresh process, mypy with `--no-incremental` and its cache in a new temporary directory, so no
run reuses an earlier one's work. The two modules alternate, run after run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPED_MODULE = ROOT / "tests" / "typing" / "downstream_app.py"
BASELINE_MODULE = Path(__file__).resolve().parent / "typecheck" / "downstream_mypy_boto3.py"
TOOLS = ("mypy", "pyright")


@dataclass
class CheckerTimes:
    tool: str
    typed_s: list[float]
    baseline_s: list[float]
    clean: dict[str, bool]
    """Whether the checker found no error in each module (a failing check is reported)."""
    output: dict[str, str]


def _command(tool: str, module: Path, cache_dir: str) -> list[str]:
    if tool == "mypy":
        return [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            cache_dir,
            str(module),
        ]
    return [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, str(module)]


def _run(tool: str, module: Path) -> tuple[float, bool, str]:
    with tempfile.TemporaryDirectory(prefix="bench-mypy-cache-") as cache_dir:
        started = time.perf_counter()
        done = subprocess.run(
            _command(tool, module, cache_dir), cwd=ROOT, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
    return elapsed, done.returncode == 0, (done.stdout + done.stderr)[-2000:]


def time_checkers(runs: int, *, warmup: bool = True) -> list[CheckerTimes]:
    """Each checker on both modules, `runs` times each, alternating the order; with `warmup`,
    one untimed run first on the typed module (which reads everything the baseline reads,
    mypy-boto3-elasticache and types-aiobotocore-elasticache included), so the files are in
    the OS cache for both."""
    results: list[CheckerTimes] = []
    modules = {"typed": TYPED_MODULE, "baseline": BASELINE_MODULE}
    for tool in TOOLS:
        if warmup:
            _run(tool, TYPED_MODULE)
        times: dict[str, list[float]] = {"typed": [], "baseline": []}
        clean = {"typed": True, "baseline": True}
        output = {"typed": "", "baseline": ""}
        for number in range(runs):
            order = ["typed", "baseline"] if number % 2 == 0 else ["baseline", "typed"]
            for side in order:
                elapsed, ok, text = _run(tool, modules[side])
                times[side].append(elapsed)
                if not ok:
                    clean[side] = False
                    output[side] = text
        results.append(CheckerTimes(tool, times["typed"], times["baseline"], clean, output))
    return results
