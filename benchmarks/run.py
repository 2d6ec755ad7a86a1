"""The elasticache_typed benchmark suite.

    python -m benchmarks.run [--quick] [--json] [--output FILE] [--only SECTION ...]

Every figure is a RATIO of two sides measured side by side in this run (no absolute time is a
target: machines are noisy). Sections:

- client: making a client: `ElastiCache.create()` / `session.client("elasticache")` of a warm
  boto3 Session, and `AsyncElastiCache.create()` / `create_client("elasticache")` of a warm
  AioSession (each opened and closed); capo-elasticache's client for context when installed.
- calls: a typed facade call / the same plain boto3 call, with the same answer bytes served at
  botocore's HTTP layer (botocore's real serializer, signer and XML parser run on both sides),
  for DescribeCacheClusters pages of 1, 100 and 1000 clusters, the seed's CreateSnapshot and a
  paginator over 10 pages of 100 clusters. Two typed sides: `ElastiCache(client)` over a
  default boto3 client, and `ElastiCache.create(...)`, the library's own client, which reads
  answers straight from the XML. Values are checked to be identical. Beside them, the floor:
  parsing the answer's XML alone (as the create() client does) / the plain boto3 call.
- converter: `converter.structure` and `converter.unstructure` of those answers / botocore's
  own parse of the same answer bytes.
- memory: bytes of a 1000-cluster typed answer / the boto3 dict answer (tracemalloc), and the
  create() client's typed answer / the wrapped client's (read through botocore's dicts).
- import: `from elasticache_typed import ElastiCache` / `import boto3` in fresh interpreters.
- first_call: a fresh process's first call / its warm calls, typed and plain.
- asyncio: AsyncElastiCache.create()'s first call / its warm call in fresh processes, and the
  tracemalloc peak of 1000-cluster calls / plain aiobotocore's and plain boto3's (one fresh
  process per side and run, the sides interleaved).
- cold_start: a fresh process from before its first import to its first answer (import,
  making the client and the first call together), sync and asyncio, ours / plain boto3 or
  aiobotocore and / capo-elasticache when installed (benchmarks.coldstart).
- typecheck: mypy and pyright on the downstream example module written against
  elasticache_typed (tests/typing/downstream_app.py) / the same logic written against
  mypy-boto3-elasticache's and types-aiobotocore-elasticache's TypedDicts
  (typecheck/downstream_mypy_boto3.py).

The table goes to stdout (to stderr with --json, which prints the JSON report on stdout);
--output writes the JSON report to a file. The exit status is 1 when a correctness check
failed (values differ, a checker found errors), 0 otherwise; a missed target is reported, not
an error.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if not __package__:  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import capo
from benchmarks import cases as cases_module
from benchmarks.answers import Answer
from benchmarks.cases import DELETE_KEY, PAGINATE_KEY, SMALL_CALLS, Case, describe_key
from benchmarks.measure import (
    Samples,
    differences,
    interleave,
    median,
    retained_bytes,
    without_metadata,
)
from benchmarks.wire import CLIENT_KWARGS, FakeWire, without_parsing

if TYPE_CHECKING:
    from botocore.model import Shape
    from botocore.parsers import ResponseParser
    from mypy_boto3_elasticache import ElastiCacheClient

    from elasticache_typed import ElastiCache

SECTIONS = (
    "client",
    "calls",
    "converter",
    "memory",
    "import",
    "first_call",
    "asyncio",
    "cold_start",
    "typecheck",
)
MEMORY_CASE = describe_key(1000)
FIRST_CALL_CASE = describe_key(100)


# -- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    quick: bool
    call_rounds: Mapping[str, int]
    """Rounds per case (key) in the calls section."""
    converter_rounds: Mapping[str, int]
    sample_seconds: float
    """About how long one timed sample lasts (several calls when one is shorter)."""
    warmup_calls: int
    memory_repeat: int
    import_runs: int
    first_call_runs: int
    first_call_warm_calls: int
    typecheck_runs: int
    typecheck_warmup: bool
    async_first_call_runs: int
    """Fresh processes per side for the asyncio first / warm call figure."""
    async_memory_runs: int
    """Fresh processes per side for the asyncio peak-memory figure."""
    async_memory_calls: int
    """DescribeCacheClusters calls of 1000 clusters traced in each of those processes."""
    cold_start_runs: int
    """Fresh processes per side for the start-to-first-answer figures."""


FULL = Settings(
    quick=False,
    call_rounds={
        describe_key(1): 41,
        describe_key(100): 25,
        describe_key(1000): 13,
        "create_snapshot": 41,
        DELETE_KEY: 41,
        PAGINATE_KEY: 9,
    },
    converter_rounds={
        describe_key(1): 25,
        describe_key(100): 15,
        describe_key(1000): 7,
        "create_snapshot": 25,
        DELETE_KEY: 25,
    },
    sample_seconds=0.05,
    warmup_calls=2,
    memory_repeat=2,
    import_runs=25,
    first_call_runs=5,
    first_call_warm_calls=10,
    typecheck_runs=4,
    typecheck_warmup=True,
    async_first_call_runs=5,
    async_memory_runs=2,
    async_memory_calls=4,
    cold_start_runs=7,
)

QUICK = Settings(
    quick=True,
    call_rounds={
        describe_key(1): 5,
        describe_key(100): 4,
        describe_key(1000): 2,
        "create_snapshot": 5,
        DELETE_KEY: 5,
        PAGINATE_KEY: 2,
    },
    converter_rounds={
        describe_key(1): 5,
        describe_key(100): 3,
        describe_key(1000): 1,
        "create_snapshot": 5,
        DELETE_KEY: 5,
    },
    sample_seconds=0.01,
    warmup_calls=1,
    memory_repeat=1,
    import_runs=5,
    first_call_runs=1,
    first_call_warm_calls=3,
    typecheck_runs=1,
    typecheck_warmup=False,
    async_first_call_runs=1,
    async_memory_runs=1,
    async_memory_calls=2,
    cold_start_runs=1,
)


# -- the report -----------------------------------------------------------------------------


@dataclass
class Target:
    text: str
    metric: str
    """"ratio", or the `details` key the limit applies to (such as "delta_ms")."""
    limit: float
    value: float
    met: bool


@dataclass
class Figure:
    id: str
    section: str
    label: str
    ratio: float
    measured: str
    """The two sides' numbers, for the table."""
    details: dict[str, Any] = field(default_factory=dict[str, Any])
    target: Target | None = None


