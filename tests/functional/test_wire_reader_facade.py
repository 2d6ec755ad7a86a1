"""Facades made by `create()` read their answers with the generated reader, on the wire.

Each test goes through a real boto3 client (botocore's serializer, signer, retry handler and
response parser) answered by tests.support.fake_endpoint, and counts the typed answers handed
to the facade (tests.support.typed_reads, registering no event handler), to tell which parser
read each answer: the generated reader for the
facade's own calls and pages, botocore's for everything else (`.client`'s calls, waiters,
error answers, clients made with `fast_reader=False`, wrapped clients, answers the reader
does not read exactly as botocore does). The typed results are the same either way.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from botocore import xform_name

from elasticache_typed import ElastiCache, converter, errors, shapes
from elasticache_typed.testing import Stubber
from tests.functional.test_paginators_waiters_wire import (
    PAGINATORS,
    _get,
    _list_shape_at,
    _pages,
    _paging_params,
)
from tests.support.fake_endpoint import FakeEndpoint, client_kwargs, make_client
from tests.support.sample_data import SampleData, facade_kwargs, operation_model
from tests.support.typed_reads import Watch, typed_reads

CLUSTER = {"CacheClusterId": "c-1", "NumCacheNodes": 2, "AutoMinorVersionUpgrade": True}


@pytest.fixture(autouse=True, scope="module")
def _typed_reads() -> Any:
    with typed_reads():
        yield


class Wire:
    """A facade, a fake endpoint for its client, and which answers it got typed."""

    def __init__(self, cache: ElastiCache) -> None:
        self.cache = cache
        self.endpoint = FakeEndpoint.attach(cache.client)
        self.watch = Watch(cache, self.endpoint.requests)

    def read_typed(self) -> list[bool]:
        """For each answer so far: whether the generated reader read it."""
        return self.watch.read_typed()


def created(**settings: Any) -> Wire:
    return Wire(ElastiCache.create(**client_kwargs(**settings)))


@pytest.fixture(scope="module")
def _module_wire() -> Wire:
    return created()


@pytest.fixture
def wire(_module_wire: Wire) -> Wire:
    """A facade made by create() for the module (making one is slow), clean for each test."""
    _module_wire.endpoint.reset()
    _module_wire.watch.clear()
    return _module_wire


def _clusters(count: int, marker: str | None = None) -> dict[str, Any]:
    page: dict[str, Any] = {
        "CacheClusters": [{**CLUSTER, "CacheClusterId": f"c-{i}"} for i in range(count)]
    }
    if marker is not None:
        page["Marker"] = marker
    return page


def test_the_facade_reads_typed_and_its_client_gets_dicts(wire: Wire) -> None:
    wire.endpoint.add_result("DescribeCacheClusters", _clusters(2))
    wire.endpoint.add_result("DescribeCacheClusters", _clusters(2))

    typed = wire.cache.describe_cache_clusters()
    raw = wire.cache.client.describe_cache_clusters()

    assert wire.read_typed() == [True, False]
    assert isinstance(typed, shapes.CacheClusterMessage)
    assert typed == converter.structure(raw, shapes.CacheClusterMessage)
    assert set(raw) == {"CacheClusters", "ResponseMetadata"}
    assert raw["CacheClusters"][0] == {**CLUSTER, "CacheClusterId": "c-0"}
    assert raw["ResponseMetadata"]["RequestId"] == "req-ok"


@pytest.mark.parametrize("make", ["fast_reader_off", "wrapped", "wrapped_created"])
def test_who_reads_typed(make: str) -> None:
    """`fast_reader=False` and wrapped clients read through botocore's dicts, and so does a
    second facade over a client made by create() (only create()'s own facade reads typed)."""
    if make == "fast_reader_off":
        wire = created(fast_reader=False)
    elif make == "wrapped":
        wire = Wire(ElastiCache(make_client()))
    else:
        wire = Wire(ElastiCache(ElastiCache.create(**client_kwargs()).client))
    wire.endpoint.add_result("DescribeCacheClusters", _clusters(1))
    result = wire.cache.describe_cache_clusters()
    assert wire.read_typed() == [False]
    assert result == shapes.CacheClusterMessage(
        cache_clusters=[
            converter.structure({**CLUSTER, "CacheClusterId": "c-0"}, shapes.CacheCluster)
        ]
    )


def test_ten_pages_typed_and_the_client_unmarked_inside_the_loop(wire: Wire) -> None:
    for page in range(10):
        wire.endpoint.add_result(
            "DescribeCacheClusters", _clusters(3, marker=f"m{page}" if page < 9 else None)
        )
        wire.endpoint.add_result("DescribeCacheClusters", _clusters(1))  # the loop's own call
    seen = []
    for cluster in wire.cache.paginate_describe_cache_clusters(page_size=3):
        seen.append(cluster)
        if len(seen) % 3 == 1:  # between two pages: the client's own call gets a dict
            raw = wire.cache.client.describe_cache_clusters()
            assert isinstance(raw["CacheClusters"][0], dict)
    assert len(seen) == 30
    assert all(isinstance(c, shapes.CacheCluster) for c in seen)
    assert [c.cache_cluster_id for c in seen] == ["c-0", "c-1", "c-2"] * 10
    assert wire.read_typed() == [True, False] * 10
    markers = [r.params.get("Marker") for r in wire.endpoint.requests[::2]]
    assert markers == [None] + [f"m{page}" for page in range(9)]


@pytest.mark.parametrize("max_items", [1, 3, 5])
@pytest.mark.parametrize("operation", sorted(PAGINATORS))
def test_every_paginator_reads_typed_pages(operation: str, max_items: int, wire: Wire) -> None:
    """Two pages (botocore's paginator needs the token, EngineDefaults.Marker included, from
    the typed page), cut at max_items as botocore cuts them."""
    config = PAGINATORS[operation]
    pages = _pages(operation, config)
    for page in pages:
        wire.endpoint.add_result(operation, page)
    params = _paging_params(operation, config)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params, random.Random(1))
    method = getattr(wire.cache, f"paginate_{xform_name(operation)}")
    items = list(method(**kwargs, max_items=max_items))

    expected = (_get(pages[0], config["result_key"]) + _get(pages[1], config["result_key"]))[
        :max_items
    ]
    item_class = getattr(shapes, _list_shape_at(operation, config["result_key"]).member.name)
    assert all(isinstance(item, item_class) for item in items)
    assert [converter.unstructure(item) for item in items] == expected
    assert wire.read_typed() == [True] * len(wire.endpoint.requests)
    assert len(wire.endpoint.requests) == (1 if max_items <= 2 else 2)


