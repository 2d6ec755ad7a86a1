"""What the installed botocore knows: code generated from a newer ElastiCache model runs on an
older botocore, and a call that needs an operation or member that botocore's model lacks
fails before anything is sent, naming it (botocore could not serialise it)."""

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

_lacking: WeakKeyDictionary[OperationModel, tuple[str, ...]] = WeakKeyDictionary()
"""Per installed operation model, the generated input members it lacks (usually none),
found at its first call."""


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
    knows and the installed botocore's model of the operation lacks."""
    lacking = _lacking.get(operation)
    if lacking is None:
        lacking = _lacking[operation] = _members_lacking(operation)
    for name in lacking:
        if values.get(name) is not None:
            method = xform_name(operation.name)
            raise ValidationError(f"{method}() argument {xform_name(name)!r}: {_upgrade()}")


def _members_lacking(operation: OperationModel) -> tuple[str, ...]:
    known = inputs()[operation.name].members
    installed = operation.input_shape.members if operation.input_shape else {}
    return tuple(name for name in known if name not in installed)
