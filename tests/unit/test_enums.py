"""elasticache_typed.enums: for every enum of the installed model, its values and a check that
narrows a value to the shape's Literal."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import pytest
from botocore import xform_name

from elasticache_typed import enums, shapes

from . import strategies

ENUM_NAMES = strategies.enum_shape_names()


def values_of(name: str) -> tuple[str, ...]:
    found: tuple[str, ...] = getattr(enums, f"{xform_name(name).upper()}_VALUES")
    return found


def check_of(name: str) -> Callable[[object], bool]:
    found: Callable[[object], bool] = getattr(enums, f"is_{xform_name(name)}")
    return found


def test_two_names_per_enum_of_the_model_and_nothing_else() -> None:
    assert len(ENUM_NAMES) > 20
    expected = {f"is_{xform_name(n)}" for n in ENUM_NAMES}
    expected |= {f"{xform_name(n).upper()}_VALUES" for n in ENUM_NAMES}
    assert len(expected) == 2 * len(ENUM_NAMES)
    public = {name for name in vars(enums) if not name.startswith("_")}
    assert public == expected


def test_the_documented_examples_exist() -> None:
    assert enums.TRANSIT_ENCRYPTION_MODE_VALUES == ("preferred", "required")
    assert enums.is_transit_encryption_mode("required")
    assert enums.AZ_MODE_VALUES == ("single-az", "cross-az")


@pytest.mark.parametrize("name", ENUM_NAMES)
def test_values_are_the_models_in_its_order(name: str) -> None:
    values = values_of(name)
    assert type(values) is tuple
    assert list(values) == list(strategies.shape(name).enum)
    assert values == typing.get_args(getattr(shapes, name))


@pytest.mark.parametrize("name", ENUM_NAMES)
def test_check_accepts_each_value(name: str) -> None:
    check = check_of(name)
    for value in values_of(name):
        assert check(value) is True
        assert check(type("Configured", (str,), {})(value)) is True  # a str subclass too


def _not_values(name: str) -> list[Any]:
    values = values_of(name)
    # Every enum value the installed model has: at a newer botocore than the pins, that includes
    # values (and enums) the generated module does not know, which the check must refuse too.
    others = {v for n in ENUM_NAMES for v in strategies.shape(n).enum} - set(values)
    near: list[Any] = []
    for value in values:
        near += [value.upper(), value.lower(), f" {value}", f"{value} ", f"{value}x"]
        near += [value.encode(), [value], (value,), {value: value}]
    near = [candidate for candidate in near if candidate not in values]
    return [None, 0, 1.5, True, "", object(), *sorted(others), *near]


@pytest.mark.parametrize("name", ENUM_NAMES)
def test_check_refuses_anything_else_without_raising(name: str) -> None:
    check = check_of(name)
    for candidate in _not_values(name):
        assert check(candidate) is False, candidate


@pytest.mark.parametrize("name", ENUM_NAMES)
def test_each_name_is_documented(name: str) -> None:
    doc = check_of(name).__doc__
    assert doc is not None and f"shapes.{name}" in doc
    assert "Args:" in doc and "Returns:" in doc
