"""Which category (a class of elasticache_typed.errors) each modelled error belongs to.

Explicit names first, then rules on the shape name in order. A modelled error that no
rule places stops the generator, so a new error in the model is never guessed.
"""

from __future__ import annotations

import re

CATEGORIES = (
    "ElastiCacheError",
    "NotFoundError",
    "AlreadyExistsError",
    "QuotaExceededError",
    "InvalidStateError",
    "InvalidParameterError",
    "ThrottlingError",
    "AccessDeniedError",
    "ServiceUnavailableError",
    "NetworkError",
    "ValidationError",
    "WaiterError",
)
"""The base and the categories, as `elasticache_typed.errors` lists them (before the modelled
errors): the order the reference documents them in."""

EXPLICIT = {
    # A resource's state or use.
    "NoOperationFault": "InvalidStateError",
    "TestFailoverNotAvailableFault": "InvalidStateError",
    "SnapshotFeatureNotSupportedFault": "InvalidStateError",
    "MigrationHealthFault": "InvalidStateError",
    "DefaultUserRequired": "InvalidStateError",
    "DefaultUserAssociatedToUserGroupFault": "InvalidStateError",
    "InvalidVPCNetworkStateFault": "InvalidStateError",
    # Bad input the service rejects.
    "SubnetNotAllowedFault": "InvalidParameterError",
    "InvalidSubnet": "InvalidParameterError",
    "InvalidARNFault": "InvalidParameterError",
    "InvalidKMSKeyFault": "InvalidParameterError",
    "InvalidParameterValueException": "InvalidParameterError",
    "InvalidParameterCombinationException": "InvalidParameterError",
    # Others.
    "APICallRateForCustomerExceededFault": "ThrottlingError",
    "InvalidCredentialsException": "AccessDeniedError",
    "DuplicateUserNameFault": "AlreadyExistsError",
    "InsufficientCacheClusterCapacityFault": "QuotaExceededError",
}

RULES = [
    (re.compile(r"InUse$|UnderMigrationFault$"), "InvalidStateError"),
    (re.compile(r"NotFound(Fault)?$"), "NotFoundError"),
    (re.compile(r"AlreadyExists(Fault)?$"), "AlreadyExistsError"),
    (re.compile(r"Quota\w*Exceeded(Fault)?$"), "QuotaExceededError"),
    (re.compile(r"^Invalid.*State(Fault)?$"), "InvalidStateError"),
]


def category_of(error_name: str) -> str:
    if error_name in EXPLICIT:
        return EXPLICIT[error_name]
    for pattern, category in RULES:
        if pattern.search(error_name):
            return category
    raise SystemExit(f"modelled error {error_name} has no category: add it to {__name__}")
