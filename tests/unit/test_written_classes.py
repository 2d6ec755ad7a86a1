"""The shape classes are written out as attrs would build them: each one behaves as the class
`attrs.frozen(kw_only=True)` builds from the same declarations (its reference class), to
attrs, cattrs, pickle, copy and the caller alike; so is `ResponseMetadata`, handwritten."""

from __future__ import annotations

import copy
import inspect
import pickle
import subprocess
import sys
import weakref
from typing import Any

import attrs
import cattrs
import pytest

from elasticache_typed import ResponseMetadata, converter, errors, shapes
from elasticache_typed._conversion.written_classes import RESPONSE_METADATA, reference_class

from . import strategies

# The generated classes (the installed model's structures that the generated code knows: a
# newer botocore's new shapes have none).
SHAPE_NAMES = [name for name in strategies.structure_shape_names() if name in shapes.__all__]
WRITTEN_NAMES = [*SHAPE_NAMES, "ResponseMetadata"]
OTHER = "a value no example has"
METADATA_ARGUMENTS: dict[str, Any] = {
    "request_id": "r-1",
    "http_status_code": 200,
    "http_headers": {"x-amzn-requestid": "r-1"},
    "retry_attempts": 0,
}


def shape_class(name: str) -> type[Any]:
    cls = ResponseMetadata if name == "ResponseMetadata" else getattr(shapes, name)
    assert isinstance(cls, type)
    return cls


def example_arguments(cls: type[Any]) -> dict[str, Any]:
    """Keyword arguments for every member of `cls`, from the model's example values."""
    if cls is ResponseMetadata:
        return dict(METADATA_ARGUMENTS)
    example = converter.structure(strategies.example_dict(cls.__name__), cls)
    return {f.name: getattr(example, f.name) for f in attrs.fields(cls) if f.init}


def changed(value: Any, field: attrs.Attribute[Any]) -> Any:
    """A value that differs from `value` and fits `field` (a list for a list member, also
    when the installed model's example lacks the member: a newer one, at the botocore floor)."""
    if isinstance(value, list) or str(field.type).startswith("list["):
        return [] if value else [OTHER]
    return OTHER


def _hashes(instance: object) -> bool:
    try:
        hash(instance)
    except TypeError:
        return False
    return True


@pytest.fixture(params=WRITTEN_NAMES)
def pair(request: pytest.FixtureRequest) -> tuple[type[Any], type[Any]]:
    cls = shape_class(request.param)
    return cls, reference_class(cls)


def test_the_fields_and_props_are_attrs_own(pair: tuple[type[Any], type[Any]]) -> None:
    cls, reference = pair
    assert attrs.has(cls)
    assert attrs.fields(cls) == attrs.fields(reference)
    assert attrs.fields_dict(cls) == attrs.fields_dict(reference)
    assert hasattr(cls, "__attrs_props__") is hasattr(reference, "__attrs_props__")
    if hasattr(reference, "__attrs_props__"):  # attrs 25.4+ keeps what it built a class as
        ours, theirs = cls.__attrs_props__, reference.__attrs_props__
        assert type(ours) is type(theirs)
        for slot in type(theirs).__slots__:
            assert getattr(ours, slot) == getattr(theirs, slot), slot


def test_the_class_is_built_alike(pair: tuple[type[Any], type[Any]]) -> None:
    cls, reference = pair
    assert cls.__slots__ == reference.__slots__
    assert cls.__match_args__ == reference.__match_args__
    assert (cls.__hash__ is None) is (reference.__hash__ is None)
    assert cls.__setattr__ is reference.__setattr__  # attrs' own frozen one
    assert cls.__delattr__ is reference.__delattr__
    assert cls.__doc__ == reference.__doc__
    # attrs' `__ne__` is what Python does without one (checked on instances below).
    assert set(vars(reference)) - set(vars(cls)) <= {"__ne__", "__attrs_own_setattr__"}

    def parameters(init: Any) -> list[tuple[str, Any, Any]]:
        found = inspect.signature(init).parameters.values()
        return [(p.name, p.kind, p.default) for p in found]

    assert parameters(cls.__init__) == parameters(reference.__init__)


