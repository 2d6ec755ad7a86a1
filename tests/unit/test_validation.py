"""Bad input fails before anything is sent, with a ValidationError that names the parameter.

The facade wraps a real boto3 client whose sending is blocked: a `before-send` handler records
any request and fails the test. Calls that pass validation are answered by botocore's Stubber,
which also checks the exact parameters boto3 was given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.session
import pytest
from botocore import xform_name
from botocore.stub import Stubber

from elasticache_typed import ElastiCache, converter, errors, shapes

from . import strategies

LOGGER = "elasticache_typed"
TOKEN_NUMBER = 12345678901234567
TOKEN = "tok-3141592653589793238-secret"
PASSWORD = "correct-horse-battery-staple-42"


class SendBlocked(BaseException):
    """Raised by the before-send handler: nothing may reach the network in these tests."""


SENT: list[Any] = []
"""Every request that reached the (blocked) send step; must stay empty."""


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One client for the module (making clients is slow); Stubber and checks are per test."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_CONFIG_FILE", "/nonexistent/aws-config")
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
        env.setenv("AWS_EC2_METADATA_DISABLED", "true")
        for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
            env.delenv(name, raising=False)
        session = boto3.Session(
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )
        client = session.client("elasticache")

    def block(request: Any, **_: Any) -> None:
        SENT.append(request)
        raise SendBlocked(f"a request was sent to {request.url}")

    client.meta.events.register("before-send.elasticache", block)
    yield client


@pytest.fixture(autouse=True)
def nothing_is_sent() -> Iterator[None]:
    SENT.clear()
    yield
    assert SENT == [], "a request was sent"


@pytest.fixture
def facade(client: Any) -> ElastiCache:
    return ElastiCache(client)


@pytest.fixture
def stubber(client: Any) -> Iterator[Stubber]:
    with Stubber(client) as stub:
        yield stub
        stub.assert_no_pending_responses()


def validation_error(call: Any, **kwargs: Any) -> errors.ValidationError:
    with pytest.raises(errors.ValidationError) as info:
        call(**kwargs)
    return info.value


def test_the_send_guard_works(facade: ElastiCache) -> None:
    # A valid call with no Stubber reaches the send step, where the guard stops it.
    with pytest.raises(SendBlocked):
        facade.describe_cache_clusters(cache_cluster_id="c")
    assert len(SENT) == 1
    SENT.clear()


# --- the error itself -------------------------------------------------------------------------


def test_validation_error_attributes(facade: ElastiCache) -> None:
    exc = validation_error(facade.create_cache_cluster, cache_cluster_id="c", num_cache_nodes="3")
    assert isinstance(exc, ValueError)
    assert isinstance(exc, errors.ElastiCacheError)
    assert exc.code == "ValidationError"
    assert exc.request_id is None
    assert exc.http_status_code is None
    assert exc.operation_name is None
    assert exc.solution is None
    assert exc.retryable is False
    assert "num_cache_nodes" in exc.message
    assert "num_cache_nodes" in str(exc)


# --- wrong types ------------------------------------------------------------------------------

WRONG_TYPES = [
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "num_cache_nodes": "three"},
        "num_cache_nodes",
        id="str-for-int",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "num_cache_nodes": True},
        "num_cache_nodes",
        id="bool-for-int",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "port": 6379.0},
        "port",
        id="float-for-int",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "auto_minor_version_upgrade": 1},
        "auto_minor_version_upgrade",
        id="int-for-bool",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": 42},
        "cache_cluster_id",
        id="int-for-str",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "cache_security_group_names": "sg-1"},
        "cache_security_group_names",
        id="str-for-list",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "cache_security_group_names": ["a", 2]},
        "cache_security_group_names[1]",
        id="list-item",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "tags": [("k", "v")]},
        "tags[0]",
        id="tuple-for-tag",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "tags": "k=v"},
        "tags",
        id="str-for-tags",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "tags": {1: "v"}},
        "tags",
        id="int-tag-key",
    ),
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "tags": {"k": 1}},
        "tags",
        id="int-tag-value",
    ),
    pytest.param(
        "create_replication_group",
        {
            "replication_group_id": "r",
            "replication_group_description": "d",
            "node_group_configuration": [{"Slots": "0-5", "ReplicaCount": 1}],
        },
        "node_group_configuration[0]",
        id="dict-for-shape",
    ),
    pytest.param(
        "create_replication_group",
        {
            "replication_group_id": "r",
            "replication_group_description": "d",
            "node_group_configuration": [
                shapes.NodeGroupConfiguration(slots="0-5"),
                shapes.NodeGroupConfiguration(replica_count="2"),  # type: ignore[arg-type]
            ],
        },
        "node_group_configuration[1].replica_count",
        id="nested-member",
    ),
    pytest.param(
        "create_replication_group",
        {
            "replication_group_id": "r",
            "replication_group_description": "d",
            "node_group_configuration": [shapes.Tag(key="k")],
        },
        "node_group_configuration[0]",
        id="other-shape-for-shape",
    ),
    pytest.param(
        "create_replication_group",
        {
            "replication_group_id": "r",
            "replication_group_description": "d",
            "log_delivery_configurations": [
                shapes.LogDeliveryConfigurationRequest(
                    destination_details=shapes.DestinationDetails(
                        cloud_watch_logs_details=shapes.CloudWatchLogsDestinationDetails(
                            log_group=5  # type: ignore[arg-type]
                        )
                    )
                )
            ],
        },
        "log_delivery_configurations[0].destination_details.cloud_watch_logs_details.log_group",
        id="deeply-nested-member",
    ),
    pytest.param(
        "modify_replication_group_shard_configuration",
        {
            "replication_group_id": "r",
            "node_group_count": 2,
            "apply_immediately": True,
            "resharding_configuration": [
                shapes.ReshardingConfiguration(preferred_availability_zones=[5])  # type: ignore[list-item]
            ],
        },
        "resharding_configuration[0].preferred_availability_zones[0]",
        id="nested-list-item",
    ),
    pytest.param(
        "describe_events",
        {"start_time": "2024-01-01T00:00:00Z"},
        "start_time",
        id="str-for-timestamp",
    ),
    pytest.param(
        "create_user",
        {
            "user_id": "u",
            "user_name": "u",
            "engine": "redis",
            "access_string": "on",
            "authentication_mode": {"Type": "password"},
        },
        "authentication_mode",
        id="dict-for-structure-param",
    ),
]


@pytest.mark.parametrize(("method", "kwargs", "path"), WRONG_TYPES)
def test_wrong_type_raises_validation_error_naming_the_parameter(
    facade: ElastiCache, method: str, kwargs: dict[str, Any], path: str
) -> None:
    exc = validation_error(getattr(facade, method), **kwargs)
    assert path in str(exc)
    assert path in exc.message


def valid_kwargs(operation: str) -> dict[str, Any]:
    """Facade keyword arguments with every member of the operation's input set validly."""
    input_shape = strategies.service_model().operation_model(operation).input_shape
    assert input_shape is not None
    obj = converter.structure(
        strategies.example_dict(input_shape.name), getattr(shapes, input_shape.name)
    )
    return {xform_name(member): getattr(obj, xform_name(member)) for member in input_shape.members}


