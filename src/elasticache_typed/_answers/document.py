"""An answer's XML as the generated reader reads it, and what that reader needs at run time.

botocore reads every tag without its namespace. The service declares one default namespace
on the root element; `parse_document` drops that declaration before parsing (so the tags
come without it, for the price of one copy of the body) rather than renaming every element
afterwards (a fifth of the parse's time again, measured). Anything else (another namespace
declaration, the word `xmlns` anywhere else) is `Unreadable`: botocore reads it instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from xml.etree.ElementTree import Element, XMLParser

PagingPath = tuple[tuple[str, str], ...]
"""Steps (wire name, attribute) from the output shape to a paginator's token or result key."""


class OperationReader:
    """What the generated reader knows of one operation's answer (a slotted class: a
    NamedTuple compiles its methods at import)."""

    __slots__ = ("output", "paging", "read", "wrapper")

    def __init__(
        self,
        output: str,
        wrapper: str | None,
        read: Callable[[Element], Any],
        paging: tuple[PagingPath, ...],
    ) -> None:
        self.output = output
        """The name of the output shape."""
        self.wrapper = wrapper
        """The element around the output (botocore's resultWrapper), or None: the root."""
        self.read = read
        """Reads that element into the output shape class."""
        self.paging = paging
        """The paginator's output tokens and result key, when the operation has a paginator."""


class Unreadable(Exception):
    """An answer the generated reader does not read exactly as botocore does: botocore reads
    it instead."""


_ROOT_NAMESPACE = re.compile(
    rb"""\s*(?:<\?xml[^>]*\?>\s*)?<[^\s/>]+(\s+xmlns\s*=\s*(?:"[^"]*"|'[^']*'))"""
)
"""An XML declaration, then the root's start tag with a default namespace first."""


def parse_document(body: bytes) -> Element:
    """The root element of an answer, every tag without namespace (as botocore reads tags).

    Raises:
        Unreadable: The answer declares namespaces other than one default on the root.
        xml.etree.ElementTree.ParseError: The answer is not XML.
    """
    declaration = _ROOT_NAMESPACE.match(body)
    if declaration is not None and body.count(b"xmlns") == 1:
        start, end = declaration.span(1)
        body = body[:start] + body[end:]
    elif b"xmlns" in body:
        raise Unreadable("namespaces")
    parser = XMLParser(encoding="utf-8")  # as botocore: UTF-8, whatever the declaration says
    parser.feed(body)
    root: Element = parser.close()
    return root


def result_and_metadata(root: Element, wrapper: str | None) -> tuple[Element, dict[str, Any]]:
    """The element holding the output (the wrapper, or the root) and the answer's
    ResponseMetadata as botocore gives it (each child's text by tag; empty without one)."""
    result = root if wrapper is None else None
    metadata: Element | None = None
    for child in root:
        if child.tag == wrapper:
            if result is not None:
                raise Unreadable(wrapper)
            result = child
        elif child.tag == "ResponseMetadata":
            if metadata is not None:
                raise Unreadable("ResponseMetadata")
            metadata = child
    if result is None:
        raise Unreadable(f"no {wrapper}")
    if metadata is None:
        return result, {}
    texts = {c.tag: c.text for c in metadata}
    if len(texts) != len(metadata):
        raise Unreadable("ResponseMetadata")
    return result, texts


def map_entries(
    entries: Iterable[Element], key_tag: str, value_tag: str
) -> Iterator[tuple[Element, Element]]:
    """The (key, value) elements of a map's entries, each entry holding exactly one of each."""
    for entry in entries:
        found = {c.tag: c for c in entry}
        if len(entry) != 2 or len(found) != 2 or key_tag not in found or value_tag not in found:
            raise Unreadable(entry.tag)
        yield found[key_tag], found[value_tag]


def paging_view(typed: object, paths: tuple[PagingPath, ...]) -> dict[str, Any]:
    """What botocore's paginator reads in a page (its tokens, its result key), as nested
    dicts of the typed answer's values; None values are left out."""
    view: dict[str, Any] = {}
    for path in paths:
        value: Any = typed
        target = view
        for index, (wire, attr) in enumerate(path):
            value = getattr(value, attr)
            if value is None:
                break
            if index == len(path) - 1:
                target[wire] = value
            else:
                target = target.setdefault(wire, {})
    return view