@dataclass
class Check:
    id: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    quick: bool
    environment: dict[str, Any]
    figures: list[Figure] = field(default_factory=list[Figure])
    checks: list[Check] = field(default_factory=list[Check])
    elapsed_s: float = 0.0
    section_seconds: dict[str, float] = field(default_factory=dict[str, float])

    def figure(
        self,
        id: str,
        section: str,
        label: str,
        ratio: float,
        measured: str,
        details: dict[str, Any] | None = None,
        target: tuple[str, float] | None = None,
    ) -> Figure:
        """Add a figure; `target` is (metric, limit), the metric "ratio" or a details key,
        met when the value is at most the limit."""
        details = details or {}
        made = Figure(id, section, label, ratio, measured, details)
        if target is not None:
            metric, limit = target
            value = ratio if metric == "ratio" else float(details[metric])
            unit = "" if metric == "ratio" else f" {metric.rsplit('_', 1)[-1]}"
            prefix = "" if metric == "ratio" else f"{metric.split('_')[0]} "
            made.target = Target(
                f"{prefix}<= {limit:g}{unit}", metric, limit, value, bool(value <= limit)
            )
        self.figures.append(made)
        return made

    def check(self, id: str, problems: Sequence[str] | bool, detail: str = "") -> None:
        if isinstance(problems, bool):
            self.checks.append(Check(id, problems, detail))
        else:
            self.checks.append(Check(id, not problems, "; ".join(problems)[:1000]))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        targets = [f.target for f in self.figures if f.target is not None]
        data["summary"] = {
            "targets_met": sum(t.met for t in targets),
            "targets_missed": sum(not t.met for t in targets),
            "checks_failed": [c.id for c in self.checks if not c.ok],
        }
        return data


def environment() -> dict[str, Any]:
    import boto3
    import botocore

    import elasticache_typed

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "boto3": boto3.__version__,
        "botocore": botocore.__version__,
        "generated_from_botocore": elasticache_typed.GENERATED_FROM_BOTOCORE,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# -- the clients ----------------------------------------------------------------------------


class Bench:
    """The three benchmarked clients, each with its own fake wire answering `body`.

    - plain: a default boto3 client (`boto3.Session().client("elasticache", ...)`);
    - wrapped: `ElastiCache(client)` over another default client configured the same way;
    - create: `ElastiCache.create(...)` with the same arguments.
    """

    def __init__(self) -> None:
        import boto3

        from elasticache_typed import ElastiCache

        self.plain: ElastiCacheClient = boto3.Session().client("elasticache", **CLIENT_KWARGS)
        self.wrapped: ElastiCache = ElastiCache(
            boto3.Session().client("elasticache", **CLIENT_KWARGS)
        )
        self.fast: ElastiCache = ElastiCache.create(**CLIENT_KWARGS)
        # create() with someone observing its answers (an after-call handler of the user's):
        # its answers then go through botocore's dicts, as a wrapped facade's do.
        self.observed: ElastiCache = ElastiCache.create(**CLIENT_KWARGS)
        self.observed.client.meta.events.register("after-call.elasticache", _observer)
        # botocore's request path alone (the answer not parsed): the floor of a small call.
        self.unparsed = without_parsing(boto3.Session().client("elasticache", **CLIENT_KWARGS))
        self.wires = {
            "plain": FakeWire.attach(self.plain),
            "wrapped": FakeWire.attach(self.wrapped.client),
            "create": FakeWire.attach(self.fast.client),
            "observed": FakeWire.attach(self.observed.client),
            "botocore_floor": FakeWire.attach(self.unparsed),
        }
        self.capo_wire = capo.CapoWire()
        make_capo = capo.capo_client_factory(self.capo_wire)
        self.capo_calls = {} if make_capo is None else capo.capo_calls(make_capo())

    def answer_with(self, body: bytes) -> None:
        self.capo_wire.body = body
        for wire in self.wires.values():
            wire.body = body
            wire.pages = {}

    def serve(self, case: Case) -> None:
        """Answer with the case's answer, and its later pages to the requests for them."""
        self.answer_with(case.answer.body)
        pages = [case.answer, *case.later_pages]
        for wire in self.wires.values():
            wire.pages = {
                str(page.data["Marker"]): following.body
                for page, following in zip(pages, pages[1:], strict=False)
            }

    def sides(self, case: Case) -> dict[str, Callable[[], object]]:
        """The calls of `case` for each client, as user code makes them."""
        plain, wrapped, fast, observed = self.plain, self.wrapped, self.fast, self.observed
        sides: dict[str, Callable[[], object]] = {
            "plain": lambda: case.plain(plain),
            "wrapped": lambda: case.typed(wrapped),
            "create": lambda: case.typed(fast),
        }
        if case.key in _OBSERVED_CASES:
            sides["observed"] = lambda: case.typed(observed)
        if case.key in SMALL_CALLS:
            unparsed = self.unparsed
            sides["botocore_floor"] = lambda: case.plain(unparsed)
        if case.key in self.capo_calls:
            sides["capo"] = self.capo_calls[case.key]
        return sides


