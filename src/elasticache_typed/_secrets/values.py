"""The secret values of a request, and text with them replaced by `***`.

Which members are secret comes from the generator (`_generated/secrets.py`): `AuthToken`,
`Passwords` and any member the model marks sensitive, at any depth of a request.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from elasticache_typed._generated.secrets import SECRET_MEMBERS

REDACTED = "***"


def is_secret_key(key: str) -> bool:
    """Whether a request key holds a secret: a member name (`Passwords`) or a serialized
    query key (`AuthToken`, `Passwords.member.1`, `AuthenticationMode.Passwords.member.2`)."""
    parts = key.split(".")
    while len(parts) > 2 and parts[-2] == "member" and parts[-1].isdigit():
        del parts[-2:]
    return parts[-1] in SECRET_MEMBERS


def request_secrets(params: Mapping[str, Any]) -> list[str]:
    """The secret values in boto3-style request params (nested mappings and lists)."""
    found: list[str] = []
    for key, value in params.items():
        if is_secret_key(key):
            found.extend(_strings(value))
        elif isinstance(value, Mapping):
            found.extend(request_secrets(value))  # pyright: ignore[reportUnknownArgumentType]
        elif isinstance(value, list):
            for item in value:  # pyright: ignore[reportUnknownVariableType]
                if isinstance(item, Mapping):
                    found.extend(request_secrets(item))  # pyright: ignore[reportUnknownArgumentType]
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return [item for item in value if isinstance(item, str)]  # pyright: ignore[reportUnknownVariableType]
    return []


def spellings(secret: str) -> set[str]:
    """The ways a secret shows in text: as is, XML-escaped (an answer's body), escaped as in
    a Python repr (a logged dict or bytes), URL-encoded (a request's form body)."""
    forms = {
        secret,
        html.escape(secret, quote=False),
        html.escape(secret),
        repr(secret)[1:-1],
        repr(secret.encode("utf-8"))[2:-1],
        urllib.parse.quote_plus(secret),
        urllib.parse.quote(secret, safe=""),
    }
    forms.discard("")
    return forms


def spelled(secrets: Iterable[str]) -> tuple[str, ...]:
    """Every spelling of every secret, longest first (the order `redact` replaces them in)."""
    forms = {form for secret in secrets for form in spellings(secret)}
    return tuple(sorted(forms, key=len, reverse=True))


def redact(text: str, forms: tuple[str, ...]) -> str:
    """`text` with each of `forms` (from `spelled`) replaced by `***`."""
    for form in forms:
        text = text.replace(form, REDACTED)
    return text


def mentions(text: str, forms: tuple[str, ...]) -> bool:
    """Whether any of `forms` (from `spelled`) is in `text`."""
    return any(form in text for form in forms)
