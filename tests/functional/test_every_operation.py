"""Every operation of the installed model, on the wire: the facade sends exactly what plain
boto3 sends for the same parameters, and its typed answer unstructures to exactly boto3's.

Sample inputs and answers come from tests.support.sample_data (seeded, per operation); the
answers are served as query-protocol XML by tests.support.fake_endpoint, so both the facade's
and boto3's results go through botocore's real serializer and parser.
"""

from __future__ import annotations

import inspect
import random
from datetime import UTC, timedelta
from typing import Any

import pytest
from botocore import xform_name
from botocore.session import get_session

from elasticache_typed import ElastiCache, converter, shapes
from elasticache_typed._generated.extra_waiters import EXTRA_WAITERS
from tests.support.fake_endpoint import FakeEndpoint, client_kwargs, make_client
from tests.support.sample_data import (
    SampleData,
    facade_kwargs,
    operation_model,
    operation_names,
    service_model,
)

OPERATIONS = operation_names()
MODES = ["all_members", "random_subset"]
_PAGINATOR_NAMES = sorted(get_session().get_paginator_model("elasticache")._paginator_config)
_WAITER_NAMES = sorted(get_session().get_waiter_model("elasticache").waiter_names)
_EXTRA_WAITER_NAMES = sorted(EXTRA_WAITERS["waiters"])


@pytest.fixture(scope="module")
def plain() -> tuple[Any, FakeEndpoint]:
    client = make_client()
    return client, FakeEndpoint.attach(client)


@pytest.fixture(scope="module")
def created() -> tuple[ElastiCache, FakeEndpoint]:
    facade = ElastiCache.create(**client_kwargs())
    return facade, FakeEndpoint.attach(facade.client)


@pytest.fixture(autouse=True)
def _clean(plain: tuple[Any, FakeEndpoint], created: tuple[ElastiCache, FakeEndpoint]) -> None:
    plain[1].reset()
    created[1].reset()


def _strip_metadata(response: dict[str, Any]) -> dict[str, Any]:
    assert "ResponseMetadata" in response
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


