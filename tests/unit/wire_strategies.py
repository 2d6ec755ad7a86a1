"""Hypothesis strategies for whole query-protocol answers, as XML bytes, from botocore's model.

`answer_bodies(operation, all_members=...)` draws the body of a successful answer of an
operation: the `<{Op}Response>` root (with the service's default namespace, or none), the
result wrapper, the output's members and `ResponseMetadata`. Beyond what the service sends
today, it draws what it may send tomorrow or what botocore reads all the same:

- members: all of them (lists of 1-3 items) or required ones plus a random subset (lists of
  0-3 items; an empty list is `<X/>` or `<X></X>`), in any order;
- unknown members (elements the model does not have), at any level, with text or children;
- enum members with values the model does not know;
- list items named by the list's member name, `member`, or anything else (botocore reads
  every child of a list's element as an item); flattened lists and maps (none in the
  ElastiCache model; tests/codegen draws them for a model of its own);
- every timestamp form botocore's parser reads (ISO 8601 with any fraction, `Z`, offsets or
  no zone; a space instead of `T`; the basic form; epoch seconds; RFC 822);
- booleans as `true`/`false` and other texts (which botocore reads as False), integers and
  doubles in the forms Python's `int`/`float` read, texts with XML escapes and any character
  XML carries.

Values are drawn as texts, element by element; nothing is converted from boto3's form.
"""

from __future__ import annotations

import base64
import datetime as dt
from xml.sax.saxutils import escape

from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import strategies as st

from tests.unit.strategies import service_model, timestamps

NAMESPACE = "http://elasticache.amazonaws.com/doc/2015-02-02/"
MAX_ITEMS = 3

_XML_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn"))
    | st.sampled_from("\t\n <>&\"'"),
    max_size=12,
)
"""Any text XML 1.0 carries (escaped when written)."""

_UNKNOWN_TAG = st.sampled_from(["UnmodelledMember", "FutureStatus", "NewSetting", "member"])


def element(tag: str, content: str) -> str:
    """`<tag>content</tag>`, or the empty-element form for empty content, at random."""
    return f"<{tag}>{content}</{tag}>"


@st.composite
def _empty_or_not(draw: st.DrawFn, tag: str, content: str) -> str:
    if not content and draw(st.booleans()):
        return f"<{tag}/>"
    return element(tag, content)


# --- scalar texts ----------------------------------------------------------------------------


def _iso(moment: dt.datetime, draw: st.DrawFn) -> str:
    offset_minutes = draw(st.sampled_from([0, 60, -300, 330, 600, -720]))
    local = moment.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes)))
    fraction = draw(st.sampled_from(["", "ms", "us", "ns", "1"]))
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction == "ms":
        text += f".{local.microsecond // 1000:03d}"
    elif fraction == "us":
        text += f".{local.microsecond:06d}"
    elif fraction == "ns":
        text += f".{local.microsecond:06d}789"
    elif fraction == "1":
        text += f".{local.microsecond // 100000}"
    sign = "+" if offset_minutes >= 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    zone = draw(
        st.sampled_from(
            ["Z", f"{sign}{hours:02d}:{minutes:02d}", f"{sign}{hours:02d}{minutes:02d}"]
            if offset_minutes
            else ["Z", "+00:00", "", " GMT"]
        )
    )
    if zone == "" and offset_minutes:
        zone = "Z"
    separator = draw(st.sampled_from(["T", "T", " "]))
    return text.replace("T", separator, 1) + zone


@st.composite
def timestamp_texts(draw: st.DrawFn) -> str:
    """One instant written in one of the forms botocore's timestamp parser reads."""
    moment = draw(timestamps()).astimezone(dt.UTC)
    form = draw(st.sampled_from(["iso", "iso", "iso", "basic", "epoch", "epoch_ms", "rfc822"]))
    if form == "iso":
        return _iso(moment, draw)
    if form == "basic":
        return moment.strftime("%Y%m%dT%H%M%SZ")
    seconds = int(moment.timestamp())
    if form == "epoch":
        return str(seconds)
    if form == "epoch_ms":
        return f"{seconds}.{moment.microsecond // 1000:03d}"
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _integer_texts(type_name: str) -> st.SearchStrategy[str]:
    bound = 2**63 if type_name == "long" else 2**31
    number = st.integers(min_value=-bound, max_value=bound - 1)
    return number.map(str) | number.map(lambda n: f" {n:+d} ")


_BOOLEAN_TEXTS = st.sampled_from(["true", "false"]) | st.sampled_from(["True", "1", "", "yes"])
_DOUBLE_TEXTS = st.floats(allow_nan=False).map(repr) | st.sampled_from(["1e3", "-0", "2.50", "7"])


