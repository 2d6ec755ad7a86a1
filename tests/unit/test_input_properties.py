"""Property-based tests (hypothesis) of the facades' input checks, over the whole model.

- For every operation, a call with one argument of a wrong type (drawn at random for the
  member's shape, at the top or inside a list), with a tag set that breaks one of the service's
  rules, with a value under the model's minimum length, with a required argument missing or
  with an unknown keyword raises `ValidationError` (naming the argument) or `TypeError`, and
  sends nothing. Both ElastiCache and AsyncElastiCache are checked.
- For every operation whose input holds a secret (AuthToken, Passwords, nested ones too), a
  random secret never shows in an exception, its chained causes or the library's log lines,
  whether the call fails a check or goes through.

That any valid value of every shape round-trips through the converter is
tests/unit/test_converter_roundtrip.py's property; its strategies (tests/unit/strategies.py)
give the example values here.

Both clients are real botocore/aiobotocore clients whose `before-send` handler records the
request and raises, so anything sent fails the test.
"""

from __future__ import annotations

import asyncio
import keyword
import logging
import string
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.model import ListShape, Shape, StructureShape
from botocore.stub import Stubber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elasticache_typed import AsyncElastiCache, ElastiCache, converter, errors, shapes

from . import strategies

MODEL = strategies.service_model()
LOGGER = "elasticache_typed"
_HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
_SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=_HEALTH)
_MORE = settings(max_examples=25, deadline=None, suppress_health_check=_HEALTH)

OPERATIONS = sorted(
    name
    for name in MODEL.operation_names
    if (shape := MODEL.operation_model(name).input_shape) is not None and shape.members
)
SECRET_OPERATIONS = [
    name
    for name in OPERATIONS
    if strategies.contains_secret_member(MODEL.operation_model(name).input_shape.name)
]
PAGINATED = sorted(name for name in dir(ElastiCache) if name.startswith("paginate_"))
OPERATION_OF_METHOD = {xform_name(name): name for name in MODEL.operation_names}


class SendBlocked(BaseException):
    """Raised by the before-send handler: nothing may reach the network here."""


# --- the two facades, with sending blocked -----------------------------------------------------


@pytest.fixture(scope="module")
def sent() -> list[Any]:
    """Every request that reached the (blocked) send step of either client."""
    return []