@pytest.mark.parametrize("factory", ["wrap", "create"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_operation_sends_and_returns_what_boto3_does(
    operation: str,
    mode: str,
    factory: str,
    plain: tuple[Any, FakeEndpoint],
    created: tuple[ElastiCache, FakeEndpoint],
) -> None:
    client, client_wire = plain
    if factory == "wrap":
        facade, facade_wire = ElastiCache(client), client_wire
    else:
        facade, facade_wire = created

    model = operation_model(operation)
    sample = SampleData(f"{operation}/{mode}", all_members=mode == "all_members")
    params = sample.input_params(operation)
    answer = sample.output(operation)
    kwargs = facade_kwargs(model.input_shape, params, random.Random(f"{operation}/{mode}"))

    client_wire.add_result(operation, answer, request_id="req-boto3")
    expected = getattr(client, xform_name(operation))(**params)
    facade_wire.add_result(operation, answer, request_id="req-facade")
    result = getattr(facade, xform_name(operation))(**kwargs)

    boto3_request, facade_request = client_wire.requests[0], facade_wire.requests[-1]
    assert len(facade_wire.requests) == (2 if factory == "wrap" else 1)
    assert boto3_request.action == operation
    assert facade_request.duplicate_keys == [] == boto3_request.duplicate_keys
    assert facade_request.method == boto3_request.method == "POST"
    assert facade_request.url == boto3_request.url
    assert facade_request.params == boto3_request.params
    assert facade_request.body == boto3_request.body

    # The fake answer really carries the sample (the comparison below is not vacuous).
    assert _strip_metadata(expected) == (answer or {})
    if model.output_shape is None:
        assert result is None
    else:
        assert isinstance(result, getattr(shapes, model.output_shape.name))
        assert converter.unstructure(result) == _strip_metadata(expected)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_method_signature_follows_the_input_shape(operation: str) -> None:
    model = operation_model(operation)
    method = getattr(ElastiCache, xform_name(operation))
    parameters = list(inspect.signature(method).parameters.values())[1:]  # minus self
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    members = {} if model.input_shape is None else model.input_shape.members
    required = set() if model.input_shape is None else set(model.input_shape.required_members)
    assert {p.name for p in parameters} == {xform_name(name) for name in members}
    assert {p.name for p in parameters if p.default is inspect.Parameter.empty} == {
        xform_name(name) for name in required
    }


def test_one_facade_method_per_operation() -> None:
    methods = {
        name
        for name, member in vars(ElastiCache).items()
        if callable(member)
        and not name.startswith(("_", "paginate_", "wait_until_"))
        and name != "create"
    }
    assert len(methods) == len(service_model().operation_names)
    assert methods == {xform_name(name) for name in service_model().operation_names}


def test_every_paginator_and_waiter_has_a_method() -> None:
    assert _PAGINATOR_NAMES and _WAITER_NAMES
    paginators = {name for name in dir(ElastiCache) if name.startswith("paginate_")}
    waiters = {name for name in dir(ElastiCache) if name.startswith("wait_until_")}
    assert paginators == {f"paginate_{xform_name(name)}" for name in _PAGINATOR_NAMES}
    names = _WAITER_NAMES + _EXTRA_WAITER_NAMES
    assert waiters == {f"wait_until_{xform_name(name)}" for name in names}
    for name in paginators | waiters:
        assert callable(getattr(ElastiCache, name))


def test_missing_required_argument_is_a_type_error_and_sends_nothing(
    plain: tuple[Any, FakeEndpoint],
) -> None:
    client, wire = plain
    with pytest.raises(TypeError):
        ElastiCache(client).copy_snapshot(source_snapshot_name="a")  # type: ignore[call-arg]
    assert wire.requests == []


_TIMESTAMPS = [
    "2021-04-07T12:34:56Z",
    "2021-04-07T12:34:56.789Z",
    "2021-04-07T12:34:56.7Z",
    "2021-04-07T12:34:56.123456Z",
    "2021-04-07T12:34:56.1234567Z",
    "2021-04-07T12:34:56+00:00",
    "2021-04-07T14:34:56.5+02:00",
    "2021-04-07T12:34:56",
    "2021-04-07 12:34:56Z",
    "1617798896",
    "1617798896.25",
]


@pytest.mark.parametrize("text", _TIMESTAMPS)
def test_created_client_reads_timestamps_like_boto3(
    text: str, plain: tuple[Any, FakeEndpoint], created: tuple[ElastiCache, FakeEndpoint]
) -> None:
    """ElastiCache.create's fast timestamp parser gives the values boto3's own parser gives."""
    client, client_wire = plain
    facade, facade_wire = created
    body = (
        '<DescribeEventsResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
        "<DescribeEventsResult><Events><Event><SourceIdentifier>c1</SourceIdentifier>"
        f"<Date>{text}</Date></Event></Events></DescribeEventsResult>"
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeEventsResponse>"
    )
    client_wire.add_response(body)
    expected = client.describe_events()["Events"][0]["Date"]
    facade_wire.add_response(body)
    event = facade.describe_events().events[0]
    if expected.tzinfo is None:  # boto3 leaves a zone-less time naive; the contract says UTC
        expected = expected.replace(tzinfo=UTC)
    assert event.date == expected
    assert event.date.utcoffset() == timedelta(0)


def test_unknown_enum_value_from_the_service_is_kept(plain: tuple[Any, FakeEndpoint]) -> None:
    client, wire = plain
    wire.add_result(
        "DescribeUsers",
        {
            "Users": [
                {"UserId": "u1", "Authentication": {"Type": "quantum-key", "PasswordCount": 3}}
            ]
        },
    )
    users = ElastiCache(client).describe_users().users
    assert users[0].authentication.type == "quantum-key"
    assert users[0].authentication.password_count == 3
