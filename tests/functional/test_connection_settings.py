"""`connection_settings` on typed shapes read from realistic answers.

The answers start from the example responses of AWS's API reference that botocore ships
(`examples-1.json`), completed with the members a current answer carries (configuration and
reader endpoints, cluster mode, in-transit encryption), and go through the fake endpoint and
botocore's parser to the facade's typed shapes. Serverless caches have no shipped example; theirs
follow the user guide (one DNS name, port 6379 for the endpoint, 6380 for the reader endpoint).
moto's server adds replication groups it makes itself.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import pytest
from botocore.session import get_session

from elasticache_typed import ConnectionSettings, ElastiCache, connection_settings, errors, shapes

_EXAMPLES = (
    get_session()
    .get_component("data_loader")
    .load_service_model("elasticache", "examples-1")["examples"]
)


def example(operation: str, index: int = 0) -> dict[str, Any]:
    """A deep copy of the output of one of AWS's example responses."""
    return copy.deepcopy(_EXAMPLES[operation][index]["output"])


def described_group(wire: Any, answer: dict[str, Any]) -> shapes.ReplicationGroup:
    client, endpoint = wire
    endpoint.add_result("DescribeReplicationGroups", answer)
    (group,) = ElastiCache(client).describe_replication_groups().replication_groups or []
    return group


def described_cluster(wire: Any, answer: dict[str, Any]) -> shapes.CacheCluster:
    client, endpoint = wire
    endpoint.add_result("DescribeCacheClusters", answer)
    (cluster,) = ElastiCache(client).describe_cache_clusters().cache_clusters or []
    return cluster


def described_serverless(wire: Any, answer: dict[str, Any]) -> shapes.ServerlessCache:
    client, endpoint = wire
    endpoint.add_result("DescribeServerlessCaches", answer)
    (cache,) = ElastiCache(client).describe_serverless_caches().serverless_caches or []
    return cache


# -- replication groups ------------------------------------------------------------------------


def _group_without_cluster_mode(tls: bool) -> dict[str, Any]:
    answer = {"ReplicationGroups": [example("ModifyReplicationGroup")["ReplicationGroup"]]}
    group = answer["ReplicationGroups"][0]
    primary = group["NodeGroups"][0]["PrimaryEndpoint"]
    group["NodeGroups"][0]["ReaderEndpoint"] = {
        "Address": primary["Address"].replace("my-redis-rg.", "my-redis-rg-ro."),
        "Port": primary["Port"],
    }
    group.update(ClusterEnabled=False, ClusterMode="disabled", TransitEncryptionEnabled=tls)
    group["Engine"] = "Valkey"
    return answer


@pytest.mark.parametrize("tls", [True, False])
def test_group_without_cluster_mode_gives_primary_and_reader(tls: bool, wire: Any) -> None:
    answer = _group_without_cluster_mode(tls)
    node_group = answer["ReplicationGroups"][0]["NodeGroups"][0]

    settings = connection_settings(described_group(wire, answer))

    primary, reader = node_group["PrimaryEndpoint"], node_group["ReaderEndpoint"]
    scheme = "rediss" if tls else "redis"
    assert settings == ConnectionSettings(
        host=primary["Address"],
        port=primary["Port"],
        tls=tls,
        cluster_mode=False,
        url=f"{scheme}://{primary['Address']}:{primary['Port']}",
        reader_host=reader["Address"],
        reader_port=reader["Port"],
        cache_name=answer["ReplicationGroups"][0]["ReplicationGroupId"],
        serverless=False,
        engine="valkey",  # described as "Valkey"
    )


@pytest.mark.parametrize("tls", [True, False])
def test_group_in_cluster_mode_gives_its_configuration_endpoint(tls: bool, wire: Any) -> None:
    answer = example("DescribeReplicationGroups")
    group = answer["ReplicationGroups"][0]  # "clustered-redis", two shards
    configuration: dict[str, Any] = {
        "Address": "clustered-redis.abcdef.clustercfg.use1.cache.amazonaws.com",
        "Port": 6379,
    }
    group.update(
        ConfigurationEndpoint=configuration,
        ClusterEnabled=True,
        ClusterMode="enabled",
        TransitEncryptionEnabled=tls,
    )

    settings = connection_settings(described_group(wire, answer))

    assert (settings.host, settings.port) == (configuration["Address"], configuration["Port"])
    assert settings.cluster_mode is True
    assert settings.tls is tls
    assert (settings.reader_host, settings.reader_port) == (None, None)
    assert settings.url.startswith("rediss://" if tls else "redis://")


