"""The error hierarchy of DESIGN.md, checked against botocore's model."""

from __future__ import annotations

import html
import re

import pytest
from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.model import OperationModel

from elasticache_typed import errors
from elasticache_typed._errors.failed_answers import error_class, from_error_answer
from elasticache_typed._errors.mapping import from_botocore
from elasticache_typed._errors.solutions import solution_for
from tests.support.error_classes import public_class

from . import strategies

CATEGORIES = {
    "NotFoundError": errors.NotFoundError,
    "AlreadyExistsError": errors.AlreadyExistsError,
    "QuotaExceededError": errors.QuotaExceededError,
    "InvalidStateError": errors.InvalidStateError,
    "InvalidParameterError": errors.InvalidParameterError,
    "ThrottlingError": errors.ThrottlingError,
    "AccessDeniedError": errors.AccessDeniedError,
    "ServiceUnavailableError": errors.ServiceUnavailableError,
    "NetworkError": errors.NetworkError,
    "ValidationError": errors.ValidationError,
}
RETRYABLE = {"ThrottlingError", "ServiceUnavailableError", "NetworkError"}

ERROR_NAMES = strategies.error_shape_names()


def op(name: str) -> OperationModel:
    """The model of operation `name`, which the error mapping classifies failures with."""
    return strategies.service_model().operation_model(name)


def model_code(name: str) -> str:
    """The error code the service sends for a modelled error (the shape's name by default)."""
    return str(strategies.shape(name).metadata.get("error", {}).get("code", name))


# --- the categories ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CATEGORIES))
def test_categories_subclass_the_base(name: str) -> None:
    category = CATEGORIES[name]
    assert issubclass(category, errors.ElastiCacheError)
    assert category is not errors.ElastiCacheError
    assert issubclass(errors.ElastiCacheError, Exception)


def test_categories_are_distinct() -> None:
    for a in CATEGORIES.values():
        for b in CATEGORIES.values():
            if a is not b:
                assert not issubclass(a, b), (a, b)


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(errors.ValidationError, ValueError)
    exc = errors.ValidationError("bad")
    assert exc.code == "ValidationError"
    assert exc.message == "bad"
    assert exc.request_id is None
    assert exc.http_status_code is None
    assert exc.operation_name is None
    assert exc.solution is None


@pytest.mark.parametrize("name", sorted(CATEGORIES))
def test_retryable_flags(name: str) -> None:
    category = CATEGORIES[name]
    expected = name in RETRYABLE
    assert category.default_retryable is expected
    if category is errors.ValidationError:
        instance = category("m")
    else:
        instance = category("m", code="C")
    assert instance.retryable is expected


def test_base_error_is_not_retryable_and_keeps_its_attributes() -> None:
    exc = errors.ElastiCacheError(
        "boom",
        code="Weird",
        request_id="rid",
        http_status_code=418,
        operation_name="CopySnapshot",
    )
    assert exc.retryable is False
    assert (exc.code, exc.message, exc.request_id) == ("Weird", "boom", "rid")
    assert (exc.http_status_code, exc.operation_name, exc.solution) == (418, "CopySnapshot", None)
    assert "Weird" in str(exc)
    assert "boom" in str(exc)


# --- one class per modelled error -------------------------------------------------------------


def test_the_model_has_errors() -> None:
    assert len(ERROR_NAMES) > 70
    assert "CacheClusterNotFoundFault" in ERROR_NAMES


def test_every_modelled_error_has_a_class_and_no_more() -> None:
    generated = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type)
        and issubclass(value, errors.ElastiCacheError)
        and hasattr(value, "error_code")
    }
    assert generated == set(ERROR_NAMES)


def test_codes_that_differ_from_names() -> None:
    differing_in_model = {name for name in ERROR_NAMES if model_code(name) != name}
    differing_in_classes = {
        name for name in ERROR_NAMES if getattr(errors, name).error_code != name
    }
    assert differing_in_classes == differing_in_model
    # DESIGN.md: "differs from the name for 43 of them" (botocore is pinned).
    assert len(differing_in_model) == 43
    assert errors.CacheClusterNotFoundFault.error_code == "CacheClusterNotFound"
    assert (
        errors.CacheSecurityGroupQuotaExceededFault.error_code == "QuotaExceeded.CacheSecurityGroup"
    )


