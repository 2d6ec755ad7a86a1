"""Render `_generated/request_answers.py`: `Stubber.add_response_for_request` typed per
operation, one overload each, so an answer of the wrong type is a type error."""

from __future__ import annotations

from collections import Counter

from codegen.model import Model, Operation
from codegen.render_common import header


def _overload(operation: Operation) -> str:
    assert operation.input is not None, operation.name
    answer = f"shapes.{operation.output}" if operation.output else "None"
    return (
        "    @overload\n"
        "    def add_response_for_request(\n"
        f"        self, request: shapes.{operation.input.name}, answer: {answer}\n"
        "    ) -> None: ...\n"
    )


def render(model: Model) -> str:
    operations = [o for o in model.operations if o.input is not None]
    shared = [
        name for name, n in Counter(o.input.name for o in operations if o.input).items() if n > 1
    ]
    if shared:
        # One request shape must name one operation, or its answer type is ambiguous.
        raise SystemExit(f"input shapes shared by several operations: {', '.join(shared)}")
    overloads = "\n".join(_overload(o) for o in operations)
    return f'''{header(model)}
"""`testing.Stubber.add_response_for_request`, typed per operation: the answer is the output
shape of the operation whose input shape the request is (None for an operation without one)."""

from __future__ import annotations

from typing import overload

from elasticache_typed._generated import shapes

__all__ = ["RequestAnswers"]


class RequestAnswers:
    """The typed `add_response_for_request` of `testing.Stubber`."""

{overloads}
    def add_response_for_request(self, request: object, answer: object) -> None:
        """Answer the call whose input shape equals `request` with `answer`.

        Args:
            request: The operation's input shape as the facade method sends it, e.g. a
                `shapes.CopySnapshotMessage` for `copy_snapshot`.
            answer: The operation's output shape, e.g. a `shapes.CopySnapshotResult`, or None
                for an operation without output.

        Raises:
            TypeError: `request` is not an operation's input shape, or `answer` is not that
                operation's output.
        """
        self._add_response_for_request(request, answer)

    def _add_response_for_request(self, request: object, answer: object) -> None:
        raise NotImplementedError("implemented by testing.Stubber")
'''
