"""The facades' side of typed answers: marking their calls, and finding the typed output.

A facade over a client whose parser factory reads typed answers (`wire_parser`) makes its
calls and fetches its pages inside `reading(factory)`; the client's parser reads an answer
typed only under that mark, so the client's own calls (`.client`), made anywhere else, get
botocore's dicts as always.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

TYPED_ANSWER = "elasticache_typed:answer"
"""The key of the typed output in a response the generated reader parsed."""

_reading: ContextVar[object | None] = ContextVar("elasticache_typed_reading", default=None)


def marked_for(factory: object) -> bool:
    """Whether the call being parsed is marked for this parser factory."""
    return _reading.get() is factory


@contextmanager
def reading(factory: object | None) -> Generator[None]:
    """Answers to the calls in the block are read typed by the parsers of `factory`;
    nothing changes when it is None (a wrapped client, or the reader turned off)."""
    if factory is None:
        yield
        return
    token = _reading.set(factory)
    try:
        yield
    finally:
        _reading.reset(token)


def typed_output(response: Mapping[str, Any]) -> Any:
    """The typed output the reader put in a parsed response, or None (botocore's dict)."""
    return response.get(TYPED_ANSWER)


def is_typed_page(page: Mapping[str, Any]) -> bool:
    """Whether a paginator's page was read typed (its result items are shapes already)."""
    return TYPED_ANSWER in page


def read_pages(pages: Iterable[T], factory: object | None) -> Iterator[T]:
    """`pages`, each fetched under `reading(factory)`: the mark never holds while the
    caller's loop body runs."""
    iterator = iter(pages)
    while True:
        with reading(factory):
            try:
                page = next(iterator)
            except StopIteration:
                return
        yield page


async def read_pages_async(pages: AsyncIterable[T], factory: object | None) -> AsyncIterator[T]:
    """The asyncio counterpart of `read_pages`."""
    iterator = aiter(pages)
    while True:
        with reading(factory):
            try:
                page = await anext(iterator)
            except StopAsyncIteration:
                return
        yield page