def expected_category(name: str) -> str:
    """The category DESIGN.md gives a modelled error, from its name."""
    explicit = {
        # DESIGN.md: faults about a resource's state or use.
        "NoOperationFault": "InvalidStateError",
        "TestFailoverNotAvailableFault": "InvalidStateError",
        "SnapshotFeatureNotSupportedFault": "InvalidStateError",
        "MigrationHealthFault": "InvalidStateError",
        "DefaultUserRequired": "InvalidStateError",
        "DefaultUserAssociatedToUserGroupFault": "InvalidStateError",
        "SubnetNotAllowedFault": "InvalidParameterError",
        "APICallRateForCustomerExceededFault": "ThrottlingError",
        # Bad input the service rejects.
        "InvalidParameterValueException": "InvalidParameterError",
        "InvalidParameterCombinationException": "InvalidParameterError",
        "InvalidARNFault": "InvalidParameterError",
        "InvalidKMSKeyFault": "InvalidParameterError",
        "InvalidSubnet": "InvalidParameterError",
        # Others, by meaning.
        "InvalidCredentialsException": "AccessDeniedError",
        "DuplicateUserNameFault": "AlreadyExistsError",
        "InsufficientCacheClusterCapacityFault": "QuotaExceededError",
        "InvalidVPCNetworkStateFault": "InvalidStateError",
    }
    if name in explicit:
        return explicit[name]
    if "InUse" in name or "UnderMigration" in name:
        return "InvalidStateError"
    if "NotFound" in name:
        return "NotFoundError"
    if "AlreadyExists" in name:
        return "AlreadyExistsError"
    if "Quota" in name and "Exceeded" in name:
        return "QuotaExceededError"
    if name.startswith("Invalid") and "State" in name:
        return "InvalidStateError"
    raise AssertionError(f"no expected category for {name}: extend this test")


@pytest.mark.parametrize("name", ERROR_NAMES)
def test_modelled_error_class(name: str) -> None:
    cls = getattr(errors, name)
    assert cls.__name__ == name
    assert cls.error_code == model_code(name)
    categories = [c for c in CATEGORIES if issubclass(cls, CATEGORIES[c])]
    assert categories == [expected_category(name)]
    assert cls.default_retryable is (categories[0] in RETRYABLE)
    assert cls.__doc__ and cls.__doc__.strip()
    # error_class finds it by the code the service sends, not by the name.
    assert error_class(model_code(name)) is cls


def test_api_call_rate_is_retryable_throttling() -> None:
    assert issubclass(errors.APICallRateForCustomerExceededFault, errors.ThrottlingError)
    assert errors.APICallRateForCustomerExceededFault.default_retryable is True


# --- codes the model does not declare ---------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "category"),
    [
        ("Throttling", errors.ThrottlingError),
        ("ThrottlingException", errors.ThrottlingError),
        ("RequestLimitExceeded", errors.ThrottlingError),
        ("AccessDenied", errors.AccessDeniedError),
        ("InvalidClientTokenId", errors.AccessDeniedError),
        ("SignatureDoesNotMatch", errors.AccessDeniedError),
        ("UnrecognizedClientException", errors.AccessDeniedError),
        ("ExpiredToken", errors.AccessDeniedError),
        ("InternalFailure", errors.ServiceUnavailableError),
        ("ServiceUnavailable", errors.ServiceUnavailableError),
    ],
)
def test_unmodelled_codes(code: str, category: type[errors.ElastiCacheError]) -> None:
    assert error_class(code) is category
    exc = from_error_answer(
        {"Error": {"Code": code, "Message": "m"}, "ResponseMetadata": {"RequestId": "r"}},
        op("DescribeCacheClusters"),
    )
    assert public_class(exc) is category
    assert exc.code == code


def test_unknown_code_is_the_base_error_with_code_and_message() -> None:
    assert error_class("SomethingNewFault") is errors.ElastiCacheError
    exc = from_error_answer(
        {
            "Error": {"Code": "SomethingNewFault", "Message": "a new thing went wrong"},
            "ResponseMetadata": {"RequestId": "req-1", "HTTPStatusCode": 400},
        },
        op("CreateUser"),
    )
    assert public_class(exc) is errors.ElastiCacheError
    assert exc.code == "SomethingNewFault"
    assert exc.message == "a new thing went wrong"
    assert exc.request_id == "req-1"
    assert exc.http_status_code == 400
    assert exc.operation_name == "CreateUser"
    assert exc.retryable is False


def test_error_names_are_not_codes() -> None:
    # A modelled error is matched by its code: its class name is not a code the service sends.
    assert error_class("CacheClusterNotFoundFault") is errors.ElastiCacheError
    assert error_class("CacheClusterNotFound") is errors.CacheClusterNotFoundFault


