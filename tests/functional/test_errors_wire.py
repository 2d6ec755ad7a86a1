"""Error answers on the wire become the library's typed errors.

Every modelled error shape is answered with its error CODE (which differs from the shape name
for many) and its HTTP status, from an operation that declares it. The category each one must
belong to is written out here from the shape's meaning, not read back from the generated code.
"""

from __future__ import annotations

import socket
from typing import Any

import botocore.endpoint
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from elasticache_typed import ElastiCache, errors
from tests.support.error_classes import public_class
from tests.support.fake_endpoint import FakeEndpoint, make_client, no_retry_config
from tests.support.query_xml import error_code, error_status
from tests.support.sample_data import (
    SampleData,
    error_shapes,
    facade_kwargs,
    operation_model,
    operation_names,
)

ERROR_SHAPES = error_shapes()
MESSAGE = 'Something <went> wrong & here\'s "why": 100% é'

# Faults about a resource's state or use, named outright in the design.
_STATE_FAULTS = {
    "NoOperationFault",
    "TestFailoverNotAvailableFault",
    "SnapshotFeatureNotSupportedFault",
    "MigrationHealthFault",
    "DefaultUserRequired",
    "DefaultUserAssociatedToUserGroupFault",
}
# Faults about a bad parameter value, whatever their name says.
_PARAMETER_FAULTS = {
    "SubnetNotAllowedFault",
    "InvalidParameterValueException",
    "InvalidParameterCombinationException",
    "InvalidARNFault",
    "InvalidKMSKeyFault",
    "InvalidSubnet",
}


def expected_category(name: str) -> type[errors.ElastiCacheError]:
    """The category an error shape must belong to, from what the error means."""
    if name in _STATE_FAULTS or "InUse" in name or "UnderMigration" in name:
        return errors.InvalidStateError
    if name in _PARAMETER_FAULTS:
        return errors.InvalidParameterError
    if name == "APICallRateForCustomerExceededFault":
        return errors.ThrottlingError
    if name == "InvalidCredentialsException":
        return errors.AccessDeniedError
    if "NotFound" in name:
        return errors.NotFoundError
    if "AlreadyExists" in name or name == "DuplicateUserNameFault":
        return errors.AlreadyExistsError
    if "Quota" in name or name == "InsufficientCacheClusterCapacityFault":
        return errors.QuotaExceededError
    if name.startswith("Invalid") and "State" in name:
        return errors.InvalidStateError
    pytest.fail(f"no expected category for the new error shape {name}: add one")


_CATEGORIES = [
    errors.NotFoundError,
    errors.AlreadyExistsError,
    errors.QuotaExceededError,
    errors.InvalidStateError,
    errors.InvalidParameterError,
    errors.ThrottlingError,
    errors.AccessDeniedError,
    errors.ServiceUnavailableError,
    errors.NetworkError,
    errors.ValidationError,
]
_RETRYABLE = (errors.ThrottlingError, errors.ServiceUnavailableError, errors.NetworkError)


def _declaring_operation(shape_name: str) -> str:
    for operation in operation_names():
        if any(s.name == shape_name for s in operation_model(operation).error_shapes):
            return operation
    return "DescribeCacheClusters"


def _call(client: Any, operation: str) -> Any:
    params = SampleData(f"errors/{operation}").input_params(operation)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params)
    return getattr(ElastiCache(client), xform_name(operation))(**kwargs)


@pytest.mark.parametrize("shape", ERROR_SHAPES, ids=[s.name for s in ERROR_SHAPES])
def test_modelled_error_raises_its_class(shape: Any, wire: Any) -> None:
    client, endpoint = wire
    operation = _declaring_operation(shape.name)
    code, status = error_code(shape), error_status(shape)
    endpoint.add_error(code, MESSAGE, status=status, request_id=f"rid-{shape.name}")

    with pytest.raises(errors.ElastiCacheError) as caught:
        _call(client, operation)

    exc = caught.value
    assert public_class(exc) is getattr(errors, shape.name)
    assert type(exc).__name__ == shape.name
    category = expected_category(shape.name)
    assert isinstance(exc, category)
    assert [c for c in _CATEGORIES if isinstance(exc, c)] == [category]
    assert exc.code == code
    assert exc.message == MESSAGE
    assert exc.request_id == f"rid-{shape.name}"
    assert exc.http_status_code == status
    assert exc.operation_name == operation
    assert exc.solution is None
    assert exc.retryable is (category in _RETRYABLE)
    assert code in str(exc) and MESSAGE in str(exc)
    cause = exc.__cause__
    assert isinstance(cause, ClientError)
    # botocore itself picks its modelled exception class from the same code.
    assert type(cause).__name__ == shape.name
    assert cause.response["Error"]["Code"] == code
    assert len(endpoint.requests) == 1


