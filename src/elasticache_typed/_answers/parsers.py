"""The response parsers of clients made by `ElastiCache.create()`.

botocore's query parser with the fast ISO-8601 timestamp parser (same forms and instants as
botocore's), and one change that lets botocore's own retry policy see what it cannot see by
itself: a 5xx answer that is not the service's XML error (an HTML page in any letter case,
plain text, JSON) is botocore's generic error for its status, as an empty or `<html>` body
already is, so botocore retries it by its status and a retried call may still succeed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.parsers import QueryParser, ResponseParserFactory

from elasticache_typed._conversion.timestamps import parse_iso_timestamp
from elasticache_typed._errors.raw_answers import is_foreign_server_error


class ForeignServerErrors:
    """Mixed into a query parser: any 5xx answer that is not the service's error is read as
    botocore's generic error for its status."""

    def _is_generic_error_response(self, response: Mapping[str, Any]) -> bool:
        return is_foreign_server_error(response)


class CarefulQueryParser(ForeignServerErrors, QueryParser):
    """botocore's QueryParser, reading any 5xx that is not the service's error as generic."""


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


def install(client: Any, factory: ResponseParserFactory) -> None:
    """Give only this new client's endpoint the parser factory (never the session's other
    clients)."""
    client._endpoint._response_parser_factory = factory
