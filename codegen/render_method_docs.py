"""The docstrings of the facade methods: the model's description, a link to the operation's
page in the AWS API reference, then Google-style `Args:`, `Returns:` and `Raises:`.

`Raises:` names the classes a caller can catch: the errors the model lists for the
operation (as `errors.X`), then the categories any call can raise (`type_maps.always_raised`).
"""

from __future__ import annotations

from codegen.docs import blocks
from codegen.model import Model, Operation, Paginator, Waiter
from codegen.render_common import WIDTH, docstring, wrap
from codegen.type_maps.always_raised import ALWAYS_RAISED

API_REFERENCE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_{}.html"

Args = list[tuple[str, str]]  # (parameter, note) in signature order

_INDENT = 8  # a method's docstring, inside its class
_WAITER_FAILED = "The waiter reached a failure state or ran out of attempts."


def _section(title: str, entries: list[tuple[str, str]]) -> str:
    """A Google-style section: `name: text` entries, continuation lines indented."""
    lines = [f"{title}:"]
    for name, text in entries:
        lines += wrap(f"    {name}: {text}", WIDTH - _INDENT, " " * 8)
    return "\n".join(lines)


def _raises(model: Model, op: Operation, skip_codes: frozenset[str] = frozenset()) -> Args:
    by_name = {error.name: error for error in model.errors}
    entries = []
    for name in op.errors:
        error = by_name[name]
        if error.code in skip_codes:
            continue
        found = blocks(error.doc)
        first = found[0] if found and isinstance(found[0], str) else f"The {name} error."
        entries.append((f"errors.{name}", first))
    return entries


def _always() -> Args:
    return [(f"errors.{name}", text) for name, text in ALWAYS_RAISED]


def _docstring(
    summary: str,
    operation: str,
    args: Args,
    returns: str,
    raises: Args,
) -> str:
    # The link stays on one line, so that it reads and clicks whole in a hover.
    sections = [f"AWS API reference: {API_REFERENCE.format(operation)}"]
    if args:
        sections.append(_section("Args", args))
    sections.append("Returns:\n" + "\n".join(wrap(f"    {returns}", WIDTH - _INDENT, " " * 8)))
    sections.append(_section("Raises", raises + _always()))
    return docstring(summary, indent=_INDENT, tail="\n\n".join(sections))


def operation_doc(model: Model, op: Operation, args: Args) -> str:
    if op.output is None:
        returns = "None: the service answers with no data."
    else:
        output = next(s for s in model.structures if s.name == op.output)
        attrs = ", ".join(f"`{m.attr}`" for m in output.members)
        returns = f"The {op.name} result, a `shapes.{op.output}`" + (
            f" with {attrs}." if attrs else "."
        )
    return _docstring(op.doc or op.name, op.name, args, returns, _raises(model, op))


def paginator_doc(model: Model, p: Paginator, args: Args, iterator: str) -> str:
    op = p.operation
    summary = (
        f"Iterate over every `{p.item_type}` of the {op.name} pages.\n\n"
        f"Each page is asked for as you iterate; the arguments are checked when you call this."
    )
    returns = f"An {iterator} over the `{p.item_type}` items of every page."
    return _docstring(summary, op.name, args, returns, _raises(model, op))


def waiter_doc(model: Model, w: Waiter, args: Args) -> str:
    op = w.operation
    summary = (
        f"Wait until the {w.name} condition holds, polling {op.name}.\n\n"
        f"It asks every `delay` seconds, at most `max_attempts` times."
    )
    raises = [("errors.WaiterError", _WAITER_FAILED)] + _raises(model, op, w.accepted_errors)
    returns = "None, once the condition holds."
    return _docstring(summary, op.name, args, returns, raises)
