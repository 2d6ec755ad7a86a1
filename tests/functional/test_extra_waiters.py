"""The eleven waiters the botocore model lacks, run by botocore's (aiobotocore's) own waiter
machinery on the real wire path, for both facades.

The answers follow each waiter's definition (src/elasticache_typed/_generated/extra_waiters.py):
a pending state then the success state (or the not-found error a "deleted" waiter waits for),
every failure state, and not-found for a waiter that waits for the resource to be ready. The
blocking facade's client answers from a fake endpoint at botocore's HTTP layer; the asyncio
facade's from a scripted HTTP server on 127.0.0.1. Waiter sleeps are recorded, not slept.
moto's server runs the ones it serves (users and snapshots) end to end.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import aiobotocore.waiter
import botocore.waiter
import pytest
from aiobotocore.session import get_session
from botocore import xform_name

from codegen.type_maps.extra_waiters import IDENTIFYING_MEMBER
from elasticache_typed import AsyncElastiCache, ElastiCache, errors, shapes
from elasticache_typed._generated.extra_waiters import EXTRA_WAITERS
from tests.support.async_sleeps import record_async_sleeps
from tests.support.fake_endpoint import FakeEndpoint, make_client
from tests.support.query_xml import error_status, error_xml, result_xml
from tests.support.sample_data import error_shapes, operation_model
from tests.support.scripted_server import ScriptedServer

REGION = "us-east-1"
DEFINITIONS: dict[str, Any] = EXTRA_WAITERS["waiters"]
WAITERS = sorted(DEFINITIONS)
RESOURCE = "res-1"
_PATH = re.compile(r"^(\w+)\[\]\.(\w+)$")
_STATUS_BY_CODE = {shape.metadata["error"]["code"]: error_status(shape) for shape in error_shapes()}
NOT_FOUND = {
    "DescribeServerlessCaches": "ServerlessCacheNotFoundFault",
    "DescribeSnapshots": "SnapshotNotFoundFault",
    "DescribeServerlessCacheSnapshots": "ServerlessCacheSnapshotNotFoundFault",
    "DescribeUsers": "UserNotFound",
    "DescribeUserGroups": "UserGroupNotFound",
    "DescribeGlobalReplicationGroups": "GlobalReplicationGroupNotFoundFault",
}
"""The error code each describe operation answers for a resource that does not exist."""


def _acceptors(waiter: str, state: str, matcher: str | None = None) -> list[dict[str, Any]]:
    return [
        a
        for a in DEFINITIONS[waiter]["acceptors"]
        if a["state"] == state and (matcher is None or a["matcher"] == matcher)
    ]


def _ready_state(waiter: str) -> dict[str, Any]:
    """The acceptor that ends the wait well: the not-found error, else the ready status."""
    return (_acceptors(waiter, "success", "error") or _acceptors(waiter, "success"))[0]


def _status_path(waiter: str) -> tuple[str, str]:
    arguments = [a["argument"] for a in DEFINITIONS[waiter]["acceptors"] if "argument" in a]
    match = next(m for m in map(_PATH.match, arguments) if m is not None)
    return match[1], match[2]


def _members(*states: str) -> list[dict[str, str]]:
    roles = ["primary", *["secondary"] * (len(states) - 1)]
    return [
        {"ReplicationGroupId": f"rg-{n}", "Role": role, "Status": state}
        for n, (role, state) in enumerate(zip(roles, states, strict=True))
    ]


def _datastore_answer(*datastores: tuple[str, list[dict[str, str]]]) -> str:
    """A DescribeGlobalReplicationGroups answer: each datastore's status and members."""
    return result_xml(
        "DescribeGlobalReplicationGroups",
        {
            "GlobalReplicationGroups": [
                {"GlobalReplicationGroupId": RESOURCE, "Status": status, "Members": members}
                for status, members in datastores
            ]
        },
    )


def _answer(waiter: str, acceptor: dict[str, Any] | None) -> tuple[int, str]:
    """The (HTTP status, body) that `acceptor` matches; None: a resource still on its way."""
    operation = DEFINITIONS[waiter]["operation"]
    if acceptor is not None and acceptor["matcher"] == "path":  # the datastore's, all joined
        return 200, _datastore_answer(("available", _members("associated", "associated")))
    if acceptor is not None and acceptor["matcher"] == "error":
        code = acceptor["expected"]
        return _STATUS_BY_CODE[code], error_xml(code, f"{RESOURCE} not found")
    list_key, field = _status_path(waiter)
    pending = "deleting" if waiter.endswith("Deleted") else "creating"
    state = pending if acceptor is None else acceptor["expected"]
    item = {IDENTIFYING_MEMBER[operation]: RESOURCE, field: state}
    return 200, result_xml(operation, {list_key: [item]})


