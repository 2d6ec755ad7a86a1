"""End to end against moto's real HTTP server (see tests/conftest.py): the typed facade over
HTTP, both as `ElastiCache.create(...)` and as `ElastiCache(boto3.client(...))`.

Only operations moto 5.2.5 implements for ElastiCache are used: CreateUser, DeleteUser,
DescribeUsers, CreateCacheCluster, DescribeCacheClusters, DeleteCacheCluster,
CreateCacheSubnetGroup, DescribeCacheSubnetGroups, CreateReplicationGroup,
DescribeReplicationGroups, ModifyReplicationGroup, DeleteReplicationGroup, CreateSnapshot,
DescribeSnapshots, DeleteSnapshot, ListTagsForResource, AddTagsToResource,
RemoveTagsFromResource.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from elasticache_typed import ElastiCache, converter, errors, shapes

REGION = "us-east-1"
AZ = "us-east-1a"
SECRET = "correct-horse-battery-staple-42"


def _without_metadata(response: Any) -> dict[str, Any]:
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


@pytest.fixture
def raw(moto_url: str) -> Any:
    """A plain boto3 ElastiCache client on the moto endpoint (the reference)."""
    return boto3.client("elasticache", endpoint_url=moto_url, region_name=REGION)


@pytest.fixture(params=["create", "wrap"])
def ec(request: pytest.FixtureRequest, moto_url: str) -> ElastiCache:
    """The facade, built both ways the contract offers."""
    if request.param == "create":
        return ElastiCache.create(endpoint_url=moto_url, region_name=REGION)
    return ElastiCache(boto3.client("elasticache", endpoint_url=moto_url, region_name=REGION))


@pytest.fixture
def subnet(moto_url: str) -> dict[str, Any]:
    """A tagged moto EC2 subnet in a tagged VPC (plain boto3 ec2 client, same endpoint)."""
    ec2 = boto3.client("ec2", endpoint_url=moto_url, region_name=REGION)
    vpc = ec2.create_vpc(
        CidrBlock="10.0.0.0/16",
        TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "team", "Value": "cache"}]}],
    )["Vpc"]
    created: dict[str, Any] = ec2.create_subnet(
        VpcId=vpc["VpcId"],
        CidrBlock="10.0.1.0/24",
        AvailabilityZone=AZ,
        TagSpecifications=[{"ResourceType": "subnet", "Tags": [{"Key": "team", "Value": "cache"}]}],
    )["Subnet"]
    assert {"Key": "team", "Value": "cache"} in created["Tags"]
    return created


def _create_clusters(ec: ElastiCache, count: int) -> list[shapes.CacheCluster]:
    clusters: list[shapes.CacheCluster] = []
    for index in range(count):
        result = ec.create_cache_cluster(
            cache_cluster_id=f"cluster-{index}",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_nodes=1,
            tags={"env": "test", "index": str(index)},
        )
        assert isinstance(result, shapes.CreateCacheClusterResult)
        assert result.cache_cluster is not None
        clusters.append(result.cache_cluster)
    return clusters


def _count_calls(ec: ElastiCache, operation: str) -> list[str]:
    """Record every `operation` request the facade's client sends."""
    calls: list[str] = []

    def record(**_: Any) -> None:
        calls.append(operation)

    ec.client.meta.events.register(f"before-send.elasticache.{operation}", record)
    return calls


def test_cache_subnet_group_over_a_moto_vpc_subnet(
    ec: ElastiCache, raw: Any, subnet: dict[str, Any]
) -> None:
    result = ec.create_cache_subnet_group(
        cache_subnet_group_name="app-subnets",
        cache_subnet_group_description="subnets for the app cache",
        subnet_ids=[subnet["SubnetId"]],
        tags=[shapes.Tag(key="env", value="test"), shapes.Tag(key="owner", value="team-a")],
    )

    assert isinstance(result, shapes.CreateCacheSubnetGroupResult)
    group = result.cache_subnet_group
    assert isinstance(group, shapes.CacheSubnetGroup)
    assert group.cache_subnet_group_name == "app-subnets"
    assert group.cache_subnet_group_description == "subnets for the app cache"
    assert group.vpc_id == subnet["VpcId"]
    assert group.arn is not None and group.arn.endswith(":subnetgroup:app-subnets")
    assert group.subnets is not None and len(group.subnets) == 1
    member = group.subnets[0]
    assert isinstance(member, shapes.Subnet)
    assert member.subnet_identifier == subnet["SubnetId"]
    assert isinstance(member.subnet_availability_zone, shapes.AvailabilityZone)
    # moto 5.2.5 serialises the subnet's AZ string as an empty structure, so Name is absent.
    assert member.subnet_availability_zone.name in (None, AZ)

    described = ec.describe_cache_subnet_groups(cache_subnet_group_name="app-subnets")
    assert described.cache_subnet_groups == [group]
    reference = raw.describe_cache_subnet_groups(CacheSubnetGroupName="app-subnets")
    assert converter.unstructure(described) == _without_metadata(reference)

    tags = ec.list_tags_for_resource(resource_name=group.arn)
    assert isinstance(tags, shapes.TagListMessage)
    assert tags.tag_list == [
        shapes.Tag(key="env", value="test"),
        shapes.Tag(key="owner", value="team-a"),
    ]


