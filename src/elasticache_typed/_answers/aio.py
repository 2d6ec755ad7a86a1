"""The asyncio flavour of the typed-answer parser factory, over aiobotocore's parsers.

Importing this module needs aiobotocore (the `async` extra); only `_facades/async_base.py`
imports it.
"""

from __future__ import annotations

from aiobotocore.parsers import AioQueryParser, AioResponseParserFactory

from elasticache_typed._answers.wire_parser import TypedAnswerParserFactory, TypedQueryParser


class AioTypedQueryParser(TypedQueryParser, AioQueryParser):
    """aiobotocore's QueryParser, reading the marked calls' answers typed."""


class AioTypedAnswerParserFactory(TypedAnswerParserFactory, AioResponseParserFactory):
    """The parser factory of a client made by `AsyncElastiCache.create()`."""

    query_parser = AioTypedQueryParser