def test_a_cluster_mode_group_with_only_its_configuration_endpoint_has_one(wire: Any) -> None:
    answer = example("DescribeReplicationGroups")
    group = answer["ReplicationGroups"][0]
    for node_group in group.get("NodeGroups", []):
        node_group.pop("PrimaryEndpoint", None)
        node_group.pop("ReaderEndpoint", None)
    group.pop("ClusterEnabled", None)
    address = "clustered-redis.abcdef.clustercfg.use1.cache.amazonaws.com"
    group.update(ConfigurationEndpoint={"Address": address, "Port": 6379}, ClusterMode="enabled")

    settings = connection_settings(described_group(wire, answer))

    assert (settings.host, settings.cluster_mode) == (address, True)
    assert settings.cache_name == group["ReplicationGroupId"]


def test_a_cluster_described_with_its_nodes_is_not_told_to_describe_them(wire: Any) -> None:
    answer = _single_node_redis(with_nodes=True)
    del answer["CacheClusters"][0]["CacheNodes"][0]["Endpoint"]  # a node still being made
    with pytest.raises(errors.ValidationError) as raised:
        connection_settings(described_cluster(wire, answer))
    assert "no endpoint yet" in str(raised.value)
    assert "show_cache_node_info" not in str(raised.value)


@pytest.mark.parametrize("index", [0, 1])
def test_a_group_still_being_created_has_no_endpoint_yet(index: int, wire: Any) -> None:
    created = example("CreateReplicationGroup", index)["ReplicationGroup"]
    assert created["Status"] == "creating"
    group = described_group(wire, {"ReplicationGroups": [created]})

    with pytest.raises(errors.ValidationError) as caught:
        connection_settings(group)

    message = caught.value.message
    assert "has no endpoint yet" in message
    assert created["ReplicationGroupId"] in message
    assert "creating" in message
    assert "wait_until_replication_group_available" in message


def test_a_cluster_mode_group_without_its_configuration_endpoint_has_none_yet(
    wire: Any,
) -> None:
    answer = _group_without_cluster_mode(tls=True)
    answer["ReplicationGroups"][0].update(ClusterEnabled=True, Status="creating")
    with pytest.raises(errors.ValidationError, match="no endpoint yet"):
        connection_settings(described_group(wire, answer))


# -- cache clusters ----------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize("tls", [None, True])
def test_memcached_cluster_gives_its_configuration_endpoint(
    index: int, tls: bool | None, wire: Any
) -> None:
    answer = example("DescribeCacheClusters", index)
    cluster = answer["CacheClusters"][0]
    if tls is not None:
        cluster["TransitEncryptionEnabled"] = tls
    endpoint = cluster["ConfigurationEndpoint"]

    settings = connection_settings(described_cluster(wire, answer))

    assert (settings.host, settings.port) == (endpoint["Address"], endpoint["Port"])
    assert settings.tls is bool(tls)
    assert settings.cluster_mode is False
    assert settings.url == f"memcached://{endpoint['Address']}:{endpoint['Port']}"
    assert settings.reader_host is None


def _single_node_redis(with_nodes: bool) -> dict[str, Any]:
    cluster = example("ModifyCacheCluster")["CacheCluster"]  # "redis-cluster", available
    if with_nodes:  # as DescribeCacheClusters(ShowCacheNodeInfo=True) answers
        node = example("DescribeCacheClusters", 1)["CacheClusters"][0]["CacheNodes"][0]
        address = "redis-cluster.abcdef.0001.use1.cache.amazonaws.com"
        node["Endpoint"] = {"Address": address, "Port": 6379}
        cluster["CacheNodes"] = [node]
    cluster["TransitEncryptionEnabled"] = True
    return {"CacheClusters": [cluster]}


