"""A mkdocs hook: searching a name finds the object it names first, by its short name or its
dotted path.

The search (lunr, run by material's search plugin) adds a trailing wildcard to every word and
weighs a rare word more: "Snapshot" listed a dozen members (`snapshot_status`, ...) and
errors (`SnapshotQuotaExceededFault`) before the `Snapshot` class. Each public object of a
public module (a shape, an error, a facade, a function) is given here its name and its
dotted paths inside the package (`shapes.Snapshot`) as tags, the field the search weighs
most (the search splits words at white space and hyphens only, so a dotted path is one
word), and a boost that grows fourfold per level of longer public names its name begins,
so that of the objects a word matches, the one it names whole comes first. The results show
the tags (the dotted path is worth seeing); the entry's text is its docstring without the
signature, which filled the result (each member has an entry of its own).
"""

from __future__ import annotations

import re
from typing import Any

from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from public_names import public_paths

_SIGNATURE = re.compile(r"^\s*<pre>.*?</pre>", re.DOTALL)

# Per level of longer names an object's name begins (their tags score the same as its tags):
# enough to outweigh their rarer title words, far below what a tag match weighs over text.
PREFIX_FACTOR = 4.0


def _dotted_paths(path: str) -> list[str]:
    """`elasticache_typed.shapes.Snapshot` -> `shapes.Snapshot`: the dotted paths inside the
    package (not the whole path: every tag would then begin with "elasticache")."""
    parts = path.split(".")[1:]
    return [".".join(parts[i:]) for i in range(len(parts) - 2, -1, -1)]


def object_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries whose anchor is a public object of a public module."""
    objects = set(public_paths().values())
    return [e for e in entries if e["location"].partition("#")[2] in objects]


def prefix_depths(names: set[str]) -> dict[str, int]:
    """How many names deep the names that begin with each name go: 0 for a name no other
    begins, else one more than the deepest of those (`cachecluster` > `cacheclustermessage`)."""
    depths: dict[str, int] = {}
    for name in sorted(names, key=len, reverse=True):
        longer = [depths[other] for other in depths if other.startswith(name) and other != name]
        depths[name] = 1 + max(longer) if longer else 0
    return depths


# Before the search plugin writes its index (its `on_post_build` runs at priority 0).
@event_priority(50)
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    (search,) = [p for p in config.plugins.values() if isinstance(p, SearchPlugin)]
    entries = object_entries(search.search_index.entries)
    depths = prefix_depths({entry["title"].lower() for entry in entries})
    for entry in entries:
        entry["boost"] = PREFIX_FACTOR ** depths[entry["title"].lower()]
        entry["tags"] = [entry["title"], *_dotted_paths(entry["location"].partition("#")[2])]
        entry["text"] = _SIGNATURE.sub("", entry["text"], count=1)