def _observer(**_: object) -> None:
    """An after-call handler that only looks."""


# -- sections -------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def _spread(samples: Samples, numerator: str, denominator: str) -> str:
    low, high = samples.spread(numerator, denominator)
    return f"{low:.2f}-{high:.2f}"


def _check_values(report: Report, bench: Bench, case: Case) -> None:
    from elasticache_typed import converter, shapes

    sides = bench.sides(case)
    plain = without_metadata(case.plain(bench.plain))
    report.check(f"values.{case.key}.boto3_reads_the_answer", differences(case.data, plain))
    expected_class = getattr(shapes, case.output_shape)
    for side in [name for name in ("wrapped", "create", "observed") if name in sides]:
        typed = sides[side]()
        # A paginator case gives the items of every page; the others, the answer.
        values: list[Any] = cast("list[Any]", typed) if case.later_pages else [typed]
        problems = [
            f"got {type(value).__name__}"
            for value in values
            if not isinstance(value, expected_class)
        ]
        as_boto3 = [converter.unstructure(value) for value in values]
        problems += differences(
            plain, {case.result_key: as_boto3} if case.later_pages else as_boto3[0]
        )
        report.check(f"values.{case.key}.{side}_equals_boto3", problems)
    if "botocore_floor" in sides:
        sides["botocore_floor"]()  # its request, compared below
    # The same parameters, each with the same value (the order of the form's pairs follows
    # the order the caller wrote the arguments in, which boto3 keeps).
    sent = {name: wire.sent_pairs() for name, wire in bench.wires.items() if name in sides}
    problems = [f"{name} sent {pairs}" for name, pairs in sent.items() if pairs != sent["plain"]]
    if not sent["plain"]:
        problems.append("nothing was sent")
    report.check(f"request.{case.key}.typed_sends_what_boto3_sends", problems)


_CALL_TARGETS: dict[tuple[str, str], float] = {
    ("wrapped", describe_key(100)): 1.05,
    ("wrapped", describe_key(1000)): 1.08,
    ("wrapped", "create_snapshot"): 1.05,
    ("create", describe_key(100)): 0.25,
    ("create", describe_key(1000)): 0.25,
}
_OBSERVED_CASES = (describe_key(100), describe_key(1000))


def _floor(case: Case) -> Callable[[], object]:
    """What no reader of the answer can skip: parsing its XML (as the create() client does)."""
    from elasticache_typed._answers.document import parse_document

    bodies = case.bodies
    return lambda: [parse_document(body) for body in bodies]


def run_calls(settings: Settings, report: Report, bench: Bench, cases: Sequence[Case]) -> None:
    for case in cases:
        bench.serve(case)
        _check_values(report, bench, case)
        samples = interleave(
            {**bench.sides(case), "floor": _floor(case)},
            rounds=settings.call_rounds[case.key],
            sample_seconds=settings.sample_seconds,
            reference="plain",
            warmup=settings.warmup_calls - 1,  # the value check made one call per side
        )
        plain_s = samples.median("plain")
        for side, name in (("wrapped", "ElastiCache(client)"), ("create", "ElastiCache.create()")):
            limit = _CALL_TARGETS.get((side, case.key))
            report.figure(
                f"calls.{side}.{case.key}",
                "calls",
                f"{name} / boto3: {case.label}",
                samples.ratio(side, "plain"),
                f"{_ms(samples.median(side))} vs {_ms(plain_s)}"
                f" (rounds {_spread(samples, side, 'plain')})",
                {
                    "typed_s": samples.median(side),
                    "boto3_s": plain_s,
                    "ratio_quartiles": samples.spread(side, "plain"),
                    "cpu_time_ratio": samples.ratio(side, "plain", cpu=True),
                    "rounds": samples.rounds,
                    "calls_per_sample": samples.calls_per_sample,
                    "calls": samples.calls,
                },
                None if limit is None else ("ratio", limit),
            )
        _extra_call_figures(report, samples, case)
        report.figure(
            f"calls.floor.{case.key}",
            "calls",
            f"the floor, parsing the XML alone / boto3: {case.label}",
            samples.ratio("floor", "plain"),
            f"{_ms(samples.median('floor'))} vs {_ms(plain_s)}"
            f" (rounds {_spread(samples, 'floor', 'plain')})",
            {
                "floor_s": samples.median("floor"),
                "boto3_s": plain_s,
                "ratio_quartiles": samples.spread("floor", "plain"),
                "cpu_time_ratio": samples.ratio("floor", "plain", cpu=True),
                "rounds": samples.rounds,
            },
        )


