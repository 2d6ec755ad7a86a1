"""The handover of a typed answer from a `create()` client's parser to its facade.

One way in, one way out: a facade call opens a box with `expecting(factory)` (a context
variable, so for that thread or task alone) around the client call; the client's parser,
reading the answer with the generated reader, puts the typed output in with `deliver`; the
facade takes it out of the box when the call returns. What the client call returns is a
plain dict (ResponseMetadata and, for a page, the paginator's token and result key), with no
key of ours.

A box is opened only when nobody but the facade can observe the answer (the facade's
`_reader` decides); otherwise botocore parses as usual, everyone sees botocore's dict, and the
facade converts it. The box counts the client's calls in flight (`call_started`/`call_ended`,
on botocore's `before-call` and `after-call` events): only an answer read while the facade's
own call is the only one is delivered, so a `.client` call nested in it (from a `before-send`
handler, say) gets botocore's dict and the facade still its own answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Generator, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_open: ContextVar[Box | None] = ContextVar("elasticache_typed_handover", default=None)


class Box:
    """The typed output of one call, once its parser delivered it."""

    __slots__ = ("calls", "delivered", "factory", "output")

    def __init__(self, factory: object) -> None:
        self.factory = factory
        self.output: Any = None
        self.delivered = False
        self.calls = 0


def opened(factory: object) -> tuple[Box, Token[Box | None]]:
    """A new box for the typed output of the call about to be made, from the parsers of
    `factory`, open until `close(token)`."""
    box = Box(factory)
    return box, _open.set(box)


def close(token: Token[Box | None]) -> None:
    """Close the box `opened` gave this token (the one open before it is open again)."""
    _open.reset(token)


@contextmanager
def expecting(factory: object | None) -> Generator[Box | None]:
    """A box for the typed output of the call made in the block, from the parsers of
    `factory`; None (nothing is read typed) when `factory` is None."""
    if factory is None:
        yield None
        return
    box, token = opened(factory)
    try:
        yield box
    finally:
        close(token)


def wanted_by(factory: object) -> bool:
    """Whether a call is open for a typed answer from this factory's parsers, with no other
    call of its client in flight (and none was delivered yet: the box takes one answer).

    The count is 1 in the facade's own call, 0 when a parser is used without a client call.
    """
    box = _open.get()
    return box is not None and box.factory is factory and box.calls <= 1 and not box.delivered


def call_started(factory: object, **_: Any) -> None:
    """A handler of botocore's `before-call`: one more call of the factory's client in flight."""
    box = _open.get()
    if box is not None and box.factory is factory:
        box.calls += 1


def call_ended(factory: object, **_: Any) -> None:
    """A handler of `after-call` and `after-call-error`: one call fewer in flight."""
    box = _open.get()
    if box is not None and box.factory is factory:
        box.calls -= 1


def deliver(factory: object, output: object) -> None:
    """Put a typed output in the open box of this factory's call (after `wanted_by`)."""
    box = _open.get()
    if box is not None and box.factory is factory:
        box.output = output
        box.delivered = True


class Page(Generic[T]):
    """A paginator's page, and whether its result items are shapes already."""

    __slots__ = ("page", "typed")

    def __init__(self, page: T, typed: bool) -> None:
        self.page = page
        self.typed = typed


def pages_of(pages: Iterable[T], factory: object | None) -> Iterator[Page[T]]:
    """`pages`, each fetched in a box of its own: none is open while the caller's loop body
    runs."""
    iterator = iter(pages)
    while True:
        with expecting(factory) as box:
            try:
                page = next(iterator)
            except StopIteration:
                return
        yield Page(page, box is not None and box.delivered)


async def pages_of_async(pages: AsyncIterable[T], factory: object | None) -> AsyncIterator[Page[T]]:
    """The asyncio counterpart of `pages_of`."""
    iterator = aiter(pages)
    while True:
        with expecting(factory) as box:
            try:
                page = await anext(iterator)
            except StopAsyncIteration:
                return
        yield Page(page, box is not None and box.delivered)
