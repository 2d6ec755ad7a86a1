"""Shape classes: frozen, slotted, keyword-only attrs classes that mirror botocore's model."""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape

from elasticache_typed import converter, errors, shapes
from elasticache_typed._generated import shapes as generated_shapes

from . import strategies

SHAPE_NAMES = strategies.structure_shape_names()
ENUM_NAMES = strategies.enum_shape_names()
SECRET = "Sup3r-S3cret-Valu3"

_SCALAR_TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "long": int,
    "boolean": bool,
    "double": float,
    "float": float,
    "timestamp": dt.datetime,
    "blob": bytes,
}


def structure(name: str) -> StructureShape:
    shape = strategies.shape(name)
    assert isinstance(shape, StructureShape)
    return shape


def shape_class(name: str) -> type:
    cls = getattr(shapes, name)
    assert isinstance(cls, type)
    return cls


def required_kwargs(name: str) -> dict[str, Any]:
    """Keyword arguments for the required members of a shape (values of the right type)."""
    data = strategies.example_dict(name)
    obj = converter.structure(data, shape_class(name))
    return {
        xform_name(member): getattr(obj, xform_name(member))
        for member in structure(name).required_members
    }


def bare_instance(name: str) -> Any:
    return shape_class(name)(**required_kwargs(name))


# --- class properties -------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_is_a_frozen_slotted_attrs_class(name: str) -> None:
    cls = shape_class(name)
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    obj = bare_instance(name)
    assert not hasattr(obj, "__dict__")
    first = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, first, getattr(obj, first))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        obj.not_an_attribute = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_is_keyword_only(name: str) -> None:
    cls = shape_class(name)
    assert all(field.kw_only for field in attrs.fields(cls))
    with pytest.raises(TypeError):
        cls("positional")
    kwargs = required_kwargs(name)
    if kwargs:
        with pytest.raises(TypeError):
            cls(*kwargs.values())


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_required_members_are_required(name: str) -> None:
    cls = shape_class(name)
    kwargs = required_kwargs(name)
    cls(**kwargs)  # all required given: fine
    for missing in kwargs:
        partial = {key: value for key, value in kwargs.items() if key != missing}
        with pytest.raises(TypeError, match=missing):
            cls(**partial)


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_optional_members_default_to_none(name: str) -> None:
    cls = shape_class(name)
    required = {xform_name(member) for member in structure(name).required_members}
    obj = bare_instance(name)
    for field in attrs.fields(cls):
        if field.name in required:
            assert field.default is attrs.NOTHING, field.name
        else:
            assert field.default is None, field.name
            assert getattr(obj, field.name) is None


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_attribute_names_are_xform_names_of_the_members(name: str) -> None:
    members = list(structure(name).members)
    # response_metadata (on operation outputs) is the facade's, not a member: init=False.
    fields = [field.name for field in attrs.fields(shape_class(name)) if field.init]
    assert len(fields) == len(members)
    assert set(fields) == {xform_name(member) for member in members}


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_has_a_docstring(name: str) -> None:
    doc = shape_class(name).__doc__
    assert doc is not None
    assert doc.strip()
    # Plain text, not the model's HTML.
    assert "<p>" not in doc


# --- annotations ------------------------------------------------------------------------------


def expected_type(shape: Shape) -> Any:
    """The annotation DESIGN.md asks for a member of this shape (without `| None`)."""
    if isinstance(shape, StructureShape):
        return getattr(shapes, shape.name)
    if isinstance(shape, ListShape):
        return list[expected_type(shape.member)]  # type: ignore[misc]
    if isinstance(shape, MapShape):
        return dict[expected_type(shape.key), expected_type(shape.value)]  # type: ignore[misc]
    enum = getattr(shape, "enum", None)
    if enum:
        return Literal[tuple(enum)]
    return _SCALAR_TYPES[shape.type_name]


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_annotations_follow_the_model(name: str) -> None:
    cls = shape_class(name)
    hints = typing.get_type_hints(cls, vars(generated_shapes))
    shape = structure(name)
    required = set(shape.required_members)
    for member_name, member in shape.members.items():
        hint = hints[xform_name(member_name)]
        expected = expected_type(member)
        if member_name in required:
            assert hint == expected, member_name
        else:
            assert typing.get_origin(hint) in (typing.Union, types.UnionType), member_name
            args = typing.get_args(hint)
            assert type(None) in args, member_name
            rest = [arg for arg in args if arg is not type(None)]
            assert rest == [expected], member_name
            hint = rest[0]
        if typing.get_origin(expected) is Literal:
            # Same values in the model's order (Literal's == ignores the order) ...
            assert typing.get_args(hint) == typing.get_args(expected), member_name
            # ... spelled with the alias named after the enum shape.
            raw = str(cls.__annotations__[xform_name(member_name)])
            assert re.search(rf"\b{member.name}\b", raw), (member_name, raw)


