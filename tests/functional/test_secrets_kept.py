"""Secrets a call sends (auth tokens, passwords) never come back out, over real sockets (a
scripted server on 127.0.0.1) and for every kind of facade (tests/support/facade_kinds.py):

- when the service quotes them in an error message, the library's error shows `***` in
  their place, in `message`, `str()`, `repr()` and `args`, and so does the chained botocore
  exception's text;
- botocore's own DEBUG log shows none of them (its "Making request" line, the answer bodies
  that echo them), and every other line of that log is what botocore writes without the
  library's filter.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.exceptions import ClientError

from elasticache_typed import errors, shapes
from elasticache_typed._secrets import log_filter
from elasticache_typed._secrets.values import spellings
from tests.support.facade_kinds import KINDS, outcome
from tests.support.query_xml import result_xml
from tests.support.scripted_server import ScriptedServer

pytestmark = pytest.mark.usefixtures("local_only")

PASSWORD = "correct-horse-battery-staple-42"
AWKWARD_PASSWORD = 'it\'s&a<secret>"password"-99'
TOKEN = "S3kr1t-auth-token-0123456789"
SECRETS = (PASSWORD, AWKWARD_PASSWORD, TOKEN)

CALLS: dict[str, dict[str, Any]] = {
    "create_user": {
        "user_id": "app",
        "user_name": "app",
        "engine": "redis",
        "access_string": "on ~* +@all",
        "passwords": [PASSWORD],
        "authentication_mode": shapes.AuthenticationMode(
            type="password", passwords=[AWKWARD_PASSWORD]
        ),
    },
    "modify_user": {"user_id": "app", "passwords": [PASSWORD, AWKWARD_PASSWORD]},
    "create_replication_group": {
        "replication_group_id": "rg",
        "replication_group_description": "sessions",
        "auth_token": TOKEN,
        "transit_encryption_enabled": True,
    },
    "modify_replication_group": {
        "replication_group_id": "rg",
        "auth_token": TOKEN,
        "auth_token_update_strategy": "ROTATE",
    },
    "create_cache_cluster": {"cache_cluster_id": "c-1", "auth_token": TOKEN, "engine": "redis"},
    "modify_cache_cluster": {"cache_cluster_id": "c-1", "auth_token": TOKEN},
}
"""Calls that send secrets, by facade method."""


def _sent(method: str) -> list[str]:
    """The secrets a call of `method` sends."""
    return [secret for secret in SECRETS if secret in repr(CALLS[method])]


def _echo(method: str) -> str:
    """A service message quoting every secret the call sent, the way some services do."""
    return "Invalid value " + " / ".join(_sent(method)) + " given."


def _calling(method: str) -> Callable[[Any], Any]:
    return lambda cache: getattr(cache, method)(**CALLS[method])


def _assert_hidden(text: str, secrets: tuple[str, ...] | list[str] = SECRETS) -> None:
    for secret in secrets:
        for spelling in spellings(secret):
            assert spelling not in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", sorted(CALLS))
def test_an_echoed_secret_is_hidden_in_the_error(
    kind: str, method: str, server: ScriptedServer
) -> None:
    server.add_error("InvalidParameterValue", _echo(method))

    exc = outcome(kind, server.url, _calling(method))

    assert isinstance(exc, errors.InvalidParameterValueException)
    cause = exc.__cause__
    assert cause is not None
    shown = [exc.message, str(exc), repr(exc), *map(str, exc.args), str(cause), repr(cause)]
    shown.append(str(getattr(cause, "response", {}).get("Error", {}).get("Message")))
    assert isinstance(exc, ClientError)
    shown.append(str(exc.response))
    for text in shown:
        _assert_hidden(text, _sent(method))
    assert exc.message == "Invalid value " + " / ".join(["***"] * len(_sent(method))) + " given."


# --- botocore's DEBUG log -------------------------------------------------------------------

_VOLATILE = [
    (re.compile(r"0x[0-9a-f]+"), "0x?"),
    (re.compile(r"\d{8}T\d{6}Z"), "DATE"),
    (re.compile(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT"), "HTTP-DATE"),
    (re.compile(r"\b\d{8}/"), "DAY/"),
    (re.compile(r"\b[0-9a-f]{64}\b"), "HASH"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "UUID"),
]


def _normal(line: str) -> str:
    for pattern, replacement in _VOLATILE:
        line = pattern.sub(replacement, line)
    return line


def _hidden(line: str) -> str:
    """`line` as the filter must write it: each secret's every spelling as `***`."""
    forms = sorted({f for s in SECRETS for f in spellings(s)}, key=len, reverse=True)
    for form in forms:
        line = line.replace(form, "***")
    return line


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def botocore_debug_log() -> Iterator[_Lines]:
    """botocore's log at DEBUG into a list of formatted lines; levels restored after."""
    handler = _Lines()
    logger = logging.getLogger("botocore")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


SESSION = ["create_user", "modify_replication_group", "create_replication_group", "modify_user"]


def _answer_everything(server: ScriptedServer) -> None:
    """The answers of SESSION: two errors echoing the secrets, then two successes."""
    server.add_error("InvalidParameterValue", _echo("create_user"))
    server.add_error("InvalidParameterValue", _echo("modify_replication_group"))
    group = {"ReplicationGroup": {"ReplicationGroupId": "rg"}}
    server.add(200, result_xml("CreateReplicationGroup", group))
    server.add(200, result_xml("ModifyUser", {"UserId": "app", "UserName": "app"}))


def _session(kind: str, url: str) -> None:
    for method in SESSION:
        outcome(kind, url, _calling(method))


def _without_the_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = log_filter.install()
    for name in list(logging.Logger.manager.loggerDict):
        logging.getLogger(name).removeFilter(installed)
    logging.getLogger("botocore").removeFilter(installed)
    monkeypatch.setattr(log_filter, "install", log_filter.SecretFilter)


@pytest.mark.parametrize("kind", KINDS)
def test_botocore_debug_log_shows_no_secret_and_nothing_else_changes(
    kind: str, botocore_debug_log: _Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ScriptedServer() as server:
        _answer_everything(server)
        _session(kind, server.url)  # once first, so botocore's caches are warm for both runs
        botocore_debug_log.lines.clear()
        with monkeypatch.context() as unfiltered:
            _without_the_filter(unfiltered)
            _answer_everything(server)
            _session(kind, server.url)
        plain = list(botocore_debug_log.lines)
        botocore_debug_log.lines.clear()

        _answer_everything(server)
        _session(kind, server.url)
        filtered = list(botocore_debug_log.lines)

    everything = "\n".join(plain)
    assert all(secret in everything for secret in (PASSWORD, TOKEN))  # botocore does show them
    _assert_hidden("\n".join(filtered))
    assert [_normal(line) for line in filtered] == [_normal(_hidden(line)) for line in plain]


def _through_the_client(cache: Any) -> Any:
    """A call made on the facade's own botocore client, not through a facade method."""
    return cache.client.modify_user(UserId="app", Passwords=[PASSWORD, AWKWARD_PASSWORD])


@pytest.mark.parametrize("kind", KINDS)
def test_calls_made_on_the_facades_client_are_kept_out_of_the_log_too(
    kind: str, botocore_debug_log: _Lines, server: ScriptedServer
) -> None:
    server.add_error("InvalidParameterValue", _echo("modify_user"))
    with pytest.raises(Exception, match="Invalid value"):
        outcome(kind, server.url, _through_the_client)
    logged = "\n".join(botocore_debug_log.lines)
    assert "Passwords.member.2" in logged
    _assert_hidden(logged)
