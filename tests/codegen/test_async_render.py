"""The blocking and the asyncio facades are one rendering of the model: with the asyncio
flavour's few differences undone, the two generated class bodies are the same text."""

from __future__ import annotations

import re
from pathlib import Path

from codegen import render_facade

GENERATED = Path(__file__).resolve().parents[2] / "src" / "elasticache_typed" / "_generated"


def test_async_facade_is_the_sync_facade_with_awaits() -> None:
    sync = (GENERATED / "facade.py").read_text()
    asynchronous = (GENERATED / "async_facade.py").read_text()
    sync_body = sync[sync.index("\n    def ") :]
    async_body = asynchronous[asynchronous.index("\n    async def ") :]

    undone = async_body.replace("    async def ", "    def ")
    undone = re.sub(r"\breturn await self\.", "return self.", undone)
    undone = re.sub(r"\bawait self\._wait\(", "self._wait(", undone)
    undone = undone.replace("-> AsyncIterator[", "-> Iterator[")
    undone = undone.replace("An async iterator over", "An iterator over")
    assert undone == sync_body


def test_only_the_flavour_differs() -> None:
    sync, asynchronous = render_facade.SYNC, render_facade.ASYNC
    assert (sync.call_def, sync.await_, sync.iterator) == ("def", "", "Iterator")
    assert (asynchronous.call_def, asynchronous.await_, asynchronous.iterator) == (
        "async def",
        "await ",
        "AsyncIterator",
    )
    # The asyncio module never imports the blocking base, nor the blocking one aiobotocore's.
    assert "_async_facade_base" not in (GENERATED / "facade.py").read_text()
    assert "FacadeBase)" in (GENERATED / "facade.py").read_text()
    assert "AsyncFacadeBase)" in (GENERATED / "async_facade.py").read_text()