def _wait(cache: Any, waiter: str, **settings: Any) -> Any:
    """Call the waiter's method on either facade (a coroutine for the asyncio one)."""
    identifier = xform_name(IDENTIFYING_MEMBER[DEFINITIONS[waiter]["operation"]])
    method = getattr(cache, f"wait_until_{xform_name(waiter)}")
    return method(**{identifier: RESOURCE}, **settings)


def _failures() -> list[tuple[str, str]]:
    return [(w, a["expected"]) for w in WAITERS for a in _acceptors(w, "failure")]


def test_there_are_eleven_and_their_paths_and_codes_are_the_models() -> None:
    assert len(WAITERS) == 11
    for waiter in WAITERS:
        operation = operation_model(DEFINITIONS[waiter]["operation"])
        assert _acceptors(waiter, "success") and _acceptors(waiter, "failure")
        list_key, field = _status_path(waiter)
        item = operation.output_shape.members[list_key].member
        assert field in item.members and IDENTIFYING_MEMBER[operation.name] in item.members
        for acceptor in DEFINITIONS[waiter]["acceptors"]:
            if acceptor["matcher"] == "error":
                assert acceptor["expected"] == NOT_FOUND[operation.name]
            elif acceptor["matcher"] != "path":  # the datastore's: tested below
                assert acceptor["argument"] == f"{list_key}[].{field}"
        codes = {shape.metadata["error"]["code"] for shape in operation.error_shapes}
        assert NOT_FOUND[operation.name] in codes


def test_the_states_are_those_the_model_documents() -> None:
    """Where the model's documentation lists a status member's values, every state a waiter
    expects is one of them ("failed" of the snapshot waiters aside: see extra_waiters.py)."""
    checked = 0
    for waiter in WAITERS:
        operation = operation_model(DEFINITIONS[waiter]["operation"])
        list_key, field = _status_path(waiter)
        doc = operation.output_shape.members[list_key].member.members[field].documentation
        documented = set(re.findall(r"[a-z]+(?:-[a-z]+)*", doc.lower()))
        if {"creating", "active"} & documented:  # the doc lists the values
            checked += 1
            for acceptor in DEFINITIONS[waiter]["acceptors"]:
                if (
                    acceptor["matcher"] in ("pathAll", "pathAny")
                    and acceptor["expected"] != "failed"
                ):
                    assert acceptor["expected"] in documented, (waiter, acceptor)
    assert checked == 8  # all but the serverless cache snapshot and global datastore ones


# -- the blocking facade, a fake endpoint at botocore's HTTP layer ------------------------------


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(botocore.waiter.time, "sleep", slept.append)
    record_async_sleeps(monkeypatch, aiobotocore.waiter, aiobotocore.waiter.AIOWaiter, slept)
    return slept


@pytest.fixture(scope="module")
def _client() -> Any:
    return make_client()


@pytest.fixture
def wire(_client: Any) -> tuple[ElastiCache, FakeEndpoint]:
    endpoint = FakeEndpoint()
    _client.meta.events.register("before-send.elasticache", endpoint._handler)
    yield ElastiCache(_client), endpoint
    _client.meta.events.unregister("before-send.elasticache", endpoint._handler)


def _queue(endpoint: FakeEndpoint, waiter: str, *acceptors: dict[str, Any] | None) -> None:
    for acceptor in acceptors:
        status, body = _answer(waiter, acceptor)
        endpoint.add_response(body, status=status)


