"""Format the rendered modules with ruff and write them, or check they are up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from codegen import (
    render_enums,
    render_errors,
    render_extra_waiters,
    render_facade,
    render_hooks,
    render_input_checks,
    render_reader,
    render_secrets,
    render_shapes,
    render_testing,
)
from codegen.model import Model
from codegen.render_common import header

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "elasticache_typed" / "_generated"


def _ruff(args: list[str], source: str, name: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--stdin-filename", name, "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"ruff {args[0]} failed on {name}:\n{result.stdout}{result.stderr}")
    return result.stdout


def _format(source: str, name: str) -> str:
    """Imports sorted, unused ones dropped, then ruff's formatting."""
    fixed = _ruff(["check", "--fix-only", "--select", "I,F401", "--exit-zero"], source, name)
    return _ruff(["format"], fixed, name)


def render_all(model: Model) -> dict[str, str]:
    """Every generated file, formatted, by its name inside `_generated/`."""
    sources = {
        "__init__.py": f'{header(model)}\n"""Code generated from the botocore model."""\n',
        "version.py": (
            f'{header(model)}\n"""The botocore version the generated code was made from."""\n\n'
            f'GENERATED_FROM_BOTOCORE = "{model.botocore_version}"\n'
            '"""The botocore version whose ElastiCache model the generated code was made from."""\n'
        ),
        "shapes.pyi": render_shapes.render_stub(model),
        "shapes.py": render_shapes.render_runtime(model),
        "literals.py": render_shapes.render_literals(model),
        "hooks.py": render_hooks.render(model),
        "input_checks.py": render_input_checks.render(model),
        "reader.py": render_reader.render(model),
        "errors.py": render_errors.render(model),
        "secrets.py": render_secrets.render(model),
        "enums.py": render_enums.render(model),
        "facade.py": render_facade.render(model),
        "async_facade.py": render_facade.render_async(model),
        "extra_waiters.py": render_extra_waiters.render(model),
        "request_answers.py": render_testing.render(model),
    }
    return {name: _format(text, str(TARGET / name)) for name, text in sources.items()}


def write(files: dict[str, str]) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (TARGET / name).write_text(text)


def stale(files: dict[str, str]) -> list[str]:
    """Names of the generated files whose committed text differs from a fresh render."""
    committed = {p.name for p in TARGET.glob("*.py*") if p.is_file()}
    changed = [
        name
        for name, text in files.items()
        if not (TARGET / name).exists() or (TARGET / name).read_text() != text
    ]
    return sorted(set(changed) | (committed - set(files)))
