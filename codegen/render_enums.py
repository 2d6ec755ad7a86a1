"""Render `_generated/enums.py`: for each enum of the model, its values as a typed tuple and
a `TypeIs` check, so a `str` from configuration becomes the shape's Literal without a cast."""

from __future__ import annotations

from botocore import xform_name

from codegen.model import Enum, Model
from codegen.render_common import header


def check_name(enum: Enum) -> str:
    """`is_transit_encryption_mode` for TransitEncryptionMode."""
    return f"is_{xform_name(enum.name)}"


def values_name(enum: Enum) -> str:
    """`TRANSIT_ENCRYPTION_MODE_VALUES` for TransitEncryptionMode."""
    return f"{xform_name(enum.name).upper()}_VALUES"


def _enum(enum: Enum) -> str:
    values = "".join(f'    "{value}",\n' for value in enum.values)
    return (
        f"{values_name(enum)}: tuple[shapes.{enum.name}, ...] = (\n{values})\n"
        f'"""The values of `shapes.{enum.name}`, in the model\'s order."""\n\n\n'
        f"def {check_name(enum)}(value: object) -> TypeIs[shapes.{enum.name}]:\n"
        f'    """Whether `value` is one of the values of `shapes.{enum.name}`.\n\n'
        f"    Args:\n"
        f"        value: Any object, such as a string read from configuration.\n\n"
        f"    Returns:\n"
        f"        True when it is a str in `{values_name(enum)}`; a type checker then\n"
        f"        narrows it to `shapes.{enum.name}`.\n"
        f'    """\n'
        f"    return isinstance(value, str) and value in {values_name(enum)}\n"
    )


def render(model: Model) -> str:
    names = sorted(n for e in model.enums for n in (check_name(e), values_name(e)))
    if len(set(names)) != len(names):
        raise SystemExit("two enums share a snake_case name")
    exports = "".join(f'    "{name}",\n' for name in names)
    body = "\n\n".join(_enum(e) for e in model.enums)
    return f'''{header(model)}
"""The values of each enum of the model, and a check that narrows a value to its Literal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from elasticache_typed._generated import shapes

if TYPE_CHECKING:
    from typing_extensions import TypeIs

__all__ = [
{exports}]


{body}'''
