"""Render `_generated/facade.py` and `_generated/async_facade.py`: the `ElastiCache` and
`AsyncElastiCache` classes, a method per operation, a `paginate_*` per paginator and a
`wait_until_*` per waiter.

Both classes come from the same per-operation rendering; a `Flavor` says only what differs:
`async def` and `await` for calls and waiters, `AsyncIterator` for paginators (a plain method
returning an async iterator, so its input is checked when it is called).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from botocore.model import ListShape, MapShape, Shape, StructureShape

from codegen.model import Member, Model, Operation, Paginator, Waiter, annotation
from codegen.render_common import header
from codegen.render_method_docs import operation_doc, paginator_doc, waiter_doc
from codegen.scalars import PYTHON_NAMES

_TAG_LIST_DOC = "Tags as `shapes.Tag` objects or a mapping of key to value (None for no value)."


def is_tag_list(shape: Shape) -> bool:
    return isinstance(shape, ListShape) and shape.member.name == "Tag"


def param_annotation(shape: Shape) -> str:
    """The annotation of a facade argument: shapes qualified, lists widened to Sequence."""
    if is_tag_list(shape):
        return "TagsInput"
    if isinstance(shape, ListShape):
        return f"Sequence[{param_annotation(shape.member)}]"
    if isinstance(shape, MapShape):
        return f"Mapping[{param_annotation(shape.key)}, {param_annotation(shape.value)}]"
    if isinstance(shape, StructureShape) or getattr(shape, "enum", None):
        return f"shapes.{shape.name}"
    return annotation(shape)


@dataclass(frozen=True)
class Flavor:
    """What the blocking and the asyncio facade classes differ in."""

    class_name: str
    base_module: str
    base_class: str
    class_doc: str
    call_def: str  # how an operation or waiter method is defined: "def" or "async def"
    await_: str  # what precedes a call of the base: "" or "await "
    iterator: str  # what a paginator method returns: "Iterator" or "AsyncIterator"
    iterator_doc: str  # the same, as its docstring says it: "iterator" or "async iterator"


SYNC = Flavor(
    class_name="ElastiCache",
    base_module="elasticache_typed._facades.base",
    base_class="FacadeBase",
    class_doc=(
        "Typed client for Amazon ElastiCache over a boto3 `elasticache` client.\n\n"
        "    Each method takes keyword arguments named as botocore's snake_case of the wire "
        "names,\n    checks them before anything is sent, and returns the typed output shape."
    ),
    call_def="def",
    await_="",
    iterator="Iterator",
    iterator_doc="iterator",
)
ASYNC = Flavor(
    class_name="AsyncElastiCache",
    base_module="elasticache_typed._facades.async_base",
    base_class="AsyncFacadeBase",
    class_doc=(
        "Typed asyncio client for Amazon ElastiCache over an aiobotocore `elasticache` client.\n\n"
        "    The same methods as `ElastiCache`: operations and waiters are coroutines, paginators\n"
        "    return async iterators. Input is checked before anything is sent."
    ),
    call_def="async def",
    await_="await ",
    iterator="AsyncIterator",
    iterator_doc="async iterator",
)


def _item_annotation(type_name: str) -> str:
    return type_name if type_name in PYTHON_NAMES else f"shapes.{type_name}"


def _signature(members: list[Member], extra: list[str]) -> str:
    ordered = sorted(members, key=lambda m: not m.required)
    lines = ["        self,"]
    if ordered or extra:
        lines.append("        *,")
    for m in ordered:
        default = "" if m.required else " | None = None"
        lines.append(f"        {m.attr}: {param_annotation(m.shape)}{default},")
    lines.extend(f"        {e}," for e in extra)
    return "\n".join(lines)


def _params(members: list[Member]) -> str:
    if not members:
        return "{}"
    items = "".join(f'                "{m.name}": {m.attr},\n' for m in members)
    return "{\n" + items + "            }"


def _args(members: list[Member], extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each parameter's note for Args:, in signature order."""
    return [
        (m.attr, _TAG_LIST_DOC if is_tag_list(m.shape) else m.note or f"Sent as {m.name}.")
        for m in sorted(members, key=lambda m: not m.required)
    ] + extra