def _side_figure(
    report: Report,
    samples: Samples,
    id: str,
    label: str,
    sides: tuple[str, str],
    limit: float | None = None,
) -> None:
    """A figure of side / base from samples of one interleaved run."""
    side, base = sides
    report.figure(
        id,
        id.split(".")[0],
        label,
        samples.ratio(side, base),
        f"{_ms(samples.median(side))} vs {_ms(samples.median(base))}"
        f" (rounds {_spread(samples, side, base)})",
        {"cpu_time_ratio": samples.ratio(side, base, cpu=True)},
        None if limit is None else ("ratio", limit),
    )


def _extra_call_figures(report: Report, samples: Samples, case: Case) -> None:
    """create() with an observer against the wrapped facade; botocore's request path alone
    (small calls); capo's figures when installed."""
    if "observed" in samples.seconds:
        _side_figure(
            report,
            samples,
            f"calls.observed_vs_wrapped.{case.key}",
            "ElastiCache.create() observed (an after-call handler) / ElastiCache(client): "
            f"{case.label}",
            ("observed", "wrapped"),
            1.0,
        )
    if "botocore_floor" in samples.seconds:
        _side_figure(
            report,
            samples,
            f"calls.botocore_floor.{case.key}",
            f"botocore's request path alone (the answer not parsed) / boto3: {case.label}",
            ("botocore_floor", "plain"),
        )
    if "capo" in samples.seconds and "botocore_floor" in samples.seconds:
        _side_figure(
            report,
            samples,
            f"calls.botocore_floor_vs_capo.{case.key}",
            f"botocore's request path alone / capo-elasticache's whole call: {case.label}",
            ("botocore_floor", "capo"),
        )
    if "capo" in samples.seconds:
        _side_figure(
            report,
            samples,
            f"calls.capo.{case.key}",
            f"capo-elasticache / boto3: {case.label}",
            ("capo", "plain"),
        )
        _side_figure(
            report,
            samples,
            f"calls.create_vs_capo.{case.key}",
            f"ElastiCache.create() / capo-elasticache: {case.label}",
            ("create", "capo"),
            1.0,
        )


def run_client(settings: Settings, report: Report) -> None:
    """Making a client: create() / `session.client("elasticache")` in a warm session."""
    import boto3

    from elasticache_typed import ElastiCache

    warm = boto3.Session()
    sides: dict[str, Callable[[], object]] = {
        "session_client": lambda: warm.client("elasticache", **CLIENT_KWARGS),
        "create": lambda: ElastiCache.create(**CLIENT_KWARGS),
    }
    make_capo = capo.capo_client_factory(capo.CapoWire())
    if make_capo is not None:
        sides["capo"] = make_capo
    samples = interleave(
        sides,
        rounds=settings.call_rounds["create_snapshot"],
        sample_seconds=settings.sample_seconds,
        reference="session_client",
        warmup=settings.warmup_calls,
    )
    for side, name, limit in (
        ("create", "ElastiCache.create()", 1.0),
        ("capo", "capo-elasticache client", None),
    ):
        if side in samples.seconds:
            _side_figure(
                report,
                samples,
                f"client.{side}",
                f"making the client: {name} / session.client() in a warm session",
                (side, "session_client"),
                limit,
            )
    run_async_client(settings, report)


def run_async_client(settings: Settings, report: Report) -> None:
    """Making an asyncio client: AsyncElastiCache.create() / a warm AioSession's
    `create_client("elasticache")`, each opened and closed (`async with`) on one event loop."""
    import asyncio

    from aiobotocore.session import AioSession

    from elasticache_typed import AsyncElastiCache

    warm = AioSession()

    async def session_client() -> None:
        async with warm.create_client("elasticache", **CLIENT_KWARGS):
            pass

    async def create() -> None:
        async with AsyncElastiCache.create(**CLIENT_KWARGS):
            pass

    loop = asyncio.new_event_loop()
    try:
        samples = interleave(
            {
                "session_client": lambda: loop.run_until_complete(session_client()),
                "async_create": lambda: loop.run_until_complete(create()),
            },
            rounds=settings.call_rounds["create_snapshot"],
            sample_seconds=settings.sample_seconds,
            reference="session_client",
            warmup=settings.warmup_calls,
        )
    finally:
        loop.close()
    _side_figure(
        report,
        samples,
        "client.async_create",
        "making the asyncio client: AsyncElastiCache.create() / create_client() of a warm "
        "AioSession (opened and closed)",
        ("async_create", "session_client"),
        1.0,
    )


def run_converter(settings: Settings, report: Report, bench: Bench, cases: Sequence[Case]) -> None:
    from botocore.parsers import create_parser

    from elasticache_typed import converter, shapes

    parser = create_parser("query")  # what a default client uses: botocore's own timestamps
    service_model = bench.plain.meta.service_model
    for case in (c for c in cases if not c.later_pages):
        output_shape = service_model.operation_model(case.answer.operation).output_shape
        assert output_shape is not None
        sides = _converter_sides(
            parser, output_shape, case.answer, getattr(shapes, case.output_shape)
        )
        parsed = cast("dict[str, Any]", sides["parse"]())
        report.check(
            f"converter.{case.key}.round_trip",
            differences(
                without_metadata(parsed),
                converter.unstructure(
                    converter.structure(parsed, getattr(shapes, case.output_shape))
                ),
            ),
        )
        samples = interleave(
            sides,
            rounds=settings.converter_rounds[case.key],
            sample_seconds=settings.sample_seconds,
            reference="parse",
            warmup=settings.warmup_calls,
        )
        parse_s = samples.median("parse")
        for side in ("structure", "unstructure"):
            report.figure(
                f"converter.{side}.{case.key}",
                "converter",
                f"{side} / botocore parse: {case.label}",
                samples.ratio(side, "parse"),
                f"{_ms(samples.median(side))} vs {_ms(parse_s)}",
                {
                    f"{side}_s": samples.median(side),
                    "botocore_parse_s": parse_s,
                    "ratio_quartiles": samples.spread(side, "parse"),
                    "cpu_time_ratio": samples.ratio(side, "parse", cpu=True),
                    "rounds": samples.rounds,
                    "calls_per_sample": samples.calls_per_sample,
                },
            )