def test_client_error_becomes_the_modelled_class() -> None:
    client_error = ClientError(
        {
            "Error": {"Code": "CacheClusterNotFound", "Message": "CacheCluster c not found."},
            "ResponseMetadata": {"RequestId": "abc-123", "HTTPStatusCode": 404},
        },
        "DescribeCacheClusters",
    )
    exc = from_botocore(client_error, op("DescribeCacheClusters"))
    assert public_class(exc) is errors.CacheClusterNotFoundFault
    assert isinstance(exc, errors.NotFoundError)
    assert exc.code == "CacheClusterNotFound"
    assert exc.message == "CacheCluster c not found."
    assert exc.request_id == "abc-123"
    assert exc.http_status_code == 404
    assert exc.operation_name == "DescribeCacheClusters"
    assert exc.solution is None


@pytest.mark.parametrize(
    "botocore_error",
    [
        EndpointConnectionError(endpoint_url="https://elasticache.example"),
        ConnectTimeoutError(endpoint_url="https://elasticache.example"),
        ReadTimeoutError(endpoint_url="https://elasticache.example"),
    ],
)
def test_network_failures_are_retryable_network_errors(botocore_error: Exception) -> None:
    exc = from_botocore(botocore_error, op("DescribeCacheClusters"))
    assert public_class(exc) is errors.NetworkError
    assert exc.retryable is True
    assert exc.operation_name == "DescribeCacheClusters"


def test_missing_credentials_are_access_denied() -> None:
    exc = from_botocore(NoCredentialsError(), op("DescribeUsers"))
    assert isinstance(exc, errors.AccessDeniedError)


def test_botocore_param_validation_is_a_validation_error() -> None:
    exc = from_botocore(ParamValidationError(report="Missing required parameter"), op("CreateUser"))
    assert isinstance(exc, errors.ValidationError)
    assert isinstance(exc, ValueError)


# --- documented solutions ---------------------------------------------------------------------


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def documented_solutions() -> list[tuple[str, str]]:
    """(message with %s, solution) pairs, read from the CopySnapshot documentation."""
    doc = strategies.service_model().operation_model("CopySnapshot").documentation
    pairs = re.findall(
        r"<b>Error Message:\s*</b>(.*?)</p>\s*<p>\s*<b>Solution:</b>(.*?)</p>", doc, re.S
    )
    return [(_text(message), _text(solution)) for message, solution in pairs]


DOCUMENTED = documented_solutions()

CONCRETE_VALUES = ["my-export-bucket", "snapshots/redis-backup-0001.rdb"]


def concrete(message: str) -> str:
    values = iter(CONCRETE_VALUES)
    return re.sub("%s", lambda _: next(values), message)


def test_eight_documented_messages() -> None:
    assert len(DOCUMENTED) == 8


@pytest.mark.parametrize(("message", "solution"), DOCUMENTED)
def test_solution_for_documented_messages(message: str, solution: str) -> None:
    text = concrete(message)
    assert "%s" not in text
    assert solution_for(text) == solution


def test_solutions_pick_the_right_permission() -> None:
    by_permission = {
        permission: solution_for(
            f"ElastiCache has not been granted {permission} permissions canonical-id-1"
            " on the S3 Bucket."
        )
        for permission in ("READ", "WRITE", "READ_ACP")
    }
    assert len(set(by_permission.values())) == 3
    assert "List and Read" in str(by_permission["READ"])
    assert "Upload/Delete" in str(by_permission["WRITE"])
    assert "View" in str(by_permission["READ_ACP"])


@pytest.mark.parametrize(
    "message",
    [
        "",
        "CacheCluster c not found.",
        "The S3 bucket my-bucket was emptied.",
        "ElastiCache has not been granted DELETE permissions x on the S3 Bucket.",
        "Rate exceeded",
    ],
)
def test_no_solution_for_other_messages(message: str) -> None:
    assert solution_for(message) is None


@pytest.mark.parametrize(("message", "solution"), DOCUMENTED)
def test_str_of_the_error_shows_the_solution(message: str, solution: str) -> None:
    text = concrete(message)
    exc = from_error_answer(
        {
            "Error": {"Code": "InvalidParameterValue", "Message": text},
            "ResponseMetadata": {"RequestId": "r", "HTTPStatusCode": 400},
        },
        op("CopySnapshot"),
    )
    assert isinstance(exc, errors.InvalidParameterValueException)
    assert exc.solution == solution
    assert exc.message == text
    assert solution in str(exc)
    assert text in str(exc)
