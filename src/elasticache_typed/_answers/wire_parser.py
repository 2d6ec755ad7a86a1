"""The response parser of clients made by `create()`: typed answers for the facade's calls.

`create()` gives its new client's endpoint a `TypedAnswerParserFactory`. Its query parser
reads a successful answer with the generated reader (`_generated/reader.py`) only while the
facade that owns the client marks the call (`calls.reading`, a context variable, so the
mark holds for that thread or task alone). The parsed response is then

    {TYPED_ANSWER: output, "ResponseMetadata": {...}, ...}

where `output` is the output shape instance and `...`, for a page, the paginator's token and
result key.

Everything else is botocore's own parsing: error answers (so retries and errors see what
they always saw), calls the facade does not mark (`.client`'s own, waiters), operations the
generated reader does not know, and any answer it cannot read exactly as botocore would
(`Unreadable`, or a value botocore would also fail on): botocore parses it again and the
facade's hooks convert it, so the result (or the InvalidResponse) is botocore's.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botocore.model import Shape
from botocore.parsers import QueryParser

from elasticache_typed._answers.calls import TYPED_ANSWER, marked_for
from elasticache_typed._answers.document import paging_view, parse_document, result_and_metadata
from elasticache_typed._answers.parsers import CarefulParserFactory, CarefulQueryParser
from elasticache_typed._conversion.timestamps import parse_iso_timestamp

if TYPE_CHECKING:
    from elasticache_typed._answers.document import OperationReader

logger = logging.getLogger("elasticache_typed")


@functools.cache
def operations() -> Mapping[str, OperationReader]:
    """The generated reader's table of operations (loaded on first use, by name as the hooks
    are, so type checkers of downstream code never read its thousands of lines)."""
    reader: Any = importlib.import_module("elasticache_typed._generated.reader")
    operations: Mapping[str, OperationReader] = reader.OPERATIONS
    return operations


def read_typed(response: Mapping[str, Any], shape: Shape) -> dict[str, Any] | None:
    """The parsed response holding the typed output; None when botocore must read it."""
    operation = response.get("context", {}).get("operation_name")
    known = operations().get(operation) if isinstance(operation, str) else None
    if known is None or shape.name != known.output:
        return None
    try:
        root = parse_document(response["body"])
        result, metadata = result_and_metadata(root, known.wrapper)
        typed = known.read(result)
    except Exception as exc:  # anything it cannot read, botocore reads (and judges)
        logger.debug("%s: answer left to botocore's parser (%s)", operation, type(exc).__name__)
        return None
    parsed = paging_view(typed, known.paging)
    parsed["ResponseMetadata"] = metadata
    parsed[TYPED_ANSWER] = typed
    return parsed


class TypedQueryParser(CarefulQueryParser):
    """The query parser of `create()` clients, reading the marked calls' answers typed (and,
    mixed with aiobotocore's, the asyncio one)."""

    def __init__(self, factory: object, **defaults: Any) -> None:
        super().__init__(**defaults)
        self._factory = factory

    def _do_parse(self, response: dict[str, Any], shape: Shape | None) -> Any:
        if shape is not None and marked_for(self._factory):
            parsed = read_typed(response, shape)
            if parsed is not None:
                return parsed
        botocore_parser: Any = super()  # _do_parse is missing from botocore's type stubs
        return botocore_parser._do_parse(response, shape)


class TypedAnswerParserFactory(CarefulParserFactory):
    """The parser factory of a client made by `create()`: its query parsers read the marked
    calls' answers typed. (The asyncio one mixes it with aiobotocore's factory.)"""

    typed_query_parser: type[TypedQueryParser] = TypedQueryParser

    def new_query_parser(self) -> QueryParser:
        return self.typed_query_parser(self, timestamp_parser=parse_iso_timestamp)


def typed_answer_factory(client: Any) -> TypedAnswerParserFactory | None:
    """The client's parser factory when it reads typed answers (a client made by `create()`
    with the reader on), else None."""
    factory = getattr(getattr(client, "_endpoint", None), "_response_parser_factory", None)
    return factory if isinstance(factory, TypedAnswerParserFactory) else None
