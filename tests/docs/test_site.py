"""The built site documents every public symbol, under public names only, and search finds it.

The site is built once (`mkdocs build --strict`, which also fails on a broken link or a
docstring griffe cannot read). What it must document is derived, not listed: the installed
botocore model (every structure, enum, error, operation, paginator and waiter) and the
package itself (each public module's `__all__`, each facade's public methods and
attributes), so a symbol added later is checked without touching this test.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from types import ModuleType

import botocore.session
import pytest
from botocore import xform_name

import elasticache_typed
from elasticache_typed import ElastiCache, errors

ROOT = Path(__file__).resolve().parents[2]
FACADES = [ElastiCache, elasticache_typed.AsyncElastiCache]
MODEL = botocore.session.get_session().get_service_model("elasticache")
LOADER = botocore.session.get_session().get_component("data_loader")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once for this module."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def anchors(site: Path) -> set[str]:
    found: set[str] = set()
    for page in site.rglob("*.html"):
        found.update(re.findall(r'\sid="(elasticache_typed[^"]*)"', page.read_text()))
    return found


def _missing(expected: set[str], anchors: set[str]) -> list[str]:
    return sorted(expected - anchors)


def _model_shapes() -> tuple[set[str], set[str], set[str]]:
    """Structure shapes (exceptions aside), enum shapes and error shapes of the model."""
    structures, enums, model_errors = set(), set(), set()
    for name in MODEL.shape_names:
        shape = MODEL.shape_for(name)
        if getattr(shape, "enum", None):
            enums.add(name)
        elif shape.type_name == "structure":
            (model_errors if shape.metadata.get("exception") else structures).add(name)
    return structures, enums, model_errors


def test_every_shape_alias_and_member_has_an_anchor(anchors: set[str]) -> None:
    structures, enums, _ = _model_shapes()
    assert len(structures) >= 216 and len(enums) >= 33
    prefix = "elasticache_typed.shapes."
    assert not _missing({prefix + name for name in structures | enums}, anchors)
    members = {
        f"{prefix}{name}.{xform_name(member)}"
        for name in structures
        for member in MODEL.shape_for(name).members
    }
    assert not _missing(members, anchors)
    # Exactly the public names: nothing private documented as a shape.
    top_level = {a for a in anchors if a.startswith(prefix) and "." not in a[len(prefix) :]}
    assert top_level == {prefix + name for name in elasticache_typed.shapes.__all__}


def _public_members(cls: type) -> set[str]:
    """Public methods and annotated attributes of a class, inherited ones included."""
    names = {name for name in dir(cls) if not name.startswith("_")}
    for base in cls.__mro__[:-1]:
        names.update(n for n in vars(base).get("__annotations__", {}) if not n.startswith("_"))
    return names


def _model_methods() -> set[str]:
    """The facade method of every operation, paginator and waiter of the model."""
    methods = {xform_name(name) for name in MODEL.operation_names}
    paginators = LOADER.load_service_model("elasticache", "paginators-1")["pagination"]
    methods |= {f"paginate_{xform_name(name)}" for name in paginators}
    waiters = LOADER.load_service_model("elasticache", "waiters-2")["waiters"]
    methods |= {f"wait_until_{xform_name(name)}" for name in waiters}
    return methods


@pytest.mark.parametrize("cls", FACADES, ids=lambda c: c.__name__)
def test_every_facade_method_has_an_anchor(cls: type, anchors: set[str]) -> None:
    members = _public_members(cls)
    assert _model_methods() | {"create", "client"} <= members
    expected = {f"elasticache_typed.{cls.__name__}.{name}" for name in members}
    missing = _missing(expected | {f"elasticache_typed.{cls.__name__}"}, anchors)
    assert not missing, (
        f"{missing}: a method the generator makes lands on a page of "
        f"docs/reference/ by its name; a handwritten one must be listed in "
        f"inherited_members of docs/reference/*/index.md"
    )


def test_every_error_class_and_attribute_has_an_anchor(anchors: set[str]) -> None:
    _, _, model_errors = _model_shapes()
    assert len(model_errors) >= 79
    classes = {
        name
        for name in errors.__all__
        if inspect.isclass(getattr(errors, name))
        and issubclass(getattr(errors, name), errors.ElastiCacheError)
    }
    assert model_errors <= classes
    every_class = {
        name
        for name, value in vars(errors).items()
        if not name.startswith("_")
        and inspect.isclass(value)
        and issubclass(value, errors.ElastiCacheError)
    }
    assert every_class == classes, "list every error class in elasticache_typed.errors.__all__"
    assert {"ElastiCacheError", "NotFoundError", "ValidationError"} <= classes - model_errors
    expected = {f"elasticache_typed.errors.{name}" for name in classes}
    attributes = vars(errors.ElastiCacheError("m", code="c")).keys() | {"retryable"}
    expected |= {f"elasticache_typed.errors.ElastiCacheError.{name}" for name in attributes}
    assert not _missing(expected, anchors)


def _public_modules() -> Iterator[tuple[str, ModuleType]]:
    """Each public module by the name users import it as (`shapes` is a private module's)."""
    yield "elasticache_typed", elasticache_typed
    for info in pkgutil.walk_packages(elasticache_typed.__path__, "elasticache_typed."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield info.name, importlib.import_module(info.name)


def test_every_name_of_every_public_module_has_an_anchor(anchors: set[str]) -> None:
    expected = set()
    for module_name, module in _public_modules():
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if isinstance(value, ModuleType):
                continue
            expected.add(f"{module_name}.{name}")
            if inspect.isclass(value) and value.__module__ == module_name:
                expected |= {
                    f"{module_name}.{name}.{member}"
                    for member, attr in vars(value).items()
                    if not member.startswith("_") and callable(attr)
                }
    assert "elasticache_typed.testing.Stubber.on" in expected
    assert not _missing(expected, anchors)


def _private_names() -> set[str]:
    """Private module paths of the package, and private classes a facade is built on."""
    names = {
        info.name
        for info in pkgutil.walk_packages(elasticache_typed.__path__, "elasticache_typed.")
        if "._" in info.name
    }
    for cls in FACADES:
        names |= {base.__name__ for base in cls.__mro__[1:-1]}
    return names


def test_no_private_name_shows_on_the_site(site: Path) -> None:
    private = _private_names()
    assert {"elasticache_typed._errors.categories", "FacadeBase"} <= private
    pattern = re.compile("|".join(re.escape(name) + r"\b" for name in sorted(private)))
    shown = {
        f"{page.relative_to(site)}: {found}"
        for page in [*site.rglob("*.html"), site / "search" / "search_index.json"]
        for found in pattern.findall(page.read_text())
    }
    assert not shown


def test_site_search_finds_the_main_shapes(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text())
    titles = {entry["title"]: entry["location"] for entry in index["docs"]}
    for name in ("Snapshot", "CacheCluster", "ReplicationGroup", "CacheClusterNotFoundFault"):
        assert titles.get(name, "").endswith(f".{name}"), name


# Dunder methods the reference documents on purpose: `Stubber` is used as a context manager.
_PROTOCOL_METHODS = {"__enter__", "__exit__"}
_DUNDER = re.compile(r"__[a-z][a-z0-9_]*__")


def _search_entries(site: Path) -> list[dict[str, object]]:
    docs: list[dict[str, object]] = json.loads((site / "search" / "search_index.json").read_text())[
        "docs"
    ]
    return docs


def test_no_machinery_in_the_reference_or_the_search_index(site: Path) -> None:
    """No `__attrs_attrs__`, `__hash__ = None` or other dunder rows: only public API."""
    machinery = [
        f"{page.relative_to(site)}: {anchor}"
        for page in site.rglob("*.html")
        for anchor in re.findall(r'\sid="elasticache_typed[^"]*\.(__\w+__)"', page.read_text())
        if anchor not in _PROTOCOL_METHODS
    ]
    assert machinery == []
    titled = [
        e["title"]
        for e in _search_entries(site)
        if _DUNDER.fullmatch(str(e["title"])) and e["title"] not in _PROTOCOL_METHODS
    ]
    assert titled == []
    reference = json.dumps(
        [e for e in _search_entries(site) if str(e["location"]).startswith("reference/")]
    )
    for name in ("__attrs_attrs__", "__hash__", "__match_args__", "__attrs_init__"):
        assert name not in reference  # (the design notes discuss them in prose)
    # The protocol methods kept are there (the filter that keeps them works).
    assert "elasticache_typed.testing.Stubber.__enter__" in _anchors_of(site / "reference")


def _anchors_of(folder: Path) -> set[str]:
    return {
        a
        for page in folder.rglob("*.html")
        for a in re.findall(r'\sid="([^"]+)"', page.read_text())
    }


def _tags(entry: dict[str, object]) -> list[str]:
    tags = entry.get("tags", [])
    assert isinstance(tags, list)
    return [str(tag).lower() for tag in tags]


@pytest.mark.parametrize(
    "name", ["Snapshot", "CacheCluster", "ReplicationGroup", "ServerlessCache"]
)
def test_search_ranks_the_named_object_above_what_its_name_begins(site: Path, name: str) -> None:
    """Material's search adds a trailing wildcard (`snapshot*`) and weighs tags most: the
    object named whole outranks (by its boost) every other object its name begins, members
    have no tags (they rank below their class), and its dotted path is a tag of it alone."""
    entries = _search_entries(site)
    (own,) = [e for e in entries if e["title"] == name and "tags" in e]
    path = str(own["location"]).partition("#")[2]
    dotted = path.removeprefix("elasticache_typed.").lower()
    assert _tags(own) == [name.lower(), dotted]
    assert "<pre>" not in str(own["text"])  # the docstring, not the signature, shows
    rivals = [
        e for e in entries if e is not own and any(t.startswith(name.lower()) for t in _tags(e))
    ]
    assert rivals, "each of these names begins others (errors, messages)"
    boost = own["boost"]
    assert isinstance(boost, float)
    for rival in rivals:
        assert boost > float(str(rival["boost"])), rival["title"]
    assert [e for e in entries if dotted in _tags(e)] == [own]
    by_path = [e for e in entries if e is not own and any(t.startswith(dotted) for t in _tags(e))]
    assert all(any(e is r for r in rivals) for e in by_path)  # so outranked too
    members = [e for e in entries if str(e["location"]).partition("#")[2].startswith(path + ".")]
    assert members and not any("tags" in e for e in members)


def _search(site: Path, queries: list[str]) -> dict[str, list[list[str]]]:
    """Each query's results as the site's search shows them: material's own search worker
    (lunr) run by node on the built index; skips where node is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    (worker,) = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    probe = Path(__file__).with_name("search_probe.js")
    index = site / "search" / "search_index.json"
    result = subprocess.run(
        [node, str(probe), str(worker), str(index), *queries],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[list[str]]] = json.loads(result.stdout)
    return found


def test_searching_any_object_by_name_or_dotted_path_finds_it_first(site: Path) -> None:
    objects = [e for e in _search_entries(site) if "tags" in e]
    assert len(objects) > 400
    by_query: dict[str, set[str]] = {}
    for entry in objects:
        tags = entry["tags"]
        assert isinstance(tags, list)
        for query in (str(entry["title"]), *map(str, tags[1:])):
            by_query.setdefault(query, set()).add(str(entry["location"]))
    assert {"Snapshot", "shapes.Snapshot", "errors.NotFoundError"} <= by_query.keys()
    results = _search(site, sorted(by_query))
    first = {query: groups[0][0] if groups else None for query, groups in results.items()}
    wrong = {query: hit for query, hit in first.items() if hit not in by_query[query]}
    assert wrong == {}


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _first_sentence(docstring: str | None) -> str:
    assert docstring
    return " ".join(docstring.replace("`", "").split()).partition(". ")[0].partition(": ")[0]


@pytest.mark.parametrize(
    ("folder", "docstring"),
    [
        ("elasticache", ElastiCache.__doc__),
        ("async-elasticache", elasticache_typed.AsyncElastiCache.__doc__),
    ],
)
def test_operations_pages_do_not_repeat_the_class_docstring(
    site: Path, folder: str, docstring: str | None
) -> None:
    sentence = _first_sentence(docstring)
    pages = sorted((site / "reference" / folder).rglob("*.html"))
    assert len(pages) == 7
    shown = [p.parent.name for p in pages if sentence in _text(p.read_text())]
    assert shown == [folder]  # on the class's own page only


def test_errors_pages_open_with_one_intro(site: Path) -> None:
    sentence = _first_sentence(errors.__doc__)
    for page in ("errors", "modelled-errors"):
        text = _text((site / "reference" / page / "index.html").read_text())
        assert sentence not in text, page


def test_table_of_contents_shows_whole_names(site: Path) -> None:
    """Long names wrap in the right-hand table of contents, between their words, instead of
    ending in an ellipsis."""
    page = (site / "reference" / "shapes" / "results" / "index.html").read_text()
    toc = page[page.index("md-nav--secondary") :]
    labels = re.findall(r'<span class="md-ellipsis">(.*?)</span>\s*</a>', toc, re.S)
    words = {_text(label.replace("<wbr>", "")).split()[-1] for label in labels}
    assert "AllowedNodeTypeModificationsMessage" in words
    assert any("Allowed<wbr>Node<wbr>Type<wbr>Modifications<wbr>Message" in x for x in labels)
    css = (site / "stylesheets" / "extra.css").read_text()
    rule = re.search(r"\.md-nav--secondary \.md-ellipsis \{([^}]*)\}", css)
    assert rule is not None
    assert "white-space: normal" in rule[1] and "overflow-wrap: break-word" in rule[1]
