"""Turn the model's HTML documentation into docstring text: paragraphs and Markdown lists.

The text is made of blocks separated by a blank line. A block is a paragraph on one line, or
a list: one line per item (`- item`, or `1. item` for an ordered list), a nested list's items
indented by four spaces under their item. Tags and links are dropped, their text kept;
`<code>` becomes backticks. `render_common.docstring` wraps the lines.

Shortening never cuts a list or a sentence in two: whole blocks are kept while they fit,
and a list that does not fit is left out together with the paragraph that introduces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_CHARS = 600  # a class or attribute docstring
MAX_OPERATION_CHARS = 2600  # a method's description: the whole of every operation's so far
MAX_NOTE_CHARS = 500  # a parameter note: the member's first paragraph

_INLINE_TAGS = {"a", "b", "i", "u", "em", "strong", "code", "fullname", "span", "sup", "sub"}
_VOID_TAGS = {"br", "hr", "img"}


@dataclass
class _Node:
    tag: str
    children: list[_Node | str] = field(default_factory=list)


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item]


@dataclass
class Item:
    text: str
    children: list[ListBlock] = field(default_factory=list)


Block = str | ListBlock  # a str is a paragraph


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag)
        self.stack[-1].children.append(node)
        if tag not in _VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        # Tolerate unclosed tags: close up to the nearest open one of that name.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _inline(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    inner = "".join(_inline(child) for child in node.children)
    if node.tag == "code" and inner.strip():
        return f"`{' '.join(inner.split())}`"
    return inner


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r" ([.,;:)])", r"\1", text)


def _blocks(node: _Node) -> list[Block]:
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        text = _clean("".join(pending))
        pending.clear()
        if re.search(r"\w", text):  # never a paragraph of punctuation alone, such as "-"
            blocks.append(text)

    for child in node.children:
        if isinstance(child, str) or child.tag in _INLINE_TAGS:
            pending.append(_inline(child))
        elif child.tag in ("ul", "ol"):
            flush()
            blocks.append(_list(child))
        else:  # p, note, important, div, br, ...: a block boundary around its content
            flush()
            blocks.extend(_blocks(child))
    flush()
    return blocks


def _list(node: _Node) -> ListBlock:
    items: list[Item] = []
    for child in node.children:
        if isinstance(child, str) or child.tag != "li":
            continue
        texts: list[str] = []
        first = len(items)
        for block in _blocks(child) + [""]:
            if isinstance(block, str) and block:
                texts.append(block)
                continue
            if texts:  # the paragraphs of an item run on one line
                items.append(Item(" ".join(texts)))
                texts = []
            if isinstance(block, ListBlock):
                if len(items) > first:
                    items[-1].children.append(block)
                else:  # an item that is only a list: its items take its place
                    items.extend(block.items)
    return ListBlock(ordered=node.tag == "ol", items=items)


def blocks(html: str | None) -> list[Block]:
    """The documentation as paragraphs and lists."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return _blocks(builder.root)


def _list_lines(block: ListBlock, indent: str = "") -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        lines.append(f"{indent}{marker}{item.text}")
        for child in item.children:
            lines.extend(_list_lines(child, indent + "    "))
    return lines


def to_text(kept: list[Block]) -> str:
    """Blocks as docstring text: blank lines between blocks, a line per list item."""
    return "\n\n".join(
        block if isinstance(block, str) else "\n".join(_list_lines(block)) for block in kept
    )


def _size(block: Block) -> int:
    return len(block) if isinstance(block, str) else len("\n".join(_list_lines(block)))


def _introduces_list(paragraph: Block) -> bool:
    return isinstance(paragraph, str) and (
        paragraph.endswith(":") or "the following" in paragraph.lower()
    )


def _first_sentences(text: str, limit: int) -> str:
    """`text` cut after its last sentence that ends within `limit`, or whole if none does."""
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[: cut + 1] if cut > 0 else text


def shorten(all_blocks: list[Block], limit: int) -> list[Block]:
    """The leading whole blocks that fit in `limit` characters (at least the first one)."""
    kept: list[Block] = []
    size = 0
    for block in all_blocks:
        if kept and size + _size(block) > limit:
            if isinstance(block, ListBlock) and _introduces_list(kept[-1]) and len(kept) > 1:
                kept.pop()
            break
        kept.append(block)
        size += _size(block)
    if len(kept) == 1 and isinstance(kept[0], str):
        kept[0] = _first_sentences(kept[0], limit)
    return kept


def short_doc(html: str | None, limit: int = MAX_CHARS) -> str:
    """The documentation's leading paragraphs and lists that fit in `limit` characters."""
    return to_text(shorten(blocks(html), limit))


def _flat(block: ListBlock) -> str:
    return "; ".join(item.text.rstrip(".;") for item in block.items)


def note(html: str | None, limit: int = MAX_NOTE_CHARS) -> str:
    """A parameter note: the first paragraph on one line (with the list it introduces)."""
    found = blocks(html)
    if not found:
        return ""
    first = found[0] if isinstance(found[0], str) else _flat(found[0]) + "."
    if first.endswith(":") and len(found) > 1 and isinstance(found[1], ListBlock):
        with_list = f"{first} {_flat(found[1])}."
        if len(with_list) <= limit:
            return with_list
    return _first_sentences(first, limit)