def _converter_sides(
    parser: ResponseParser, output_shape: Shape, answer: Answer, output_class: type[Any]
) -> dict[str, Callable[[], object]]:
    """botocore's parse of the answer bytes, and converter.structure / unstructure of it."""
    from botocore.awsrequest import HeadersDict

    from elasticache_typed import converter

    def parse() -> object:
        response = {
            "headers": HeadersDict({"Content-Type": "text/xml"}),
            "status_code": 200,
            "body": answer.body,
            "context": {"operation_name": answer.operation},
        }
        return parser.parse(response, output_shape)

    parsed = parse()
    typed: object = converter.structure(parsed, output_class)

    def structure() -> object:
        return converter.structure(parsed, output_class)

    def unstructure() -> object:
        return converter.unstructure(typed)

    return {"parse": parse, "structure": structure, "unstructure": unstructure}


def run_memory(
    settings: Settings, report: Report, bench: Bench, cases: Sequence[Case], *, warm: bool
) -> None:
    """`warm`: the calls section already called every side with this case."""
    (case,) = [c for c in cases if c.key == MEMORY_CASE]
    bench.answer_with(case.answer.body)
    sides = {k: v for k, v in bench.sides(case).items() if k in ("plain", "wrapped", "create")}
    if not warm:
        for call in sides.values():
            call()  # one-off work (generated code, caches) is not part of an answer's size
    sizes = {name: retained_bytes(call, settings.memory_repeat) for name, call in sides.items()}
    for side, name in (("wrapped", "ElastiCache(client)"), ("create", "ElastiCache.create()")):
        report.figure(
            f"memory.{side}.{case.key}",
            "memory",
            f"{name} answer / boto3 dict: {case.label}",
            sizes[side] / sizes["plain"],
            f"{sizes[side] / 1e6:.2f} MB vs {sizes['plain'] / 1e6:.2f} MB",
            {"typed_bytes": sizes[side], "boto3_bytes": sizes["plain"]},
            ("ratio", 1.0),
        )
    # The create() client's answer is read straight from the XML; a wrapped client's, as
    # all answers were before that reader, through botocore's dicts and the hooks.
    report.figure(
        f"memory.create_vs_wrapped.{case.key}",
        "memory",
        f"ElastiCache.create() answer / ElastiCache(client) answer: {case.label}",
        sizes["create"] / sizes["wrapped"],
        f"{sizes['create'] / 1e6:.2f} MB vs {sizes['wrapped'] / 1e6:.2f} MB",
        {"create_bytes": sizes["create"], "wrapped_bytes": sizes["wrapped"]},
        ("ratio", 1.0),
    )


def run_import(settings: Settings, report: Report) -> None:
    from benchmarks.startup import time_imports

    times = time_imports(settings.import_runs)
    for kind, values, label in (
        ("in_process", times.in_process_s, "CPU time of the import statement, fresh interpreter"),
        ("process", times.process_s, "whole `python -c 'import X'` process"),
    ):
        typed_s = median(values["elasticache_typed"])
        boto3_s = median(values["boto3"])
        # Paired: each run imports both, one right after the other, so the median of the
        # per-run differences (and ratios) is what noise disturbs least.
        pairs = list(zip(values["elasticache_typed"], values["boto3"], strict=True))
        delta_ms = median([(typed - plain) * 1000 for typed, plain in pairs])
        report.figure(
            f"import.{kind}",
            "import",
            f"elasticache_typed / boto3: {label}",
            median([typed / plain for typed, plain in pairs]),
            f"{_ms(typed_s)} vs {_ms(boto3_s)} ({delta_ms:+.1f} ms)",
            {"typed_s": typed_s, "boto3_s": boto3_s, "delta_ms": delta_ms, "runs": len(pairs)},
            ("delta_ms", 15.0) if kind == "in_process" else None,
        )