OPERATIONS_WITH_INPUT = [
    name
    for name in sorted(strategies.service_model().operation_names)
    if strategies.service_model().operation_model(name).input_shape is not None
    and strategies.service_model().operation_model(name).input_shape.members
]
OPERATIONS_WITH_REQUIRED = [
    name
    for name in OPERATIONS_WITH_INPUT
    if strategies.service_model().operation_model(name).input_shape.required_members
]


def test_every_operation_has_a_method(facade: ElastiCache) -> None:
    for name in strategies.service_model().operation_names:
        assert callable(getattr(facade, xform_name(name)))


@pytest.mark.parametrize("operation", OPERATIONS_WITH_INPUT)
def test_every_parameter_is_type_checked(facade: ElastiCache, operation: str) -> None:
    input_shape = strategies.service_model().operation_model(operation).input_shape
    kwargs = valid_kwargs(operation)
    required = {
        xform_name(member): kwargs[xform_name(member)] for member in input_shape.required_members
    }
    method = getattr(facade, xform_name(operation))
    for member in input_shape.members:
        name = xform_name(member)
        exc = validation_error(method, **{**required, name: object()})
        assert exc.message.startswith(name), (operation, name, exc.message)


@pytest.mark.parametrize("operation", OPERATIONS_WITH_REQUIRED)
def test_missing_required_argument_is_a_type_error(facade: ElastiCache, operation: str) -> None:
    input_shape = strategies.service_model().operation_model(operation).input_shape
    kwargs = valid_kwargs(operation)
    required = [xform_name(member) for member in input_shape.required_members]
    method = getattr(facade, xform_name(operation))
    for missing in required:
        with pytest.raises(TypeError, match=missing) as info:
            method(**{key: kwargs[key] for key in required if key != missing})
        assert not isinstance(info.value, errors.ElastiCacheError)


