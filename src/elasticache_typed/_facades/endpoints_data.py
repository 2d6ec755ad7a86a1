"""botocore's `endpoints.json`, each service's entry parsed when first asked for.

The file (1.25 MB) holds every partition's entry for some 300 services; a client's endpoint
resolver asks for one or two (its own service, STS for an assumed role). Parsing all of it
makes some 23,000 dicts and lists, enough allocations to bring botocore's first full garbage
collection (12-20 ms) inside making the first client of every process. Here the text is cut
at botocore's pretty-printed layout (two-space indents, `"key" : value`, each partition's
`services` last): the partitions are parsed without their `services` objects, and each
partition's services become a read-only `Mapping` that finds one service's entry by its
name's line and parses it on first lookup. The layout is checked before it is trusted (the
cut file must parse, with every `services` left empty); any other layout is read whole, as
botocore reads it. A lookup that finds no line of its own, or an entry that does not close
where its layout says, falls back to going through the partition's services one by one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

_SERVICES = '\n    "services" : {'
"""Where a partition's services open (a partition's keys at 4 spaces)."""
_SERVICES_CLOSE = "\n    }"
"""Where they close."""
_EMPTY_CLOSE = " }"
"""How a partition without services closes them (botocore 1.40's files have one)."""
_PARTITION_CLOSE = "\n  }"
"""Where a partition closes (2 spaces)."""
_KEY = '\n      "'
"""Where a service's name opens (6 spaces)."""
_KEY_END = '" : {'
_VALUE_CLOSE = "\n      }"
"""Where a service's entry closes, at its name's indent."""


class LazyServices(Mapping[str, Any]):
    """One partition's services: name to entry, each entry parsed on first lookup."""

    __slots__ = ("_close", "_index", "_parsed", "_spans", "_start", "_text")

    def __init__(self, text: str, index: int, start: int, close: int) -> None:
        self._text = text
        self._index = index  # of the partition
        self._start = start  # just after the services' opening brace
        self._close = close  # at the line of their closing brace
        self._parsed: dict[str, Any] = {}
        self._spans: dict[str, tuple[int, int]] | None = None  # every name's, once listed

    def __getitem__(self, name: str) -> Any:
        found = self._parsed.get(name)
        if found is not None:
            return found
        span = self._span(name)
        if span is None:
            raise KeyError(name)
        return self._parsed.setdefault(name, json.loads(self._text[span[0] : span[1]]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed())

    def __len__(self) -> int:
        return len(self._listed())

    def __repr__(self) -> str:
        return f"<LazyServices of {len(self)} services>"

    def _span(self, name: str) -> tuple[int, int] | None:
        """Where the entry of `name` is: found by its line, else by going through all."""
        if self._spans is None and '"' not in name and "\\" not in name:
            text, close = self._text, self._close
            key = text.find(f"{_KEY}{name}{_KEY_END}", self._start, close)
            if key >= 0:
                value = key + len(_KEY) + len(name) + len(_KEY_END) - 1
                end = text.find(_VALUE_CLOSE, value, close) + len(_VALUE_CLOSE)
                if (
                    end >= len(_VALUE_CLOSE)
                    and text[key - 1] in "{,"
                    and (end == close or text[end] == ",")
                ):
                    return value, end
        return self._listed().get(name)

    def _listed(self) -> dict[str, tuple[int, int]]:
        """Every service's name and the span of its entry, in the file's order."""
        listed = self._spans
        if listed is None:
            listed = _spans(self._text, self._start, self._close)
            if listed is None:  # not botocore's layout after all: the plain parse's entries
                whole: dict[str, Any] = json.loads(self._text)["partitions"][self._index][
                    "services"
                ]
                self._parsed = whole
                listed = {name: (0, 0) for name in whole}
            self._spans = listed
        return listed


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
    layout is not botocore's. Each partition's services close at the last 4-space closing
    line before the partition's own closing line, itself the last 2-space one before the
    next partition's services (found backwards, so that their entries are not read)."""
    opened: list[int] = []
    position = 0
    while (found := text.find(_SERVICES, position)) >= 0:
        position = found + len(_SERVICES)
        opened.append(position)
    if not opened:
        return None
    pieces: list[str] = []
    services: list[LazyServices] = []
    position = 0
    for start, following in zip(opened, [*opened[1:], len(text)], strict=True):
        if text.startswith(_EMPTY_CLOSE, start):  # `"services" : { }`, on one line
            close = start + len(_EMPTY_CLOSE) - 1
        else:
            partition_close = text.rfind(_PARTITION_CLOSE, start, following)
            close = text.rfind(_SERVICES_CLOSE, start, partition_close)
            if (
                partition_close < 0
                or close < start
                or text[start:close].strip()[:1] not in ('"', "")
            ):
                return None
        services.append(LazyServices(text, len(services), start, close))
        pieces.append(text[position:start])
        position = close
    pieces.append(text[position:])
    return pieces, services


def _spans(text: str, start: int, close: int) -> dict[str, tuple[int, int]] | None:
    """Each service's name and the span of its entry between `start` and `close` (None
    when that is not botocore's layout)."""
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
