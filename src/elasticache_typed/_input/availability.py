"""What the installed botocore knows: code generated from a newer ElastiCache model runs on an
older botocore, and a call that needs an operation or member that botocore's model lacks
fails before anything is sent, naming it (botocore could not serialise it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import botocore
from botocore import xform_name
from botocore.model import OperationModel, OperationNotFoundError, ServiceModel

from elasticache_typed._errors.categories import ValidationError
from elasticache_typed._generated.version import GENERATED_FROM_BOTOCORE


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
    """ValidationError when a value that is set (not None) is for a member the installed
    botocore's model of the operation lacks."""
    members = operation.input_shape.members if operation.input_shape else {}
    for name, value in values.items():
        if value is not None and name not in members:
            method = xform_name(operation.name)
            raise ValidationError(f"{method}() argument {xform_name(name)!r}: {_upgrade()}")
