"""The type-check benchmark compares like with like: it times the project's real downstream
module (tests/typing/downstream_app.py, not a copy) against
benchmarks/typecheck/downstream_mypy_boto3.py, and the two mirror each other function by
function.

When one of these tests fails, change the other module to match: a function added to
downstream_app.py gets its mypy-boto3 twin (same name, same place, same `async`, same number
of parameters, `assert_type` on the equivalent TypedDict members), and the other way round.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.checkers import BASELINE_MODULE, TYPED_MODULE

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Function:
    name: str
    is_async: bool
    parameters: int
    asserts_types: bool


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _functions(path: Path) -> list[Function]:
    """The module's top-level functions, in order."""
    functions: list[Function] = []
    for node in _tree(path).body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        arguments = node.args
        parameters = (
            len(arguments.posonlyargs)
            + len(arguments.args)
            + len(arguments.kwonlyargs)
            + (arguments.vararg is not None)
            + (arguments.kwarg is not None)
        )
        asserts_types = any(
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "assert_type"
            for call in ast.walk(node)
        )
        functions.append(
            Function(node.name, isinstance(node, ast.AsyncFunctionDef), parameters, asserts_types)
        )
    return functions


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.add(node.module.split(".")[0])
    return names


def test_the_benchmark_times_the_downstream_module_the_typing_tests_check() -> None:
    assert TYPED_MODULE == ROOT / "tests" / "typing" / "downstream_app.py"
    assert TYPED_MODULE.is_file()
    assert "tests/typing/downstream_app.py" in (ROOT / "scripts" / "test").read_text()
    assert BASELINE_MODULE == ROOT / "benchmarks" / "typecheck" / "downstream_mypy_boto3.py"
    # No copy of the typed module next to the baseline.
    copies = {p.name for p in BASELINE_MODULE.parent.glob("*.py")} - {BASELINE_MODULE.name}
    assert copies == set()


def test_both_modules_define_the_same_top_level_functions_in_the_same_order() -> None:
    typed = [function.name for function in _functions(TYPED_MODULE)]
    baseline = [function.name for function in _functions(BASELINE_MODULE)]
    assert typed, "no top-level function found in the typed module"
    assert baseline == typed


@pytest.mark.parametrize(
    "typed",
    _functions(TYPED_MODULE),
    ids=lambda function: function.name,
)
def test_each_function_has_a_twin_of_the_same_shape(typed: Function) -> None:
    twins = {function.name: function for function in _functions(BASELINE_MODULE)}
    assert typed.name in twins, f"{typed.name} has no twin in {BASELINE_MODULE.name}"
    # Same async-ness and arity; `assert_type` in both or in neither.
    assert twins[typed.name] == typed


def test_the_baseline_is_written_without_elasticache_typed() -> None:
    assert "elasticache_typed" in _imported_modules(TYPED_MODULE)
    baseline = _imported_modules(BASELINE_MODULE)
    assert "elasticache_typed" not in baseline
    assert {"boto3", "mypy_boto3_elasticache", "botocore"} <= baseline
    # The async half runs on aiobotocore typed with types-aiobotocore-elasticache, as the
    # typed module's AsyncElastiCache does.
    assert {"aiobotocore", "types_aiobotocore_elasticache"} <= baseline