@pytest.mark.parametrize("operation", OPERATIONS_WITH_REQUIRED)
def test_none_for_a_required_argument_is_a_type_error_naming_it(
    facade: ElastiCache, operation: str
) -> None:
    input_shape = strategies.service_model().operation_model(operation).input_shape
    kwargs = valid_kwargs(operation)
    required = [xform_name(member) for member in input_shape.required_members]
    method = getattr(facade, xform_name(operation))
    for nothing in required:
        arguments = {key: kwargs[key] for key in required}
        with pytest.raises(TypeError) as info:
            method(**{**arguments, nothing: None})
        assert not isinstance(info.value, errors.ElastiCacheError)
        assert str(info.value) == (
            f"{xform_name(operation)}() argument {nothing!r} is required, got None"
        )


def test_none_for_a_required_member_of_a_shape_is_a_validation_error(
    facade: ElastiCache,
) -> None:
    shard = shapes.ConfigureShard(node_group_id="0001", new_replica_count=None)  # type: ignore[arg-type]
    exc = validation_error(
        facade.increase_replica_count,
        replication_group_id="rg",
        apply_immediately=True,
        replica_configuration=[shard],
    )
    assert exc.message == "replica_configuration[0].new_replica_count: required, got None"


def test_unknown_argument_is_a_type_error(facade: ElastiCache) -> None:
    with pytest.raises(TypeError):
        facade.create_cache_cluster(cache_cluster_id="c", CacheClusterId="c")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        facade.create_cache_cluster("c")  # type: ignore[misc]


# --- what passes validation is sent exactly as boto3 takes it --------------------------------


@pytest.mark.parametrize("operation", OPERATIONS_WITH_INPUT)
def test_valid_arguments_reach_boto3_unchanged(
    facade: ElastiCache, stubber: Stubber, operation: str
) -> None:
    input_shape = strategies.service_model().operation_model(operation).input_shape
    expected = strategies.example_dict(input_shape.name)
    stubber.add_response(xform_name(operation), {}, expected_params=expected)
    getattr(facade, xform_name(operation))(**valid_kwargs(operation))


def test_sequences_are_sent_as_lists(facade: ElastiCache, stubber: Stubber) -> None:
    stubber.add_response(
        "create_cache_cluster",
        {},
        expected_params={
            "CacheClusterId": "c",
            "CacheSecurityGroupNames": ["a", "b"],
            "Tags": [{"Key": "k", "Value": "v"}],
        },
    )
    facade.create_cache_cluster(
        cache_cluster_id="c",
        cache_security_group_names=("a", "b"),
        tags=(shapes.Tag(key="k", value="v"),),
    )


