"""The one process-wide addition the library makes: a `logging.Filter` on botocore's loggers
that replaces the secret values of ElastiCache requests with `***` in their records.

botocore's DEBUG log prints each request's params ("Making request for ... with params:
{... 'AuthToken': '...'}") and each answer's body, where a service error may quote a value
that was sent. The filter:

- replaces the values of secret keys (`AuthToken`, `Passwords.member.N`, ...) in a record's
  arguments, and remembers them (the last few hundred, for as long as the process runs);
- replaces remembered values wherever else they show in a record (an echoing answer body,
  an exception's text), in every spelling (see `values.spellings`).

It changes nothing else: a record without a secret passes untouched. The facades also hand
it the secrets they send, so an echo is caught even when only botocore's parser logs at
DEBUG. Filters run only for records that pass their logger's level, so with DEBUG off it
costs nothing.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import cast

from elasticache_typed._secrets.values import REDACTED, is_secret_key, mentions, redact, spelled

LOGGER_PREFIXES = ("botocore", "aiobotocore")
"""Whose loggers get the filter (aiobotocore logs through botocore's, and a few of its own)."""

MIN_ECHO_LENGTH = 8
"""Shorter values are replaced where they are sent, but not looked for in other text (the
service takes no token or password under 16 characters; a short one would garble lines)."""

_REMEMBERED = 256


class SecretFilter(logging.Filter):
    """Replaces the secret values of requests with `***` in botocore's log records."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._forms: tuple[str, ...] = ()
        """Every spelling of the remembered values, made again only when they change."""

    def remember(self, secrets: Iterable[str]) -> None:
        """Look for these values in later records too."""
        with self._lock:
            before = set(self._recent)
            for secret in secrets:
                if len(secret) >= MIN_ECHO_LENGTH:
                    self._recent[secret] = None
                    self._recent.move_to_end(secret)
            while len(self._recent) > _REMEMBERED:
                self._recent.popitem(last=False)
            if set(self._recent) != before:
                self._forms = spelled(self._recent)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            found: list[str] = []
            record.args = cast("tuple[object, ...]", _without_secrets(record.args, found))
            self.remember(found)
        forms = self._forms  # replaced whole, never changed in place: no lock to read it
        if forms:
            _redact_record(record, forms)
        return True


def _redact_record(record: logging.LogRecord, forms: tuple[str, ...]) -> None:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        return  # a record that cannot be formatted shows no value at all
    if mentions(message, forms):
        record.msg, record.args = redact(message, forms), None
    if record.exc_info and not record.exc_text:
        text = logging.Formatter().formatException(record.exc_info)
        if mentions(text, forms):
            record.exc_text = redact(text, forms)


def _without_secrets(value: object, found: list[str]) -> object:
    """`value` with the values of secret keys replaced (a copy where anything changed; the
    original, which botocore goes on using, is never modified)."""
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        copy = {
            key: _hidden(item, found)
            if isinstance(key, str) and is_secret_key(key)
            else _without_secrets(item, found)
            for key, item in mapping.items()
        }
        changed = any(copy[key] is not item for key, item in mapping.items())
        return copy if changed else mapping
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)
        new = [_without_secrets(item, found) for item in items]
        changed = any(a is not b for a, b in zip(new, items, strict=True))
        return type(items)(new) if changed else items
    return value


def _hidden(value: object, found: list[str]) -> object:
    if isinstance(value, str):
        found.append(value)
        return REDACTED
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)
        return type(items)(_hidden(item, found) for item in items)
    return value


_FILTER = SecretFilter()
_install_lock = threading.Lock()


def install() -> SecretFilter:
    """Add the filter to botocore's (and aiobotocore's) loggers that exist now, and to the
    two that log requests and answers; loggers made later get it at the next install."""
    manager = logging.Logger.manager
    names = {"botocore", "botocore.endpoint", "botocore.parsers"}
    names.update(
        name
        for name, logger in list(manager.loggerDict.items())
        if isinstance(logger, logging.Logger) and name.split(".", 1)[0] in LOGGER_PREFIXES
    )
    with _install_lock:
        for name in names:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
    return _FILTER