def test_instances_behave_alike(pair: tuple[type[Any], type[Any]]) -> None:
    cls, reference = pair
    arguments = example_arguments(cls)
    ours, theirs = cls(**arguments), reference(**arguments)
    assert ours.__getstate__() == theirs.__getstate__()
    assert repr(ours) == repr(theirs)
    assert (ours == cls(**arguments)) and (theirs == reference(**arguments))
    assert ours != theirs and theirs != ours  # another class is never equal
    fields = attrs.fields_dict(cls)
    for name in arguments:
        other = {**arguments, name: changed(arguments[name], fields[name])}
        assert (cls(**other) == ours) is (reference(**other) == theirs), name
        assert (cls(**other) != ours) is (reference(**other) != theirs), name
    if cls.__hash__ is None or not _hashes(theirs):  # ResponseMetadata's dict of headers
        with pytest.raises(TypeError, match="unhashable"):
            hash(ours)
    else:
        assert hash(ours) == hash(cls(**arguments))
        assert {ours, cls(**arguments)} == {ours}
    assert weakref.ref(ours)() is ours


def test_instances_are_frozen_alike(pair: tuple[type[Any], type[Any]]) -> None:
    cls, reference = pair
    for instance in (cls(**example_arguments(cls)), reference(**example_arguments(cls))):
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(instance, field.name, None)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(instance, field.name)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            instance.not_a_member = 1
        assert not hasattr(instance, "__dict__")


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_make_builds_what_init_builds(name: str) -> None:
    # `_make` (the readers' positional constructor) fills a private subclass's slots, then
    # makes it an instance of the class itself: equal, frozen, of that exact class.
    cls = shape_class(name)
    arguments = example_arguments(cls)
    order = inspect.signature(cls._make).parameters  # the model's order
    made = cls._make(*(arguments.get(member) for member in order))
    assert type(made) is cls
    assert made.__getstate__() == cls(**arguments).__getstate__()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.not_a_member = 1
    assert not hasattr(made, "__dict__")


def test_pickle_copy_and_evolve(pair: tuple[type[Any], type[Any]]) -> None:
    cls, _ = pair
    ours = cls(**example_arguments(cls))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(ours, protocol))
        assert type(again) is cls and again == ours, protocol
    assert copy.copy(ours) == ours and copy.deepcopy(ours) == ours
    assert attrs.evolve(ours) == ours
    assert attrs.asdict(ours, recurse=False) == {
        f.name: getattr(ours, f.name) for f in attrs.fields(cls)
    }
    if RESPONSE_METADATA in cls.__slots__:
        assert ours.response_metadata is None


@pytest.mark.parametrize("name", ["CacheClusterMessage", "NodeGroupConfiguration"])
def test_list_members_convert_alike(name: str) -> None:
    cls = shape_class(name)
    reference = reference_class(cls)
    field = next(f for f in attrs.fields(cls) if f.converter is not None)
    for made in (cls, reference):
        assert getattr(made(**{field.name: ()}), field.name) == []
        with pytest.raises(errors.ValidationError, match=field.name):
            made(**{field.name: "not a list"})


def test_a_missing_required_member_is_named_with_its_class() -> None:
    with pytest.raises(TypeError) as raised:
        shapes.AddTagsToResourceMessage(resource_name="arn")
    assert str(raised.value) == (
        "AddTagsToResourceMessage.__init__() missing 1 required keyword-only argument: 'tags'"
    )


def test_subclasses_made_with_attrs_stay_frozen() -> None:
    @attrs.define
    class Noted(shapes.Tag):  # type: ignore[misc]
        note: str = ""

    noted = Noted(key="k", note="n")
    assert [f.name for f in attrs.fields(Noted)] == ["key", "value", "note"]
    assert noted == Noted(key="k", note="n")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        noted.note = "changed"


def test_a_plain_subclass_has_the_fields_of_its_shape() -> None:
    class Plain(shapes.Endpoint):  # type: ignore[misc]
        pass

    assert attrs.fields(Plain) is attrs.fields(shapes.Endpoint)
    assert cattrs.Converter().structure({"address": "a", "port": 1}, Plain) == Plain(
        address="a", port=1
    )


FRESH = (
    "import threading, attrs\n"
    "from elasticache_typed import shapes\n"
    "from elasticache_typed._generated import reader\n"
    "cluster = shapes.CacheCluster._make(*[None] * len(shapes.CacheCluster.__slots__[:-1]))\n"
    "assert not isinstance(vars(shapes.CacheCluster)['__attrs_attrs__'], tuple)\n"
    "seen, barrier = [], threading.Barrier(8)\n"
    "def ask():\n"
    "    barrier.wait()\n"
    "    seen.append(attrs.fields(shapes.CacheCluster))\n"
    "threads = [threading.Thread(target=ask) for _ in range(8)]\n"
    "[t.start() for t in threads]; [t.join() for t in threads]\n"
    "assert len({id(fields) for fields in seen}) == 1\n"
    "assert vars(shapes.CacheCluster)['__attrs_attrs__'] is seen[0]\n"
)


def test_attrs_makes_the_fields_once_when_first_asked() -> None:
    # Reading answers (with `_make`) never asks; threads asking at once share one result.
    result = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
