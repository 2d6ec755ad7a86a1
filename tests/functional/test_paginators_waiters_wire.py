"""Every paginator and waiter of the installed model, on the wire, against plain boto3.

Paginators get two pages of fake answers (the paging token on the first page only, at the
paginator's output_token path, e.g. EngineDefaults.Marker); waiters get answers built from
their own acceptors (success, failure, retry), so nothing here is hard-coded per operation.
"""

from __future__ import annotations

import random
import re
from typing import Any

import botocore.waiter
import pytest
from botocore import xform_name
from botocore.exceptions import WaiterError as BotocoreWaiterError
from botocore.session import get_session

from elasticache_typed import ElastiCache, converter, errors, shapes
from tests.support.fake_endpoint import FakeEndpoint
from tests.support.query_xml import error_code, error_status
from tests.support.sample_data import (
    SampleData,
    error_shapes,
    facade_kwargs,
    operation_model,
)

_SESSION = get_session()
PAGINATORS: dict[str, dict[str, Any]] = dict(
    _SESSION.get_paginator_model("elasticache")._paginator_config
)
WAITER_MODEL = _SESSION.get_waiter_model("elasticache")
WAITERS = sorted(WAITER_MODEL.waiter_names)
TOKEN = "token/for+page=2"
PAGE_SIZE = 7


# -- helpers -----------------------------------------------------------------------------------


def _get(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _drop(data: dict[str, Any], dotted: str) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.get(part, {})
    data.pop(last, None)


def _list_shape_at(operation: str, dotted: str) -> Any:
    shape = operation_model(operation).output_shape
    for part in dotted.split("."):
        shape = shape.members[part]
    return shape


def _pages(operation: str, config: dict[str, Any]) -> list[dict[str, Any]]:
    """Two answers: two items and the token, then two more items and no token."""
    item_shape = _list_shape_at(operation, config["result_key"]).member
    pages = []
    for number in (1, 2):
        sample = SampleData(f"{operation}/page{number}")
        page = sample.output(operation)
        assert page is not None
        _set(page, config["result_key"], [sample.value(item_shape) for _ in range(2)])
        if number == 1:
            _set(page, config["output_token"], TOKEN)
        else:
            _drop(page, config["output_token"])
        pages.append(page)
    return pages


def _paging_params(operation: str, config: dict[str, Any]) -> dict[str, Any]:
    params = SampleData(f"{operation}/paging-input").input_params(operation)
    params.pop(config["input_token"], None)
    params.pop(config["limit_key"], None)
    return params


def _boto3_items(client: Any, operation: str, config: dict[str, Any], **paging: Any) -> list[Any]:
    params = _paging_params(operation, config)
    paginator = client.get_paginator(xform_name(operation))
    items = []
    for page in paginator.paginate(**params, PaginationConfig=paging):
        items.extend(_get(page, config["result_key"]) or [])
    return items


# -- paginators --------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", sorted(PAGINATORS))
def test_paginator_yields_both_pages_like_boto3(operation: str, wire: Any) -> None:
    client, endpoint = wire
    config = PAGINATORS[operation]
    pages = _pages(operation, config)
    item_class = getattr(shapes, _list_shape_at(operation, config["result_key"]).member.name)

    for page in pages:
        endpoint.add_result(operation, page)
    expected = _boto3_items(client, operation, config, PageSize=PAGE_SIZE)
    boto3_requests = list(endpoint.requests)
    endpoint.reset()

    for page in pages:
        endpoint.add_result(operation, page)
    params = _paging_params(operation, config)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params, random.Random(operation))
    method = getattr(ElastiCache(client), f"paginate_{xform_name(operation)}")
    iterator = method(**kwargs, page_size=PAGE_SIZE)
    items = list(iterator)

    assert expected == _get(pages[0], config["result_key"]) + _get(pages[1], config["result_key"])
    assert len(items) == 4
    assert all(isinstance(item, item_class) for item in items)
    assert [converter.unstructure(item) for item in items] == expected

    assert len(endpoint.requests) == 2 == len(boto3_requests)
    first, second = endpoint.requests
    assert first.params[config["limit_key"]] == str(PAGE_SIZE)
    assert second.params[config["limit_key"]] == str(PAGE_SIZE)
    assert config["input_token"] not in first.params
    assert second.params[config["input_token"]] == TOKEN
    assert [r.body for r in endpoint.requests] == [r.body for r in boto3_requests]


