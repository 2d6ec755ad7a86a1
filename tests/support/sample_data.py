"""Deterministic sample values for any shape of botocore's ElastiCache model.

Values are in the form boto3 itself takes and returns: dicts with PascalCase member names,
aware UTC datetimes with whole seconds or milliseconds, floats, ints, bools, strings (enum
members pick a value from the shape's enum), lists of 1-3 items. Two modes:

- `all_members=True`: every member of every structure is present;
- `all_members=False`: required members always, each optional member with probability 1/2
  (a `Tag` always keeps its `Key`: a tag without a key is not a valid tag).

`facade_kwargs` turns such boto3 params into the facade's keyword arguments, the way a caller
would write them: member names become `botocore.xform_name(Member)`; nested structures become
the shape classes (through `converter.structure`); lists become lists or, sometimes, tuples
(the facade takes any Sequence); tag lists sometimes become a `{key: value-or-None}` mapping.

Everything comes from a seeded `random.Random`, so a given seed always gives the same data.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import botocore.session
from botocore import xform_name
from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape

from elasticache_typed import converter, shapes

# Characters the wire must carry intact (form-encoding and XML escaping), added to some strings.
_AWKWARD = [" ", "&", "=", "+", "/", ":", "<", ">", "'", '"', "%", "é", "ü", "ß", "漢"]
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_EPOCH = datetime(2015, 2, 2, tzinfo=UTC)
MAX_DEPTH = 12


@functools.cache
def service_model() -> ServiceModel:
    """The installed botocore's ElastiCache model (cached: loading it is not free)."""
    return botocore.session.get_session().get_service_model("elasticache")


def operation_model(name: str) -> OperationModel:
    return service_model().operation_model(name)


def operation_names() -> list[str]:
    return sorted(service_model().operation_names)


def error_shapes() -> list[StructureShape]:
    return sorted(service_model().error_shapes, key=lambda shape: shape.name)


class SampleData:
    """Sample value factory; one instance holds one random stream."""

    def __init__(self, seed: int | str = 0, *, all_members: bool = True) -> None:
        self.rng = random.Random(str(seed))
        self.all_members = all_members

    # -- public helpers -----------------------------------------------------------------------

    def value(self, shape: Shape, depth: int = 0) -> Any:
        """A valid sample value for `shape`."""
        handler = getattr(self, f"_{shape.type_name}", None)
        if handler is None:
            raise NotImplementedError(f"no sample for shape type {shape.type_name}")
        return handler(shape, depth)

    def input_params(self, operation: str) -> dict[str, Any]:
        """boto3 params for the operation's input shape ({} when it has none)."""
        shape = operation_model(operation).input_shape
        return {} if shape is None else self.value(shape)

    def output(self, operation: str) -> dict[str, Any] | None:
        """A boto3-form result of the operation (without ResponseMetadata), None if no output."""
        shape = operation_model(operation).output_shape
        return None if shape is None else self.value(shape)

    # -- shape types --------------------------------------------------------------------------

    def _structure(self, shape: StructureShape, depth: int) -> dict[str, Any]:
        required = set(shape.required_members)
        result: dict[str, Any] = {}
        for name, member in shape.members.items():
            keep = (
                name in required
                or (shape.name == "Tag" and name == "Key")
                or (self.all_members and depth < MAX_DEPTH)
                or (not self.all_members and depth < MAX_DEPTH and self.rng.random() < 0.5)
            )
            if keep:
                result[name] = self.value(member, depth + 1)
        return result

    def _list(self, shape: ListShape, depth: int) -> list[Any]:
        low = max(1, int(shape.metadata.get("min", 1)))
        high = min(3, int(shape.metadata.get("max", 3)))
        count = self.rng.randint(low, max(low, high))
        items = [self.value(shape.member, depth + 1) for _ in range(count)]
        if shape.member.name == "Tag":
            # Tag keys are unique per resource; make them so.
            for index, item in enumerate(items):
                item["Key"] = f"{item['Key']}-{index}"
        return items

    def _map(self, shape: MapShape, depth: int) -> dict[Any, Any]:
        count = self.rng.randint(1, 3)
        return {
            f"{self.value(shape.key, depth + 1)}-{i}": self.value(shape.value, depth + 1)
            for i in range(count)
        }

    def _string(self, shape: Shape, _: int) -> str:
        if shape.enum:
            return str(self.rng.choice(shape.enum))
        low = int(shape.metadata.get("min", 1))
        high = int(shape.metadata.get("max", 64))
        if shape.metadata.get("pattern") == r"\d+":
            length = self.rng.randint(low, high)
            return "".join(self.rng.choice("0123456789") for _ in range(length))
        suffix = "".join(self.rng.choice(_ALNUM) for _ in range(6))
        text = f"{shape.name}-{suffix}"
        if not shape.metadata.get("pattern") and self.rng.random() < 0.3:
            text += "".join(self.rng.choice(_AWKWARD) for _ in range(3)) + "x"
        if len(text) > high:
            text = text[:high]
        return text.ljust(low, "x")

    def _character(self, shape: Shape, depth: int) -> str:
        return self.rng.choice(_ALNUM)

    def _integer(self, shape: Shape, _: int) -> int:
        low = int(shape.metadata.get("min", 0))
        high = int(shape.metadata.get("max", max(low, 1000)))
        return self.rng.randint(low, high)

    _long = _integer

    def _boolean(self, shape: Shape, _: int) -> bool:
        return self.rng.random() < 0.5

    def _double(self, shape: Shape, _: int) -> float:
        return round(self.rng.uniform(0, 10_000), self.rng.choice([0, 1, 3]))

    _float = _double

    def _timestamp(self, shape: Shape, _: int) -> datetime:
        seconds = self.rng.randrange(0, 12 * 365 * 24 * 3600)
        millis = self.rng.choice([0, self.rng.randrange(1, 1000)])
        return _EPOCH + timedelta(seconds=seconds, milliseconds=millis)

    def _blob(self, shape: Shape, _: int) -> bytes:
        return bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 16)))


# -- facade keyword arguments ---------------------------------------------------------------


def facade_kwargs(
    input_shape: StructureShape | None,
    params: Mapping[str, Any],
    rng: random.Random | None = None,
    *,
    sequences: str = "random",
) -> dict[str, Any]:
    """The facade's kwargs for boto3 `params`.

    `sequences`: "list", "tuple" or "random" (each list picks list, tuple or, for tags, a mapping).
    """
    if input_shape is None:
        assert not params
        return {}
    rng = rng or random.Random(0)
    return {
        xform_name(name): _value(input_shape.members[name], value, rng, sequences)
        for name, value in params.items()
    }


def _value(shape: Shape, value: Any, rng: random.Random, sequences: str) -> Any:
    if isinstance(shape, StructureShape):
        return converter.structure(value, getattr(shapes, shape.name))
    if isinstance(shape, ListShape):
        items = [_value(shape.member, item, rng, sequences) for item in value]
        kind = sequences if sequences != "random" else rng.choice(["list", "tuple", "mapping"])
        if kind == "mapping" and shape.member.name == "Tag" and _unique_keys(value):
            return {tag["Key"]: tag.get("Value") for tag in value}
        if kind == "tuple":
            return tuple(items)
        return items
    return value


def _unique_keys(tags: list[dict[str, Any]]) -> bool:
    keys = [tag.get("Key") for tag in tags]
    return None not in keys and len(set(keys)) == len(keys)