def test_the_model_has_enum_shapes() -> None:
    assert len(ENUM_NAMES) > 20
    assert "TransitEncryptionMode" in ENUM_NAMES


@pytest.mark.parametrize("name", ENUM_NAMES)
def test_every_enum_has_a_literal_alias(name: str) -> None:
    alias = getattr(shapes, name)
    assert typing.get_origin(alias) is Literal
    assert list(typing.get_args(alias)) == list(strategies.shape(name).enum)


def test_transit_encryption_mode_literal() -> None:
    assert typing.get_args(shapes.TransitEncryptionMode) == ("preferred", "required")


# --- secrets ----------------------------------------------------------------------------------


def _secret_members() -> list[tuple[str, str]]:
    return [
        (name, member_name)
        for name in SHAPE_NAMES
        for member_name, member in structure(name).members.items()
        if strategies.is_secret(member_name, member)
    ]


SECRET_MEMBERS = _secret_members()
SHAPES_WITH_SECRETS = [name for name in SHAPE_NAMES if strategies.contains_secret_member(name)]


def test_the_known_secret_members_are_found() -> None:
    for expected in [
        ("CreateUserMessage", "Passwords"),
        ("ModifyUserMessage", "Passwords"),
        ("AuthenticationMode", "Passwords"),
        ("CreateCacheClusterMessage", "AuthToken"),
        ("ModifyCacheClusterMessage", "AuthToken"),
        ("CreateReplicationGroupMessage", "AuthToken"),
        ("ModifyReplicationGroupMessage", "AuthToken"),
    ]:
        assert expected in SECRET_MEMBERS


@pytest.mark.parametrize("name", SHAPES_WITH_SECRETS)
def test_secrets_never_show_in_repr_or_str(name: str) -> None:
    data = strategies.example_dict(name, secret=SECRET)
    obj = converter.structure(data, shape_class(name))
    # The secret is really in the object ...
    assert SECRET in repr(converter.unstructure(obj))
    # ... but never in its repr or str, however deeply nested.
    assert SECRET not in repr(obj)
    assert SECRET not in str(obj)
    assert SECRET not in f"{obj}"
    assert SECRET not in repr([obj])


@pytest.mark.parametrize(("name", "member"), SECRET_MEMBERS)
def test_secret_member_still_holds_its_value(name: str, member: str) -> None:
    data = strategies.example_dict(name, secret=SECRET)
    obj = converter.structure(data, shape_class(name))
    value = getattr(obj, xform_name(member))
    assert SECRET in (value if isinstance(value, str) else value[0])


def test_secrets_of_directly_built_objects() -> None:
    user = shapes.CreateUserMessage(
        user_id="u",
        user_name="u",
        engine="redis",
        access_string="on ~* +@all",
        passwords=[SECRET],
        authentication_mode=shapes.AuthenticationMode(type="password", passwords=[SECRET]),
    )
    cluster = shapes.CreateCacheClusterMessage(cache_cluster_id="c", auth_token=SECRET)
    modify = shapes.ModifyUserMessage(user_id="u", passwords=[SECRET, SECRET + "2"])
    for obj in (user, cluster, modify, user.authentication_mode):
        assert SECRET not in repr(obj)
        assert SECRET not in str(obj)
    assert "user_id='u'" in repr(user)


def test_equality_is_by_value() -> None:
    a = shapes.Tag(key="k", value="v")
    assert a == shapes.Tag(key="k", value="v")
    assert a != shapes.Tag(key="k", value="w")


# --- hashing, ordering and list members -------------------------------------------------------

STUB = Path(generated_shapes.__file__).with_suffix(".pyi")