def test_every_modelled_error_is_exported() -> None:
    names = {shape.name for shape in ERROR_SHAPES}
    assert names
    for name in names:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.ElastiCacheError)
        assert cls.__name__ == name
    assert any(error_code(shape) != shape.name for shape in ERROR_SHAPES)


_UNMODELLED = [
    ("Throttling", 400, errors.ThrottlingError),
    ("ThrottlingException", 400, errors.ThrottlingError),
    ("RequestLimitExceeded", 503, errors.ThrottlingError),
    ("AccessDenied", 403, errors.AccessDeniedError),
    ("AccessDeniedException", 403, errors.AccessDeniedError),
    ("InvalidClientTokenId", 403, errors.AccessDeniedError),
    ("SignatureDoesNotMatch", 403, errors.AccessDeniedError),
    ("UnrecognizedClientException", 400, errors.AccessDeniedError),
    ("ExpiredToken", 400, errors.AccessDeniedError),
    ("InternalFailure", 500, errors.ServiceUnavailableError),
    ("ServiceUnavailable", 503, errors.ServiceUnavailableError),
]


@pytest.mark.parametrize(("code", "status", "category"), _UNMODELLED)
def test_common_unmodelled_code_maps_to_its_category(
    code: str, status: int, category: type[errors.ElastiCacheError], wire: Any
) -> None:
    client, endpoint = wire
    endpoint.add_error(code, "nope", status=status, request_id="rid-u", error_type="Receiver")
    with pytest.raises(category) as caught:
        ElastiCache(client).describe_cache_clusters()
    exc = caught.value
    assert public_class(exc) is category
    assert exc.code == code
    assert exc.message == "nope"
    assert exc.request_id == "rid-u"
    assert exc.http_status_code == status
    assert exc.operation_name == "DescribeCacheClusters"
    assert exc.retryable is (category in _RETRYABLE)
    assert isinstance(exc.__cause__, ClientError)
    assert len(endpoint.requests) == 1  # retries are off: no second attempt


@pytest.mark.parametrize("status", [400, 500])
def test_unknown_code_is_the_base_error_with_code_and_message(status: int, wire: Any) -> None:
    client, endpoint = wire
    endpoint.add_error("BrandNewFault", "a fault from the future", status=status)
    with pytest.raises(errors.ElastiCacheError) as caught:
        ElastiCache(client).describe_snapshots()
    exc = caught.value
    assert public_class(exc) is errors.ElastiCacheError
    assert exc.code == "BrandNewFault"
    assert exc.message == "a fault from the future"
    assert exc.http_status_code == status
    assert exc.operation_name == "DescribeSnapshots"
    assert exc.retryable is (status >= 500)  # botocore's standard policy retries any 500
    assert exc.solution is None


def test_throttling_code_of_the_model_is_retryable(wire: Any) -> None:
    client, endpoint = wire
    endpoint.add_error("APICallRateForCustomerExceeded", "slow down")
    with pytest.raises(errors.ThrottlingError) as caught:
        ElastiCache(client).describe_users()
    assert isinstance(caught.value, errors.APICallRateForCustomerExceededFault)
    assert caught.value.retryable is True


# -- documented solutions of CopySnapshot's S3 export errors -----------------------------------

_ACL_OWNER = "(canonical id 1a2b3c4d5e6f)"
_SOLUTIONS = [
    ("The S3 bucket my-bucket is outside of the region.", "same region as your snapshot"),
    ("The S3 bucket my-bucket does not exist.", "Create an Amazon S3 bucket"),
    (
        "The S3 bucket my-bucket is not owned by the authenticated user.",
        "Create an Amazon S3 bucket",
    ),
    (
        "The authenticated user does not have sufficient permissions to perform the desired "
        "activity.",
        "Contact your system administrator",
    ),
    (
        "The S3 bucket my-bucket already contains an object with key snap-1.rdb.",
        "TargetSnapshotName a new and unique value",
    ),
    (
        f"ElastiCache has not been granted READ permissions {_ACL_OWNER} on the S3 Bucket.",
        "Add List and Read permissions",
    ),
    (
        f"ElastiCache has not been granted WRITE permissions {_ACL_OWNER} on the S3 Bucket.",
        "Add Upload/Delete permissions",
    ),
    (
        f"ElastiCache has not been granted READ_ACP permissions {_ACL_OWNER} on the S3 Bucket.",
        "Add View Permissions",
    ),
]