def test_single_node_redis_cluster_gives_its_node_endpoint(wire: Any) -> None:
    answer = _single_node_redis(with_nodes=True)
    node_endpoint = answer["CacheClusters"][0]["CacheNodes"][0]["Endpoint"]

    settings = connection_settings(described_cluster(wire, answer))

    assert settings == ConnectionSettings(
        host=node_endpoint["Address"],
        port=node_endpoint["Port"],
        tls=True,
        cluster_mode=False,
        url=f"rediss://{node_endpoint['Address']}:{node_endpoint['Port']}",
        cache_name="redis-cluster",
        serverless=False,
        engine="redis",
    )


def test_single_node_redis_described_without_nodes_says_how_to_describe_it(wire: Any) -> None:
    cluster = described_cluster(wire, _single_node_redis(with_nodes=False))
    with pytest.raises(errors.ValidationError, match="show_cache_node_info=True"):
        connection_settings(cluster)


def test_a_cluster_still_being_created_has_no_endpoint_yet(wire: Any) -> None:
    created = example("CreateCacheCluster", 1)["CacheCluster"]  # "my-redis", creating
    cluster = described_cluster(wire, {"CacheClusters": [created]})
    with pytest.raises(errors.ValidationError) as caught:
        connection_settings(cluster)
    assert "'my-redis' has no endpoint yet (status: creating)" in caught.value.message
    assert "wait_until_cache_cluster_available" in caught.value.message


def test_a_node_of_a_replication_group_points_to_the_group(wire: Any) -> None:
    answer = _single_node_redis(with_nodes=True)
    answer["CacheClusters"][0]["ReplicationGroupId"] = "my-redis-rg"
    with pytest.raises(errors.ValidationError, match="replication group 'my-redis-rg'"):
        connection_settings(described_cluster(wire, answer))


# -- serverless caches -------------------------------------------------------------------------


def _serverless(engine: str, status: str = "available") -> dict[str, Any]:
    address = "sessions-1a2b3c.serverless.use1.cache.amazonaws.com"
    cache: dict[str, Any] = {
        "ServerlessCacheName": "sessions",
        "Status": status,
        "Engine": engine,
        "MajorEngineVersion": "8" if engine == "valkey" else "1.6",
        "ARN": "arn:aws:elasticache:us-east-1:123456789012:serverlesscache:sessions",
    }
    if status == "available":
        cache["Endpoint"] = {"Address": address, "Port": 6379}
        cache["ReaderEndpoint"] = {"Address": address, "Port": 6380}
    return {"ServerlessCaches": [cache]}


def test_serverless_valkey_gives_both_endpoints_over_tls(wire: Any) -> None:
    answer = _serverless("valkey")
    cache = answer["ServerlessCaches"][0]

    settings = connection_settings(described_serverless(wire, answer))

    assert settings == ConnectionSettings(
        host=cache["Endpoint"]["Address"],
        port=cache["Endpoint"]["Port"],
        tls=True,
        cluster_mode=True,
        url=f"rediss://{cache['Endpoint']['Address']}:6379",
        reader_host=cache["ReaderEndpoint"]["Address"],
        reader_port=cache["ReaderEndpoint"]["Port"],
        cache_name="sessions",
        serverless=True,
        engine="valkey",
    )


def test_serverless_memcached_is_not_cluster_mode(wire: Any) -> None:
    settings = connection_settings(described_serverless(wire, _serverless("memcached")))
    assert settings.cluster_mode is False
    assert settings.tls is True
    assert settings.url.startswith("memcached://")


def test_a_serverless_cache_still_being_created_has_no_endpoint_yet(wire: Any) -> None:
    cache = described_serverless(wire, _serverless("valkey", status="creating"))
    with pytest.raises(errors.ValidationError) as caught:
        connection_settings(cache)
    assert "serverless cache 'sessions' has no endpoint yet" in caught.value.message
    assert "wait_until_serverless_cache_available" in caught.value.message


# -- anything else, and the settings object ----------------------------------------------------


@pytest.mark.parametrize(
    "wrong",
    [{"ReplicationGroupId": "x"}, "my-redis-rg", None, shapes.Endpoint(address="h", port=1)],
    ids=["dict", "str", "None", "Endpoint"],
)
def test_anything_else_is_a_validation_error_naming_the_parameter(wrong: Any) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        connection_settings(wrong)
    assert caught.value.message.startswith("resource: expected a shapes.ReplicationGroup")
    assert type(wrong).__name__ in caught.value.message