@pytest.fixture(scope="module")
def raw_client(sent: list[Any]) -> Iterator[Any]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_CONFIG_FILE", "/nonexistent/aws-config")
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
        session = boto3.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        )
        client = session.client("elasticache")

    def block(request: Any, **_: Any) -> None:
        sent.append(request)
        raise SendBlocked(request.url)

    client.meta.events.register("before-send.elasticache", block)
    yield client


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def async_cache(loop: asyncio.AbstractEventLoop, sent: list[Any]) -> Iterator[AsyncElastiCache]:
    from aiobotocore.session import get_session

    def block(request: Any, **_: Any) -> None:
        sent.append(request)
        raise SendBlocked(request.url)

    creator = get_session().create_client(
        "elasticache",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client = loop.run_until_complete(creator.__aenter__())
    client.meta.events.register("before-send.elasticache", block)
    yield AsyncElastiCache(client)
    loop.run_until_complete(creator.__aexit__(None, None, None))


Caller = Callable[..., Any]
"""call(method_name, *args, **kwargs): the facade's method, run to its end."""


@pytest.fixture(params=["sync", "async"])
def call(
    request: pytest.FixtureRequest,
    raw_client: Any,
    async_cache: AsyncElastiCache,
    loop: asyncio.AbstractEventLoop,
) -> Caller:
    """The method of ElastiCache or AsyncElastiCache, run to its end (see `Caller`)."""
    if request.param == "sync":
        cache = ElastiCache(raw_client)
        return lambda method, *args, **kwargs: getattr(cache, method)(*args, **kwargs)

    def run(method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(async_cache, method)(*args, **kwargs)
        return loop.run_until_complete(result) if asyncio.iscoroutine(result) else result

    return run


@pytest.fixture(autouse=True)
def nothing_is_sent(sent: list[Any]) -> Iterator[None]:
    sent.clear()
    yield
    assert sent == [], "a request was sent"


# --- valid arguments, and wrong ones ------------------------------------------------------------


def input_shape(operation: str) -> StructureShape:
    shape = MODEL.operation_model(operation).input_shape
    assert shape is not None
    return shape


def example_kwargs(operation: str, secret: str = "example-secret") -> dict[str, Any]:
    """Valid keyword arguments with every member set (secret members hold `secret`)."""
    shape = input_shape(operation)
    obj = converter.structure(
        strategies.example_dict(shape.name, secret=secret), getattr(shapes, shape.name)
    )
    return {xform_name(m): getattr(obj, xform_name(m)) for m in shape.members}


def _is_tag_list(shape: Shape) -> bool:
    return isinstance(shape, ListShape) and shape.member.name == "Tag"


_SCALAR_POOL: dict[str, st.SearchStrategy[Any]] = {
    "str": st.text(max_size=8),
    "int": st.integers(),
    "bool": st.booleans(),
    "float": st.floats(allow_nan=False),
    "bytes": st.binary(max_size=4),
    "datetime": st.datetimes(),
    "list": st.lists(st.integers(), max_size=2),
    "dict": st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    "object": st.builds(object),
}
_ACCEPTED = {
    "string": {"str"},
    "integer": {"int"},
    "long": {"int"},
    "boolean": {"bool"},
    "double": {"int", "float"},
    "float": {"int", "float"},
    "timestamp": {"datetime"},
    "blob": {"bytes"},
}


def wrong_values(shape: Shape) -> st.SearchStrategy[Any]:
    """Values the facade must reject for an argument of `shape`."""
    if isinstance(shape, StructureShape):
        other = shapes.Subnet() if shape.name == "Tag" else shapes.Tag(key="k")
        return st.one_of(
            _SCALAR_POOL["dict"], _SCALAR_POOL["str"], _SCALAR_POOL["int"], st.just(other)
        )
    if isinstance(shape, ListShape):
        not_a_sequence = st.one_of(
            _SCALAR_POOL["str"], _SCALAR_POOL["int"], _SCALAR_POOL["bytes"], _SCALAR_POOL["object"]
        )
        bad_items = st.lists(wrong_values(shape.member), min_size=1, max_size=3)
        if _is_tag_list(shape):
            bad_mapping = st.one_of(
                st.dictionaries(st.integers(), st.text(max_size=3), min_size=1, max_size=2),
                st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
            )
            return st.one_of(not_a_sequence, bad_items, bad_mapping)
        return st.one_of(not_a_sequence, bad_items, _SCALAR_POOL["dict"])
    accepted = _ACCEPTED[shape.type_name]
    return st.one_of([pool for name, pool in _SCALAR_POOL.items() if name not in accepted])


_TAG_KEYS = st.text(min_size=1, max_size=20).filter(lambda k: not k.lower().startswith("aws:"))


def broken_tags() -> st.SearchStrategy[Any]:
    """Tag sets that break exactly one of the service's tag rules, in either accepted form."""
    reserved = st.builds(
        lambda prefix, rest: prefix + rest,
        st.sampled_from(["aws:", "AWS:", "Aws:", "aWs:"]),
        st.text(max_size=10),
    )
    bad_tag = st.one_of(
        st.builds(lambda k: shapes.Tag(key=k, value="v"), st.just("")),
        st.builds(lambda k: shapes.Tag(key=k), st.text(min_size=129, max_size=140)),
        st.builds(lambda k: shapes.Tag(key=k), reserved),
        st.builds(lambda v: shapes.Tag(key="k", value=v), st.text(min_size=257, max_size=270)),
        st.just(shapes.Tag(value="no key")),
    )
    in_a_list = st.builds(
        lambda good, bad, at: [*good[:at], bad, *good[at:]],
        st.lists(_TAG_KEYS, max_size=3, unique=True).map(
            lambda keys: [shapes.Tag(key=k, value="v") for k in keys]
        ),
        bad_tag,
        st.integers(min_value=0, max_value=3),
    )
    as_mapping = bad_tag.filter(lambda t: t.key is not None).map(lambda t: {t.key: t.value})
    too_many = st.lists(_TAG_KEYS, min_size=51, max_size=55, unique=True).map(
        lambda keys: {k: "v" for k in keys}
    )
    return st.one_of(in_a_list, as_mapping, too_many)


def under_minimum(shape: Shape) -> Any | None:
    """A value under the model's minimum length for `shape`, if it has one."""
    minimum = shape.metadata.get("min")
    if not minimum:
        return None
    if isinstance(shape, ListShape):
        return []
    if shape.type_name == "string":
        return ""
    return None


@st.composite
def bad_call(
    draw: st.DrawFn, operation: str
) -> tuple[tuple[Any, ...], dict[str, Any], type[Exception], str]:
    """(arguments, keyword arguments, the exception they must raise, a text its message holds)."""
    shape = input_shape(operation)
    full = example_kwargs(operation)
    required = [xform_name(m) for m in shape.required_members]
    optional = [name for name in full if name not in required]
    kept = draw(st.lists(st.sampled_from(optional), unique=True)) if optional else []
    kwargs = {name: full[name] for name in [*required, *kept]}

    kinds = ["wrong-type", "unknown-keyword", "positional"]
    if required:
        kinds.append("missing-required")
    tag_members = [m for m, s in shape.members.items() if _is_tag_list(s)]
    if tag_members:
        kinds.append("broken-tags")
    short = {m: v for m, s in shape.members.items() if (v := under_minimum(s)) is not None}
    if short:
        kinds.append("under-minimum")
    kind = draw(st.sampled_from(kinds))

    if kind == "wrong-type":
        member = draw(st.sampled_from(sorted(shape.members)))
        kwargs[xform_name(member)] = draw(wrong_values(shape.members[member]))
        return (), kwargs, errors.ValidationError, xform_name(member)
    if kind == "broken-tags":
        member = draw(st.sampled_from(tag_members))
        kwargs[xform_name(member)] = draw(broken_tags())
        return (), kwargs, errors.ValidationError, xform_name(member)
    if kind == "under-minimum":
        member = draw(st.sampled_from(sorted(short)))
        kwargs[xform_name(member)] = short[member]
        return (), kwargs, errors.ValidationError, member  # botocore's check names the wire name
    if kind == "missing-required":
        missing = draw(st.sampled_from(required))
        del kwargs[missing]
        return (), kwargs, TypeError, missing
    if kind == "unknown-keyword":
        name = draw(
            st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,15}", fullmatch=True).filter(
                lambda n: n not in full and n != "self" and not keyword.iskeyword(n)
            )
        )
        kwargs[name] = draw(st.one_of(st.none(), st.integers(), st.text(max_size=4)))
        return (), kwargs, TypeError, name
    positional = tuple(kwargs.pop(name) for name in list(kwargs)[:1]) or (draw(st.text()),)
    return positional, kwargs, TypeError, "positional"


