"""The benchmark suite (benchmarks/) runs and reports every figure, and what it times is the
public facade over botocore's real serializer and parser.

No timing is asserted here: machines are noisy, and the figures are for people to read.
"""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.parsers import QueryParser
from botocore.serialize import QuerySerializer

from benchmarks import capo
from benchmarks import run as bench_run
from benchmarks.cases import PAGINATE_KEY, all_cases, describe_key
from benchmarks.wire import body_bytes
from elasticache_typed import ElastiCache, shapes
from elasticache_typed._answers import wire_parser

ROOT = Path(__file__).resolve().parents[2]

ANSWERS = [describe_key(1), describe_key(100), describe_key(1000), "create_snapshot"]
CASES = [*ANSWERS, PAGINATE_KEY]
EXPECTED_FIGURES: set[str] = (
    {f"calls.{side}.{case}" for side in ("wrapped", "create", "floor") for case in CASES}
    | {f"converter.{kind}.{case}" for kind in ("structure", "unstructure") for case in ANSWERS}
    | {f"memory.{side}.{describe_key(1000)}" for side in ("wrapped", "create", "create_vs_wrapped")}
    | {"import.in_process", "import.process"}
    | {
        f"first_call.{side}.{case}"
        for side in ("boto3", "typed", "create")
        for case in (describe_key(100), "create_snapshot")
    }
    | {f"first_call.create_vs_boto3.{describe_key(100)}"}
    | {"typecheck.mypy", "typecheck.pyright"}
    | {"client.create", "client.async_create"}
    | {f"asyncio.first_call.{side}.{describe_key(100)}" for side in ("aiobotocore", "async_create")}
    | {
        f"asyncio.memory.async_create_vs_{base}.{describe_key(1000)}"
        for base in ("aiobotocore", "boto3")
    }
    | {
        f"cold_start.{ours}_vs_{base}"
        for ours, base in (
            ("create", "boto3"),
            ("async_create", "aiobotocore"),
            ("async_create", "boto3"),
        )
    }
    | {f"calls.observed_vs_wrapped.{describe_key(n)}" for n in (100, 1000)}
    # capo-elasticache (the `benchmark` extra): its figures only when it is installed.
    | (
        {f"calls.{side}.{case}" for side in ("capo", "create_vs_capo") for case in ANSWERS}
        | {"client.capo"}
        | {
            f"cold_start.{ours}_vs_{base}"
            for ours, base in (
                ("create", "capo"),
                ("capo", "boto3"),
                ("async_create", "async_capo"),
                ("async_capo", "aiobotocore"),
            )
        }
        if capo.installed()
        else set()
    )
)
EXPECTED_TARGETS = {
    f"calls.wrapped.{describe_key(100)}": 1.05,
    f"calls.wrapped.{describe_key(1000)}": 1.08,
    "calls.wrapped.create_snapshot": 1.05,
    f"calls.create.{describe_key(100)}": 0.25,
    f"calls.create.{describe_key(1000)}": 0.25,
    "client.create": 1.0,
    "client.async_create": 1.0,
    f"calls.observed_vs_wrapped.{describe_key(100)}": 1.0,
    f"calls.observed_vs_wrapped.{describe_key(1000)}": 1.0,
    **({f"calls.create_vs_capo.{case}": 1.0 for case in ANSWERS} if capo.installed() else {}),
    f"memory.wrapped.{describe_key(1000)}": 1.0,
    f"memory.create.{describe_key(1000)}": 1.0,
    f"memory.create_vs_wrapped.{describe_key(1000)}": 1.0,
    "import.in_process": 15.0,
    f"first_call.typed.{describe_key(100)}": 2.0,
    f"first_call.create.{describe_key(100)}": 2.0,
    "typecheck.mypy": 1.0,
    "typecheck.pyright": 1.0,
    f"asyncio.first_call.async_create.{describe_key(100)}": 2.0,
    f"asyncio.memory.async_create_vs_aiobotocore.{describe_key(1000)}": 1.05,
    f"asyncio.memory.async_create_vs_boto3.{describe_key(1000)}": 1.05,
    **(
        {"cold_start.create_vs_capo": 1.0, "cold_start.async_create_vs_async_capo": 1.0}
        if capo.installed()
        else {}
    ),
}