@pytest.mark.parametrize("waiter", WAITERS)
def test_waits_through_a_pending_state_with_the_defined_delay(
    waiter: str, wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    cache, endpoint = wire
    _queue(endpoint, waiter, None, _ready_state(waiter))

    assert _wait(cache, waiter) is None

    operation = DEFINITIONS[waiter]["operation"]
    fixed = {
        name: str(value).lower() for name, value in DEFINITIONS[waiter].get("input", {}).items()
    }
    assert [r.params for r in endpoint.requests] == [
        {
            "Action": operation,
            "Version": "2015-02-02",
            IDENTIFYING_MEMBER[operation]: RESOURCE,
            **fixed,
        }
    ] * 2
    assert sleeps == [DEFINITIONS[waiter]["delay"]]


@pytest.mark.parametrize(("waiter", "state"), _failures())
def test_a_failure_state_raises_waiter_error(
    waiter: str, state: str, wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    cache, endpoint = wire
    (acceptor,) = [a for a in _acceptors(waiter, "failure") if a["expected"] == state]
    _queue(endpoint, waiter, acceptor)

    with pytest.raises(errors.WaiterError) as caught:
        _wait(cache, waiter, delay=2, max_attempts=5)

    assert caught.value.operation_name == DEFINITIONS[waiter]["operation"]
    assert caught.value.retryable is False
    assert len(endpoint.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize("waiter", WAITERS)
def test_running_out_of_attempts_raises_waiter_error(
    waiter: str, wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    cache, endpoint = wire
    _queue(endpoint, waiter, None, None, None)
    with pytest.raises(errors.WaiterError, match="[Mm]ax attempts"):
        _wait(cache, waiter, delay=4, max_attempts=3)
    assert len(endpoint.requests) == 3
    assert sleeps == [4, 4]


@pytest.mark.parametrize("waiter", [w for w in WAITERS if not w.endswith("Deleted")])
def test_not_found_while_waiting_to_be_ready_is_the_typed_error(
    waiter: str, wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    cache, endpoint = wire
    operation = DEFINITIONS[waiter]["operation"]
    code = NOT_FOUND[operation]
    endpoint.add_error(code, f"{RESOURCE} not found", status=_STATUS_BY_CODE[code])

    with pytest.raises(errors.NotFoundError) as caught:
        _wait(cache, waiter, delay=1, max_attempts=3)

    assert caught.value.code == code
    assert caught.value.operation_name == operation
    assert len(endpoint.requests) == 1


@pytest.mark.parametrize("waiter", WAITERS)
def test_the_identifier_is_required_and_checked_before_sending(
    waiter: str, wire: tuple[ElastiCache, FakeEndpoint]
) -> None:
    cache, endpoint = wire
    method = getattr(cache, f"wait_until_{xform_name(waiter)}")
    with pytest.raises(TypeError):
        method()
    identifier = xform_name(IDENTIFYING_MEMBER[DEFINITIONS[waiter]["operation"]])
    with pytest.raises(errors.ValidationError, match=identifier):
        method(**{identifier: 7})
    with pytest.raises(errors.ValidationError, match="delay"):
        method(**{identifier: RESOURCE}, delay=0)
    assert endpoint.requests == []


# -- the global datastore waiters: members, and deletion from primary-only ---------------------


def test_global_datastore_available_asks_for_and_waits_for_every_member(
    wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    """ "available" while a new secondary is still associating is not yet available."""
    cache, endpoint = wire
    for answer in (
        _datastore_answer(("modifying", _members("associated", "associating"))),
        _datastore_answer(("available", _members("associated", "associating"))),
        _datastore_answer(("available", _members("associated", "associated"))),
    ):
        endpoint.add_response(answer)

    cache.wait_until_global_replication_group_available(
        global_replication_group_id=RESOURCE, delay=1
    )

    assert len(endpoint.requests) == 3
    assert {r.params["ShowMemberInfo"] for r in endpoint.requests} == {"true"}
    assert sleeps == [1, 1]


@pytest.mark.parametrize(
    ("answer", "done"),
    [
        (("primary-only", _members("associated")), True),  # a new datastore: ready for use
        (("available", _members("associated", "associated", "associated")), True),
        (("primary-only", _members("associating")), False),
        (("available", _members("associated", "disassociating")), False),
        (("creating", _members("associated")), False),
    ],
)
def test_global_datastore_available_states(
    answer: tuple[str, list[dict[str, str]]],
    done: bool,
    wire: tuple[ElastiCache, FakeEndpoint],
    sleeps: list[float],
) -> None:
    cache, endpoint = wire
    endpoint.add_response(_datastore_answer(answer))
    wait = cache.wait_until_global_replication_group_available
    if done:
        wait(global_replication_group_id=RESOURCE, max_attempts=1)
    else:
        with pytest.raises(errors.WaiterError, match="[Mm]ax attempts"):
            wait(global_replication_group_id=RESOURCE, max_attempts=1)


@pytest.mark.parametrize(
    "states", [["primary-only", "deleting", None], ["primary-only", "deleted"], ["deleting", None]]
)
def test_global_datastore_deleted_starts_from_primary_only(
    states: list[str | None], wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    """Deletion starts from primary-only (its secondaries removed first): the first polls
    still see it; the wait ends at "deleted" or not found (None)."""
    cache, endpoint = wire
    for state in states:
        if state is None:
            code = NOT_FOUND["DescribeGlobalReplicationGroups"]
            endpoint.add_error(code, "gone", status=_STATUS_BY_CODE[code])
        else:
            endpoint.add_response(_datastore_answer((state, _members("associated"))))

    cache.wait_until_global_replication_group_deleted(global_replication_group_id=RESOURCE)

    assert len(endpoint.requests) == len(states)


def test_global_datastore_deleted_fails_while_secondaries_remain(
    wire: tuple[ElastiCache, FakeEndpoint], sleeps: list[float]
) -> None:
    cache, endpoint = wire
    endpoint.add_response(_datastore_answer(("available", _members("associated", "associated"))))
    with pytest.raises(errors.WaiterError):
        cache.wait_until_global_replication_group_deleted(global_replication_group_id=RESOURCE)
    assert sleeps == []


# -- the asyncio facade, a scripted server on 127.0.0.1 ----------------------------------------


_AIO_SESSION = get_session()  # one session: its loader reads the model once for all tests


def _run_async(server: ScriptedServer, waiter: str, **settings: Any) -> None:
    async def main() -> None:
        async with AsyncElastiCache.create(
            session=_AIO_SESSION,
            endpoint_url=server.url,
            region_name=REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            max_attempts=1,
        ) as cache:
            await _wait(cache, waiter, **settings)

    asyncio.run(main())


@pytest.fixture
def server() -> Any:
    with ScriptedServer() as scripted:
        yield scripted


@pytest.mark.parametrize("waiter", WAITERS)
def test_async_waits_through_a_pending_state(
    waiter: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    for acceptor in (None, _ready_state(waiter)):
        server.add(*_answer(waiter, acceptor))
    _run_async(server, waiter, delay=3)
    assert server.requests == [DEFINITIONS[waiter]["operation"]] * 2
    assert sleeps == [3]


@pytest.mark.parametrize("waiter", WAITERS)
def test_async_failure_state_raises_waiter_error(
    waiter: str, server: ScriptedServer, sleeps: list[float]
) -> None:
    server.add(*_answer(waiter, _acceptors(waiter, "failure")[0]))
    with pytest.raises(errors.WaiterError) as caught:
        _run_async(server, waiter, delay=3)
    assert caught.value.operation_name == DEFINITIONS[waiter]["operation"]
    assert server.requests == [DEFINITIONS[waiter]["operation"]]
    assert sleeps == []


# -- moto's server, for the describe operations it serves -------------------------------------


def _moto_resources(cache: ElastiCache) -> None:
    cache.create_user(
        user_id="iam-user",
        user_name="iam-user",
        engine="redis",
        access_string="on ~* +@all",
        authentication_mode=shapes.AuthenticationMode(type="iam"),
    )
    cache.create_cache_cluster(
        cache_cluster_id="cache-1", engine="redis", cache_node_type="cache.t3.micro"
    )
    cache.create_snapshot(snapshot_name="nightly", cache_cluster_id="cache-1")


def test_moto_user_and_snapshot_waiters(moto_url: str, sleeps: list[float]) -> None:
    cache = ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    _moto_resources(cache)

    cache.wait_until_user_active(user_id="iam-user", delay=1)
    cache.wait_until_snapshot_available(snapshot_name="nightly", delay=1)
    assert sleeps == []

    cache.delete_user(user_id="iam-user")
    cache.wait_until_user_deleted(user_id="iam-user", delay=2)  # "deleting", then not found
    cache.delete_snapshot(snapshot_name="nightly")
    cache.wait_until_snapshot_deleted(snapshot_name="nightly", delay=2)
    assert sleeps == [2]

    with pytest.raises(errors.UserNotFoundFault):
        cache.wait_until_user_active(user_id="iam-user", delay=1)


def test_moto_user_and_snapshot_waiters_async(moto_url: str, sleeps: list[float]) -> None:
    _moto_resources(ElastiCache.create(endpoint_url=moto_url, region_name=REGION))

    async def main() -> None:
        async with AsyncElastiCache.create(endpoint_url=moto_url, region_name=REGION) as cache:
            await cache.wait_until_user_active(user_id="iam-user", delay=1)
            await cache.wait_until_snapshot_available(snapshot_name="nightly", delay=1)
            await cache.delete_user(user_id="iam-user")
            await cache.wait_until_user_deleted(user_id="iam-user", delay=2)
            await cache.delete_snapshot(snapshot_name="nightly")
            await cache.wait_until_snapshot_deleted(snapshot_name="nightly", delay=2)

    asyncio.run(main())
    assert sleeps == [2]
