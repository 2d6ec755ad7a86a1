"""Which answers a `create()` client's parser read typed and handed to its facade.

`typed_reads()` (a context manager) wraps `handover.deliver`, the parser's one way in, while it
is open; `Watch(cache, requests).read_typed()` then returns, for each request the
fake endpoint answered for that facade, whether its answer was read typed. Nothing is
registered on the client's events, so the facade sees no observer and keeps its fast path.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest

from elasticache_typed._answers import handover

_watched: dict[int, tuple[Sequence[Any], list[int]]] = {}


@contextmanager
def typed_reads() -> Generator[None]:
    """Count deliveries of typed answers while the block runs."""
    real = handover.deliver

    def spy(factory: object, output: object) -> None:
        found = _watched.get(id(factory))
        if found is not None:
            found[1].append(len(found[0]))
        real(factory, output)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(handover, "deliver", spy)
        yield


class Watch:
    """The typed deliveries to one facade, by the number of requests answered before each."""

    def __init__(self, cache: Any, requests: Sequence[Any]) -> None:
        self._requests = requests
        self.delivered: list[int] = []
        if cache._typed_answers is not None:
            _watched[id(cache._typed_answers)] = (requests, self.delivered)

    def read_typed(self) -> list[bool]:
        """For each request so far: whether the facade got its answer typed."""
        found = set(self.delivered)
        return [n + 1 in found for n in range(len(self._requests))]

    def clear(self) -> None:
        self.delivered.clear()