def test_error_answers_are_botocores_and_retried() -> None:
    wire = created(config=None, max_attempts=3, retry_mode="standard")
    wire.endpoint.add_error("Throttling", "slow down", status=400)
    wire.endpoint.add_result("DescribeCacheClusters", _clusters(1))
    wire.endpoint.add_error("CacheClusterNotFound", "gone", status=404, request_id="rid-9")

    assert wire.cache.describe_cache_clusters().cache_clusters is not None
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        wire.cache.describe_cache_clusters(cache_cluster_id="gone")
    assert caught.value.request_id == "rid-9"
    assert len(wire.endpoint.requests) == 3  # the throttled attempt was retried
    assert wire.read_typed() == [False, True, False]


_NOT_THE_MODEL = {
    "not XML": b"<DescribeCacheClustersResponse><oops",
    "a number that is not": (
        b"<DescribeCacheClustersResponse><DescribeCacheClustersResult><CacheClusters>"
        b"<CacheCluster><NumCacheNodes>two</NumCacheNodes></CacheCluster></CacheClusters>"
        b"</DescribeCacheClustersResult></DescribeCacheClustersResponse>"
    ),
    "no result element": b"<DescribeCacheClustersResponse></DescribeCacheClustersResponse>",
}


@pytest.mark.parametrize("body", sorted(_NOT_THE_MODEL))
def test_an_answer_that_does_not_fit_is_invalid_response(body: str, wire: Wire) -> None:
    wire.endpoint.add_response(_NOT_THE_MODEL[body])
    with pytest.raises(errors.ElastiCacheError) as caught:
        wire.cache.describe_cache_clusters()
    assert caught.value.code == "InvalidResponse"
    assert caught.value.operation_name == "DescribeCacheClusters"
    assert "DescribeCacheClusters" in str(caught.value)


