"""The asyncio flavours of the parsers of clients made by `AsyncElastiCache.create()`: the
same changes over aiobotocore's query parser and factory (their `parse` awaited).

Importing this module needs aiobotocore (the `async` extra); only `_facades/async_base.py`
imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiobotocore.parsers import AioQueryParser, AioResponseParserFactory
from botocore.model import Shape

from elasticache_typed._answers.parsers import CarefulParserFactory, ForeignServerErrors
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory, TypedAnswers


class AioCarefulQueryParser(ForeignServerErrors, AioQueryParser):
    """aiobotocore's query parser, reading any 5xx that is not the service's error as generic."""

    async def parse(self, response: Mapping[str, Any], shape: Shape) -> Any:
        found = self.generic_error(response)
        return found if found is not None else await super().parse(response, shape)


class AioCarefulParserFactory(CarefulParserFactory, AioResponseParserFactory):
    """Makes `AioCarefulQueryParser`s with the fast timestamp parser."""

    query_parser = AioCarefulQueryParser


class AioTypedQueryParser(TypedAnswers, AioCarefulQueryParser):
    """aiobotocore's query parser, reading the facade's open calls typed."""

    async def parse(self, response: Mapping[str, Any], shape: Shape) -> Any:
        handed = self.hand_over(response, shape)
        return handed if handed is not None else await super().parse(response, shape)


class AioTypedAnswerParserFactory(TypedAnswerParserFactory, AioResponseParserFactory):
    """The parser factory of a client made by `AsyncElastiCache.create()`."""

    typed_query_parser = AioTypedQueryParser
