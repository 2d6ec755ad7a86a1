"""Read botocore's ElastiCache model into the plain records the renderers use."""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

import botocore
import botocore.session
from botocore import xform_name
from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape

from codegen.docs import MAX_OPERATION_CHARS, note, short_doc
from codegen.scalars import scalar
from codegen.type_maps.error_categories import category_of
from codegen.type_maps.extra_waiters import EXTRA_WAITERS, IDENTIFYING_MEMBER
from codegen.type_maps.secret_members import SECRET_MEMBERS

SERVICE = "elasticache"


@dataclass(frozen=True)
class Member:
    name: str  # the wire (PascalCase) name
    attr: str  # botocore.xform_name(name)
    type: str  # Python annotation, without "| None"
    required: bool
    secret: bool
    doc: str
    note: str  # the first paragraph on one line, for a method's Args:
    shape: Shape


@dataclass(frozen=True)
class Structure:
    name: str
    doc: str
    members: list[Member]
    required: tuple[str, ...] = ()  # the wire names of the required members, in the model's order


@dataclass(frozen=True)
class Enum:
    name: str
    values: list[str]


@dataclass(frozen=True)
class Error:
    name: str
    code: str
    category: str
    doc: str


@dataclass(frozen=True)
class Operation:
    name: str
    method: str
    doc: str
    input: Structure | None
    output: str | None  # class name of the output shape
    errors: list[str]  # names of the error shapes the model lists for it
    result_wrapper: str | None = None  # the element around the output in an answer


@dataclass(frozen=True)
class Paginator:
    operation: Operation
    result_key: str
    item_type: str
    paging_members: frozenset[str]
    output_tokens: tuple[str, ...] = ()  # dotted paths, in the output, of the next page's token


@dataclass(frozen=True)
class Waiter:
    name: str
    method: str
    operation: Operation
    delay: int
    max_attempts: int
    accepted_errors: frozenset[str]  # error codes an acceptor turns into success or failure
    identifier: str | None = None  # extra waiters: the one input member their method takes


@dataclass
class Model:
    botocore_version: str
    structures: list[Structure] = field(default_factory=list)
    enums: list[Enum] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    paginators: list[Paginator] = field(default_factory=list)
    waiters: list[Waiter] = field(default_factory=list)
    extra_waiters: dict[str, Any] = field(default_factory=dict)  # waiters-2 format


def annotation(shape: Shape) -> str:
    """The Python annotation for a member of this shape (classes and aliases by bare name)."""
    if getattr(shape, "enum", None):
        return shape.name
    if isinstance(shape, StructureShape):
        return shape.name
    if isinstance(shape, ListShape):
        return f"list[{annotation(shape.member)}]"
    if isinstance(shape, MapShape):
        return f"dict[{annotation(shape.key)}, {annotation(shape.value)}]"
    return scalar(shape).python


def _structure(shape: StructureShape) -> Structure:
    required = set(shape.required_members)
    members = []
    for name, member in shape.members.items():
        attr = xform_name(name)
        if keyword.iskeyword(attr) or not attr.isidentifier():
            raise SystemExit(f"{shape.name}.{name}: {attr!r} is not a usable attribute name")
        members.append(
            Member(
                name=name,
                attr=attr,
                type=annotation(member),
                required=name in required,
                secret=name in SECRET_MEMBERS or bool(member.serialization.get("sensitive")),
                doc=short_doc(member.documentation),
                note=note(member.documentation),
                shape=member,
            )
        )
    if len({m.attr for m in members}) != len(members):
        raise SystemExit(f"{shape.name}: two members share a snake_case name")
    return Structure(
        shape.name, short_doc(shape.documentation), members, tuple(shape.required_members)
    )


def _operation(model: OperationModel, structures: dict[str, Structure]) -> Operation:
    return Operation(
        name=model.name,
        method=xform_name(model.name),
        doc=short_doc(model.documentation, MAX_OPERATION_CHARS),
        input=structures[model.input_shape.name] if model.input_shape else None,
        output=model.output_shape.name if model.output_shape else None,
        errors=[shape.name for shape in model.error_shapes],
        result_wrapper=model.output_shape.serialization.get("resultWrapper")
        if model.output_shape
        else None,
    )


def _result_item_type(output: StructureShape, result_key: str) -> str:
    shape: Shape = output
    for part in result_key.split("."):
        assert isinstance(shape, StructureShape), result_key
        shape = shape.members[part]
    assert isinstance(shape, ListShape), result_key
    return annotation(shape.member)


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def load() -> Model:
    session = botocore.session.get_session()
    service: ServiceModel = session.get_service_model(SERVICE)
    loader = session.get_component("data_loader")
    model = Model(botocore_version=botocore.__version__)

    structures: dict[str, Structure] = {}
    for name in service.shape_names:
        shape = service.shape_for(name)
        if getattr(shape, "enum", None):
            model.enums.append(Enum(name, list(shape.enum)))
        elif isinstance(shape, StructureShape) and shape.metadata.get("exception"):
            code = shape.metadata.get("error", {}).get("code", name)
            doc = short_doc(shape.documentation)
            model.errors.append(Error(name, code, category_of(name), doc))
        elif isinstance(shape, StructureShape):
            structures[name] = _structure(shape)
    model.structures = list(structures.values())

    operations = {}
    for name in service.operation_names:
        operations[name] = _operation(service.operation_model(name), structures)
    model.operations = list(operations.values())

    pagination = loader.load_service_model(SERVICE, "paginators-1")["pagination"]
    for name, config in pagination.items():
        output = service.operation_model(name).output_shape
        model.paginators.append(
            Paginator(
                operation=operations[name],
                result_key=config["result_key"],
                item_type=_result_item_type(output, config["result_key"]),
                paging_members=frozenset({config["input_token"], config["limit_key"]}),
                output_tokens=tuple(_as_list(config["output_token"])),
            )
        )

    waiters = loader.load_service_model(SERVICE, "waiters-2")["waiters"]
    extra = EXTRA_WAITERS["waiters"]
    for name in waiters.keys() & extra.keys():
        raise SystemExit(f"botocore's model now has the {name} waiter: drop it from extra_waiters")
    for name, config in {**waiters, **extra}.items():
        model.waiters.append(
            Waiter(
                name=name,
                method=f"wait_until_{xform_name(name)}",
                operation=operations[config["operation"]],
                delay=config["delay"],
                max_attempts=config["maxAttempts"],
                accepted_errors=frozenset(
                    a["expected"] for a in config["acceptors"] if a["matcher"] == "error"
                ),
                identifier=IDENTIFYING_MEMBER[config["operation"]] if name in extra else None,
            )
        )
    model.extra_waiters = EXTRA_WAITERS
    return model
