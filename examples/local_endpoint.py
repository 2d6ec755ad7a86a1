"""The typed ElastiCache SDK against an embedded local ElastiCache endpoint.

The endpoint is moto's server, started in this process on 127.0.0.1 (no AWS account, no
network). Run it with:

    python examples/local_endpoint.py

It creates a cache subnet group over a VPC subnet, a user, cache clusters and a snapshot, all
tagged at creation; walks the clusters with a paginator; waits with a waiter; reads the tags
back; and catches a service error by its class.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from elasticache_typed import ElastiCache, errors, shapes

REGION = "us-east-1"
# The local endpoint accepts any credentials; never put real ones in code.
ACCESS_KEY_ID = "testing"
SECRET_ACCESS_KEY = "testing"


def start_local_endpoint() -> tuple[ThreadedMotoServer, str]:
    """Start moto's server on a free port of 127.0.0.1; return it and its URL."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no log line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def create_vpc_subnet(endpoint_url: str) -> tuple[str, str]:
    """A tagged VPC and subnet on the local endpoint's EC2; return (vpc_id, subnet_id)."""
    # Plain boto3 here: its EC2 client is only typed with the mypy-boto3-ec2 stubs installed.
    ec2: Any = boto3.client(
        "ec2",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
    )
    team = [{"Key": "team", "Value": "cache"}]
    vpc = ec2.create_vpc(
        CidrBlock="10.0.0.0/16",
        TagSpecifications=[{"ResourceType": "vpc", "Tags": team}],
    )["Vpc"]
    subnet = ec2.create_subnet(
        VpcId=vpc["VpcId"],
        CidrBlock="10.0.1.0/24",
        AvailabilityZone=f"{REGION}a",
        TagSpecifications=[{"ResourceType": "subnet", "Tags": team}],
    )["Subnet"]
    return str(vpc["VpcId"]), str(subnet["SubnetId"])


def show_tags(cache: ElastiCache, what: str, arn: str | None) -> None:
    if arn is None:
        print(f"{what}: no ARN")
        return
    tags = cache.list_tags_for_resource(resource_name=arn).tag_list or []
    listed = ", ".join(f"{tag.key}={tag.value or ''}" for tag in tags)
    print(f"tags on {what}: {listed}")


def run(endpoint_url: str) -> None:
    cache = ElastiCache.create(
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
    )

    # A cache subnet group over a VPC subnet, tagged at creation.
    vpc_id, subnet_id = create_vpc_subnet(endpoint_url)
    print(f"vpc {vpc_id} with subnet {subnet_id}")
    group = cache.create_cache_subnet_group(
        cache_subnet_group_name="app-subnets",
        cache_subnet_group_description="Subnets for the app cache",
        subnet_ids=[subnet_id],
        tags={"env": "demo", "team": "cache"},
    ).cache_subnet_group
    assert group is not None
    subnets = group.subnets or []
    print(
        f"subnet group {group.cache_subnet_group_name} in {group.vpc_id}: {len(subnets)} subnet(s)"
    )
    for subnet in subnets:
        zone = subnet.subnet_availability_zone
        zone_name = zone.name if zone is not None and zone.name else "not reported"
        print(f"  subnet {subnet.subnet_identifier} (AZ: {zone_name})")
    show_tags(cache, "subnet group app-subnets", group.arn)

    # A user with a password; its repr never shows the password.
    mode = shapes.AuthenticationMode(type="password", passwords=[secrets.token_urlsafe(24)])
    user = cache.create_user(
        user_id="app-reader",
        user_name="app-reader",
        engine="redis",
        access_string="on ~app:* +@read",
        authentication_mode=mode,
        tags=[shapes.Tag(key="env", value="demo"), shapes.Tag(key="role", value="reader")],
    )
    auth = user.authentication
    auth_type = auth.type if auth is not None else "unknown"
    count = auth.password_count if auth is not None else 0
    print(f"user {user.user_id} ({user.engine}): authentication {auth_type}, {count} password(s)")
    print(f"  authentication mode as shown: {mode!r}")
    show_tags(cache, "user app-reader", user.arn)

    # Cache clusters, tagged at creation.
    clusters: list[shapes.CacheCluster] = []
    for index in range(1, 4):
        cluster = cache.create_cache_cluster(
            cache_cluster_id=f"cache-{index}",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_nodes=1,
            tags={"env": "demo", "tier": "web" if index < 3 else "batch"},
        ).cache_cluster
        assert cluster is not None
        clusters.append(cluster)
        print(
            f"cluster {cluster.cache_cluster_id}: {cluster.engine} {cluster.cache_node_type},"
            f" {cluster.cache_cluster_status}"
        )
    for cluster in clusters:
        show_tags(cache, f"cluster {cluster.cache_cluster_id}", cluster.arn)

    # A snapshot of a cluster, tagged at creation.
    snapshot = cache.create_snapshot(
        snapshot_name="cache-1-nightly",
        cache_cluster_id="cache-1",
        tags={"kind": "manual", "retain": None},
    ).snapshot
    assert snapshot is not None
    print(
        f"snapshot {snapshot.snapshot_name} of {snapshot.cache_cluster_id}:"
        f" {snapshot.snapshot_status} ({snapshot.snapshot_source})"
    )
    show_tags(cache, f"snapshot {snapshot.snapshot_name}", snapshot.arn)

    # A paginator: every cluster as a typed CacheCluster, two per request.
    listed = list(cache.paginate_describe_cache_clusters(page_size=2))
    names = ", ".join(c.cache_cluster_id or "?" for c in listed)
    print(f"paginator (page_size=2): {len(listed)} clusters: {names}")

    # A waiter.
    cache.wait_until_cache_cluster_available(cache_cluster_id="cache-2", delay=1, max_attempts=3)
    print("waiter: cache-2 is available")

    # A service error, caught by its class.
    try:
        cache.describe_cache_clusters(cache_cluster_id="no-such-cluster")
    except errors.CacheClusterNotFoundFault as exc:
        print(
            f"caught {type(exc).__name__} ({exc.code}, HTTP {exc.http_status_code}): {exc.message}"
        )

    # Or by its category: every "does not exist" error is a NotFoundError.
    try:
        cache.delete_snapshot(snapshot_name="no-such-snapshot")
    except errors.NotFoundError as exc:
        print(f"caught as NotFoundError: {type(exc).__name__} ({exc.code})")


def main() -> int:
    server, endpoint_url = start_local_endpoint()
    print(f"local ElastiCache endpoint at {endpoint_url}")
    try:
        run(endpoint_url)
    finally:
        server.stop()
        print("local endpoint stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
