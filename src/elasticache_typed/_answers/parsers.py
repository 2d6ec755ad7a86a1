"""The response parsers of clients made by `ElastiCache.create()`.

botocore's query parser, with two changes that make botocore's own retry policy see what it
cannot see by itself, so a retried call may still succeed:

- an answer cut short (fewer bytes than its Content-Length; botocore reads bodies without
  checking) raises botocore's ConnectionClosedError, which its retry policies retry, as
  aiobotocore already does for the asyncio facade;
- a 5xx answer that is not the service's XML error (an HTML page in any letter case, plain
  text, JSON) is botocore's generic error for its status, as an empty or `<html>` body
  already is, so it is retried by its status.

Timestamps are read with the fast ISO-8601 parser (same forms and instants as botocore's).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.parsers import QueryParser, ResponseParserFactory

from elasticache_typed._conversion.timestamps import parse_iso_timestamp
from elasticache_typed._errors.raw_answers import is_foreign_server_error, raise_if_cut_short


class CarefulQueryParser(QueryParser):
    """botocore's QueryParser, telling cut-short and foreign 5xx answers apart."""

    def __init__(self, endpoint_url: str, **defaults: Any) -> None:
        super().__init__(**defaults)
        self.endpoint_url = endpoint_url

    def parse(self, response: Mapping[str, Any], shape: Any) -> Any:
        raise_if_cut_short(response, self.endpoint_url)
        return super().parse(response, shape)

    def _is_generic_error_response(self, response: Mapping[str, Any]) -> bool:
        return is_foreign_server_error(response)


class CarefulParserFactory(ResponseParserFactory):
    """Makes `CarefulQueryParser`s (for `endpoint_url`) with the fast timestamp parser."""

    query_parser: type[CarefulQueryParser] | type[Any] = CarefulQueryParser

    def __init__(self, endpoint_url: str) -> None:
        super().__init__()
        self._ours: dict[str, Any] = {"timestamp_parser": parse_iso_timestamp}
        self.set_parser_defaults(**self._ours)
        self.endpoint_url = endpoint_url

    def create_parser(self, protocol_name: str) -> Any:
        if protocol_name == "query":
            return self.query_parser(endpoint_url=self.endpoint_url, **self._ours)
        return super().create_parser(protocol_name)


def install(client: Any, factory: ResponseParserFactory) -> None:
    """Give only this new client's endpoint the parser factory (never the session's other
    clients)."""
    client._endpoint._response_parser_factory = factory