_REPEATED = (
    b'<DescribeCacheClustersResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
    b"<DescribeCacheClustersResult><CacheClusters><CacheCluster>"
    b"<PendingModifiedValues><NumCacheNodes>3</NumCacheNodes></PendingModifiedValues>"
    b"<PendingModifiedValues><NumCacheNodes>4</NumCacheNodes></PendingModifiedValues>"
    b"</CacheCluster></CacheClusters></DescribeCacheClustersResult>"
    b"</DescribeCacheClustersResponse>"
)
_ANOTHER_NAMESPACE = _REPEATED.replace(
    b"<PendingModifiedValues><NumCacheNodes>4</NumCacheNodes></PendingModifiedValues>",
    b'<x:Engine xmlns:x="urn:other">redis</x:Engine>',
)


@pytest.mark.parametrize("body", [_REPEATED, _ANOTHER_NAMESPACE], ids=["repeated", "namespaces"])
def test_what_the_reader_does_not_know_botocore_reads(body: bytes, wire: Wire) -> None:
    """A repeated element (botocore keeps the first structure) or a second namespace: the
    answer is left to botocore, and the result is botocore's."""
    plain = ElastiCache(make_client())
    FakeEndpoint.attach(plain.client).add_response(body)
    wire.endpoint.add_response(body)
    result = wire.cache.describe_cache_clusters()
    assert result == plain.describe_cache_clusters()
    assert wire.read_typed() == [False]
    assert result.cache_clusters is not None
    assert result.cache_clusters[0].pending_modified_values == shapes.PendingModifiedValues(
        num_cache_nodes=3
    )


def test_waiters_read_botocores_dicts(wire: Wire) -> None:
    available = {**CLUSTER, "CacheClusterStatus": "available"}
    wire.endpoint.add_result("DescribeCacheClusters", {"CacheClusters": [available]})
    assert wire.cache.wait_until_cache_cluster_available(cache_cluster_id="c-1") is None
    assert wire.read_typed() == [False]


def test_the_stubber_answers_a_created_facade(wire: Wire) -> None:
    with Stubber(wire.cache) as stub:
        stub.on(wire.cache.describe_cache_clusters).respond(
            shapes.CacheClusterMessage(marker="m"), cache_cluster_id="c"
        )
        assert wire.cache.describe_cache_clusters(cache_cluster_id="c").marker == "m"


def test_every_operation_reads_typed_through_the_facade(wire: Wire) -> None:
    """One sample answer per operation with an output, through the created facade."""
    plain = ElastiCache(make_client())
    plain_endpoint = FakeEndpoint.attach(plain.client)
    model = plain.client.meta.service_model
    for operation in sorted(model.operation_names):
        if model.operation_model(operation).output_shape is None:
            continue
        sample = SampleData(f"reader/{operation}")
        answer = sample.output(operation)
        params = sample.input_params(operation)
        kwargs = facade_kwargs(operation_model(operation).input_shape, params, random.Random(2))
        for endpoint in (wire.endpoint, plain_endpoint):
            endpoint.add_result(operation, answer)
        method = xform_name(operation)
        assert getattr(wire.cache, method)(**kwargs) == getattr(plain, method)(**kwargs)
    with_output = [o for o in model.operation_names if model.operation_model(o).output_shape]
    assert wire.read_typed() == [True] * len(with_output)
