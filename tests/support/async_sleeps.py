"""Record aiobotocore's back-off sleeps instead of sleeping, on every aiobotocore in range."""

from __future__ import annotations

import asyncio
import types
from typing import Any

import pytest


def record_async_sleeps(
    monkeypatch: pytest.MonkeyPatch, module: types.ModuleType, cls: type, slept: list[float]
) -> None:
    """Make `cls`'s sleeps (in `module`) append their amount to `slept` and return at once.

    aiobotocore 3 sleeps through a `_sleep` method; before 3 (the `async` extra's floor) the
    method calls `asyncio.sleep` inline, so the module's `asyncio` is replaced instead.
    """

    async def asleep(*args: Any) -> None:
        slept.append(args[-1])

    if hasattr(cls, "_sleep"):
        monkeypatch.setattr(cls, "_sleep", asleep)
    else:
        patched = types.SimpleNamespace(**{**vars(asyncio), "sleep": asleep})
        monkeypatch.setattr(module, "asyncio", patched)