@pytest.mark.parametrize("max_items", [1, 3])
@pytest.mark.parametrize("operation", sorted(PAGINATORS))
def test_paginator_max_items_stops_early(operation: str, max_items: int, wire: Any) -> None:
    client, endpoint = wire
    config = PAGINATORS[operation]
    pages = _pages(operation, config)
    for page in pages:
        endpoint.add_result(operation, page)
    expected = _boto3_items(client, operation, config, MaxItems=max_items)
    endpoint.reset()

    for page in pages:
        endpoint.add_result(operation, page)
    kwargs = facade_kwargs(
        operation_model(operation).input_shape, _paging_params(operation, config)
    )
    method = getattr(ElastiCache(client), f"paginate_{xform_name(operation)}")
    items = list(method(**kwargs, max_items=max_items))

    assert len(items) == max_items
    assert [converter.unstructure(item) for item in items] == expected[:max_items]
    all_items = _get(pages[0], config["result_key"]) + _get(pages[1], config["result_key"])
    assert [converter.unstructure(item) for item in items] == all_items[:max_items]
    # One page holds two items: max_items=1 never asks for the second page.
    assert len(endpoint.requests) == (1 if max_items <= 2 else 2)
    assert config["limit_key"] not in endpoint.requests[0].params


@pytest.mark.parametrize("bad", [0, -1, True, "5", 2.5])
def test_paginator_rejects_bad_page_size_before_sending(bad: Any, wire: Any) -> None:
    client, endpoint = wire
    facade = ElastiCache(client)
    with pytest.raises(errors.ValidationError, match="page_size"):
        list(facade.paginate_describe_cache_clusters(page_size=bad))
    with pytest.raises(errors.ValidationError, match="max_items"):
        list(facade.paginate_describe_cache_clusters(max_items=bad))
    assert endpoint.requests == []


def test_paginator_error_on_second_page_is_typed(wire: Any) -> None:
    client, endpoint = wire
    config = PAGINATORS["DescribeCacheClusters"]
    endpoint.add_result("DescribeCacheClusters", _pages("DescribeCacheClusters", config)[0])
    endpoint.add_error("CacheClusterNotFound", "gone", status=404, request_id="rid-page2")
    items = ElastiCache(client).paginate_describe_cache_clusters()
    assert isinstance(next(items), shapes.CacheCluster)
    assert isinstance(next(items), shapes.CacheCluster)
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        next(items)
    assert caught.value.request_id == "rid-page2"
    assert caught.value.operation_name == "DescribeCacheClusters"


# -- waiters -----------------------------------------------------------------------------------

_PATH = re.compile(r"^(\w+)\[\]\.(\w+)$")


def _acceptors(state: str) -> list[tuple[str, int]]:
    return [
        (name, index)
        for name in WAITERS
        for index, acceptor in enumerate(WAITER_MODEL.get_waiter(name).acceptors)
        if acceptor.state == state
    ]


def _answer_for(
    endpoint: FakeEndpoint, waiter: str, matcher: str, argument: str | None, expected: Any
) -> None:
    """Queue an answer the acceptor (matcher, argument, expected) matches."""
    operation = WAITER_MODEL.get_waiter(waiter).operation
    if matcher == "error":
        shapes_by_code = {error_code(shape): shape for shape in error_shapes()}
        status = error_status(shapes_by_code[expected]) if expected in shapes_by_code else 400
        endpoint.add_error(expected, "matched", status=status)
        return
    match = _PATH.match(argument or "")
    if match is None or matcher not in ("pathAll", "pathAny"):
        pytest.fail(f"no answer builder for {matcher} {argument!r}: extend the test")
    list_key, field = match.groups()
    answer = SampleData(f"{waiter}/{argument}/{expected}").output(operation)
    assert answer is not None
    items = answer[list_key]
    for index, item in enumerate(items):
        item[field] = expected if matcher == "pathAll" or index == 0 else "some-other-state"
    endpoint.add_result(operation, answer)


def _waiter_call(waiter: str, client: Any) -> tuple[dict[str, Any], Any]:
    operation = WAITER_MODEL.get_waiter(waiter).operation
    params = SampleData(f"{waiter}/input").input_params(operation)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params)
    method = getattr(ElastiCache(client), f"wait_until_{xform_name(waiter)}")
    return params, lambda **extra: method(**kwargs, **extra)


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.waiter.time, "sleep", sleeps.append)
    return sleeps