@pytest.mark.parametrize(("message", "solution_text"), _SOLUTIONS)
def test_copy_snapshot_s3_errors_carry_the_documented_solution(
    message: str, solution_text: str, wire: Any
) -> None:
    client, endpoint = wire
    endpoint.add_error("InvalidParameterValue", message)
    with pytest.raises(errors.InvalidParameterValueException) as caught:
        ElastiCache(client).copy_snapshot(
            source_snapshot_name="snap-1", target_snapshot_name="snap-1", target_bucket="my-bucket"
        )
    exc = caught.value
    assert exc.message == message
    assert exc.solution is not None
    assert solution_text in exc.solution
    assert exc.solution in str(exc)
    assert message in str(exc)
    assert exc.operation_name == "CopySnapshot"


@pytest.mark.parametrize(
    "message",
    [
        "The S3 bucket my-bucket is fine.",
        "Snapshot snap-1 not found.",
        "ElastiCache has not been granted FULL_CONTROL permissions on the S3 Bucket.",
        "",
    ],
)
def test_other_messages_have_no_solution(message: str, wire: Any) -> None:
    client, endpoint = wire
    endpoint.add_error("InvalidParameterValue", message)
    with pytest.raises(errors.InvalidParameterValueException) as caught:
        ElastiCache(client).copy_snapshot(source_snapshot_name="a", target_snapshot_name="b")
    assert caught.value.solution is None
    assert "Solution" not in str(caught.value)


def test_solution_only_read_acp_not_read(wire: Any) -> None:
    """READ_ACP and READ are different grants with different solutions."""
    client, endpoint = wire
    facade = ElastiCache(client)
    solutions = []
    for grant in ("READ", "READ_ACP"):
        endpoint.add_error(
            "InvalidParameterValue",
            f"ElastiCache has not been granted {grant} permissions {_ACL_OWNER} on the S3 Bucket.",
        )
        with pytest.raises(errors.ElastiCacheError) as caught:
            facade.copy_snapshot(source_snapshot_name="a", target_snapshot_name="b")
        solutions.append(caught.value.solution)
    assert solutions[0] != solutions[1]


# -- network failures and retries ---------------------------------------------------------------


def _free_closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("port", [9, None])
def test_unreachable_endpoint_is_a_network_error(
    port: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    port = port or _free_closed_port()
    client = make_client(
        endpoint_url=f"http://127.0.0.1:{port}",
        config=no_retry_config(connect_timeout=1, read_timeout=1),
    )
    with pytest.raises(errors.NetworkError) as caught:
        ElastiCache(client).describe_cache_clusters()
    exc = caught.value
    assert exc.retryable is True
    assert exc.operation_name == "DescribeCacheClusters"
    assert isinstance(exc.__cause__, EndpointConnectionError)
    assert exc.code
    assert exc.request_id is None


@pytest.mark.parametrize(
    "failure",
    [
        ReadTimeoutError(endpoint_url="https://elasticache.us-east-1.amazonaws.com/"),
        ConnectTimeoutError(endpoint_url="https://elasticache.us-east-1.amazonaws.com/"),
        EndpointConnectionError(endpoint_url="https://elasticache.us-east-1.amazonaws.com/"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_http_layer_failures_are_network_errors(failure: Exception, wire: Any) -> None:
    client, endpoint = wire
    endpoint.add_exception(failure)
    with pytest.raises(errors.NetworkError) as caught:
        ElastiCache(client).describe_events()
    assert caught.value.__cause__ is failure
    assert caught.value.retryable is True
    assert caught.value.operation_name == "DescribeEvents"


@pytest.fixture
def retrying() -> tuple[Any, FakeEndpoint]:
    """A client that wants botocore's retries (three attempts)."""
    client = make_client(config=Config(retries={"total_max_attempts": 3, "mode": "standard"}))
    return client, FakeEndpoint.attach(client)


def test_botocore_retries_throttling_when_the_client_allows(
    retrying: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, endpoint = retrying
    sleeps: list[float] = []
    monkeypatch.setattr(botocore.endpoint.time, "sleep", sleeps.append)
    endpoint.add_error("Throttling", "Rate exceeded")
    endpoint.add_result("DescribeUsers", {"Users": []})
    result = ElastiCache(client).describe_users()
    assert result.users == []
    assert len(endpoint.requests) == 2
    assert len(sleeps) == 1
    assert client.meta.config.retries == {"total_max_attempts": 3, "mode": "standard"}


def test_throttling_after_all_retries_is_a_throttling_error(
    retrying: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, endpoint = retrying
    monkeypatch.setattr(botocore.endpoint.time, "sleep", lambda _: None)
    for attempt in range(3):
        endpoint.add_error("Throttling", "Rate exceeded", request_id=f"rid-{attempt}")
    with pytest.raises(errors.ThrottlingError) as caught:
        ElastiCache(client).describe_users()
    assert len(endpoint.requests) == 3
    assert caught.value.request_id == "rid-2"
    assert caught.value.retryable is True
