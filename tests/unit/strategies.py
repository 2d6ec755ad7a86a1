"""Hypothesis strategies for the structure shapes of botocore's ElastiCache model.

Every value is in the exact form boto3 returns and accepts: dicts with PascalCase member
names and only modelled keys, aware datetimes (both `datetime.timezone.utc` and dateutil's
`tzutc()`, the one botocore's parser gives), `str`/`int`/`bool`/`float` by the member's type,
enum members drawn from the shape's enum, lists of 0-3 items. The model has no recursive
shapes, so the depth is bounded by the model itself.

- `structure_values(name, all_members=True)`: every member present, recursively, and lists
  non-empty, so each nested shape is exercised.
- `structure_values(name, all_members=False)`: required members always, a random subset of
  the others, recursively.

`example_dict` is a deterministic counterpart (all members, fixed values) for tests that need
one known value per shape, with a recognisable text in every secret member.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape
from dateutil.tz import tzutc
from hypothesis import strategies as st

MAX_LIST_SIZE = 3
SECRET_MEMBER_NAMES = frozenset({"AuthToken", "Passwords"})
"""Members whose values are secrets although the model does not mark them sensitive."""


def is_secret(member_name: str, member: Shape) -> bool:
    """Whether a member holds a secret: named in DESIGN.md, or marked sensitive by the model."""
    return member_name in SECRET_MEMBER_NAMES or bool(member.metadata.get("sensitive"))


UTC_ZONES = (dt.UTC, tzutc())  # dt.UTC is datetime.timezone.utc
_MIN_TIME = dt.datetime(1970, 1, 1)
_MAX_TIME = dt.datetime(2100, 1, 1)

_INT_RANGES = {
    "integer": (-(2**31), 2**31 - 1),
    "long": (-(2**63), 2**63 - 1),
}


@functools.cache
def service_model() -> ServiceModel:
    """botocore's ElastiCache model (loaded once)."""
    return botocore.session.get_session().get_service_model("elasticache")


def shape(name: str) -> Shape:
    return service_model().shape_for(name)


def is_exception(candidate: Shape) -> bool:
    return bool(candidate.metadata.get("exception") or candidate.metadata.get("error"))


@functools.cache
def structure_shape_names() -> tuple[str, ...]:
    """Every structure shape of the model that is not an error, sorted."""
    model = service_model()
    return tuple(
        sorted(
            name
            for name in model.shape_names
            if isinstance(model.shape_for(name), StructureShape)
            and not is_exception(model.shape_for(name))
        )
    )


@functools.cache
def error_shape_names() -> tuple[str, ...]:
    """Every error (exception) structure shape of the model, sorted."""
    model = service_model()
    return tuple(
        sorted(
            name
            for name in model.shape_names
            if isinstance(model.shape_for(name), StructureShape)
            and is_exception(model.shape_for(name))
        )
    )


@functools.cache
def enum_shape_names() -> tuple[str, ...]:
    """Every string shape of the model with an enum, sorted."""
    model = service_model()
    return tuple(
        sorted(name for name in model.shape_names if getattr(model.shape_for(name), "enum", None))
    )


# --- hypothesis strategies -------------------------------------------------------------------


def timestamps() -> st.SearchStrategy[dt.datetime]:
    """Aware UTC datetimes, in either tzinfo botocore and users give."""
    return st.datetimes(
        min_value=_MIN_TIME, max_value=_MAX_TIME, timezones=st.sampled_from(UTC_ZONES)
    )


