"""The asyncio flavours of the parsers of clients made by `AsyncElastiCache.create()`: the
same changes over aiobotocore's query parser and factory.

Importing this module needs aiobotocore (the `async` extra); only `_facades/async_base.py`
imports it.
"""

from __future__ import annotations

from aiobotocore.parsers import AioQueryParser, AioResponseParserFactory

from elasticache_typed._answers.parsers import CarefulParserFactory, ForeignServerErrors
from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory, TypedQueryParser


class AioCarefulQueryParser(ForeignServerErrors, AioQueryParser):
    """aiobotocore's query parser, reading any 5xx that is not the service's error as generic."""


class AioCarefulParserFactory(CarefulParserFactory, AioResponseParserFactory):
    """Makes `AioCarefulQueryParser`s with the fast timestamp parser."""

    query_parser = AioCarefulQueryParser


class AioTypedQueryParser(TypedQueryParser, AioCarefulQueryParser):
    """aiobotocore's query parser, reading the marked calls' answers typed."""


class AioTypedAnswerParserFactory(TypedAnswerParserFactory, AioResponseParserFactory):
    """The parser factory of a client made by `AsyncElastiCache.create()`."""

    typed_query_parser = AioTypedQueryParser
