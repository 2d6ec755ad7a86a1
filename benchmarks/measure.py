"""Timing, memory and value-comparison helpers shared by the benchmark sections.

Every timed figure is a ratio of two sides measured side by side in one process: the sides
run in alternating order, round after round (each round's order rotates and reverses, so
whatever drifts on the machine hits every side alike), each sample is the mean of a few calls,
and a figure is the median of the per-round ratios.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


@dataclass
class Samples:
    """Seconds per call of each side, one value per round."""

    seconds: dict[str, list[float]]
    """Wall time (time.perf_counter) per call."""
    cpu_seconds: dict[str, list[float]]
    """This process's CPU time (time.process_time) per call over the same samples: less
    disturbed by other processes on a busy machine; reported next to the wall-time figure."""
    calls_per_sample: int
    rounds: int
    calls: dict[str, int] = field(default_factory=dict[str, int])
    """How many calls each side made, warm-up included."""

    def median(self, side: str) -> float:
        return median(self.seconds[side])

    def ratios(self, numerator: str, denominator: str, *, cpu: bool = False) -> list[float]:
        """The per-round ratios numerator / denominator."""
        seconds = self.cpu_seconds if cpu else self.seconds
        pairs = zip(seconds[numerator], seconds[denominator], strict=True)
        return [a / b for a, b in pairs]

    def ratio(self, numerator: str, denominator: str, *, cpu: bool = False) -> float:
        """The median of the per-round ratios numerator / denominator."""
        return median(self.ratios(numerator, denominator, cpu=cpu))

    def spread(self, numerator: str, denominator: str) -> tuple[float, float]:
        """The quartiles (25% and 75%) of the per-round ratios: how noisy the figure is."""
        ratios = self.ratios(numerator, denominator)
        if len(ratios) < 2:
            return ratios[0], ratios[0]
        low, _, high = statistics.quantiles(ratios, n=4, method="inclusive")
        return low, high


def _orders(names: Sequence[str], rounds: int) -> list[list[str]]:
    """Side orders for each round: every rotation, forwards and backwards."""
    orders: list[list[str]] = []
    for number in range(rounds):
        shift = (number // 2) % len(names)
        order = list(names[shift:]) + list(names[:shift])
        orders.append(order if number % 2 == 0 else order[::-1])
    return orders


def interleave(
    sides: Mapping[str, Callable[[], object]],
    *,
    rounds: int,
    sample_seconds: float,
    reference: str,
    warmup: int = 2,
) -> Samples:
    """Time every side, alternating sides within each round.

    Each side is called `warmup` times first (the warm-up also does any work a library puts
    off to first use). The calls per sample are chosen once, from the `reference` side's
    warm call time, so that a sample lasts about `sample_seconds`; every side then makes the
    same number of calls per sample. Garbage is collected before each sample (not timed);
    the collector stays on while timing, as it is in user code.
    """
    calls = dict.fromkeys(sides, 0)
    for _ in range(warmup):
        for name, call in sides.items():
            call()
            calls[name] += 1
    started = time.perf_counter()
    sides[reference]()
    calls[reference] += 1
    one_call = time.perf_counter() - started
    per_sample = max(1, round(sample_seconds / max(one_call, 1e-9)))
    seconds: dict[str, list[float]] = {name: [] for name in sides}
    cpu_seconds: dict[str, list[float]] = {name: [] for name in sides}
    for order in _orders(list(sides), rounds):
        for name in order:
            call = sides[name]
            gc.collect()
            cpu_started = time.process_time()
            started = time.perf_counter()
            for _ in range(per_sample):
                call()
            elapsed = time.perf_counter() - started
            cpu_elapsed = time.process_time() - cpu_started
            seconds[name].append(elapsed / per_sample)
            cpu_seconds[name].append(max(cpu_elapsed, 1e-9) / per_sample)
            calls[name] += per_sample
    return Samples(seconds, cpu_seconds, per_sample, rounds, calls)


def retained_bytes(call: Callable[[], object], repeat: int = 1) -> int:
    """Bytes still allocated (tracemalloc) after `call()` while its result is kept.

    Run `call` once before, so one-off work (caches, generated code) is not counted. The
    smallest of `repeat` measurements is taken.
    """
    sizes: list[int] = []
    for _ in range(repeat):
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            result = call()
            gc.collect()
            after = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        sizes.append(after - before)
        del result
    return min(sizes)


def differences(expected: Any, actual: Any, path: str = "$", limit: int = 10) -> list[str]:
    """Where `actual` differs from `expected`: types must match exactly, dict keys and list
    lengths too; datetimes must both be timezone-aware and the same instant, and the actual
    one must be UTC. An empty list: the values are identical."""
    found: list[str] = []
    _compare(expected, actual, path, found, limit)
    return found


def _compare(expected: Any, actual: Any, path: str, found: list[str], limit: int) -> None:
    if len(found) >= limit:
        return
    if isinstance(expected, datetime) and isinstance(actual, datetime):
        if expected.tzinfo is None or actual.tzinfo is None:
            found.append(f"{path}: naive datetime")
        elif actual.utcoffset() != timedelta(0):
            found.append(f"{path}: not UTC ({actual.tzinfo!r})")
        elif expected != actual:
            found.append(f"{path}: {actual.isoformat()} != {expected.isoformat()}")
        return
    if type(expected) is not type(actual):
        found.append(f"{path}: {type(actual).__name__} != {type(expected).__name__}")
        return
    if isinstance(expected, dict):
        want_map = cast("dict[str, object]", expected)
        got_map = cast("dict[str, object]", actual)
        if set(want_map) != set(got_map):
            missing = sorted(set(want_map) - set(got_map))
            extra = sorted(set(got_map) - set(want_map))
            found.append(f"{path}: missing keys {missing}, extra keys {extra}")
            return
        for key, want in want_map.items():
            _compare(want, got_map[key], f"{path}.{key}", found, limit)
        return
    if isinstance(expected, list):
        want_list = cast("list[object]", expected)
        got_list = cast("list[object]", actual)
        if len(want_list) != len(got_list):
            found.append(f"{path}: {len(got_list)} items != {len(want_list)}")
            return
        for index, (want, got) in enumerate(zip(want_list, got_list, strict=True)):
            _compare(want, got, f"{path}[{index}]", found, limit)
        return
    if expected != actual:
        found.append(f"{path}: {actual!r} != {expected!r}")


def without_metadata(response: Mapping[str, object]) -> dict[str, object]:
    """A boto3 answer without its ResponseMetadata."""
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def finite_positive(value: float) -> bool:
    return math.isfinite(value) and value > 0
