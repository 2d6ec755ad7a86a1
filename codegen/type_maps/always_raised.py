"""The errors any facade call can raise besides the ones the model lists for its operation.

Each generated method's `Raises:` lists these after the operation's own errors. They are
the categories that do not depend on the operation: input checks before sending, the
caller's credentials, what is left after botocore's retries (throttling, 5xx answers,
network failures), and the base class for anything else (a code the model does not
declare, an answer that does not fit the model).
"""

ALWAYS_RAISED: list[tuple[str, str]] = [
    ("ValidationError", "An argument has the wrong type or breaks a tag rule; nothing was sent."),
    ("AccessDeniedError", "The credentials are missing, invalid or lack the permission."),
    ("ThrottlingError", "The call was rate limited and botocore's retries ran out."),
    ("ServiceUnavailableError", "The service failed or was unavailable and the retries ran out."),
    ("NetworkError", "The endpoint could not be reached, or the connection failed or timed out."),
    (
        "ElastiCacheError",
        "Any other failure: an error code the model does not declare, or an answer that does"
        " not fit the model.",
    ),
]
