"""A mkdocs hook: cross-references name objects by their public path, never a private module.

mkdocstrings links a type in a signature or a base class by where griffe finds it defined
(`elasticache_typed._errors.categories.NotFoundError`), and shows that path as the link's
hover title. Users import these names from the public modules (`elasticache_typed.errors`),
where the reference documents them; this rewrites each such reference to the public path,
which also makes it resolve to the public page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import griffe
from griffe_imported_all import ImportedAll
from griffe_lazy_shapes import PACKAGE, LazyShapes

_IDENTIFIER = re.compile(r'(<autoref [^>]*?identifier=")([^"]+)(")')


@cache
def public_paths() -> dict[str, str]:
    """The public path of each object the public modules re-export, by its defining path."""
    package = griffe.load(
        PACKAGE,
        search_paths=["src"],
        extensions=griffe.load_extensions(LazyShapes(), ImportedAll()),
        resolve_aliases=True,
    )
    assert isinstance(package, griffe.Module)
    paths: dict[str, str] = {}
    for module in _public_modules(package):
        public = [
            member
            for member in module.members.values()
            if isinstance(member, griffe.Alias) and member.is_public and member.resolved
        ]
        # The modules it gathers names from: a name is looked up there too (the generated
        # facade's docstrings name `errors.ValidationError`, which griffe looks for in
        # `_generated.errors`, a module `elasticache_typed.errors` gathers names from).
        sources = {member.target_path.rpartition(".")[0] for member in public}
        for member in public:
            paths.setdefault(member.final_target.path, member.path)
            for source in sources:
                paths.setdefault(f"{source}.{member.name}", member.path)
    return paths


def _public_modules(module: griffe.Module) -> Iterator[griffe.Module]:
    """`module` and its public submodules, at any depth."""
    yield module
    for name, submodule in module.modules.items():
        if not name.startswith("_") and isinstance(submodule, griffe.Module):
            yield from _public_modules(submodule)


def public_path(identifier: str) -> str:
    """`identifier` with its longest private prefix replaced by the public path (a
    parameter's identifier, `Class(name)`, keeps its `(name)`)."""
    paths = public_paths()
    prefix = identifier.partition("(")[0]
    while prefix:
        if prefix in paths:
            return paths[prefix] + identifier[len(prefix) :]
        prefix = prefix.rpartition(".")[0]
    return identifier


# `create` returns the class it is called on, through a TypeVar bound to the private base
# class (jedi follows it, not Self); the reference shows the class itself.
_CALLED_ON = {
    "elasticache_typed._facades.base.FacadeT": "elasticache_typed.ElastiCache",
    "elasticache_typed._facades.async_base.AsyncFacadeT": "elasticache_typed.AsyncElastiCache",
}
_TYPE_VARIABLE = re.compile(
    r'<autoref identifier="(' + "|".join(map(re.escape, _CALLED_ON)) + r')"([^>]*)>\w+</autoref>'
)


def _called_on(match: re.Match[str]) -> str:
    path = _CALLED_ON[match[1]]
    return f'<autoref identifier="{path}"{match[2]}>{path.rpartition(".")[2]}</autoref>'


def on_page_content(html: str, **kwargs: Any) -> str:
    html = _TYPE_VARIABLE.sub(_called_on, html)
    return _IDENTIFIER.sub(lambda m: m[1] + public_path(m[2]) + m[3], html)