def run_first_call(settings: Settings, report: Report, cases: Sequence[Case]) -> None:
    from benchmarks.fresh import DESCRIBE_FILE, SNAPSHOT_FILE
    from benchmarks.startup import time_first_calls

    by_key = {case.key: case for case in cases}
    names = {
        "boto3": "boto3 client",
        "typed": "ElastiCache(client)",
        "create": "ElastiCache.create()",
    }
    with tempfile.TemporaryDirectory(prefix="bench-answers-") as directory:
        Path(directory, DESCRIBE_FILE).write_bytes(by_key[FIRST_CALL_CASE].answer.body)
        Path(directory, SNAPSHOT_FILE).write_bytes(by_key["create_snapshot"].answer.body)
        results = time_first_calls(
            Path(directory), settings.first_call_runs, settings.first_call_warm_calls
        )
    expected_requests = 2 * (1 + settings.first_call_warm_calls)
    for side, runs in results.items():
        report.check(
            f"first_call.{side}.requests",
            all(run["requests"] == expected_requests for run in runs),
            f"each process made {expected_requests} requests",
        )
        for prefix, key, label in (
            ("", FIRST_CALL_CASE, f"{by_key[FIRST_CALL_CASE].label} in a new process"),
            ("snapshot_", "create_snapshot", "CreateSnapshot after another operation"),
        ):
            first = median([run[f"{prefix}first_s"] for run in runs])
            warm = median([run[f"{prefix}warm_s"] for run in runs])
            ratio = median([run[f"{prefix}first_s"] / run[f"{prefix}warm_s"] for run in runs])
            limit = 2.0 if side != "boto3" and not prefix else None
            report.figure(
                f"first_call.{side}.{key}",
                "first_call",
                f"{names[side]} first / warm call: {label}",
                ratio,
                f"{_ms(first)} vs {_ms(warm)}",
                {
                    "first_s": first,
                    "warm_s": warm,
                    "setup_s": median([run["setup_s"] for run in runs]),
                    "processes": len(runs),
                },
                None if limit is None else ("ratio", limit),
            )
    # create()'s warm calls read answers straight from the XML; its first call also builds
    # the answer's shape classes, once: its first call against plain boto3's first call.
    firsts = {side: median([run["first_s"] for run in runs]) for side, runs in results.items()}
    report.figure(
        f"first_call.create_vs_boto3.{FIRST_CALL_CASE}",
        "first_call",
        f"ElastiCache.create() first call / boto3 client first call: "
        f"{by_key[FIRST_CALL_CASE].label} in a new process",
        firsts["create"] / firsts["boto3"],
        f"{_ms(firsts['create'])} vs {_ms(firsts['boto3'])}",
        {"create_first_s": firsts["create"], "boto3_first_s": firsts["boto3"]},
    )


def _write_answers(directory: str, cases: Sequence[Case]) -> Path:
    """The answer files the benchmarks.coldstart probes read."""
    from benchmarks.coldstart import COLD_FILE, MEMORY_FILE

    by_key = {case.key: case for case in cases}
    Path(directory, COLD_FILE).write_bytes(by_key[FIRST_CALL_CASE].answer.body)
    Path(directory, MEMORY_FILE).write_bytes(by_key[MEMORY_CASE].answer.body)
    return Path(directory)


def run_asyncio(settings: Settings, report: Report, cases: Sequence[Case]) -> None:
    """AsyncElastiCache.create()'s first call / its warm call in fresh processes (plain
    aiobotocore for context); the peak memory of 1000-cluster calls / plain aiobotocore's
    and plain boto3's, one fresh process per side and run, the sides interleaved."""
    from benchmarks.coldstart import ASYNC_FIRST_CALL_SIDES, MEMORY_SIDES
    from benchmarks.startup import time_probes

    by_key = {case.key: case for case in cases}
    with tempfile.TemporaryDirectory(prefix="bench-answers-") as directory:
        answers_dir = str(_write_answers(directory, cases))
        warm_calls = settings.first_call_warm_calls
        first_calls = time_probes(
            "async-first-call",
            ASYNC_FIRST_CALL_SIDES,
            [answers_dir, str(warm_calls)],
            settings.async_first_call_runs,
        )
        calls = settings.async_memory_calls
        memory = time_probes(
            "peak-memory", MEMORY_SIDES, [answers_dir, str(calls)], settings.async_memory_runs
        )
    names = {"aiobotocore": "aiobotocore client", "async_create": "AsyncElastiCache.create()"}
    label = f"{by_key[FIRST_CALL_CASE].label} in a new process"
    for side, runs in first_calls.items():
        report.check(
            f"asyncio.first_call.{side}.requests",
            all(run["requests"] == 1 + warm_calls for run in runs),
            f"each process made {1 + warm_calls} requests",
        )
        first = median([run["first_s"] for run in runs])
        warm = median([run["warm_s"] for run in runs])
        report.figure(
            f"asyncio.first_call.{side}.{FIRST_CALL_CASE}",
            "asyncio",
            f"{names[side]} first / warm call: {label}",
            median([run["first_s"] / run["warm_s"] for run in runs]),
            f"{_ms(first)} vs {_ms(warm)}",
            {
                "first_s": first,
                "warm_s": warm,
                "setup_s": median([run["setup_s"] for run in runs]),
                "processes": len(runs),
            },
            ("ratio", 2.0) if side == "async_create" else None,
        )
    for side, runs in memory.items():
        report.check(
            f"asyncio.memory.{side}.requests",
            all(run["requests"] == 1 + calls for run in runs),
            f"each process made {1 + calls} requests",
        )
    # tracemalloc peaks hardly vary from run to run: the smallest of the runs per side.
    peaks = {side: min(run["peak_bytes"] for run in runs) for side, runs in memory.items()}
    rss = {side: median([run["max_rss_kb"] for run in runs]) for side, runs in memory.items()}
    memory_label = f"peak memory over {calls} calls, {by_key[MEMORY_CASE].label}"
    for base, base_name, limit in (
        ("aiobotocore", "aiobotocore", 1.05),
        ("boto3", "plain boto3 (sync)", 1.05),
    ):
        report.figure(
            f"asyncio.memory.async_create_vs_{base}.{MEMORY_CASE}",
            "asyncio",
            f"AsyncElastiCache.create() / {base_name}: {memory_label}",
            peaks["async_create"] / peaks[base],
            f"{peaks['async_create'] / 1e6:.1f} MB vs {peaks[base] / 1e6:.1f} MB",
            # The max RSS (JSON only) includes tracemalloc's own bookkeeping: context.
            {
                "typed_peak_bytes": peaks["async_create"],
                f"{base}_peak_bytes": peaks[base],
                "typed_max_rss_kb": rss["async_create"],
                f"{base}_max_rss_kb": rss[base],
                "calls": calls,
                "processes": len(memory["async_create"]),
            },
            ("ratio", limit),
        )


