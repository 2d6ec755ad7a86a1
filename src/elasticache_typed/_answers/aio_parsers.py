"""The asyncio twin of `parsers`: the same change to aiobotocore's query parser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiobotocore.parsers import AioQueryParser, AioResponseParserFactory

from elasticache_typed._answers.parsers import CarefulParserFactory
from elasticache_typed._errors.raw_answers import is_foreign_server_error


class AioCarefulQueryParser(AioQueryParser):
    """aiobotocore's query parser, reading any 5xx that is not the service's error as generic."""

    def _is_generic_error_response(self, response: Mapping[str, Any]) -> bool:
        return is_foreign_server_error(response)


class AioCarefulParserFactory(CarefulParserFactory, AioResponseParserFactory):
    """Makes `AioCarefulQueryParser`s with the fast timestamp parser."""

    query_parser = AioCarefulQueryParser
