"""A mkdocs hook: searching a name finds the object it names first, by its short name or its
dotted path.

The search (lunr, run by material's search plugin) adds a trailing wildcard to every word and
weighs a rare word more: "Snapshot" listed a dozen members (`snapshot_status`, ...) and
errors (`SnapshotQuotaExceededFault`) before the `Snapshot` class. Each public object of a
public module (a shape, an error, a facade, a function) is given here its name and dotted
paths inside the package (`shapes.Snapshot`) as tags, the field the search
weighs most (the search splits words at white space and hyphens only, so a dotted path is
one word), and a boost that doubles for each other public name its name begins, so that of
the objects a word matches, the one it names whole comes first. The tags are hidden in the
results (docs/stylesheets/extra.css).
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from public_names import public_paths

# Per other public name an object's name begins (its tags score the same as theirs).
PREFIX_FACTOR = 2.0


def _dotted_paths(path: str) -> list[str]:
    """`elasticache_typed.shapes.Snapshot` -> `shapes.Snapshot`: the dotted paths inside the
    package (not the whole path: every tag would then begin with "elasticache")."""
    parts = path.split(".")[1:]
    return [".".join(parts[i:]) for i in range(len(parts) - 2, -1, -1)]


def object_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries whose anchor is a public object of a public module."""
    objects = set(public_paths().values())
    return [e for e in entries if e["location"].partition("#")[2] in objects]


# Before the search plugin writes its index (its `on_post_build` runs at priority 0).
@event_priority(50)
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    (search,) = [p for p in config.plugins.values() if isinstance(p, SearchPlugin)]
    entries = object_entries(search.search_index.entries)
    names = [entry["title"].lower() for entry in entries]
    for entry in entries:
        name = entry["title"].lower()
        begun = sum(other != name and other.startswith(name) for other in names)
        entry["boost"] = PREFIX_FACTOR**begun
        entry["tags"] = [entry["title"], *_dotted_paths(entry["location"].partition("#")[2])]
