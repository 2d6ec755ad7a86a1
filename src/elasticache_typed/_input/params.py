"""Check a call's arguments and build boto3's params: the run-time entry of the generated
input checks (`_generated/input_checks.py`, one function per operation).

Nothing here echoes a value: messages name the parameter and the expected type or the
rule that broke, so a secret passed in the wrong place never reaches a message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from elasticache_typed._generated import shapes
from elasticache_typed._generated.input_checks import INPUTS

# "shapes.Tag" quoted: naming the class here would build it, and import attrs, at import.
TagsInput: TypeAlias = Sequence["shapes.Tag"] | Mapping[str, str | None]
"""Tags as Tag objects, or a mapping of key to value (None: a tag with no value)."""


def request_params(operation: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """boto3's params for the given wire-named values of a call of `operation`; None values
    are left out. None for a required member is a TypeError, as a missing argument is; a
    wrong type or a broken tag rule is a ValidationError naming the parameter."""
    return INPUTS[operation].params(values)