@pytest.fixture(scope="module")
def quick_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any], dict[str, Any]]:
    """`python -m benchmarks.run --quick --json --output FILE`, as a user runs it."""
    output = tmp_path_factory.mktemp("bench") / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--json", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-5000:]
    return done, json.loads(done.stdout), json.loads(output.read_text())


def test_quick_run_reports_every_figure_as_a_finite_positive_ratio(
    quick_run: tuple[Any, dict[str, Any], dict[str, Any]],
) -> None:
    _, report, _ = quick_run
    figures = {figure["id"]: figure for figure in report["figures"]}
    assert set(figures) == EXPECTED_FIGURES
    for figure in figures.values():
        ratio = figure["ratio"]
        assert isinstance(ratio, float) and math.isfinite(ratio) and ratio > 0, figure


def test_every_target_is_reported_as_met_or_missed(
    quick_run: tuple[Any, dict[str, Any], dict[str, Any]],
) -> None:
    _, report, _ = quick_run
    targets = {f["id"]: f["target"] for f in report["figures"] if f["target"] is not None}
    assert {key: t["limit"] for key, t in targets.items()} == EXPECTED_TARGETS
    for target in targets.values():
        assert isinstance(target["met"], bool)
        assert math.isfinite(target["value"])
        assert target["met"] == (target["value"] <= target["limit"])
    summary = report["summary"]
    assert summary["targets_met"] + summary["targets_missed"] == len(EXPECTED_TARGETS)


def test_every_correctness_check_passes(
    quick_run: tuple[Any, dict[str, Any], dict[str, Any]],
) -> None:
    _, report, _ = quick_run
    assert report["checks"], "the run made no checks"
    failed = {check["id"]: check["detail"] for check in report["checks"] if not check["ok"]}
    assert failed == {}
    ids = {check["id"] for check in report["checks"]}
    for case in CASES:
        assert f"values.{case}.wrapped_equals_boto3" in ids
        assert f"values.{case}.create_equals_boto3" in ids
        assert f"request.{case}.typed_sends_what_boto3_sends" in ids


def test_the_typecheck_figures_time_the_real_downstream_module(
    quick_run: tuple[Any, dict[str, Any], dict[str, Any]],
) -> None:
    _, report, _ = quick_run
    for tool in ("mypy", "pyright"):
        (figure,) = [f for f in report["figures"] if f["id"] == f"typecheck.{tool}"]
        assert figure["details"]["typed_module"] == "tests/typing/downstream_app.py"
        assert figure["details"]["mypy_boto3_module"] == (
            "benchmarks/typecheck/downstream_mypy_boto3.py"
        )
        for side in ("typed", "baseline"):
            ids = {check["id"] for check in report["checks"]}
            assert f"typecheck.{tool}.{side}_module_is_clean" in ids


def test_the_table_is_printed_and_the_output_file_holds_the_same_report(
    quick_run: tuple[Any, dict[str, Any], dict[str, Any]],
) -> None:
    done, report, written = quick_run
    assert written["figures"] == report["figures"]
    table = done.stderr  # with --json, the table goes to stderr
    for figure in report["figures"]:
        assert figure["label"] in table
    assert "targets:" in table


# -- what the benchmark times is the public path -------------------------------------------