# --- tags -------------------------------------------------------------------------------------


def test_tag_mapping_with_none_values_is_fine(facade: ElastiCache, stubber: Stubber) -> None:
    stubber.add_response(
        "add_tags_to_resource",
        {"TagList": [{"Key": "k"}, {"Key": "team", "Value": "cache"}]},
        expected_params={
            "ResourceName": "arn",
            "Tags": [{"Key": "k"}, {"Key": "team", "Value": "cache"}],
        },
    )
    result = facade.add_tags_to_resource(resource_name="arn", tags={"k": None, "team": "cache"})
    assert result.tag_list == [shapes.Tag(key="k"), shapes.Tag(key="team", value="cache")]


def test_tags_at_the_limits_are_fine(facade: ElastiCache, stubber: Stubber) -> None:
    tags = {f"k{i}": "v" for i in range(49)}
    tags["k" * 128] = "v" * 256
    stubber.add_response(
        "create_snapshot",
        {},
        expected_params={
            "SnapshotName": "s",
            "Tags": [{"Key": key, "Value": value} for key, value in tags.items()],
        },
    )
    facade.create_snapshot(snapshot_name="s", tags=tags)


def test_empty_tag_value_is_fine(facade: ElastiCache, stubber: Stubber) -> None:
    stubber.add_response(
        "create_user_group",
        {},
        expected_params={
            "UserGroupId": "g",
            "Engine": "redis",
            "Tags": [{"Key": "k", "Value": ""}],
        },
    )
    facade.create_user_group(
        user_group_id="g", engine="redis", tags=[shapes.Tag(key="k", value="")]
    )


TAG_RULES = [
    pytest.param({f"k{i}": "v" for i in range(51)}, r"50", id="more-than-50-mapping"),
    pytest.param([shapes.Tag(key=f"k{i}") for i in range(51)], r"50", id="more-than-50-list"),
    pytest.param([shapes.Tag(value="x")], r"missing", id="key-missing"),
    pytest.param([shapes.Tag(key="", value="x")], r"empty", id="key-empty-list"),
    pytest.param({"": "x"}, r"empty", id="key-empty-mapping"),
    pytest.param({"k" * 129: "x"}, r"128", id="key-too-long"),
    pytest.param([shapes.Tag(key="k" * 129)], r"128", id="key-too-long-list"),
    pytest.param({"aws:owner": "x"}, r"aws:", id="key-reserved-prefix"),
    pytest.param(
        [shapes.Tag(key="aws:cloudformation:stack", value="x")], r"aws:", id="key-reserved-list"
    ),
    pytest.param({"k": "v" * 257}, r"256", id="value-too-long"),
    pytest.param([shapes.Tag(key="k", value="v" * 257)], r"256", id="value-too-long-list"),
    pytest.param(
        [shapes.Tag(key="team", value="a"), shapes.Tag(key="env"), shapes.Tag(key="team")],
        "[2]: the same tag key as tags[0]",
        id="duplicate-keys",
    ),
]


# The create operations that take Tags (the 2021-04-07 release), plus AddTagsToResource.
TAGGED_CALLS = {
    "copy_snapshot": {"source_snapshot_name": "a", "target_snapshot_name": "b"},
    "create_cache_parameter_group": {
        "cache_parameter_group_name": "p",
        "cache_parameter_group_family": "redis7",
        "description": "d",
    },
    "create_cache_security_group": {"cache_security_group_name": "s", "description": "d"},
    "create_cache_subnet_group": {
        "cache_subnet_group_name": "s",
        "cache_subnet_group_description": "d",
        "subnet_ids": ["subnet-1"],
    },
    "create_snapshot": {"snapshot_name": "s"},
    "create_user": {"user_id": "u", "user_name": "u", "engine": "redis", "access_string": "on"},
    "create_user_group": {"user_group_id": "g", "engine": "redis"},
    "purchase_reserved_cache_nodes_offering": {"reserved_cache_nodes_offering_id": "o"},
    "add_tags_to_resource": {"resource_name": "arn"},
}


