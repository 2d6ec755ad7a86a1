"""Common error codes the model does not declare, and the category each belongs to."""

from __future__ import annotations

from elasticache_typed._errors.categories import (
    AccessDeniedError,
    ElastiCacheError,
    ServiceUnavailableError,
    ThrottlingError,
)

UNMODELLED_CODES: dict[str, type[ElastiCacheError]] = {
    "Throttling": ThrottlingError,
    "ThrottlingException": ThrottlingError,
    "RequestLimitExceeded": ThrottlingError,
    "AccessDenied": AccessDeniedError,
    "AccessDeniedException": AccessDeniedError,
    "InvalidClientTokenId": AccessDeniedError,
    "SignatureDoesNotMatch": AccessDeniedError,
    "UnrecognizedClientException": AccessDeniedError,
    "ExpiredToken": AccessDeniedError,
    "InternalFailure": ServiceUnavailableError,
    "ServiceUnavailable": ServiceUnavailableError,
}