@pytest.mark.parametrize(("waiter", "index"), _acceptors("success"))
def test_waiter_success_ends_the_wait(
    waiter: str, index: int, wire: Any, no_sleep: list[float]
) -> None:
    client, endpoint = wire
    acceptor = WAITER_MODEL.get_waiter(waiter).acceptors[index]
    params, wait = _waiter_call(waiter, client)

    _answer_for(endpoint, waiter, acceptor.matcher, acceptor.argument, acceptor.expected)
    client.get_waiter(xform_name(waiter)).wait(**params, WaiterConfig={"Delay": 1})
    boto3_request = endpoint.requests[-1]
    endpoint.reset()

    _answer_for(endpoint, waiter, acceptor.matcher, acceptor.argument, acceptor.expected)
    assert wait(delay=1, max_attempts=3) is None
    assert len(endpoint.requests) == 1
    assert endpoint.requests[0].body == boto3_request.body
    assert no_sleep == []


@pytest.mark.parametrize(("waiter", "index"), _acceptors("failure"))
def test_waiter_failure_state_raises_waiter_error(
    waiter: str, index: int, wire: Any, no_sleep: list[float]
) -> None:
    client, endpoint = wire
    acceptor = WAITER_MODEL.get_waiter(waiter).acceptors[index]
    params, wait = _waiter_call(waiter, client)

    _answer_for(endpoint, waiter, acceptor.matcher, acceptor.argument, acceptor.expected)
    with pytest.raises(BotocoreWaiterError):
        client.get_waiter(xform_name(waiter)).wait(**params, WaiterConfig={"Delay": 1})
    endpoint.reset()

    _answer_for(endpoint, waiter, acceptor.matcher, acceptor.argument, acceptor.expected)
    with pytest.raises(errors.WaiterError) as caught:
        wait(delay=1, max_attempts=5)
    assert isinstance(caught.value, errors.ElastiCacheError)
    assert isinstance(caught.value.__cause__, BotocoreWaiterError)
    assert caught.value.operation_name == WAITER_MODEL.get_waiter(waiter).operation
    assert caught.value.retryable is False
    assert len(endpoint.requests) == 1
    assert no_sleep == []


@pytest.mark.parametrize("waiter", WAITERS)
def test_waiter_retries_with_delay_then_succeeds(
    waiter: str, wire: Any, no_sleep: list[float]
) -> None:
    client, endpoint = wire
    model = WAITER_MODEL.get_waiter(waiter)
    success = next(a for a in model.acceptors if a.state == "success" and a.matcher != "error")
    _, wait = _waiter_call(waiter, client)
    _answer_for(endpoint, waiter, "pathAll", success.argument, "some-other-state")
    _answer_for(endpoint, waiter, success.matcher, success.argument, success.expected)

    wait(delay=2, max_attempts=3)

    assert len(endpoint.requests) == 2
    assert no_sleep == [2]


@pytest.mark.parametrize("waiter", WAITERS)
def test_waiter_gives_up_after_max_attempts(waiter: str, wire: Any, no_sleep: list[float]) -> None:
    client, endpoint = wire
    success = next(
        a
        for a in WAITER_MODEL.get_waiter(waiter).acceptors
        if a.state == "success" and a.matcher != "error"
    )
    _, wait = _waiter_call(waiter, client)
    for _ in range(2):
        _answer_for(endpoint, waiter, "pathAll", success.argument, "some-other-state")

    with pytest.raises(errors.WaiterError, match="[Mm]ax attempts"):
        wait(delay=1, max_attempts=2)

    assert len(endpoint.requests) == 2
    assert no_sleep == [1]


def test_waiter_unexpected_error_is_the_typed_error(wire: Any, no_sleep: list[float]) -> None:
    client, endpoint = wire
    endpoint.add_error("InvalidParameterValue", "bad marker", request_id="rid-w")
    with pytest.raises(errors.InvalidParameterValueException) as caught:
        ElastiCache(client).wait_until_cache_cluster_available(delay=1, max_attempts=3)
    assert caught.value.request_id == "rid-w"
    assert caught.value.message == "bad marker"
    assert len(endpoint.requests) == 1
