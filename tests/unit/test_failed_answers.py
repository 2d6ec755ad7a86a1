"""The classifier's rule for answers botocore has not read, on answers as botocore's endpoint
hands them to its parser (`status_code`, `headers`, `body`)."""

from __future__ import annotations

import pytest

from elasticache_typed._errors.failed_answers import generic_error, is_cut_short
from tests.support.query_xml import error_xml

WERKZEUG_500 = (
    b"<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
    b"<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was "
    b"unable to complete your request. Either the server is overloaded or there is an error "
    b"in the application.</p>\n"
)


def _answer(status: int, body: bytes, **headers: str) -> dict[str, object]:
    return {"status_code": status, "headers": headers, "body": body}


@pytest.mark.parametrize(
    ("status", "body", "generic"),
    [
        (502, b"Bad Gateway", True),
        (503, b"", True),
        (500, b"<HTML><BODY>oops</BODY></HTML>", True),
        (500, error_xml("InternalFailure", "x", error_type="Receiver").encode(), False),
        (500, WERKZEUG_500, False),  # the endpoint failed on the request: not retried
        (400, b"Bad Request", False),  # not server trouble: botocore reads it
    ],
)
def test_which_answers_become_botocores_generic_error(
    status: int, body: bytes, generic: bool
) -> None:
    found = generic_error(_answer(status, body, Server="x"))
    assert (found is not None) is generic
    if found is not None:
        assert found["Error"]["Code"] == str(status)
        assert found["ResponseMetadata"] == {
            "HTTPHeaders": {"server": "x"},
            "HTTPStatusCode": status,
        }


def test_an_answer_is_cut_short_only_below_its_content_length() -> None:
    assert is_cut_short(_answer(200, b"abc", **{"Content-Length": "10"}))
    assert not is_cut_short(_answer(200, b"abc", **{"content-length": "3"}))
    assert not is_cut_short(_answer(200, b"abc"))
    assert not is_cut_short(_answer(200, b"abc", **{"Content-Length": "many"}))