def value_strategy(member: Shape, *, all_members: bool) -> st.SearchStrategy[Any]:
    """Values of one shape, in boto3's form."""
    type_name = member.type_name
    if isinstance(member, StructureShape):
        return structure_values(member.name, all_members=all_members)
    if isinstance(member, ListShape):
        return st.lists(
            value_strategy(member.member, all_members=all_members),
            min_size=1 if all_members else 0,
            max_size=MAX_LIST_SIZE,
        )
    if isinstance(member, MapShape):
        return st.dictionaries(
            value_strategy(member.key, all_members=all_members),
            value_strategy(member.value, all_members=all_members),
            min_size=1 if all_members else 0,
            max_size=MAX_LIST_SIZE,
        )
    if type_name == "string":
        if member.enum:
            return st.sampled_from(list(member.enum))
        return st.text(max_size=12)
    if type_name in _INT_RANGES:
        low, high = _INT_RANGES[type_name]
        return st.integers(min_value=low, max_value=high)
    if type_name == "boolean":
        return st.booleans()
    if type_name in ("double", "float"):
        return st.floats(allow_nan=False, allow_infinity=False)
    if type_name == "timestamp":
        return timestamps()
    if type_name == "blob":
        return st.binary(max_size=12)
    raise NotImplementedError(f"no strategy for shape type {type_name} ({member.name})")


@functools.cache
def structure_values(shape_name: str, *, all_members: bool) -> st.SearchStrategy[dict[str, Any]]:
    """boto3 dicts for a structure shape: all members, or required ones plus a random subset."""
    structure = shape(shape_name)
    assert isinstance(structure, StructureShape), shape_name
    required = set(structure.required_members)
    fixed = {}
    optional = {}
    for name, member in structure.members.items():
        strategy = value_strategy(member, all_members=all_members)
        if all_members or name in required:
            fixed[name] = strategy
        else:
            optional[name] = strategy
    return st.fixed_dictionaries(fixed, optional=optional)


def all_members(shape_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """boto3 dicts for a structure shape with every member present, recursively."""
    return structure_values(shape_name, all_members=True)


def member_subsets(shape_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """boto3 dicts for a structure shape with its required members and any subset of the rest."""
    return structure_values(shape_name, all_members=False)


# --- a deterministic example -----------------------------------------------------------------

EXAMPLE_TIME = dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC)


def example_value(member: Shape, member_name: str, *, secret: str) -> Any:
    """A fixed boto3 value for one member; secret members hold `secret` (or a list of it)."""
    if is_secret(member_name, member):
        if isinstance(member, ListShape):
            return [secret, secret + "-second"]
        return secret
    if isinstance(member, StructureShape):
        return example_dict(member.name, secret=secret)
    if isinstance(member, ListShape):
        return [example_value(member.member, member_name, secret=secret)]
    if isinstance(member, MapShape):
        key = example_value(member.key, member_name, secret=secret)
        return {key: example_value(member.value, member_name, secret=secret)}
    type_name = member.type_name
    if type_name == "string":
        return member.enum[0] if member.enum else f"{member_name.lower()}-value"
    if type_name in _INT_RANGES:
        return 7
    if type_name == "boolean":
        return True
    if type_name in ("double", "float"):
        return 2.5
    if type_name == "timestamp":
        return EXAMPLE_TIME
    if type_name == "blob":
        return b"blob"
    raise NotImplementedError(f"no example for shape type {type_name} ({member.name})")


def example_dict(shape_name: str, *, secret: str = "example-secret") -> dict[str, Any]:
    """A boto3 dict for a structure shape with every member set to a fixed value."""
    structure = shape(shape_name)
    assert isinstance(structure, StructureShape), shape_name
    return {
        name: example_value(member, name, secret=secret)
        for name, member in structure.members.items()
    }


def contains_secret_member(shape_name: str) -> bool:
    """Whether a structure shape holds a secret member, directly or in a nested shape."""
    return _contains_secret(shape(shape_name), frozenset())


def _contains_secret(candidate: Shape, seen: frozenset[str]) -> bool:
    if candidate.name in seen:
        return False
    seen = seen | {candidate.name}
    if isinstance(candidate, StructureShape):
        return any(
            is_secret(name, member) or _contains_secret(member, seen)
            for name, member in candidate.members.items()
        )
    if isinstance(candidate, ListShape):
        return _contains_secret(candidate.member, seen)
    if isinstance(candidate, MapShape):
        return _contains_secret(candidate.value, seen)
    return False
