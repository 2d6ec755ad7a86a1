"""A spy on a method: the calls are recorded, and the method still runs."""

from __future__ import annotations

from typing import Any

import pytest


def recorded_calls(
    monkeypatch: pytest.MonkeyPatch, owner: type, name: str
) -> list[tuple[Any, ...]]:
    """The positional arguments (self left out) of each later call of `owner.name`."""
    calls: list[tuple[Any, ...]] = []
    original = getattr(owner, name)

    def spy(self: object, *args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return calls