def _operation(op: Operation, flavor: Flavor, model: Model) -> str:
    members = op.input.members if op.input else []
    returns = f"shapes.{op.output}" if op.output else "None"
    call = (
        f'self._call(\n            "{op.name}",\n            shapes.{op.output},\n'
        f"            {_params(members)},\n        )"
        if op.output
        else f'self._call_without_output(\n            "{op.name}",\n'
        f"            {_params(members)},\n        )"
    )
    return (
        f"    {flavor.call_def} {op.method}(\n{_signature(members, [])}\n    ) -> {returns}:\n"
        f"{operation_doc(model, op, _args(members, []))}\n"
        f"        return {flavor.await_}{call}\n"
    )


def _paginator(p: Paginator, flavor: Flavor, model: Model) -> str:
    op = p.operation
    assert op.input is not None
    members = [m for m in op.input.members if m.name not in p.paging_members]
    item = _item_annotation(p.item_type)
    extra_doc = [
        ("page_size", "How many items to ask for in each page (the operation's limit)."),
        ("max_items", "Stop after this many items in all."),
    ]
    return (
        "    @paginator_method\n"
        f"    def paginate_{op.method}(\n"
        f"{_signature(members, ['page_size: int | None = None', 'max_items: int | None = None'])}\n"
        f"    ) -> {flavor.iterator}[{item}]:\n"
        f"{paginator_doc(model, p, _args(members, extra_doc), flavor.iterator_doc)}\n"
        f"        return self._paginate(\n"
        f"            self._paging(\n"
        f'                "{op.name}",\n'
        f'                "{p.result_key}",\n'
        f"                {item},\n"
        f"                {_params(members)},\n"
        f"                page_size,\n"
        f"                max_items,\n"
        f"            )\n"
        f"        )\n"
    )


def _waiter(w: Waiter, flavor: Flavor, model: Model) -> str:
    op = w.operation
    members = op.input.members if op.input else []
    if w.identifier is not None:  # a waiter the model lacks: it takes only the resource's id
        members = [replace(m, required=True) for m in members if m.name == w.identifier]
    extra_doc = [
        ("delay", f"Seconds between attempts (default {w.delay})."),
        ("max_attempts", f"Attempts before giving up (default {w.max_attempts})."),
    ]
    return (
        f"    {flavor.call_def} {w.method}(\n"
        f"{_signature(members, ['delay: int | None = None', 'max_attempts: int | None = None'])}\n"
        f"    ) -> None:\n"
        f"{waiter_doc(model, w, _args(members, extra_doc))}\n"
        f"        {flavor.await_}self._wait(\n"
        f"            self._waiting(\n"
        f'                "{w.name}",\n'
        f'                "{op.name}",\n'
        f"                {_params(members)},\n"
        f"                delay,\n"
        f"                max_attempts,\n"
        f"            )\n"
        f"        )\n"
    )


def render(model: Model, flavor: Flavor = SYNC) -> str:
    """The source of the facade module of `flavor` (the blocking one by default)."""
    methods = [_operation(op, flavor, model) for op in model.operations]
    methods += [_paginator(p, flavor, model) for p in model.paginators]
    methods += [_waiter(w, flavor, model) for w in model.waiters]
    body = "\n".join(methods)
    return f'''{header(model)}
"""The typed {flavor.class_name} facade: a method per operation, paginator and waiter."""

from __future__ import annotations

from collections.abc import {flavor.iterator}, Mapping, Sequence
from datetime import datetime

from elasticache_typed._facades.core import paginator_method
from elasticache_typed._input.params import TagsInput
from {flavor.base_module} import {flavor.base_class}
from elasticache_typed._generated import shapes

__all__ = ["{flavor.class_name}"]


class {flavor.class_name}({flavor.base_class}):
    """{flavor.class_doc}
    """

{body}'''


def render_async(model: Model) -> str:
    """The source of `_generated/async_facade.py`."""
    return render(model, ASYNC)