def test_users_with_passwords_and_tags(
    ec: ElastiCache, raw: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="elasticache_typed")
    alice = ec.create_user(
        user_id="alice",
        user_name="alice",
        engine="redis",
        access_string="on ~app:* +@read",
        passwords=[SECRET],
        tags={"env": "test", "role": "reader"},
    )
    mode = shapes.AuthenticationMode(type="password", passwords=[SECRET, SECRET + "-2"])
    bob = ec.create_user(
        user_id="bob",
        user_name="bob",
        engine="valkey",
        access_string="on ~* +@all",
        authentication_mode=mode,
        tags=(shapes.Tag(key="env", value="test"),),
    )
    nobody = ec.create_user(
        user_id="nobody",
        user_name="nobody",
        engine="redis",
        access_string="off",
        no_password_required=True,
    )

    assert isinstance(alice, shapes.User)
    assert alice.user_id == "alice"
    assert alice.engine == "redis"
    assert alice.status == "active"
    assert alice.arn is not None and alice.arn.endswith(":user:alice")
    assert alice.authentication == shapes.Authentication(type="password", password_count=1)
    assert bob.authentication == shapes.Authentication(type="password", password_count=2)
    assert nobody.authentication is not None
    assert nobody.authentication.type == "no-password"

    for shown in (repr(alice), str(alice), repr(bob), repr(mode), str(mode), caplog.text):
        assert SECRET not in shown

    assert alice.arn is not None and bob.arn is not None
    alice_tags = ec.list_tags_for_resource(resource_name=alice.arn).tag_list
    assert alice_tags == [
        shapes.Tag(key="env", value="test"),
        shapes.Tag(key="role", value="reader"),
    ]
    bob_tags = ec.list_tags_for_resource(resource_name=bob.arn).tag_list
    assert bob_tags == [shapes.Tag(key="env", value="test")]

    listed = ec.describe_users()
    assert {user.user_id for user in listed.users or []} >= {"alice", "bob", "nobody"}
    assert converter.unstructure(listed) == _without_metadata(raw.describe_users())

    with pytest.raises(errors.InvalidParameterValueException) as caught:
        ec.create_user(
            user_id="short",
            user_name="short",
            engine="redis",
            access_string="on",
            passwords=["tiny-secret"],
        )
    assert "tiny-secret" not in str(caught.value) + repr(caught.value)
    with pytest.raises(errors.UserAlreadyExistsFault):
        ec.create_user(
            user_id="alice",
            user_name="alice",
            engine="redis",
            access_string="on",
            passwords=[SECRET],
        )


def test_snapshot_of_a_cluster_with_tags(ec: ElastiCache, raw: Any) -> None:
    (cluster,) = _create_clusters(ec, 1)

    result = ec.create_snapshot(
        snapshot_name="nightly",
        cache_cluster_id=cluster.cache_cluster_id,
        tags={"kind": "manual", "empty": None},
    )

    assert isinstance(result, shapes.CreateSnapshotResult)
    snapshot = result.snapshot
    assert isinstance(snapshot, shapes.Snapshot)
    assert snapshot.snapshot_name == "nightly"
    assert snapshot.cache_cluster_id == "cluster-0"
    assert snapshot.engine == "redis"
    assert snapshot.snapshot_source == "manual"
    assert snapshot.cache_cluster_create_time is not None
    assert snapshot.cache_cluster_create_time.utcoffset() is not None
    assert snapshot.arn is not None

    tags = ec.list_tags_for_resource(resource_name=snapshot.arn)
    assert tags.tag_list == [shapes.Tag(key="kind", value="manual"), shapes.Tag(key="empty")]

    described = ec.describe_snapshots(snapshot_name="nightly")
    assert described.snapshots == [snapshot]
    reference = raw.describe_snapshots(SnapshotName="nightly")
    assert converter.unstructure(described) == _without_metadata(reference)

    with pytest.raises(errors.SnapshotAlreadyExistsFault):
        ec.create_snapshot(snapshot_name="nightly", cache_cluster_id="cluster-0")
    with pytest.raises(errors.SnapshotNotFoundFault):
        ec.describe_snapshots(snapshot_name="missing")