def scalar_texts(shape: Shape, *, unknown_enums: bool) -> st.SearchStrategy[str]:
    """The texts botocore reads for a scalar shape (an enum value the model may not know)."""
    kind = shape.type_name
    if kind == "string" and shape.enum:
        known = st.sampled_from(list(shape.enum))
        return known | _XML_TEXT if unknown_enums else known
    if kind in ("string", "character"):
        return _XML_TEXT
    if kind in ("integer", "long"):
        return _integer_texts(kind)
    if kind == "boolean":
        return _BOOLEAN_TEXTS
    if kind in ("double", "float"):
        return _DOUBLE_TEXTS
    if kind == "timestamp":
        return timestamp_texts()
    if kind == "blob":
        return st.binary(max_size=12).map(lambda data: base64.b64encode(data).decode())
    raise NotImplementedError(f"no texts for shape type {kind} ({shape.name})")


# --- elements ----------------------------------------------------------------------------------


@st.composite
def _unknown_elements(draw: st.DrawFn) -> list[str]:
    """Elements no model member has (each tag once): text, or children of their own."""
    found = []
    for tag in draw(st.lists(_UNKNOWN_TAG, max_size=2, unique=True)):
        inner = draw(st.lists(_XML_TEXT.map(escape), max_size=2))
        content = "".join(element("Item", text) for text in inner) or escape(draw(_XML_TEXT))
        found.append(element(tag, content))
    return found


@st.composite
def content(draw: st.DrawFn, shape: Shape, *, all_members: bool) -> str:
    """What goes inside the element of a value of `shape` (not flattened)."""
    if isinstance(shape, StructureShape):
        return draw(structure_content(shape, all_members=all_members))
    if isinstance(shape, ListShape):
        item_tag = draw(
            st.sampled_from([shape.member.serialization.get("name", "member"), "member", "item"])
        )
        items = draw(_items(shape, item_tag, all_members=all_members))
        return "".join(items)
    if isinstance(shape, MapShape):
        return "".join(draw(_items(shape, "entry", all_members=all_members)))
    return escape(draw(scalar_texts(shape, unknown_enums=not all_members)))


@st.composite
def _items(
    draw: st.DrawFn, shape: ListShape | MapShape, tag: str, *, all_members: bool
) -> list[str]:
    """The elements of a list's items, or of a map's entries (a key and a value each)."""
    count = st.integers(min_value=1 if all_members else 0, max_value=MAX_ITEMS)
    if isinstance(shape, ListShape):
        inner = [draw(content(shape.member, all_members=all_members)) for _ in range(draw(count))]
    else:
        key_tag = shape.key.serialization.get("name", "key")
        value_tag = shape.value.serialization.get("name", "value")
        keys = draw(
            st.lists(
                scalar_texts(shape.key, unknown_enums=False),
                unique=True,
                min_size=draw(count),
                max_size=MAX_ITEMS,
            )
        )
        inner = [
            element(key_tag, escape(key))
            + draw(_empty_or_not(value_tag, draw(content(shape.value, all_members=all_members))))
            for key in keys
        ]
    return [draw(_empty_or_not(tag, item)) for item in inner]


def _member_tag(name: str, member: Shape) -> str:
    """The tag of a member's element(s), as botocore reads them (`_member_key_name`)."""
    if isinstance(member, ListShape) and member.serialization.get("flattened"):
        item_name = member.member.serialization.get("name")
        if item_name is not None:
            return str(item_name)
    return str(member.serialization.get("name", name))


@st.composite
def structure_content(draw: st.DrawFn, shape: StructureShape, *, all_members: bool) -> str:
    """The member elements of a structure (some, or all), unknown ones mixed in, any order; a
    flattened list or map is its items' elements, each named as the member."""
    required = set(shape.required_members)
    parts = []
    for name, member in shape.members.items():
        if all_members or name in required or draw(st.booleans()):
            tag = _member_tag(name, member)
            if isinstance(member, ListShape | MapShape) and member.serialization.get("flattened"):
                parts.extend(draw(_items(member, tag, all_members=all_members)))
            else:
                inner = draw(content(member, all_members=all_members))
                parts.append(draw(_empty_or_not(tag, inner)))
    if not all_members:
        parts.extend(draw(_unknown_elements()))
    return "".join(draw(st.permutations(parts)))


@st.composite
def answer_bodies(draw: st.DrawFn, operation: str, *, all_members: bool) -> bytes:
    """The XML body of a successful answer of `operation`, as described in the module doc."""
    output = service_model().operation_model(operation).output_shape
    assert isinstance(output, StructureShape), operation
    wrapper = output.serialization["resultWrapper"]
    members = draw(structure_content(output, all_members=all_members))
    request_id = escape(draw(_XML_TEXT))
    namespace = draw(st.sampled_from([f' xmlns="{NAMESPACE}"', f" xmlns='{NAMESPACE}'", ""]))
    declaration = draw(st.sampled_from(['<?xml version="1.0" encoding="UTF-8"?>\n', ""]))
    body = (
        f"{declaration}<{operation}Response{namespace}>"
        f"{element(wrapper, members)}"
        f"<ResponseMetadata>{element('RequestId', request_id)}</ResponseMetadata>"
        f"</{operation}Response>"
    )
    return body.encode("utf-8")