@pytest.mark.parametrize(("tags", "rule"), TAG_RULES)
def test_tag_rules(facade: ElastiCache, tags: Any, rule: str) -> None:
    exc = validation_error(facade.create_cache_cluster, cache_cluster_id="c", tags=tags)
    assert "tags" in exc.message
    assert rule in exc.message


@pytest.mark.parametrize("method", sorted(TAGGED_CALLS))
@pytest.mark.parametrize(("tags", "rule"), TAG_RULES)
def test_tag_rules_on_every_tagging_create(
    facade: ElastiCache, method: str, tags: Any, rule: str
) -> None:
    exc = validation_error(getattr(facade, method), **TAGGED_CALLS[method], tags=tags)
    assert rule in exc.message


def test_tag_rule_names_the_offending_tag(facade: ElastiCache) -> None:
    exc = validation_error(
        facade.create_snapshot,
        snapshot_name="s",
        tags=[shapes.Tag(key="ok"), shapes.Tag(key="fine", value="x"), shapes.Tag(key="aws:x")],
    )
    assert "tags[2]" in exc.message


# --- secrets ----------------------------------------------------------------------------------

SECRET_CASES = [
    pytest.param(
        "create_cache_cluster",
        {"cache_cluster_id": "c", "auth_token": TOKEN_NUMBER},
        str(TOKEN_NUMBER),
        "auth_token",
        id="int-auth-token",
    ),
    pytest.param(
        "modify_replication_group",
        {"replication_group_id": "r", "auth_token": [TOKEN]},
        TOKEN,
        "auth_token",
        id="list-auth-token",
    ),
    pytest.param(
        "create_user",
        {
            "user_id": "u",
            "user_name": "u",
            "engine": "redis",
            "access_string": "on",
            "passwords": "hunter2hunter2",
        },
        "hunter2",
        "passwords",
        id="str-passwords",
    ),
    pytest.param(
        "modify_user",
        {"user_id": "u", "passwords": [PASSWORD, 42]},
        PASSWORD,
        "passwords[1]",
        id="bad-second-password",
    ),
    pytest.param(
        "create_user",
        {
            "user_id": "u",
            "user_name": "u",
            "engine": "redis",
            "access_string": "on",
            "passwords": [PASSWORD],
            "no_password_required": "yes",
        },
        PASSWORD,
        "no_password_required",
        id="valid-passwords-bad-other",
    ),
    pytest.param(
        "create_user",
        {
            "user_id": "u",
            "user_name": "u",
            "engine": "redis",
            "access_string": "on",
            "authentication_mode": shapes.AuthenticationMode(
                type="password",
                passwords=[PASSWORD, 42],  # type: ignore[list-item]
            ),
        },
        PASSWORD,
        "authentication_mode.passwords[1]",
        id="nested-bad-second-password",
    ),
    pytest.param(
        "create_replication_group",
        {
            "replication_group_id": "r",
            "replication_group_description": "d",
            "auth_token": TOKEN,
            "num_cache_clusters": "2",
        },
        TOKEN,
        "num_cache_clusters",
        id="valid-token-bad-other",
    ),
    pytest.param(
        "modify_cache_cluster",
        {"cache_cluster_id": "c", "auth_token": TOKEN, "num_cache_nodes": 1.5},
        TOKEN,
        "num_cache_nodes",
        id="modify-valid-token-bad-other",
    ),
]