@pytest.mark.parametrize("operation", OPERATIONS)
@_MORE
@given(data=st.data())
def test_bad_input_raises_and_sends_nothing(
    call: Caller, sent: list[Any], operation: str, data: st.DataObject
) -> None:
    args, kwargs, expected, text = data.draw(bad_call(operation))
    with pytest.raises(expected) as caught:
        call(xform_name(operation), *args, **kwargs)
    exc = caught.value
    if expected is TypeError:
        assert not isinstance(exc, errors.ElastiCacheError)
        assert text in str(exc)
    else:
        assert exc.message.startswith(text) or text in exc.message, (text, exc.message)
    assert sent == []


def test_the_send_guard_works(call: Caller, sent: list[Any]) -> None:
    with pytest.raises(SendBlocked):
        call("describe_cache_clusters")
    assert len(sent) == 1
    sent.clear()


@pytest.mark.parametrize("method", PAGINATED)
@_SETTINGS
@given(
    setting=st.sampled_from(["page_size", "max_items"]),
    value=st.one_of(
        st.integers(max_value=0), st.booleans(), st.floats(), st.text(max_size=3), st.builds(list)
    ),
)
def test_paging_settings_out_of_rule_raise_at_call(
    call: Caller, sent: list[Any], method: str, setting: str, value: Any
) -> None:
    operation = OPERATION_OF_METHOD[method.removeprefix("paginate_")]
    full = example_kwargs(operation)
    required = {xform_name(m): full[xform_name(m)] for m in input_shape(operation).required_members}
    with pytest.raises(errors.ValidationError, match=setting):
        call(method, **required, **{setting: value})
    assert sent == []


# --- secrets never leak -------------------------------------------------------------------------

# Marked at both ends, so a secret can never be a piece of a legitimate value in a repr
# (a plain random text once shrank to "single-outpo", part of the enum value "single-outpost").
SECRETS = st.text(
    alphabet=string.ascii_letters + string.digits + "!#%&*+-=?@^_~", min_size=8, max_size=36
).map(lambda text: f"pw!{text}!pw")