def test_clusters_created_with_tags_keep_them(ec: ElastiCache) -> None:
    clusters = _create_clusters(ec, 3)

    for index, cluster in enumerate(clusters):
        assert isinstance(cluster, shapes.CacheCluster)
        assert cluster.cache_cluster_id == f"cluster-{index}"
        assert cluster.cache_cluster_status == "available"
        assert cluster.cache_cluster_create_time is not None
        assert cluster.cache_cluster_create_time.utcoffset() is not None
        assert cluster.arn is not None
        tags = ec.list_tags_for_resource(resource_name=cluster.arn)
        assert isinstance(tags, shapes.TagListMessage)
        assert tags.tag_list == [
            shapes.Tag(key="env", value="test"),
            shapes.Tag(key="index", value=str(index)),
        ]


def test_paginator_walks_every_page(ec: ElastiCache) -> None:
    created = _create_clusters(ec, 5)
    calls = _count_calls(ec, "DescribeCacheClusters")

    clusters = list(ec.paginate_describe_cache_clusters(page_size=2))

    assert len(calls) == 3  # 2 + 2 + 1
    assert all(isinstance(cluster, shapes.CacheCluster) for cluster in clusters)
    assert [c.cache_cluster_id for c in clusters] == [c.cache_cluster_id for c in created]
    assert clusters == ec.describe_cache_clusters().cache_clusters

    first_three = list(ec.paginate_describe_cache_clusters(page_size=2, max_items=3))
    assert [c.cache_cluster_id for c in first_three] == ["cluster-0", "cluster-1", "cluster-2"]


def test_paginator_is_lazy_and_maps_errors(ec: ElastiCache) -> None:
    calls = _count_calls(ec, "DescribeCacheClusters")
    pages: Iterator[shapes.CacheCluster] = ec.paginate_describe_cache_clusters(
        cache_cluster_id="missing"
    )
    assert calls == []
    with pytest.raises(errors.CacheClusterNotFoundFault):
        next(pages)


def test_waiter_returns_once_available(ec: ElastiCache) -> None:
    _create_clusters(ec, 1)
    calls = _count_calls(ec, "DescribeCacheClusters")

    ec.wait_until_cache_cluster_available(cache_cluster_id="cluster-0", delay=1, max_attempts=3)
    assert len(calls) == 1


def test_waiter_on_a_missing_cluster_raises_the_mapped_error(ec: ElastiCache) -> None:
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        ec.wait_until_cache_cluster_available(cache_cluster_id="missing", delay=1, max_attempts=3)
    assert caught.value.operation_name == "DescribeCacheClusters"


def test_not_found_is_mapped_to_its_class(ec: ElastiCache) -> None:
    with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
        ec.describe_cache_clusters(cache_cluster_id="missing")

    error = caught.value
    assert isinstance(error, errors.NotFoundError)
    assert isinstance(error, errors.ElastiCacheError)
    assert error.code == "CacheClusterNotFound"
    assert "missing" in error.message
    assert error.operation_name == "DescribeCacheClusters"
    assert isinstance(error.request_id, str) and error.request_id
    assert error.http_status_code == 404
    assert error.retryable is False
    assert error.solution is None
    assert isinstance(error.__cause__, ClientError)
    assert error.__cause__.response.get("ResponseMetadata", {}).get("RequestId") == error.request_id


ErrorCase = tuple[Callable[[ElastiCache], object], type[errors.ElastiCacheError]]

