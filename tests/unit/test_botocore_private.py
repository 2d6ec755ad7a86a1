"""Each private botocore name `_botocore_private` relies on still exists and behaves as assumed."""

from __future__ import annotations

from typing import Any

import boto3

from elasticache_typed import _botocore_private as private

# The response path


def _client() -> Any:
    return boto3.client(
        "elasticache", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )


def test_the_endpoint_holds_its_parser_factory() -> None:
    client = _client()
    factory = object()
    private.install_parser_factory(client, factory)
    assert client._endpoint._response_parser_factory is factory


def test_a_plain_client_is_not_wrapped_and_a_wrapper_is_seen() -> None:
    client = _client()
    assert not private.api_call_wrapped(client)
    real = client._make_api_call
    client._make_api_call = lambda *a: real(*a)
    assert private.api_call_wrapped(client)


def test_handlers_are_found_and_the_lookup_cache_is_replaced_on_register() -> None:
    client = _client()
    watch = private.HandlerWatch(client)
    assert not watch.foreign_handlers("DescribeCacheClusters")
    before = client.meta.events._emitter._lookup_cache
    client.meta.events.register("after-call.elasticache", lambda **_: None)
    assert client.meta.events._emitter._lookup_cache is not before
    assert watch.foreign_handlers("DescribeCacheClusters")
