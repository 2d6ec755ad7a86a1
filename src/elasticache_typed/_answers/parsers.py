"""The response parsers of clients made by `ElastiCache.create()`.

botocore's query parser with the fast ISO-8601 timestamp parser (same forms and instants as
botocore's), and one change that lets botocore's own retry policy see what it cannot see by
itself: a 5xx answer that is not the service's XML error (an HTML page in any letter case,
plain text, JSON) is botocore's generic error for its status, as an empty or `<html>` body
already is, so botocore retries it by its status and a retried call may still succeed (which
answers those are is the classifier's rule: `_errors/failed_answers.generic_error`). Both
changes go through the parser's public `parse`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from botocore.model import Shape
from botocore.parsers import QueryParser, ResponseParserFactory

from elasticache_typed._conversion.timestamps import parse_iso_timestamp
from elasticache_typed._errors.failed_answers import generic_error

_botocore_log = logging.getLogger("botocore.parsers")


def log_answer(response: Mapping[str, Any]) -> None:
    """The two DEBUG lines botocore's parser logs for every answer, for answers read without
    it (so botocore's DEBUG log stays as it is; its secrets filter covers them)."""
    if _botocore_log.isEnabledFor(logging.DEBUG):
        _botocore_log.debug("Response headers: %r", response["headers"])
        _botocore_log.debug("Response body:\n%r", response["body"])


class ForeignServerErrors:
    """Mixed into a query parser: any 5xx answer that is not the service's error is read as
    botocore's generic error for its status."""

    def generic_error(self, response: Mapping[str, Any]) -> dict[str, Any] | None:
        """botocore's generic error for a 5xx answer that is not the service's, else None."""
        found = generic_error(response)
        if found is not None:
            log_answer(response)
        return found


class CarefulQueryParser(ForeignServerErrors, QueryParser):
    """botocore's QueryParser, reading any 5xx that is not the service's error as generic."""

    def parse(self, response: Mapping[str, Any], shape: Shape) -> Any:
        found = self.generic_error(response)
        return found if found is not None else super().parse(response, shape)


class CarefulParserFactory(ResponseParserFactory):
    """Makes `CarefulQueryParser`s with the fast timestamp parser."""

    query_parser: type[QueryParser] = CarefulQueryParser

    def __init__(self) -> None:
        super().__init__()
        self.set_parser_defaults(timestamp_parser=parse_iso_timestamp)

    def create_parser(self, protocol_name: str) -> Any:
        if protocol_name == "query":
            return self.new_query_parser()
        return super().create_parser(protocol_name)

    def new_query_parser(self) -> QueryParser:
        """A new query parser of this factory's kind."""
        return self.query_parser(timestamp_parser=parse_iso_timestamp)
