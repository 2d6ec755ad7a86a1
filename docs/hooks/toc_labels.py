"""A mkdocs hook: a long name in the table of contents wraps between its words.

The right-hand table of contents is narrow and the reference's names are long
(`AuthorizeCacheSecurityGroupIngressResult`, `create_cache_security_group`); the stylesheet
lets a label wrap, and this puts the places to wrap it (`<wbr>`) after each underscore and
before each capital that follows a small letter or digit, so a line ends at a word of the
name rather than inside one.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
_WORD_END = re.compile(r"(?<=_)(?=\w)|(?<=[a-z0-9])(?=[A-Z])")


def wrappable(title: str) -> str:
    """`title` (HTML) with `<wbr>` between the words of each name in its text."""
    return "".join(tag or _WORD_END.sub("<wbr>", text) for tag, text in _TAG_OR_TEXT.findall(title))


def _relabel(items: list[AnchorLink]) -> None:
    for item in items:
        item.title = wrappable(item.title)
        _relabel(item.children)


def on_page_context(context: Any, page: Page, **kwargs: Any) -> Any:
    _relabel(list(page.toc))
    return context
