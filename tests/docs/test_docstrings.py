"""Every docstring of the package reads as clean text in a hover and on the site.

Docstrings are collected from the source (generated and handwritten, `.py` and `.pyi`,
attribute docstrings included): no bare list marker, no list announced and left out, no
HTML left over from the model. Each facade method says what it returns and raises, and
links its operation's page in the AWS API reference.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import botocore.session
import pytest

import elasticache_typed
from elasticache_typed import ElastiCache
from elasticache_typed._errors.solutions import DOCUMENTED_SOLUTIONS

PACKAGE = Path(elasticache_typed.__file__).parent
API_REFERENCE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_{}.html"

_BARE_MARKER = re.compile(r"\s*([-*+•]|\d+[.)])\s*")
_LIST_ITEM = re.compile(r"\s*([-*+]|\d+\.) \S")
_CODE_SPAN = re.compile(r"`[^`]*`")
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(\s[^<>]*)?/?>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _docstrings(path: Path) -> Iterator[tuple[str, str]]:
    """(where, docstring) for the module, each class and function, and each attribute."""
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node)
            if doc:
                yield f"{path.name}:{getattr(node, 'name', '<module>')}", doc
            body = node.body
            for first, second in zip(body, body[1:], strict=False):
                if (
                    isinstance(first, ast.Assign | ast.AnnAssign)
                    and isinstance(second, ast.Expr)
                    and isinstance(second.value, ast.Constant)
                    and isinstance(second.value.value, str)
                ):
                    yield f"{path.name}:{first.lineno}", inspect.cleandoc(second.value.value)


def problems(doc: str) -> list[str]:
    """What is wrong with one docstring (empty when it reads well)."""
    found = []
    lines = doc.splitlines()
    if any(_BARE_MARKER.fullmatch(line) for line in lines):
        found.append("a bare list marker")
    if _MARKUP.search(_CODE_SPAN.sub("", doc)):
        found.append("leftover markup")
    blocks = [block for block in re.split(r"\n\s*\n", doc) if block.strip()]
    for block, following in zip(blocks, blocks[1:] + [""], strict=True):
        last = block.rstrip().splitlines()[-1]
        if not last.endswith(":"):
            continue
        indent = len(last) - len(last.lstrip())
        next_line = following.splitlines()[0] if following else ""
        deeper = len(next_line) - len(next_line.lstrip()) > indent
        if not (_LIST_ITEM.match(next_line) or deeper):
            found.append(f"an announced list left out after {last.strip()!r}")
    if re.search(r"\.\.\.\s*$", doc):
        found.append("a cut marked with ...")
    return found


ALL_DOCSTRINGS = [
    (where, doc)
    for path in sorted(PACKAGE.rglob("*.py*"))
    if path.suffix in (".py", ".pyi")
    for where, doc in _docstrings(path)
]


def test_the_checks_find_what_they_look_for() -> None:
    assert problems("Items\n\n-\nfoo") == ["a bare list marker"]
    assert problems("Valid values are:") == ["an announced list left out after 'Valid values are:'"]
    assert problems("Valid values are:\n\nThen more.")
    assert problems("See <a href='x'>the guide</a>") == ["leftover markup"]
    assert problems("Ampersands &amp; entities") == ["leftover markup"]
    assert problems("Stops at a cut...") == ["a cut marked with ..."]
    assert not problems("Valid values:\n\n- `a`\n- `b`\n\nArgs:\n    x: The `<id>`.")


def test_every_docstring_reads_cleanly() -> None:
    assert len(ALL_DOCSTRINGS) > 2000
    bad = [f"{where}: {found}" for where, doc in ALL_DOCSTRINGS if (found := problems(doc))]
    assert not bad, "\n".join(bad)


FACADES = [ElastiCache, elasticache_typed.AsyncElastiCache]
MODEL = botocore.session.get_session().get_service_model("elasticache")
LOADER = botocore.session.get_session().get_component("data_loader")


def _public_methods(cls: type) -> list[str]:
    return [name for name in dir(cls) if not name.startswith("_") and callable(getattr(cls, name))]


def _doc(cls: type, method: str) -> str:
    return inspect.getdoc(getattr(cls, method)) or ""


@pytest.mark.parametrize("cls", FACADES, ids=lambda c: c.__name__)
def test_every_facade_method_says_what_it_returns_and_raises(cls: type) -> None:
    methods = _public_methods(cls)
    assert len(methods) > len(MODEL.operation_names)
    missing = [
        name
        for name in methods
        if not all(section in _doc(cls, name) for section in ("Returns:", "Raises:"))
    ]
    assert not missing


def _polled_operations() -> dict[str, str]:
    """The method of each operation, paginator and waiter of the model, and its operation."""
    methods = {botocore.xform_name(op): op for op in MODEL.operation_names}
    for op in LOADER.load_service_model("elasticache", "paginators-1")["pagination"]:
        methods[f"paginate_{botocore.xform_name(op)}"] = op
    waiters = LOADER.load_service_model("elasticache", "waiters-2")["waiters"]
    for name, config in waiters.items():
        methods[f"wait_until_{botocore.xform_name(name)}"] = config["operation"]
    return methods


@pytest.mark.parametrize("cls", FACADES, ids=lambda c: c.__name__)
def test_model_methods_link_the_api_reference_and_name_the_operation_errors(cls: type) -> None:
    for method, operation in _polled_operations().items():
        doc = _doc(cls, method)
        assert API_REFERENCE.format(operation) in doc, method
        for error in MODEL.operation_model(operation).error_shapes:
            if not method.startswith("wait_until_"):  # waiters leave out what they accept
                assert f"errors.{error.name}:" in doc, (method, error.name)
        assert "errors.ValidationError:" in doc and "errors.ThrottlingError:" in doc, method


def test_copy_snapshot_keeps_every_documented_error_message() -> None:
    doc = " ".join(_doc(ElastiCache, "copy_snapshot").split())
    assert len(DOCUMENTED_SOLUTIONS) == 8
    for message, _solution in DOCUMENTED_SOLUTIONS:
        assert f"Error Message: {message}" in doc


def _plain(html_text: str) -> str:
    text = re.sub(r"<[^>]+>", "", html_text).replace("&lt;", "<").replace("&gt;", ">")
    text = " ".join(text.replace("&amp;", "&").split())
    return re.sub(r" ([.,;:)])", r"\1", text)


def test_parameter_notes_keep_the_whole_first_paragraph() -> None:
    checked = 0
    for operation in MODEL.operation_names:
        op = MODEL.operation_model(operation)
        doc = " ".join(_doc(ElastiCache, botocore.xform_name(operation)).replace("`", "").split())
        for name, member in op.input_shape.members.items() if op.input_shape else []:
            found = re.match(r"\s*<p>(.*?)</p>", member.documentation or "", re.DOTALL)
            first = _plain(found[1] if found else member.documentation or "")
            if name != "Tags" and first and len(first) <= 500:
                assert f"{botocore.xform_name(name)}: {first}" in doc, (operation, name)
                checked += 1
    assert checked > 350