def holds_a_list(candidate: Shape, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a structure has a list member, itself or in a member structure."""
    if isinstance(candidate, ListShape | MapShape):
        return True
    if not isinstance(candidate, StructureShape) or candidate.name in seen:
        return False
    return any(holds_a_list(m, seen | {candidate.name}) for m in candidate.members.values())


UNHASHABLE = [name for name in SHAPE_NAMES if holds_a_list(structure(name))]
HASHABLE = [name for name in SHAPE_NAMES if name not in UNHASHABLE]
LIST_MEMBERS = [
    (name, xform_name(member_name))
    for name in SHAPE_NAMES
    for member_name, member in structure(name).members.items()
    if isinstance(member, ListShape)
]


def test_both_kinds_of_shapes_exist() -> None:
    assert "NodeGroupConfiguration" in UNHASHABLE and "Snapshot" in UNHASHABLE
    assert "Tag" in HASHABLE and "Endpoint" in HASHABLE


@pytest.mark.parametrize("name", HASHABLE)
def test_a_shape_without_lists_is_hashable_by_value(name: str) -> None:
    data = strategies.example_dict(name)
    one, two = (converter.structure(data, shape_class(name)) for _ in range(2))
    assert one == two and one is not two
    assert hash(one) == hash(two)
    assert len({one, two}) == 1


@pytest.mark.parametrize("name", UNHASHABLE)
def test_a_shape_with_a_list_is_unhashable_even_without_one(name: str) -> None:
    # Unhashable whatever its values, as the stub says: hashing never depends on what is set.
    assert shape_class(name).__hash__ is None
    with pytest.raises(TypeError, match="unhashable"):
        hash(bare_instance(name))
    with pytest.raises(TypeError, match="unhashable"):
        hash(converter.structure(strategies.example_dict(name), shape_class(name)))


def test_the_stub_declares_exactly_the_unhashable_classes() -> None:
    tree = ast.parse(STUB.read_text())
    declared = {
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and any(
            isinstance(item, ast.AnnAssign)
            and isinstance(item.target, ast.Name)
            and item.target.id == "__hash__"
            and ast.unparse(item.annotation) == "ClassVar[None]"
            for item in node.body
        )
    }
    assert declared == set(UNHASHABLE)


@pytest.mark.parametrize("name", ["Tag", "NodeGroupConfiguration", "CacheCluster", "Endpoint"])
def test_shapes_are_not_ordered(name: str) -> None:
    one, two = bare_instance(name), bare_instance(name)
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError, match="not supported"):
            compare(one, two)
    with pytest.raises(TypeError):
        sorted([one, two])


@pytest.mark.parametrize(("name", "member"), LIST_MEMBERS)
def test_a_list_member_takes_any_sequence_and_keeps_a_list(name: str, member: str) -> None:
    kwargs = required_kwargs(name)
    example = converter.structure(strategies.example_dict(name), shape_class(name))
    items = list(getattr(example, member))  # the example has one item in every list
    as_list = shape_class(name)(**{**kwargs, member: items})
    assert getattr(as_list, member) is items  # a list is kept, not copied
    as_tuple = shape_class(name)(**{**kwargs, member: tuple(items)})
    assert type(getattr(as_tuple, member)) is list
    assert as_tuple == as_list
    assert converter.unstructure(as_tuple) == converter.unstructure(as_list)


@pytest.mark.parametrize(("name", "member"), LIST_MEMBERS)
def test_a_list_member_refuses_a_string(name: str, member: str) -> None:
    kwargs = {**required_kwargs(name), member: SECRET}
    with pytest.raises(errors.ValidationError) as caught:
        shape_class(name)(**kwargs)
    assert f"{name}.{member}: expected a sequence, got str" in caught.value.message
    # A password passed where the list of them goes is not echoed.
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_a_list_member_refuses_what_is_not_a_sequence() -> None:
    with pytest.raises(errors.ValidationError, match="expected a sequence, got generator"):
        shapes.NodeGroupConfiguration(replica_availability_zones=(z for z in "ab"))  # type: ignore[arg-type]
    with pytest.raises(errors.ValidationError, match="expected a sequence, got set"):
        shapes.NodeGroupConfiguration(replica_availability_zones={"a"})  # type: ignore[arg-type]