@pytest.mark.parametrize(("method", "kwargs", "secret", "path"), SECRET_CASES)
def test_no_message_or_log_echoes_a_secret(
    facade: ElastiCache,
    caplog: pytest.LogCaptureFixture,
    method: str,
    kwargs: dict[str, Any],
    secret: str,
    path: str,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    exc = validation_error(getattr(facade, method), **kwargs)
    assert path in exc.message
    for text in (str(exc), repr(exc), exc.message, *map(str, exc.args)):
        assert secret not in text
    for record in caplog.records:
        if record.name.startswith(LOGGER):
            assert secret not in record.getMessage()
            assert secret not in repr(record.args)


def test_no_log_echoes_a_secret_on_a_valid_call(
    facade: ElastiCache, stubber: Stubber, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    stubber.add_response(
        "create_user",
        {"UserId": "u"},
        expected_params={
            "UserId": "u",
            "UserName": "u",
            "Engine": "redis",
            "AccessString": "on",
            "Passwords": [PASSWORD],
        },
    )
    user = facade.create_user(
        user_id="u", user_name="u", engine="redis", access_string="on", passwords=[PASSWORD]
    )
    assert user.user_id == "u"
    for record in caplog.records:
        if record.name.startswith(LOGGER):
            assert PASSWORD not in record.getMessage()


# --- paging and waiting settings --------------------------------------------------------------


@pytest.mark.parametrize("setting", ["page_size", "max_items"])
@pytest.mark.parametrize("value", [0, -1, "5", 2.0, True])
def test_paging_settings_must_be_positive_ints(
    facade: ElastiCache, setting: str, value: Any
) -> None:
    exc = validation_error(facade.paginate_describe_cache_clusters, **{setting: value})
    assert setting in exc.message


@pytest.mark.parametrize("setting", ["delay", "max_attempts"])
@pytest.mark.parametrize("value", [0, -1, "5", 2.0, True])
def test_waiter_settings_must_be_positive_ints(
    facade: ElastiCache, setting: str, value: Any
) -> None:
    exc = validation_error(
        facade.wait_until_cache_cluster_available, cache_cluster_id="c", **{setting: value}
    )
    assert setting in exc.message


def test_paginator_arguments_are_type_checked_before_sending(facade: ElastiCache) -> None:
    exc = validation_error(facade.paginate_describe_cache_clusters, show_cache_node_info="yes")
    assert "show_cache_node_info" in exc.message


def test_waiter_arguments_are_type_checked_before_sending(facade: ElastiCache) -> None:
    exc = validation_error(facade.wait_until_replication_group_available, replication_group_id=7)
    assert "replication_group_id" in exc.message


PAGING_KEYWORDS = [
    (xform_name(name), xform_name(config[key]))
    for name, config in botocore.session.get_session()
    .get_paginator_model("elasticache")
    ._paginator_config.items()
    for key in ("input_token", "limit_key")
]


@pytest.mark.parametrize(("operation", "keyword"), PAGING_KEYWORDS)
def test_a_paginators_paging_keyword_points_to_page_size_and_max_items(
    facade: ElastiCache, operation: str, keyword: str
) -> None:
    method = getattr(facade, f"paginate_{operation}")
    with pytest.raises(TypeError) as caught:
        method(**{keyword: 20})
    assert str(caught.value) == (
        f"ElastiCache.paginate_{operation}() got an unexpected keyword argument {keyword!r}; "
        "page size and total are set with page_size= and max_items="
    )


def test_a_paginators_other_type_errors_are_unchanged(facade: ElastiCache) -> None:
    with pytest.raises(TypeError) as caught:
        facade.paginate_describe_cache_parameters(cache_parameter_group_name=None)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "describe_cache_parameters() argument 'cache_parameter_group_name' is required, got None"
    )
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument"):
        facade.paginate_describe_cache_parameters()  # type: ignore[call-arg]


def test_positive_page_size_is_used(facade: ElastiCache, stubber: Stubber) -> None:
    stubber.add_response(
        "describe_cache_clusters",
        {"CacheClusters": [{"CacheClusterId": "a"}, {"CacheClusterId": "b"}]},
        expected_params={"MaxRecords": 20},
    )
    items = list(facade.paginate_describe_cache_clusters(page_size=20, max_items=1))
    assert items == [shapes.CacheCluster(cache_cluster_id="a")]
