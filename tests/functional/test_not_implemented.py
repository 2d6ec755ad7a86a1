"""An operation moto's server does not implement, on every kind of facade, at its default retry
settings: moto answers with Werkzeug's generic `500 Internal Server Error` page (its
`NotImplementedError` unhandled), which botocore cannot read and does not retry. The library
says so: a ServiceUnavailableError whose message says the operation is not implemented by this
endpoint, raised at once (no back-off, one request), not after retries.
"""

from __future__ import annotations

import asyncio
import pickle
from typing import Any

import boto3
import botocore.session
import pytest
from aiobotocore.session import get_session
from botocore import xform_name
from moto.elasticache.responses import ElastiCacheResponse

from elasticache_typed import AsyncElastiCache, ElastiCache, errors
from tests.support.facade_kinds import KINDS

REGION = "us-east-1"


def _unimplemented() -> str:
    """A Describe operation without required input that moto's ElastiCache does not answer."""
    service = botocore.session.get_session().get_service_model("elasticache")
    for name in service.operation_names:
        required = service.operation_model(name).input_shape.required_members
        if name.startswith("Describe") and not required:
            if not hasattr(ElastiCacheResponse, xform_name(name)):
                return name
    raise AssertionError("moto answers every Describe operation")


OPERATION = _unimplemented()


def _counted(client: Any, sent: list[str]) -> None:
    client.meta.events.register("before-send", lambda **_: sent.append(OPERATION))


def _outcome(kind: str, url: str, sent: list[str]) -> errors.ElastiCacheError:
    method = xform_name(OPERATION)
    if kind in ("create", "wrapped"):
        cache = (
            ElastiCache.create(endpoint_url=url, region_name=REGION)
            if kind == "create"
            else ElastiCache(boto3.client("elasticache", endpoint_url=url, region_name=REGION))
        )
        _counted(cache.client, sent)
        with pytest.raises(errors.ElastiCacheError) as caught:
            getattr(cache, method)()
        return caught.value

    async def main() -> errors.ElastiCacheError:
        if kind == "async-create":
            async with AsyncElastiCache.create(endpoint_url=url, region_name=REGION) as cache:
                _counted(cache.client, sent)
                with pytest.raises(errors.ElastiCacheError) as caught:
                    await getattr(cache, method)()
                return caught.value
        async with get_session().create_client(
            "elasticache", endpoint_url=url, region_name=REGION
        ) as client:
            _counted(client, sent)
            with pytest.raises(errors.ElastiCacheError) as caught:
                await getattr(AsyncElastiCache(client), method)()
            return caught.value

    return asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
def test_an_operation_the_endpoint_lacks_says_so_at_once(
    kind: str, moto_url: str, sleeps: list[float]
) -> None:
    sent: list[str] = []
    exc = _outcome(kind, moto_url, sent)

    assert isinstance(exc, errors.ServiceUnavailableError)
    assert f"{OPERATION} is not implemented by this endpoint" in exc.message
    assert f"{OPERATION} is not implemented by this endpoint" in str(exc)
    assert exc.code == "500"
    assert exc.http_status_code == 500
    assert exc.operation_name == OPERATION
    assert exc.response["Error"]["Message"] == exc.message  # type: ignore[attr-defined]
    copied = pickle.loads(pickle.dumps(exc))
    assert isinstance(copied, errors.ServiceUnavailableError)
    assert (copied.message, copied.retryable) == (exc.message, True)
    assert sent == [OPERATION]  # botocore does not retry the page: nor does create()
    assert sleeps == []
