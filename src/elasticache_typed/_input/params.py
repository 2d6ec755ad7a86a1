"""Check a call's arguments and build boto3's params: the run-time entry of the generated
input checks (`_generated/input_checks.py`, one function per operation).

The generated module is loaded by name, when a facade is made (`prepare`) or on first use:
type checkers of downstream code then never analyse its generated lines, and importing the
package stays as cheap. Nothing here echoes a value: messages name the parameter and the
expected type or the rule that broke, so a secret passed in the wrong place never reaches a
message.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, cast

from elasticache_typed._generated import shapes
from elasticache_typed._input.steps import Input

# "shapes.Tag" quoted: naming the class here would build it, and import attrs, at import.
TagsInput: TypeAlias = Sequence["shapes.Tag"] | Mapping[str, str | None]
"""Tags as Tag objects, or a mapping of key to value (None: a tag with no value)."""

_inputs: dict[str, Input] = {}
"""The generated `INPUTS`, once loaded: each operation's checks and the members it knows."""


def inputs() -> dict[str, Input]:
    """Each operation's generated input checks, by operation name (loaded on first use)."""
    if not _inputs:
        module = importlib.import_module("elasticache_typed._generated.input_checks")
        _inputs.update(cast("dict[str, Input]", module.INPUTS))
    return _inputs


def prepare() -> None:
    """Load the input checks now, so that a facade's first call is not slowed by it."""
    inputs()


def request_params(operation: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """boto3's params for the given wire-named values of a call of `operation`; None values
    are left out. None for a required member is a TypeError, as a missing argument is; a
    wrong type or a broken tag rule is a ValidationError naming the parameter."""
    checks = _inputs.get(operation)
    if checks is None:
        checks = inputs()[operation]
    return checks.params(values)