def test_settings_are_frozen_plain_data(wire: Any) -> None:
    settings = connection_settings(described_group(wire, _group_without_cluster_mode(tls=True)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        settings.host = "elsewhere"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert copy.deepcopy(settings) == settings
    assert [f.name for f in attrs.fields(ConnectionSettings)] == [
        "host",
        "port",
        "tls",
        "cluster_mode",
        "reader_host",
        "reader_port",
        "url",
        "cache_name",
        "serverless",
        "engine",
    ]


def test_replication_groups_made_by_moto(moto_url: str) -> None:
    cache = ElastiCache.create(endpoint_url=moto_url, region_name="us-east-1")
    plain = cache.create_replication_group(
        replication_group_id="plain",
        replication_group_description="no cluster mode",
        transit_encryption_enabled=True,
        num_cache_clusters=2,
    ).replication_group
    sharded = cache.create_replication_group(
        replication_group_id="sharded",
        replication_group_description="cluster mode",
        cluster_mode="enabled",
        num_node_groups=2,
    ).replication_group
    assert plain is not None and sharded is not None

    plain_settings = connection_settings(plain)
    assert plain.node_groups and plain.node_groups[0].primary_endpoint
    assert plain_settings.host == plain.node_groups[0].primary_endpoint.address
    assert plain_settings.tls is True
    assert plain_settings.cluster_mode is False

    sharded_settings = connection_settings(sharded)
    assert sharded.configuration_endpoint is not None
    assert sharded_settings.host == sharded.configuration_endpoint.address
    assert sharded_settings.cluster_mode is True
    assert sharded_settings.url == (
        f"redis://{sharded.configuration_endpoint.address}:{sharded.configuration_endpoint.port}"
    )


def test_reading_the_settings_sends_nothing(wire: Any) -> None:
    """The settings are read from the answer; reading them sends nothing more."""
    _, endpoint = wire
    connection_settings(described_group(wire, _group_without_cluster_mode(tls=False)))
    assert [r.action for r in endpoint.requests] == ["DescribeReplicationGroups"]


def test_the_node_advice_only_when_nodes_were_not_asked_for(wire: Any) -> None:
    """A cluster the facade described with show_cache_node_info=True, in an answer without
    nodes (as moto's), is not told to ask for them; one described without, or built by hand,
    is (issue 20)."""
    client, endpoint = wire
    cache = ElastiCache(client)
    answer = _single_node_redis(with_nodes=False)
    endpoint.add_result("DescribeCacheClusters", answer)
    asked = cache.describe_cache_clusters(show_cache_node_info=True).cache_clusters or []
    endpoint.add_result("DescribeCacheClusters", answer)
    (paged,) = cache.paginate_describe_cache_clusters(show_cache_node_info=True)
    endpoint.add_result("DescribeCacheClusters", answer)
    not_asked = cache.describe_cache_clusters(show_cache_node_info=False).cache_clusters or []
    assert [r.params.get("ShowCacheNodeInfo") for r in endpoint.requests] == ["true"] * 2 + [
        "false"
    ]

    for cluster in (*asked, paged):
        with pytest.raises(errors.ValidationError) as raised:
            connection_settings(cluster)
        assert "the endpoint answering does not report cache nodes" in str(raised.value)
        assert "describe it with" not in str(raised.value)
    by_hand = attrs.evolve(asked[0])  # equal, but not what the facade described
    for cluster in (*not_asked, by_hand):
        with pytest.raises(errors.ValidationError, match="describe it with show_cache_node_info"):
            connection_settings(cluster)


def test_remembering_the_described_clusters_keeps_none_alive(wire: Any) -> None:
    """The facade notes the clusters described with their nodes weakly: once dropped, gone."""
    import gc
    import weakref

    from elasticache_typed._connect import described_nodes

    client, endpoint = wire
    endpoint.add_result("DescribeCacheClusters", _single_node_redis(with_nodes=True))
    (cluster,) = (
        ElastiCache(client).describe_cache_clusters(show_cache_node_info=True).cache_clusters or []
    )
    assert described_nodes.described_with_nodes(cluster)
    key, alive = id(cluster), weakref.ref(cluster)
    del cluster
    gc.collect()
    assert alive() is None
    # What is left of it is a dead reference, dropped by the table's next sweep.
    known = described_nodes._described.get(key)  # pyright: ignore[reportPrivateUsage]
    assert known is None or known() is None
