"""botocore's `endpoints.json`, each service's entry parsed when first asked for.

The file (1.25 MB) holds every partition's entry for some 300 services; a client's endpoint
resolver asks for one or two (its own service, STS for an assumed role). Parsing all of it
makes some 23,000 dicts and lists, enough allocations to bring botocore's first full garbage
collection (12-20 ms) inside making the first client of every process. Here the text is cut
at botocore's pretty-printed layout (two-space indents, `"key" : value`): the partitions are
parsed without their `services` objects, and each partition's services become a read-only
`Mapping` that parses one service's text on first lookup. The layout is checked before it is
trusted (each service's text opens and closes at its own indent and the cut file parses with
every `services` left empty); any other layout is read whole, as botocore reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

_SERVICES = '\n    "services" : {'
"""Where a partition's services open (botocore's indent: partitions at 4 spaces)."""
_CLOSE = "\n    }"
"""Where they close."""
_KEY = '\n      "'
"""Where a service's name opens (6 spaces)."""
_KEY_END = '" : {'
_VALUE_CLOSE = "\n      }"
"""Where a service's entry closes, at its name's indent."""


class LazyServices(Mapping[str, Any]):
    """One partition's services: name to entry, each entry parsed on first lookup."""

    __slots__ = ("_parsed", "_spans", "_text")

    def __init__(self, text: str, spans: dict[str, tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans
        self._parsed: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        try:
            return self._parsed[name]
        except KeyError:
            start, end = self._spans[name]  # KeyError for a service the partition lacks
        return self._parsed.setdefault(name, json.loads(self._text[start:end]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __repr__(self) -> str:
        return f"<LazyServices of {len(self._spans)} services>"


def load_endpoints(text: str) -> Any:
    """`json.loads(text)`, with each partition's `services` a `LazyServices` when the text
    has botocore's layout (equal to the plain parse: same keys, order and values)."""
    cut = _cut(text)
    if cut is None:
        return json.loads(text)
    pieces, services = cut
    try:
        data: Any = json.loads("".join(pieces))
        partitions = data["partitions"]
        if len(partitions) != len(services) or any(p["services"] != {} for p in partitions):
            return json.loads(text)
    except (ValueError, TypeError, KeyError):
        return json.loads(text)
    for partition, lazy in zip(partitions, services, strict=True):
        partition["services"] = lazy
    return data


def _cut(text: str) -> tuple[list[str], list[LazyServices]] | None:
    """The text without the services' contents, and those as `LazyServices`; None when the
    layout is not botocore's."""
    pieces: list[str] = []
    services: list[LazyServices] = []
    position = 0
    while (found := text.find(_SERVICES, position)) >= 0:
        start = found + len(_SERVICES)
        close = text.find(_CLOSE, start)
        spans = _spans(text, start, close) if close >= 0 else None
        if spans is None:
            return None
        services.append(LazyServices(text, spans))
        pieces.append(text[position:start])
        position = close
    pieces.append(text[position:])
    return (pieces, services) if services else None


def _spans(text: str, start: int, close: int) -> dict[str, tuple[int, int]] | None:
    """Each service's name and the span of its entry between `start` and `close`."""
    spans: dict[str, tuple[int, int]] = {}
    key = text.find(_KEY, start, close)
    if key != start and text[start:close].strip():
        return None  # something before the first name
    while key >= 0:
        name_start = key + len(_KEY)
        name_end = text.find(_KEY_END, name_start, close)
        following = text.find(_KEY, name_end, close) if name_end >= 0 else -1
        end = close if following < 0 else following - 1  # the comma before the next name
        name = text[name_start:name_end]
        if (
            name_end < 0
            or '"' in name
            or "\\" in name
            or name in spans
            or (following >= 0 and text[end] != ",")
            or not text.startswith(_VALUE_CLOSE, end - len(_VALUE_CLOSE))
        ):
            return None
        spans[name] = (name_end + len(_KEY_END) - 1, end)
        key = following
    return spans
