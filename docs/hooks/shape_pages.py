"""A mkdocs hook: the reference pages of `elasticache_typed.shapes`, made at build time.

Every name of `shapes.__all__` goes on exactly one page, chosen by what it is: a Literal
alias, an operation's input, an operation's result (by the installed botocore model), or a
resource or value shape (everything else); long groups are split by first letter. A shape
the model adds later lands on its page without anything kept by hand. mkdocs.yml's nav
lists the pages by the file names below.
"""

from __future__ import annotations

from dataclasses import dataclass

import botocore.session
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

FOLDER = "reference/shapes"


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    role: str  # "alias", "input", "result" or "resource"
    letters: str  # first letters of the names it holds
    intro: str


ALL_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_INPUTS_INTRO = (
    "The input shape of each operation. The facade methods take these members as keyword "
    "arguments; the classes are for `converter` and "
    "`testing.Stubber.add_response_for_request`."
)
_RESOURCES_INTRO = (
    "What the service describes and what you pass inside arguments: clusters, nodes, "
    "replication groups, snapshots, users, tags, ..."
)


def _letters(first: str, last: str) -> str:
    return ALL_LETTERS[ALL_LETTERS.index(first) : ALL_LETTERS.index(last) + 1]


PAGES = [
    *(
        Page(
            f"resources-{a.lower()}-{b.lower()}",
            f"Resources and values, {a} to {b}",
            "resource",
            _letters(a, b),
            _RESOURCES_INTRO,
        )
        for a, b in (("A", "C"), ("D", "M"), ("N", "R"), ("S", "Z"))
    ),
    Page(
        "results",
        "Operation results",
        "result",
        ALL_LETTERS,
        "What each facade method returns: the output shape of its operation.",
    ),
    Page("inputs-a-c", "Operation inputs, A to C", "input", _letters("A", "C"), _INPUTS_INTRO),
    Page("inputs-d", "Operation inputs, D", "input", "D", _INPUTS_INTRO),
    Page("inputs-e-z", "Operation inputs, E to Z", "input", _letters("E", "Z"), _INPUTS_INTRO),
    Page(
        "literal-aliases",
        "Literal aliases",
        "alias",
        ALL_LETTERS,
        "One `Literal` alias per enum of the model: the values a type checker accepts. At run "
        "time a value the model does not know yet is kept as the plain string.",
    ),
]


def _roles() -> dict[str, str]:
    """The role of every public name of `elasticache_typed.shapes`."""
    from elasticache_typed import shapes

    model = botocore.session.get_session().get_service_model("elasticache")
    operations = [model.operation_model(name) for name in model.operation_names]
    inputs = {op.input_shape.name for op in operations if op.input_shape is not None}
    results = {op.output_shape.name for op in operations if op.output_shape is not None}
    roles = {}
    for name in shapes.__all__:
        if not isinstance(getattr(shapes, name), type):
            roles[name] = "alias"
        elif name in inputs:
            roles[name] = "input"
        elif name in results:
            roles[name] = "result"
        else:
            roles[name] = "resource"
    return roles


def pages_by_name() -> dict[str, Page]:
    """The page of every public name of `elasticache_typed.shapes`."""
    placed = {}
    for name, role in _roles().items():
        (page,) = [p for p in PAGES if p.role == role and name[0].upper() in p.letters]
        placed[name] = page
    return placed


def _page_source(page: Page, names: list[str]) -> str:
    objects = "\n\n".join(f"::: elasticache_typed.shapes.{name}" for name in names)
    return f"# {page.title}\n\n{page.intro}\n\n{objects}\n"


def _index_source(placed: dict[str, Page]) -> str:
    lines = [
        "# Shapes",
        "",
        "`elasticache_typed.shapes` has one frozen, keyword-only attrs class per structure of "
        "the ElastiCache model and one `Literal` alias per enum. Attribute names are botocore's "
        "snake_case of the wire names; members that are not required default to `None`.",
        "",
    ]
    for page in PAGES:
        names = sorted(name for name, p in placed.items() if p == page)
        links = ", ".join(f"[`{name}`][elasticache_typed.shapes.{name}]" for name in names)
        lines += [f"## [{page.title}]({page.slug}.md)", "", links, ""]
    return "\n".join(lines)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    placed = pages_by_name()
    files.append(File.generated(config, f"{FOLDER}/index.md", content=_index_source(placed)))
    for page in PAGES:
        names = sorted(name for name, p in placed.items() if p == page)
        source = _page_source(page, names)
        files.append(File.generated(config, f"{FOLDER}/{page.slug}.md", content=source))
    return files