def _texts(exc: BaseException | None) -> str:
    """Everything an exception and its chained causes show."""
    shown: list[str] = []
    while exc is not None:
        shown += [str(exc), repr(exc), *map(str, exc.args), *map(repr, exc.args)]
        if isinstance(exc, errors.ElastiCacheError):
            shown += [exc.message, str(exc.solution), str(exc.code)]
        exc = exc.__cause__ or exc.__context__
    return "\n".join(shown)


def _secret_members(shape: StructureShape) -> list[str]:
    return [
        name
        for name, member in shape.members.items()
        if strategies.is_secret(name, member) or strategies.contains_secret_member(member.name)
    ]


@st.composite
def secret_in_a_bad_call(draw: st.DrawFn, operation: str, secret: str) -> dict[str, Any]:
    """Keyword arguments with `secret` in every secret member, made to fail one check; the
    secret itself may be the wrong value."""
    shape = input_shape(operation)
    kwargs = example_kwargs(operation, secret=secret)
    others = [m for m in shape.members if m not in _secret_members(shape)]
    member = draw(st.sampled_from(sorted(shape.members)))
    target = shape.members[member]
    attr = xform_name(member)
    how = draw(st.sampled_from(["secret-as-wrong-type", "wrong-type", "tags"]))
    if how == "tags" and any(_is_tag_list(shape.members[m]) for m in others):
        kwargs["tags"] = draw(
            st.sampled_from(
                [
                    {"aws:" + secret: "v"},
                    {secret: secret * 30},
                    {secret * 11: "v"},
                    [shapes.Tag(key=""), shapes.Tag(key=secret, value=secret)],
                ]
            )
        )
    elif how == "secret-as-wrong-type" and target.type_name != "string":
        wrong = {
            "list": [secret, 7] if not _is_tag_list(target) else {secret: 7},
            "structure": {"Secret": secret},
        }.get(target.type_name, secret)
        if isinstance(target, ListShape) and target.member.type_name != "string":
            wrong = [secret]
        kwargs[attr] = wrong
    else:
        kwargs[attr] = draw(wrong_values(target))
    return kwargs


@pytest.mark.parametrize("operation", SECRET_OPERATIONS)
@_SETTINGS
@given(data=st.data(), secret=SECRETS)
def test_no_secret_in_errors_or_logs_of_a_bad_call(
    call: Caller,
    sent: list[Any],
    caplog: pytest.LogCaptureFixture,
    operation: str,
    data: st.DataObject,
    secret: str,
) -> None:
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    kwargs = data.draw(secret_in_a_bad_call(operation, secret))
    with pytest.raises((errors.ValidationError, TypeError)) as caught:
        call(xform_name(operation), **kwargs)
    assert secret not in _texts(caught.value)
    assert secret not in caplog.text
    assert sent == []


@pytest.mark.parametrize("operation", SECRET_OPERATIONS)
@_SETTINGS
@given(secret=SECRETS)
def test_no_secret_in_logs_or_results_of_a_good_call(
    raw_client: Any, caplog: pytest.LogCaptureFixture, operation: str, secret: str
) -> None:
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    model = MODEL.operation_model(operation)
    kwargs = example_kwargs(operation, secret=secret)
    answer = strategies.example_dict(model.output_shape.name, secret=secret)
    with Stubber(raw_client) as stub:
        stub.add_response(
            xform_name(operation),
            answer,
            expected_params=strategies.example_dict(model.input_shape.name, secret=secret),
        )
        result = getattr(ElastiCache(raw_client), xform_name(operation))(**kwargs)
        stub.assert_no_pending_responses()
    assert secret not in repr(result) + str(result)
    assert secret not in caplog.text
    # The call's own arguments, as the shape class of the input, do not show it either.
    as_input = converter.structure(
        strategies.example_dict(model.input_shape.name, secret=secret),
        getattr(shapes, model.input_shape.name),
    )
    assert secret not in repr(as_input)


def test_there_are_operations_with_secrets() -> None:
    assert {"CreateUser", "ModifyUser", "CreateCacheCluster", "CreateReplicationGroup"} <= set(
        SECRET_OPERATIONS
    )


def test_strategies_cover_every_scalar_type() -> None:
    kinds = {
        MODEL.shape_for(name).type_name
        for name in MODEL.shape_names
        if not isinstance(MODEL.shape_for(name), StructureShape | ListShape)
    }
    assert kinds <= set(_ACCEPTED), kinds - set(_ACCEPTED)