_COLD_NAMES = {
    "boto3": "boto3",
    "create": "ElastiCache.create()",
    "capo": "capo-elasticache",
    "aiobotocore": "aiobotocore",
    "async_create": "AsyncElastiCache.create()",
    "async_capo": "capo-elasticache (asyncio)",
}


def describe_label(cases: Sequence[Case]) -> str:
    return next(case.label for case in cases if case.key == FIRST_CALL_CASE)


def run_cold_start(settings: Settings, report: Report, cases: Sequence[Case]) -> None:
    """A fresh process from before its first import to its first answer (import, making
    the client, the first call, measured together), sync and asyncio: ours / plain boto3
    (aiobotocore) and ours / capo-elasticache when installed; the sides interleaved."""
    from benchmarks.coldstart import ASYNC_COLD_SIDES, SYNC_COLD_SIDES
    from benchmarks.startup import time_probes

    with_capo = capo.installed()
    sides = [s for s in (*SYNC_COLD_SIDES, *ASYNC_COLD_SIDES) if with_capo or "capo" not in s]
    label = f"start to first answer, {describe_label(cases)} in a new process"
    with tempfile.TemporaryDirectory(prefix="bench-answers-") as directory:
        answers_dir = str(_write_answers(directory, cases))
        time_probes("cold-start", sides, [answers_dir], 1)  # untimed: caches, .pyc files
        results = time_probes("cold-start", sides, [answers_dir], settings.cold_start_runs)
    for side, runs in results.items():
        report.check(
            f"cold_start.{side}.answer",
            all(run["requests"] == 1 and run["clusters"] == 100 for run in runs),
            "each process made one request and read 100 clusters",
        )
        loaded = "loaded_botocore" if "capo" in side else "loaded_typed"
        if "capo" in side or side in ("boto3", "aiobotocore"):
            report.check(
                f"cold_start.{side}.imports_only_its_own",
                all(run[loaded] == 0 for run in runs),
                f"no process of this side imported {loaded.removeprefix('loaded_')}",
            )
    for ours, base, limit in (
        ("create", "boto3", None),
        ("create", "capo", 1.0),
        ("capo", "boto3", None),
        ("async_create", "aiobotocore", None),
        ("async_create", "boto3", None),
        ("async_create", "async_capo", 1.0),
        ("async_capo", "aiobotocore", None),
    ):
        if ours not in results or base not in results:
            continue
        pairs = list(zip(results[ours], results[base], strict=True))
        ratio = median([a["first_answer_s"] / b["first_answer_s"] for a, b in pairs])
        process_ratio = median([a["process_s"] / b["process_s"] for a, b in pairs])
        ours_s = median([run["first_answer_s"] for run in results[ours]])
        base_s = median([run["first_answer_s"] for run in results[base]])
        report.figure(
            f"cold_start.{ours}_vs_{base}",
            "cold_start",
            f"{_COLD_NAMES[ours]} / {_COLD_NAMES[base]}: {label}",
            ratio,
            f"{_ms(ours_s)} vs {_ms(base_s)} (whole process {process_ratio:.2f})",
            {
                "ours_s": ours_s,
                "base_s": base_s,
                "process_ratio": process_ratio,
                "ours_process_s": median([run["process_s"] for run in results[ours]]),
                "base_process_s": median([run["process_s"] for run in results[base]]),
                "processes": len(pairs),
            },
            None if limit is None else ("ratio", limit),
        )
    _async_cold_stages(report, results)


def _async_cold_stages(
    report: Report, results: Mapping[str, Sequence[Mapping[str, float]]]
) -> None:
    """Where the asyncio start to first answer goes: the imports, then the client and the
    first call, ours / aiobotocore's and / capo's (context for the figures above)."""
    for base in ("aiobotocore", "async_capo"):
        if "async_create" not in results or base not in results:
            continue
        pairs = list(zip(results["async_create"], results[base], strict=True))
        for stage, label in (("imports_s", "imports"), ("client_and_call_s", "client, first call")):
            ours_s = median([run[stage] for run in results["async_create"]])
            base_s = median([run[stage] for run in results[base]])
            report.figure(
                f"cold_start.async_create_vs_{base}.{stage.removesuffix('_s')}",
                "cold_start",
                f"{_COLD_NAMES['async_create']} / {_COLD_NAMES[base]}: {label} of the start",
                median([a[stage] / b[stage] for a, b in pairs]),
                f"{_ms(ours_s)} vs {_ms(base_s)}",
                {"ours_s": ours_s, "base_s": base_s, "processes": len(pairs)},
                None,
            )


