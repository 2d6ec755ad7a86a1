"""The solutions ElastiCache documents for CopySnapshot's S3 export error messages.

Each message is kept as the model's documentation writes it, with %s where the service
puts a bucket name, key or account; the solution is the text documented beside it.
"""

from __future__ import annotations

import functools
import re

_CREATE_BUCKET = (
    "Create an Amazon S3 bucket in the same region as your snapshot. For more information, "
    "see Step 1: Create an Amazon S3 Bucket in the ElastiCache User Guide."
)
_GRANT_ACCESS = (
    "For more information, see Step 2: Grant ElastiCache Access to Your Amazon S3 Bucket "
    "in the ElastiCache User Guide."
)

DOCUMENTED_SOLUTIONS: list[tuple[str, str]] = [
    ("The S3 bucket %s is outside of the region.", _CREATE_BUCKET),
    ("The S3 bucket %s does not exist.", _CREATE_BUCKET),
    ("The S3 bucket %s is not owned by the authenticated user.", _CREATE_BUCKET),
    (
        "The authenticated user does not have sufficient permissions to perform the desired"
        " activity.",
        "Contact your system administrator to get the needed permissions.",
    ),
    (
        "The S3 bucket %s already contains an object with key %s.",
        "Give the TargetSnapshotName a new and unique value. If exporting a snapshot, you could"
        " alternatively create a new Amazon S3 bucket and use this same value for"
        " TargetSnapshotName.",
    ),
    (
        "ElastiCache has not been granted READ permissions %s on the S3 Bucket.",
        f"Add List and Read permissions on the bucket. {_GRANT_ACCESS}",
    ),
    (
        "ElastiCache has not been granted WRITE permissions %s on the S3 Bucket.",
        f"Add Upload/Delete permissions on the bucket. {_GRANT_ACCESS}",
    ),
    (
        "ElastiCache has not been granted READ_ACP permissions %s on the S3 Bucket.",
        f"Add View Permissions on the bucket. {_GRANT_ACCESS}",
    ),
]


def _pattern(message: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in message.rstrip(".").split("%s"))
    return re.compile(r"\s*" + r"\s*(.*?)\s*".join(parts) + r"\.?\s*$")


@functools.cache
def _matchers() -> list[tuple[re.Pattern[str], str]]:
    # Compiled on the first error, not at import.
    return [(_pattern(message), solution) for message, solution in DOCUMENTED_SOLUTIONS]


def solution_for(message: str) -> str | None:
    """The documented solution for a service error message, or None."""
    for pattern, solution in _matchers():
        if pattern.match(message):
            return solution
    return None
