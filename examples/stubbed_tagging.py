"""Tagging on create for the operations moto's server does not implement, through the
typed Stubber (elasticache_typed.testing.Stubber).

CopySnapshot, CreateCacheParameterGroup, CreateCacheSecurityGroup, CreateUserGroup and
PurchaseReservedCacheNodesOffering take tags since the 2021-04-07 release. Here each call is
answered by the stubber, which checks the request the facade sends (tags included) and
passes the typed answer through botocore's validation of the response shape. Run it with:

    python examples/stubbed_tagging.py
"""

from __future__ import annotations

from datetime import UTC, datetime

import boto3
from mypy_boto3_elasticache import ElastiCacheClient

from elasticache_typed import ElastiCache, errors, shapes
from elasticache_typed.testing import Stubber

TAGS = {"team": "payments", "env": "test"}


def make_cache() -> ElastiCache:
    # The stubber answers every call, so these dummy credentials are never used.
    client: ElastiCacheClient = boto3.client(
        "elasticache",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    return ElastiCache(client)


def copy_snapshot(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.CopySnapshotResult(
        snapshot=shapes.Snapshot(
            snapshot_name="nightly-copy",
            snapshot_status="creating",
            node_snapshots=[
                shapes.NodeSnapshot(
                    cache_node_id="0001",
                    snapshot_create_time=datetime(2026, 11, 25, 3, 0, tzinfo=UTC),
                    node_group_configuration=shapes.NodeGroupConfiguration(replica_count=1),
                )
            ],
        )
    )
    stub.on(cache.copy_snapshot).respond(
        answer,
        source_snapshot_name="nightly",
        target_snapshot_name="nightly-copy",
        tags=TAGS,
    )
    snapshot = cache.copy_snapshot(
        source_snapshot_name="nightly", target_snapshot_name="nightly-copy", tags=TAGS
    ).snapshot
    assert snapshot is not None and snapshot.node_snapshots
    node = snapshot.node_snapshots[0]
    print(
        f"copied snapshot {snapshot.snapshot_name}: {snapshot.snapshot_status},"
        f" node {node.cache_node_id}"
    )


def create_parameter_group(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.CreateCacheParameterGroupResult(
        cache_parameter_group=shapes.CacheParameterGroup(
            cache_parameter_group_name="sessions-params",
            cache_parameter_group_family="valkey8",
            description="session store",
        )
    )
    stub.on(cache.create_cache_parameter_group).respond(
        answer,
        cache_parameter_group_name="sessions-params",
        cache_parameter_group_family="valkey8",
        description="session store",
        tags=TAGS,
    )
    group = cache.create_cache_parameter_group(
        cache_parameter_group_name="sessions-params",
        cache_parameter_group_family="valkey8",
        description="session store",
        tags=TAGS,
    ).cache_parameter_group
    assert group is not None
    print(
        f"parameter group {group.cache_parameter_group_name} ({group.cache_parameter_group_family})"
    )


def create_security_group(cache: ElastiCache, stub: Stubber) -> None:
    # The expected request can also be written as the operation's input shape.
    request = shapes.CreateCacheSecurityGroupMessage(
        cache_security_group_name="legacy-sg",
        description="EC2-Classic access",
        tags=[shapes.Tag(key=key, value=value) for key, value in TAGS.items()],
    )
    answer = shapes.CreateCacheSecurityGroupResult(
        cache_security_group=shapes.CacheSecurityGroup(
            cache_security_group_name="legacy-sg", owner_id="123456789012"
        )
    )
    stub.add_response_for_request(request, answer)
    group = cache.create_cache_security_group(
        cache_security_group_name="legacy-sg", description="EC2-Classic access", tags=TAGS
    ).cache_security_group
    assert group is not None
    print(f"security group {group.cache_security_group_name} owned by {group.owner_id}")


def create_user_group(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.UserGroup(
        user_group_id="app-users", status="creating", engine="valkey", user_ids=["default"]
    )
    stub.on(cache.create_user_group).respond(
        answer,
        user_group_id="app-users",
        engine="valkey",
        user_ids=["default"],
        tags=TAGS,
    )
    group = cache.create_user_group(
        user_group_id="app-users", engine="valkey", user_ids=["default"], tags=TAGS
    )
    print(f"user group {group.user_group_id}: {group.status}, users {group.user_ids}")


def purchase_reserved_nodes(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.PurchaseReservedCacheNodesOfferingResult(
        reserved_cache_node=shapes.ReservedCacheNode(
            reserved_cache_node_id="sessions-reserved",
            cache_node_type="cache.r7g.large",
            fixed_price=1234.5,
            recurring_charges=[
                shapes.RecurringCharge(
                    recurring_charge_amount=0.1, recurring_charge_frequency="Hourly"
                )
            ],
        )
    )
    stub.on(cache.purchase_reserved_cache_nodes_offering).respond(
        answer,
        reserved_cache_nodes_offering_id="offering-1",
        reserved_cache_node_id="sessions-reserved",
        tags=TAGS,
    )
    node = cache.purchase_reserved_cache_nodes_offering(
        reserved_cache_nodes_offering_id="offering-1",
        reserved_cache_node_id="sessions-reserved",
        tags=TAGS,
    ).reserved_cache_node
    assert node is not None and node.recurring_charges
    charge = node.recurring_charges[0]
    print(
        f"reserved node {node.reserved_cache_node_id}: fixed {node.fixed_price},"
        f" {charge.recurring_charge_amount} {charge.recurring_charge_frequency}"
    )


def snapshot_not_found(cache: ElastiCache, stub: Stubber) -> None:
    stub.on(cache.copy_snapshot).fail(
        errors.SnapshotNotFoundFault,
        "Snapshot missing not found.",
        source_snapshot_name="missing",
        target_snapshot_name="copy",
    )
    try:
        cache.copy_snapshot(source_snapshot_name="missing", target_snapshot_name="copy")
    except errors.NotFoundError as exc:
        print(f"caught {type(exc).__name__} ({exc.code}, HTTP {exc.http_status_code})")


def main() -> None:
    cache = make_cache()
    with Stubber(cache) as stub:
        copy_snapshot(cache, stub)
        create_parameter_group(cache, stub)
        create_security_group(cache, stub)
        create_user_group(cache, stub)
        purchase_reserved_nodes(cache, stub)
        snapshot_not_found(cache, stub)
        stub.assert_no_pending_responses()
    print("every stubbed call matched its expected request")


if __name__ == "__main__":
    main()