ERROR_CASES: dict[str, ErrorCase] = {
    "delete missing cluster": (
        lambda ec: ec.delete_cache_cluster(cache_cluster_id="missing"),
        errors.CacheClusterNotFoundFault,
    ),
    "describe missing subnet group": (
        lambda ec: ec.describe_cache_subnet_groups(cache_subnet_group_name="missing"),
        errors.CacheSubnetGroupNotFoundFault,
    ),
    "delete missing user": (
        lambda ec: ec.delete_user(user_id="missing"),
        errors.UserNotFoundFault,
    ),
    "delete missing snapshot": (
        lambda ec: ec.delete_snapshot(snapshot_name="missing"),
        errors.SnapshotNotFoundFault,
    ),
    "tags of a bad ARN": (
        lambda ec: ec.list_tags_for_resource(resource_name="not-an-arn"),
        errors.InvalidARNFault,
    ),
}


@pytest.mark.parametrize(("call", "expected"), ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_other_service_errors_are_mapped(
    ec: ElastiCache,
    call: Callable[[ElastiCache], object],
    expected: type[errors.ElastiCacheError],
) -> None:
    with pytest.raises(expected) as caught:
        call(ec)
    assert caught.value.code == getattr(expected, "error_code")  # noqa: B009
    assert caught.value.request_id


def test_already_exists_is_mapped(ec: ElastiCache) -> None:
    _create_clusters(ec, 1)
    with pytest.raises(errors.CacheClusterAlreadyExistsFault) as caught:
        _create_clusters(ec, 1)
    assert isinstance(caught.value, errors.AlreadyExistsError)
    assert caught.value.http_status_code == 400


def test_bad_tags_fail_before_anything_is_sent(ec: ElastiCache) -> None:
    calls = _count_calls(ec, "CreateCacheCluster")
    with pytest.raises(errors.ValidationError, match="aws:"):
        ec.create_cache_cluster(cache_cluster_id="tagged", tags={"aws:reserved": "x"})
    assert calls == []
    assert ec.describe_cache_clusters().cache_clusters == []


def test_typed_values_equal_plain_boto3(ec: ElastiCache, raw: Any, subnet: dict[str, Any]) -> None:
    clusters = _create_clusters(ec, 3)
    ec.create_cache_subnet_group(
        cache_subnet_group_name="sg",
        cache_subnet_group_description="d",
        subnet_ids=[subnet["SubnetId"]],
        tags={"env": "test"},
    )
    ec.create_user(
        user_id="carol",
        user_name="carol",
        engine="redis",
        access_string="on",
        passwords=[SECRET],
        tags={"env": "test"},
    )
    ec.create_snapshot(snapshot_name="snap", cache_cluster_id="cluster-1", tags={"env": "test"})

    pairs: list[tuple[object, Any]] = [
        (ec.describe_cache_clusters(), raw.describe_cache_clusters()),
        (
            ec.describe_cache_clusters(cache_cluster_id="cluster-2", show_cache_node_info=True),
            raw.describe_cache_clusters(CacheClusterId="cluster-2", ShowCacheNodeInfo=True),
        ),
        (ec.describe_cache_clusters(max_records=2), raw.describe_cache_clusters(MaxRecords=2)),
        (ec.describe_cache_subnet_groups(), raw.describe_cache_subnet_groups()),
        (ec.describe_users(), raw.describe_users()),
        (ec.describe_snapshots(), raw.describe_snapshots()),
        (
            ec.list_tags_for_resource(resource_name=clusters[0].arn or ""),
            raw.list_tags_for_resource(ResourceName=clusters[0].arn),
        ),
    ]
    for typed, reference in pairs:
        assert converter.unstructure(typed) == _without_metadata(reference)
        assert converter.structure(_without_metadata(reference), type(typed)) == typed

    page = ec.describe_cache_clusters(max_records=2)
    assert page.marker is not None
    assert len(page.cache_clusters or []) == 2


def test_tags_added_later_and_removed(ec: ElastiCache) -> None:
    (cluster,) = _create_clusters(ec, 1)
    assert cluster.arn is not None

    added = ec.add_tags_to_resource(resource_name=cluster.arn, tags={"extra": "yes"})
    assert isinstance(added, shapes.TagListMessage)
    removed = ec.remove_tags_from_resource(resource_name=cluster.arn, tag_keys=("index",))
    assert isinstance(removed, shapes.TagListMessage)

    tags = ec.list_tags_for_resource(resource_name=cluster.arn).tag_list or []
    assert {tag.key: tag.value for tag in tags} == {"env": "test", "extra": "yes"}