def run_typecheck(settings: Settings, report: Report) -> None:
    from benchmarks.checkers import BASELINE_MODULE, ROOT, TYPED_MODULE, time_checkers

    modules = {
        "typed_module": TYPED_MODULE.relative_to(ROOT).as_posix(),
        "mypy_boto3_module": BASELINE_MODULE.relative_to(ROOT).as_posix(),
    }

    for result in time_checkers(settings.typecheck_runs, warmup=settings.typecheck_warmup):
        for side, ok in result.clean.items():
            report.check(f"typecheck.{result.tool}.{side}_module_is_clean", ok, result.output[side])
        pairs = zip(result.typed_s, result.baseline_s, strict=True)
        typed_s, baseline_s = median(result.typed_s), median(result.baseline_s)
        report.figure(
            f"typecheck.{result.tool}",
            "typecheck",
            f"{result.tool}: downstream module on elasticache_typed / on mypy-boto3",
            median([a / b for a, b in pairs]),
            f"{typed_s:.2f} s vs {baseline_s:.2f} s",
            {
                "typed_s": typed_s,
                "mypy_boto3_s": baseline_s,
                "runs": len(result.typed_s),
                **modules,
            },
            ("ratio", 1.0),
        )


# -- running --------------------------------------------------------------------------------


def run(
    settings: Settings,
    sections: Sequence[str] = SECTIONS,
    *,
    bench: Bench | None = None,
    case_keys: Collection[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Run the given sections. `bench` lets a caller inspect the clients afterwards;
    `case_keys` limits the in-process sections to some cases (all by default)."""
    started = time.perf_counter()

    def say(step: str) -> None:
        if progress is not None:
            progress(step)

    report = Report(quick=settings.quick, environment=environment())
    say("building answers")
    every_case = cases_module.all_cases()
    cases = [c for c in every_case if case_keys is None or c.key in case_keys]

    def section(name: str, body: Callable[[], None]) -> None:
        if name in sections:
            say(name)
            section_started = time.perf_counter()
            body()
            report.section_seconds[name] = time.perf_counter() - section_started

    section("client", lambda: run_client(settings, report))
    if any(name in sections for name in ("calls", "converter", "memory")):
        in_process_bench = bench or Bench()
        # Keep the prepared answers and clients out of the collector's way: only what the
        # timed calls allocate is collected while timing, as in an application.
        gc.collect()
        gc.freeze()
        try:
            section("calls", lambda: run_calls(settings, report, in_process_bench, cases))
            section("converter", lambda: run_converter(settings, report, in_process_bench, cases))
            section(
                "memory",
                lambda: run_memory(
                    settings,
                    report,
                    in_process_bench,
                    every_case,
                    warm="calls" in sections and MEMORY_CASE in {c.key for c in cases},
                ),
            )
        finally:
            gc.unfreeze()
    if any(name in sections for name in ("import", "first_call", "asyncio", "cold_start")):
        from benchmarks.startup import prepare

        say("byte-compiling for the fresh interpreters")
        prepare()
    section("import", lambda: run_import(settings, report))
    section("first_call", lambda: run_first_call(settings, report, every_case))
    section("asyncio", lambda: run_asyncio(settings, report, every_case))
    section("cold_start", lambda: run_cold_start(settings, report, every_case))
    section("typecheck", lambda: run_typecheck(settings, report))
    report.elapsed_s = time.perf_counter() - started
    return report


def table(report: Report) -> str:
    rows = [("Figure", "Ratio", "Measured (typed vs baseline)", "Target", "Result")]
    for f in report.figures:
        if f.target is None:
            target, result = "", "(context)"
        else:
            target = f.target.text
            shown = f"{f.target.value:.3g}" if f.target.metric != "ratio" else ""
            result = ("met" if f.target.met else "MISSED") + (f" ({shown})" if shown else "")
        rows.append((f.label, f"{f.ratio:.3f}", f.measured, target, result))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines: list[str] = []
    section: str | None = None
    for index, row in enumerate(rows):
        if index and report.figures[index - 1].section != section:
            section = report.figures[index - 1].section
            lines.append(
                f"-- {section} " + "-" * (sum(widths) + 3 * len(widths) - 4 - len(section))
            )
        lines.append(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    targets = [f.target for f in report.figures if f.target is not None]
    failed = [c for c in report.checks if not c.ok]
    lines.append("")
    lines.append(
        f"targets: {sum(t.met for t in targets)} met, {sum(not t.met for t in targets)} missed; "
        f"checks: {len(report.checks) - len(failed)} passed, {len(failed)} failed; "
        f"{'quick' if report.quick else 'full'} run took {report.elapsed_s:.0f} s"
    )
    for check in failed:
        lines.append(f"CHECK FAILED {check.id}: {check.detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0] if __doc__ else ""
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and runs (under a minute)"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON report on stdout")
    parser.add_argument("--output", type=Path, help="write the JSON report to this file")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run these sections only")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    text_out = sys.stderr if args.json else sys.stdout

    def progress(step: str) -> None:
        print(f"[benchmarks] {step} ...", file=sys.stderr, flush=True)

    report = run(settings, args.only or SECTIONS, progress=progress)
    data = report.to_json()
    print(table(report), file=text_out, flush=True)
    if args.output:
        args.output.write_text(json.dumps(data, indent=2) + "\n")
    if args.json:
        print(json.dumps(data, indent=2))
    return 0 if all(check.ok for check in report.checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
