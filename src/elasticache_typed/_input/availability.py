"""What the installed botocore knows: code generated from a newer ElastiCache model runs on an
older botocore, and a call that needs an operation or member that botocore's model lacks
fails before anything is sent, naming it (botocore could not serialise it). A member that
model requires and the generated code does not (an older model's stricter rule) is checked as
a required argument."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from weakref import WeakKeyDictionary

import botocore
from botocore import xform_name
from botocore.model import OperationModel, OperationNotFoundError, ServiceModel

from elasticache_typed._errors.categories import ValidationError
from elasticache_typed._generated.version import GENERATED_FROM_BOTOCORE
from elasticache_typed._input.params import inputs
from elasticache_typed._input.steps import required


class _Gaps:
    """Where an installed operation model and the generated input checks differ (a slotted
    class: a NamedTuple compiles its methods at import)."""

    __slots__ = ("lacking", "required")

    def __init__(self, lacking: tuple[str, ...], required: tuple[str, ...]) -> None:
        self.lacking = lacking  # members the generated code knows and the installed model lacks
        self.required = required  # members the installed model requires, the generated code not


_gaps: WeakKeyDictionary[OperationModel, _Gaps] = WeakKeyDictionary()
"""Per installed operation model, its gaps (at the pins, none), found at its first call."""


def _upgrade() -> str:
    return (
        f"the installed botocore {botocore.__version__} does not have it (this code was "
        f"generated from botocore {GENERATED_FROM_BOTOCORE}): upgrade botocore and boto3"
    )


def available_operation(service: ServiceModel, operation: str) -> OperationModel:
    """The model of `operation`; ValidationError when the installed botocore lacks it."""
    try:
        return service.operation_model(operation)
    except OperationNotFoundError:
        raise ValidationError(f"{xform_name(operation)}: {_upgrade()}") from None


def check_members(operation: OperationModel, values: Mapping[str, Any]) -> None:
    """ValidationError when a value that is set (not None) is for a member the generated code
    knows and the installed botocore's model of the operation lacks; TypeError when a member
    that model requires (and the generated code does not) is None."""
    gaps = _gaps.get(operation)
    if gaps is None:
        gaps = _gaps[operation] = _gaps_of(operation)
    for name in gaps.lacking:
        if values.get(name) is not None:
            method = xform_name(operation.name)
            raise ValidationError(f"{method}() argument {xform_name(name)!r}: {_upgrade()}")
    for name in gaps.required:
        if values.get(name) is None:
            required(xform_name(operation.name), xform_name(name))


def _gaps_of(operation: OperationModel) -> _Gaps:
    generated = inputs()[operation.name]
    shape = operation.input_shape
    installed = shape.members if shape else {}
    installed_required = shape.required_members if shape else []
    return _Gaps(
        tuple(name for name in generated.members if name not in installed),
        tuple(name for name in installed_required if name not in generated.required),
    )
