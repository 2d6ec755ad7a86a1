"""The asyncio twin of `parsers`: the same checks on aiobotocore's query parser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiobotocore.parsers import AioQueryParser, AioResponseParserFactory

from elasticache_typed._answers.parsers import CarefulParserFactory
from elasticache_typed._errors.raw_answers import is_foreign_server_error, raise_if_cut_short


class AioCarefulQueryParser(AioQueryParser):
    """aiobotocore's query parser, telling cut-short and foreign 5xx answers apart."""

    def __init__(self, endpoint_url: str, **defaults: Any) -> None:
        super().__init__(**defaults)
        self.endpoint_url = endpoint_url

    async def parse(self, response: Mapping[str, Any], shape: Any) -> Any:
        raise_if_cut_short(response, self.endpoint_url)
        return await super().parse(response, shape)

    def _is_generic_error_response(self, response: Mapping[str, Any]) -> bool:
        return is_foreign_server_error(response)


class AioCarefulParserFactory(CarefulParserFactory, AioResponseParserFactory):
    """Makes `AioCarefulQueryParser`s with the fast timestamp parser."""

    query_parser = AioCarefulQueryParser