@pytest.fixture
def spies(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Count calls of the public facade methods and of botocore's query serializer and
    parser, each still doing its real work."""
    counts: Counter[str] = Counter()

    def spy(owner: type, name: str, key: str) -> None:
        original = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[key] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)

    spy(ElastiCache, "describe_cache_clusters", "facade.describe_cache_clusters")
    spy(ElastiCache, "create_snapshot", "facade.create_snapshot")
    spy(QuerySerializer, "serialize_to_request", "botocore.serialize")
    spy(QueryParser, "parse", "botocore.parse")
    read_typed = wire_parser.read_typed

    def counted_read(*args: Any) -> Any:
        read = read_typed(*args)
        counts["reader.read"] += read is not None  # else botocore's parser reads it
        return read

    monkeypatch.setattr(wire_parser, "read_typed", counted_read)
    yield counts


def _tiny() -> bench_run.Settings:
    return dataclasses.replace(
        bench_run.QUICK,
        call_rounds=dict.fromkeys(CASES, 2),
        sample_seconds=0.0,
        warmup_calls=1,
    )


def test_the_benchmarked_typed_calls_are_the_public_facade_methods(spies: Counter[str]) -> None:
    bench = bench_run.Bench()
    report = bench_run.run(
        _tiny(), ["calls"], bench=bench, case_keys=[describe_key(1), "create_snapshot"]
    )
    typed_requests = bench.wires["wrapped"].requests + bench.wires["create"].requests
    facade_calls = spies["facade.describe_cache_clusters"] + spies["facade.create_snapshot"]
    # Every request of the typed clients came from a public facade call, and every facade
    # call sent exactly one request (nothing cached across calls).
    assert typed_requests > 0
    assert facade_calls == typed_requests
    assert spies["facade.describe_cache_clusters"] > 0 and spies["facade.create_snapshot"] > 0
    timed = sum(
        figure.details["calls"][side]
        for figure in report.figures
        for side in ("wrapped", "create")
        if figure.id.startswith(f"calls.{side}.")
    )
    assert timed <= facade_calls
    assert all(check.ok for check in report.checks), report.checks


def test_the_benchmarked_requests_go_through_botocores_serializer_and_parser(
    spies: Counter[str],
) -> None:
    bench = bench_run.Bench()
    bench_run.run(_tiny(), ["calls"], bench=bench, case_keys=["create_snapshot"])
    all_requests = sum(wire.requests for wire in bench.wires.values())
    assert all_requests > 0
    assert spies["botocore.serialize"] == all_requests
    # Each answer is read by botocore's parser or, for create()'s calls nobody else observes,
    # by the generated reader.
    assert spies["botocore.parse"] + spies["reader.read"] == all_requests
    assert spies["reader.read"] > 0
    for name in ("wrapped", "create"):
        request = bench.wires[name].last_request
        assert request is not None
        # A real serialized, signed query-protocol request.
        assert request.method == "POST"
        authorization = request.headers["Authorization"]
        if isinstance(authorization, bytes):
            authorization = authorization.decode()
        assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDBENCHMARKFAKE/")
        form = dict(urllib.parse.parse_qsl(body_bytes(request.body).decode(), strict_parsing=True))
        assert form["Action"] == "CreateSnapshot"
        assert form["Version"] == "2015-02-02"
        assert form["Tags.Tag.1.Key"] == "team"
        assert form["Tags.Tag.1.Value"] == "payments"


def test_the_benchmarked_answer_is_a_real_typed_result() -> None:
    bench = bench_run.Bench()
    case = next(c for c in all_cases() if c.key == describe_key(100))
    bench.answer_with(case.answer.body)
    for side in ("wrapped", "create"):
        result = bench.sides(case)[side]()
        assert isinstance(result, shapes.CacheClusterMessage)
        assert result.cache_clusters is not None and len(result.cache_clusters) == 100
        node = result.cache_clusters[0].cache_nodes
        assert node is not None and node[0].endpoint is not None


def test_the_paginator_case_reads_ten_pages_on_every_side() -> None:
    bench = bench_run.Bench()
    case = next(c for c in all_cases() if c.key == PAGINATE_KEY)
    bench.serve(case)
    for side, call in bench.sides(case).items():
        before = bench.wires[side].requests
        result: Any = call()
        items = result["CacheClusters"] if side == "plain" else result
        ids = [
            item["CacheClusterId"] if side == "plain" else item.cache_cluster_id for item in items
        ]
        assert len(set(ids)) == len(ids) == 1000, side
        assert bench.wires[side].requests - before == 10, side
