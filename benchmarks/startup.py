"""Start-up figures, measured in fresh interpreters: the time of importing `ElastiCache` vs
`import boto3`, and the first call of a process vs its warm calls (benchmarks.fresh).

The import figure is CPU time (`time.process_time` around the import statement, in the fresh
interpreter): on a shared machine the wall time of a 100 ms import also holds the time the
process waited for a core, which made the +ms over boto3 swing from 11 to 30 between quiet and
busy runs; CPU time counts only the import's own work. The two imports alternate in each run
and the report takes the median of the per-run differences; the wall time is kept beside it
(`in_process_wall_s`) and so is the whole process's (`process_s`).

Python here may run with PYTHONDONTWRITEBYTECODE=1, so nothing would be byte-compiled and every
fresh interpreter would compile the package's source again. `prepare()` byte-compiles the
package (and this benchmark package), and the measured interpreters run without that variable,
after untimed warm-up runs, so the figures are about importing, not compiling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.fresh import SIDES

ROOT = Path(__file__).resolve().parents[1]
IMPORT_MODULES = ("boto3", "elasticache_typed")
_IMPORT_STATEMENTS = {
    "boto3": "import boto3",
    # What a user of the blocking facade imports: `import elasticache_typed` alone loads boto3
    # only when `ElastiCache` is first used (the asyncio facade never needs it).
    "elasticache_typed": "from elasticache_typed import ElastiCache",
}
_IMPORT_CODE = (
    "import time; wall, cpu = time.perf_counter(), time.process_time(); {statement}; "
    "print(time.process_time() - cpu, time.perf_counter() - wall)"
)


def fresh_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def prepare() -> None:
    """Byte-compile elasticache_typed and the benchmarks, then import each measured module
    once in an untimed fresh interpreter (which writes any .pyc still missing)."""
    import elasticache_typed

    package_dir = Path(elasticache_typed.__file__).resolve().parent
    for directory in (package_dir, ROOT / "benchmarks"):
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(directory)],
            check=True,
            env=fresh_env(),
        )
    for module in IMPORT_MODULES:
        subprocess.run(
            [sys.executable, "-c", _IMPORT_STATEMENTS[module]],
            check=True,
            env=fresh_env(),
            cwd=ROOT,
        )


@dataclass
class ImportTimes:
    in_process_s: dict[str, list[float]]
    """CPU time (process_time) of the import statement, inside the fresh interpreter."""
    in_process_wall_s: dict[str, list[float]]
    """perf_counter around the same import statement."""
    process_s: dict[str, list[float]]
    """Wall time of the whole `python -c "import X"` process, start-up included."""


def time_imports(runs: int) -> ImportTimes:
    in_process: dict[str, list[float]] = {module: [] for module in IMPORT_MODULES}
    in_process_wall: dict[str, list[float]] = {module: [] for module in IMPORT_MODULES}
    process: dict[str, list[float]] = {module: [] for module in IMPORT_MODULES}
    env = fresh_env()
    for number in range(runs):
        order = IMPORT_MODULES if number % 2 == 0 else IMPORT_MODULES[::-1]
        for module in order:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", _IMPORT_CODE.format(statement=_IMPORT_STATEMENTS[module])],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            )
            process[module].append(time.perf_counter() - started)
            cpu_s, wall_s = done.stdout.split()
            in_process[module].append(float(cpu_s))
            in_process_wall[module].append(float(wall_s))
    return ImportTimes(in_process, in_process_wall, process)


def time_first_calls(
    answers_dir: Path, runs: int, warm_calls: int
) -> dict[str, list[dict[str, float]]]:
    """`runs` fresh processes per side (benchmarks.fresh), the sides alternating."""
    results: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
    env = fresh_env()
    for number in range(runs):
        shift = number % len(SIDES)
        for side in SIDES[shift:] + SIDES[:shift]:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.fresh",
                    "first-call",
                    side,
                    str(answers_dir),
                    str(warm_calls),
                ],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            )
            results[side].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def time_probes(
    command: str, sides: Sequence[str], arguments: Sequence[str], runs: int
) -> dict[str, list[dict[str, float]]]:
    """`runs` fresh processes per side of a benchmarks.coldstart probe, the sides
    interleaved (the order rotates, and reverses every other round). Each result also holds
    `process_s`, the wall time of the whole process, interpreter start-up included."""
    results: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    env = fresh_env()
    for number in range(runs):
        shift = (number // 2) % len(sides)
        order = list(sides[shift:]) + list(sides[:shift])
        for side in order if number % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.coldstart", command, side, *arguments],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            )
            result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
            result["process_s"] = time.perf_counter() - started
            results[side].append(result)
    return results
