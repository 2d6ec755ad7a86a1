"""The response parser of clients made by `create()`: typed answers for the facade's calls.

`create()` gives its new client's endpoint a `TypedAnswerParserFactory`. Its query parser
reads a successful answer with the generated reader (`_generated/reader.py`) only when the
facade that owns the client opened a box for the call (`handover.expecting`: the facade does
so only when nobody else can observe the answer). The typed output goes to the facade
through the box; the client call returns a plain dict: ResponseMetadata (as botocore's) and,
for a page, the paginator's token and result key.

Everything else is botocore's own parsing: error answers (so retries and errors see what
they always saw), calls without a box (`.client`'s own, waiters, observed calls), operations
the generated reader does not know, and any answer it cannot read exactly as botocore would
(`Unreadable`, or a value botocore would also fail on): botocore parses it again and the
facade's hooks convert it, so the result (or the InvalidResponse) is botocore's.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from botocore.model import Shape

from elasticache_typed._answers import handover
from elasticache_typed._answers.document import paging_view, parse_document, result_and_metadata
from elasticache_typed._answers.parsers import CarefulParserFactory, CarefulQueryParser, log_answer
from elasticache_typed._botocore_private import register_unaliased
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


def read_typed(response: Mapping[str, Any], shape: Shape) -> tuple[Any, dict[str, Any]] | None:
    """The typed output and the plain dict the client call returns (ResponseMetadata, the
    paging view); None when botocore must read the answer."""
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
    metadata["HTTPStatusCode"] = response["status_code"]
    metadata["HTTPHeaders"] = {str(k).lower(): v for k, v in response["headers"].items()}
    parsed["ResponseMetadata"] = metadata
    return typed, parsed


class TypedAnswers:
    """Mixed into a query parser: answers of the facade's open calls are read typed and
    handed over (`handover`), the client call getting the plain dict."""

    def __init__(self, factory: object, **defaults: Any) -> None:
        super().__init__(**defaults)
        self._factory = factory

    def hand_over(self, response: Mapping[str, Any], shape: Shape | None) -> dict[str, Any] | None:
        """The plain dict of an answer read typed and handed to the facade's open call, or
        None when botocore parses it."""
        if shape is None or response["status_code"] >= 300:
            return None
        if not handover.wanted_by(self._factory):
            return None
        read = read_typed(response, shape)
        if read is None:
            return None
        log_answer(response)
        handover.deliver(self._factory, read[0])
        return read[1]


class TypedQueryParser(TypedAnswers, CarefulQueryParser):
    """The query parser of `create()` clients, reading the facade's open calls typed."""

    def parse(self, response: Mapping[str, Any], shape: Shape) -> Any:
        handed = self.hand_over(response, shape)
        return handed if handed is not None else super().parse(response, shape)


class TypedAnswerParserFactory(CarefulParserFactory):
    """The parser factory of a client made by `create()`: its query parsers read the answers
    of the facade's open calls typed. (The asyncio one mixes it with aiobotocore's factory.)"""

    typed_query_parser: type[TypedAnswers] = TypedQueryParser

    def follow_calls(self, client: Any) -> None:
        """Let the open box count the calls of `client` (this factory's) in flight."""
        service = client.meta.service_model.service_id.hyphenize()
        events = client.meta.events
        register_unaliased(events, f"before-call.{service}", _counter(handover.call_started, self))
        ended = _counter(handover.call_ended, self)
        register_unaliased(events, f"after-call.{service}", ended)
        register_unaliased(events, f"after-call-error.{service}", ended)

    def new_query_parser(self) -> Any:
        return self.typed_query_parser(self, timestamp_parser=parse_iso_timestamp)


def _counter(count: Callable[..., None], factory: object) -> functools.partial[None]:
    """`count` (a handover counter) for this factory's calls, as a handler botocore accepts.

    botocore checks that each handler it is given takes `**kwargs` (`inspect`, ~11 µs for a
    partial): the partial carries the signature `inspect` finds for it, found once.
    """
    handler = functools.partial(count, factory)
    handler.__dict__["__signature__"] = _counter_signature()
    return handler


@functools.cache
def _counter_signature() -> inspect.Signature:
    """The signature of a handover counter bound to its factory (the same for both)."""
    return inspect.signature(functools.partial(handover.call_started, None))
