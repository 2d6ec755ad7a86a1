"""Turn the model's HTML documentation into short plain text for docstrings."""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_CHARS = 600


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "note", "important", "br") and self.parts[-1:] != ["- "]:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """All of the documentation as text: tags and links dropped, paragraphs kept."""
    collector = _TextCollector()
    collector.feed(html or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def short_doc(html: str) -> str:
    """The first paragraphs that fit in MAX_CHARS, cut at a sentence end when longer."""
    kept: list[str] = []
    size = 0
    for paragraph in plain_text(html).split("\n"):
        if kept and size + len(paragraph) > MAX_CHARS:
            break
        kept.append(paragraph)
        size += len(paragraph)
    text = "\n".join(kept)
    if len(text) > MAX_CHARS:
        cut = text.rfind(". ", 0, MAX_CHARS)
        text = text[: cut + 1] if cut > 0 else text[:MAX_CHARS].rstrip() + "..."
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def first_sentence(text: str) -> str:
    """The first sentence of an already short doc (for parameter lists)."""
    line = text.split("\n", 1)[0]
    end = line.find(". ")
    return line[: end + 1] if end > 0 else line
