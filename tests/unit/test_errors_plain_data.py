"""Errors are plain data: every error class of the library (each modelled error of the
installed model, each category, the base) survives pickle at every protocol, copy and
deepcopy with its class and every attribute, so it crosses process pools and task queues."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from botocore.exceptions import ClientError

from elasticache_typed import ElastiCache, errors
from tests.support.fake_endpoint import FakeEndpoint, make_client

from . import strategies

ATTRIBUTES = (
    "code",
    "message",
    "request_id",
    "http_status_code",
    "operation_name",
    "solution",
    "retryable",
)
CATEGORIES = [
    errors.ElastiCacheError,
    errors.NotFoundError,
    errors.AlreadyExistsError,
    errors.QuotaExceededError,
    errors.InvalidStateError,
    errors.InvalidParameterError,
    errors.ThrottlingError,
    errors.AccessDeniedError,
    errors.ServiceUnavailableError,
    errors.NetworkError,
    errors.WaiterError,
]
MODELLED = [getattr(errors, name) for name in strategies.error_shape_names()]
PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def _error(cls: type[errors.ElastiCacheError]) -> errors.ElastiCacheError:
    """An error of `cls` with every attribute set, `retryable` the opposite of its default."""
    return cls(
        "Cache cluster c-1 not found.",
        code=getattr(cls, "error_code", "SomeCode"),
        request_id="5b2c1c7e-8f0e-4d4a-9a8e-0c1d2e3f4a5b",
        http_status_code=404,
        operation_name="DescribeCacheClusters",
        solution="Check the cluster id.",
        retryable=not cls.default_retryable,
    )


def assert_same(copied: BaseException, original: BaseException) -> None:
    assert type(copied) is type(original)
    for name in ATTRIBUTES:
        assert getattr(copied, name) == getattr(original, name), name
    assert copied.args == original.args
    assert str(copied) == str(original)
    assert repr(copied) == repr(original)


def test_every_modelled_error_is_covered() -> None:
    assert len(MODELLED) == len(strategies.service_model().error_shapes) > 50


@pytest.mark.parametrize("cls", [*CATEGORIES, *MODELLED], ids=lambda c: c.__name__)
def test_pickles_at_every_protocol_and_copies(cls: type[errors.ElastiCacheError]) -> None:
    original = _error(cls)
    for protocol in PROTOCOLS:
        assert_same(pickle.loads(pickle.dumps(original, protocol=protocol)), original)
    assert_same(copy.copy(original), original)
    assert_same(copy.deepcopy(original), original)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_validation_error_pickles(protocol: int) -> None:
    original = errors.ValidationError("tags[3]: the tag key is empty")
    copied = pickle.loads(pickle.dumps(original, protocol=protocol))
    assert_same(copied, original)
    assert isinstance(copied, ValueError)


def test_classes_are_pickled_by_their_public_name() -> None:
    for cls in [*CATEGORIES, errors.ValidationError, *MODELLED]:
        assert cls.__module__ == "elasticache_typed.errors"
        assert pickle.dumps(cls).find(b"_generated") == -1


def _raised_through_botocore() -> errors.ElastiCacheError:
    client = make_client()
    endpoint = FakeEndpoint.attach(client)
    endpoint.add_error("CacheClusterNotFound", "CacheCluster c-1 not found.", status=404)
    try:
        ElastiCache(client).describe_cache_clusters(cache_cluster_id="c-1")
    except errors.ElastiCacheError as exc:
        return exc
    raise AssertionError("no error raised")


def test_an_error_raised_by_a_call_pickles_without_its_cause() -> None:
    original = _raised_through_botocore()
    assert original.__cause__ is not None
    copied = pickle.loads(pickle.dumps(original))
    assert_same(copied, original)
    assert copied.request_id == "req-err"
    assert copied.__cause__ is None


def _fail_in_a_worker(cluster_id: str) -> Any:
    raise errors.CacheClusterNotFoundFault(
        f"CacheCluster {cluster_id} not found.",
        code="CacheClusterNotFound",
        request_id="rid",
        http_status_code=404,
        operation_name="DescribeCacheClusters",
    )


def test_an_error_crosses_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_fail_in_a_worker, "c-9")
        with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
            future.result(timeout=60)
        # The pool survived the error and still works.
        assert pool.submit(len, "abc").result(timeout=60) == 3
    exc = caught.value
    assert isinstance(exc, errors.NotFoundError)
    assert (exc.code, exc.request_id, exc.http_status_code) == ("CacheClusterNotFound", "rid", 404)
    assert exc.message == "CacheCluster c-9 not found."
    assert exc.retryable is False


def _answered(cls: type[errors.ElastiCacheError]) -> errors.ElastiCacheError:
    """`_error(cls)` as built from a service answer: also a botocore ClientError."""
    plain = _error(cls)
    response = {
        "Error": {"Code": plain.code, "Message": plain.message, "Type": "Sender"},
        "ResponseMetadata": {"RequestId": plain.request_id, "HTTPStatusCode": 404},
    }
    return cls.answered(
        response,
        plain.message,
        code=plain.code,
        request_id=plain.request_id,
        http_status_code=plain.http_status_code,
        operation_name=plain.operation_name,
        solution=plain.solution,
        retryable=plain.retryable,
    )


@pytest.mark.parametrize("cls", [*CATEGORIES, *MODELLED], ids=lambda c: c.__name__)
def test_answered_errors_are_client_errors_that_pickle_and_copy(
    cls: type[errors.ElastiCacheError],
) -> None:
    original = _answered(cls)
    assert isinstance(original, ClientError) and isinstance(original, cls)
    assert type(original).__name__ == cls.__name__
    assert original.response["Error"]["Code"] == original.code  # type: ignore[attr-defined]
    copies = [pickle.loads(pickle.dumps(original, protocol=p)) for p in PROTOCOLS]
    for copied in [*copies, copy.copy(original), copy.deepcopy(original)]:
        assert_same(copied, original)
        assert copied.response == original.response
        assert copied.operation_name == "DescribeCacheClusters"
    assert not isinstance(_error(cls), ClientError)


def test_a_service_answer_is_a_client_error_with_botocores_response() -> None:
    original = _raised_through_botocore()
    assert isinstance(original, ClientError)
    assert isinstance(original, errors.CacheClusterNotFoundFault)
    assert original.response["Error"]["Code"] == "CacheClusterNotFound"
    assert original.response["Error"]["Message"] == "CacheCluster c-1 not found."
    assert original.response["ResponseMetadata"]["RequestId"] == "req-err"
    assert original.operation_name == "DescribeCacheClusters"
    assert_same(pickle.loads(pickle.dumps(original)), original)


def test_existing_except_client_error_keeps_working() -> None:
    try:
        _reraise(_raised_through_botocore())
    except ClientError as e:
        assert e.response["Error"]["Code"] == "CacheClusterNotFound"
    else:
        raise AssertionError("not caught")


def _reraise(exc: BaseException) -> None:
    raise exc


def test_validation_errors_are_not_client_errors() -> None:
    with pytest.raises(errors.ValidationError) as caught:
        ElastiCache(make_client()).describe_cache_clusters(max_records="x")  # type: ignore[arg-type]
    assert not isinstance(caught.value, ClientError)
