"""The 2021-04-07 release's headline: tagging on create, for its eight seed operations.

On the wire: the exact `Tags.Tag.N.Key` / `Tags.Tag.N.Value` pairs (the TagList's member is
named `Tag` in the model, so that is what ElastiCache reads), equal to what plain boto3 sends;
the full typed answers, nested member by nested member; and bad input never reaching the wire.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import pytest
from botocore import xform_name
from botocore.model import ListShape, Shape, StructureShape

from elasticache_typed import ElastiCache, converter, errors, shapes
from tests.support.fake_endpoint import FakeEndpoint
from tests.support.sample_data import SampleData, facade_kwargs, operation_model

SEED_OPERATIONS = [
    "CopySnapshot",
    "CreateCacheParameterGroup",
    "CreateCacheSecurityGroup",
    "CreateCacheSubnetGroup",
    "CreateSnapshot",
    "CreateUser",
    "CreateUserGroup",
    "PurchaseReservedCacheNodesOffering",
]
SECRET = "hunter2-Sup3r-S3cret-Passw0rd"


def _required_params(operation: str) -> dict[str, Any]:
    """boto3 params with the required members only (deterministic)."""
    shape = operation_model(operation).input_shape
    sample = SampleData(f"seed/{operation}", all_members=False)
    return {name: sample.value(shape.members[name]) for name in shape.required_members}


def _method(client: Any, operation: str) -> Any:
    return getattr(ElastiCache(client), xform_name(operation))


def _tag_pairs(params: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in params.items() if key.startswith("Tags")}


# -- tags on the wire ---------------------------------------------------------------------------

_TAG_OBJECTS = [
    shapes.Tag(key="team", value="cache-platform"),
    shapes.Tag(key="cost center", value="42 & more=yes"),
    shapes.Tag(key="empty-value", value=""),
]
_TAG_OBJECTS_WIRE = {
    "Tags.Tag.1.Key": "team",
    "Tags.Tag.1.Value": "cache-platform",
    "Tags.Tag.2.Key": "cost center",
    "Tags.Tag.2.Value": "42 & more=yes",
    "Tags.Tag.3.Key": "empty-value",
    "Tags.Tag.3.Value": "",
}
_TAG_MAPPING = {"env": "prod", "no-value": None, "owner": "ops@example.com"}
_TAG_MAPPING_WIRE = {
    "Tags.Tag.1.Key": "env",
    "Tags.Tag.1.Value": "prod",
    "Tags.Tag.2.Key": "no-value",
    "Tags.Tag.3.Key": "owner",
    "Tags.Tag.3.Value": "ops@example.com",
}
_TAG_MAPPING_BOTO3 = [
    {"Key": "env", "Value": "prod"},
    {"Key": "no-value"},
    {"Key": "owner", "Value": "ops@example.com"},
]


@pytest.mark.parametrize(
    ("tags", "boto3_tags", "wire_pairs"),
    [
        (
            _TAG_OBJECTS,
            [{"Key": t.key, "Value": t.value} for t in _TAG_OBJECTS],
            _TAG_OBJECTS_WIRE,
        ),
        (
            tuple(_TAG_OBJECTS),
            [{"Key": t.key, "Value": t.value} for t in _TAG_OBJECTS],
            _TAG_OBJECTS_WIRE,
        ),
        (_TAG_MAPPING, _TAG_MAPPING_BOTO3, _TAG_MAPPING_WIRE),
        ({}, [], {"Tags": ""}),
        ([], [], {"Tags": ""}),
    ],
    ids=["tag-list", "tag-tuple", "mapping-with-none", "empty-mapping", "empty-list"],
)
@pytest.mark.parametrize("operation", SEED_OPERATIONS)
def test_seed_operation_sends_tags_exactly(
    operation: str,
    tags: Any,
    boto3_tags: list[dict[str, str]],
    wire_pairs: dict[str, str],
    wire: Any,
) -> None:
    client, endpoint = wire
    params = _required_params(operation)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params, sequences="list")
    answer = SampleData(f"seed-answer/{operation}").output(operation)

    endpoint.add_result(operation, answer)
    getattr(client, xform_name(operation))(**params, Tags=boto3_tags)
    endpoint.add_result(operation, answer)
    _method(client, operation)(**kwargs, tags=tags)

    boto3_request, facade_request = endpoint.requests
    assert facade_request.body == boto3_request.body
    assert facade_request.duplicate_keys == []
    assert _tag_pairs(facade_request.params) == wire_pairs
    others = {k: v for k, v in facade_request.params.items() if not k.startswith("Tags")}
    assert others["Action"] == operation
    assert others["Version"] == "2015-02-02"


@pytest.mark.parametrize("operation", SEED_OPERATIONS)
def test_seed_operation_accepts_tag_limits_exactly(operation: str, wire: Any) -> None:
    """50 tags, a 128-character key and a 256-character value are all still allowed."""
    client, endpoint = wire
    params = _required_params(operation)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params, sequences="tuple")
    tags = {f"k{i:02d}": f"v{i}" for i in range(48)}
    tags["K" * 128] = "short"
    tags["long-value"] = "V" * 256
    endpoint.add_result(operation, SampleData(operation).output(operation))
    _method(client, operation)(**kwargs, tags=tags)

    sent = endpoint.requests[0].params
    assert sent["Tags.Tag.50.Key"] == "long-value"
    assert sent["Tags.Tag.50.Value"] == "V" * 256
    assert sent["Tags.Tag.49.Key"] == "K" * 128
    assert "Tags.Tag.51.Key" not in sent


# -- the full typed answers, nested --------------------------------------------------------------


def _check_typed(value: Any, shape: Shape, expected: Any, path: str) -> None:
    """`value` is the typed form of boto3's `expected`, member by member."""
    if isinstance(shape, StructureShape):
        cls = getattr(shapes, shape.name)
        assert isinstance(value, cls), path
        for name, member in shape.members.items():
            attr = getattr(value, xform_name(name))
            if name in expected:
                _check_typed(attr, member, expected[name], f"{path}.{xform_name(name)}")
            else:
                assert attr is None, f"{path}.{xform_name(name)}"
    elif isinstance(shape, ListShape):
        assert isinstance(value, list), path
        assert len(value) == len(expected), path
        for index, (item, wanted) in enumerate(zip(value, expected, strict=True)):
            _check_typed(item, shape.member, wanted, f"{path}[{index}]")
    elif shape.type_name == "timestamp":
        assert isinstance(value, datetime), path
        assert value.tzinfo is not None and value.utcoffset() == timedelta(0), path
        assert value == expected, path
    elif shape.type_name == "boolean":
        assert type(value) is bool and value is expected, path
    elif shape.type_name in ("integer", "long"):
        assert type(value) is int and value == expected, path
    elif shape.type_name in ("double", "float"):
        assert type(value) is float and value == expected, path
    elif shape.type_name == "string":
        assert type(value) is str and value == expected, path
        if shape.enum:
            assert value in shape.enum, path
    else:
        pytest.fail(f"{path}: unexpected shape type {shape.type_name}")


def _full_answer(client: Any, endpoint: FakeEndpoint, operation: str) -> tuple[Any, Any]:
    params = _required_params(operation)
    kwargs = facade_kwargs(operation_model(operation).input_shape, params)
    answer = SampleData(f"full/{operation}", all_members=True).output(operation)
    endpoint.add_result(operation, answer)
    expected = getattr(client, xform_name(operation))(**params)
    expected.pop("ResponseMetadata")
    assert expected == answer
    endpoint.add_result(operation, answer)
    return _method(client, operation)(**kwargs, tags={"seed": "yes"}), expected


@pytest.mark.parametrize("operation", SEED_OPERATIONS)
def test_seed_operation_full_answer_is_typed_all_the_way_down(operation: str, wire: Any) -> None:
    client, endpoint = wire
    result, expected = _full_answer(client, endpoint, operation)
    output_shape = operation_model(operation).output_shape
    _check_typed(result, output_shape, expected, "result")
    assert converter.unstructure(result) == expected


def _aware_utc(value: Any) -> bool:
    return isinstance(value, datetime) and value.utcoffset() == timedelta(0)


@pytest.mark.parametrize("operation", ["CopySnapshot", "CreateSnapshot"])
def test_snapshot_answer_by_attribute(operation: str, wire: Any) -> None:
    result, expected = _full_answer(*wire, operation)
    snapshot = result.snapshot
    assert isinstance(snapshot, shapes.Snapshot)
    assert snapshot.snapshot_name == expected["Snapshot"]["SnapshotName"]
    assert snapshot.arn == expected["Snapshot"]["ARN"]
    assert snapshot.kms_key_id == expected["Snapshot"]["KmsKeyId"]
    assert snapshot.num_cache_nodes == expected["Snapshot"]["NumCacheNodes"]
    assert snapshot.auto_minor_version_upgrade is expected["Snapshot"]["AutoMinorVersionUpgrade"]
    assert _aware_utc(snapshot.cache_cluster_create_time)
    node = snapshot.node_snapshots[0]
    wanted = expected["Snapshot"]["NodeSnapshots"][0]
    assert isinstance(node, shapes.NodeSnapshot)
    assert node.cache_node_id == wanted["CacheNodeId"]
    assert _aware_utc(node.snapshot_create_time)
    assert node.snapshot_create_time == wanted["SnapshotCreateTime"]
    config = node.node_group_configuration
    assert isinstance(config, shapes.NodeGroupConfiguration)
    assert config.slots == wanted["NodeGroupConfiguration"]["Slots"]
    assert config.replica_count == wanted["NodeGroupConfiguration"]["ReplicaCount"]
    assert (
        config.replica_availability_zones
        == (wanted["NodeGroupConfiguration"]["ReplicaAvailabilityZones"])
    )


def test_cache_subnet_group_answer_by_attribute(wire: Any) -> None:
    result, expected = _full_answer(*wire, "CreateCacheSubnetGroup")
    group = result.cache_subnet_group
    wanted = expected["CacheSubnetGroup"]
    assert isinstance(group, shapes.CacheSubnetGroup)
    assert group.vpc_id == wanted["VpcId"]
    assert group.supported_network_types == wanted["SupportedNetworkTypes"]
    subnet = group.subnets[0]
    assert isinstance(subnet, shapes.Subnet)
    assert subnet.subnet_identifier == wanted["Subnets"][0]["SubnetIdentifier"]
    assert isinstance(subnet.subnet_availability_zone, shapes.AvailabilityZone)
    assert (
        subnet.subnet_availability_zone.name
        == wanted["Subnets"][0]["SubnetAvailabilityZone"]["Name"]
    )
    assert isinstance(subnet.subnet_outpost, shapes.SubnetOutpost)


def test_user_answer_by_attribute(wire: Any) -> None:
    result, expected = _full_answer(*wire, "CreateUser")
    assert isinstance(result, shapes.User)
    assert result.user_id == expected["UserId"]
    assert result.arn == expected["ARN"]
    assert result.user_group_ids == expected["UserGroupIds"]
    assert isinstance(result.authentication, shapes.Authentication)
    assert result.authentication.type == expected["Authentication"]["Type"]
    assert result.authentication.password_count == expected["Authentication"]["PasswordCount"]


def test_user_group_answer_by_attribute(wire: Any) -> None:
    result, expected = _full_answer(*wire, "CreateUserGroup")
    assert isinstance(result, shapes.UserGroup)
    assert result.user_ids == expected["UserIds"]
    assert isinstance(result.pending_changes, shapes.UserGroupPendingChanges)
    assert result.pending_changes.user_ids_to_add == expected["PendingChanges"]["UserIdsToAdd"]


def test_reserved_cache_node_answer_by_attribute(wire: Any) -> None:
    result, expected = _full_answer(*wire, "PurchaseReservedCacheNodesOffering")
    node = result.reserved_cache_node
    wanted = expected["ReservedCacheNode"]
    assert isinstance(node, shapes.ReservedCacheNode)
    assert _aware_utc(node.start_time) and node.start_time == wanted["StartTime"]
    assert isinstance(node.fixed_price, float) and node.fixed_price == wanted["FixedPrice"]
    assert isinstance(node.duration, int) and node.duration == wanted["Duration"]
    charge = node.recurring_charges[0]
    assert isinstance(charge, shapes.RecurringCharge)
    assert charge.recurring_charge_amount == wanted["RecurringCharges"][0]["RecurringChargeAmount"]
    assert isinstance(charge.recurring_charge_amount, float)
    assert (
        charge.recurring_charge_frequency
        == (wanted["RecurringCharges"][0]["RecurringChargeFrequency"])
    )


def test_security_and_parameter_group_answers_by_attribute(wire: Any) -> None:
    result, expected = _full_answer(*wire, "CreateCacheSecurityGroup")
    group = result.cache_security_group
    assert isinstance(group, shapes.CacheSecurityGroup)
    assert isinstance(group.ec2_security_groups[0], shapes.EC2SecurityGroup)
    assert (
        group.ec2_security_groups[0].ec2_security_group_owner_id
        == (expected["CacheSecurityGroup"]["EC2SecurityGroups"][0]["EC2SecurityGroupOwnerId"])
    )
    result, expected = _full_answer(*wire, "CreateCacheParameterGroup")
    assert isinstance(result.cache_parameter_group, shapes.CacheParameterGroup)
    assert result.cache_parameter_group.is_global is expected["CacheParameterGroup"]["IsGlobal"]


# -- bad input sends nothing -------------------------------------------------------------------

_TAG_RULES = [
    ("more-than-50", {f"k{i}": "v" for i in range(51)}, "50"),
    ("key-missing", [shapes.Tag(value="orphan")], "missing"),
    ("key-empty", {"": "v"}, "empty"),
    ("key-empty-object", [shapes.Tag(key="", value="v")], "empty"),
    ("key-over-128", {"k" * 129: "v"}, "128"),
    ("key-aws-prefix", {"aws:createdBy": "me"}, "aws:"),
    ("key-AWS-prefix", [shapes.Tag(key="AWS:thing", value="v")], "aws:"),
    ("value-over-256", {"k": "v" * 257}, "256"),
]


@pytest.mark.parametrize(
    ("rule", "tags", "says"), _TAG_RULES, ids=[rule for rule, _, _ in _TAG_RULES]
)
@pytest.mark.parametrize("operation", SEED_OPERATIONS)
def test_tag_rule_breach_fails_before_sending(
    operation: str, rule: str, tags: Any, says: str, wire: Any
) -> None:
    client, endpoint = wire
    kwargs = facade_kwargs(operation_model(operation).input_shape, _required_params(operation))
    with pytest.raises(errors.ValidationError) as caught:
        _method(client, operation)(**kwargs, tags=tags)
    assert endpoint.requests == []
    message = str(caught.value)
    assert "tags" in message
    assert says in message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("operation", "kwargs", "names"),
    [
        ("CopySnapshot", {"source_snapshot_name": 123}, "source_snapshot_name"),
        ("CreateSnapshot", {"snapshot_name": ["a"]}, "snapshot_name"),
        ("CreateCacheSubnetGroup", {"subnet_ids": "subnet-1"}, "subnet_ids"),
        ("CreateCacheSubnetGroup", {"subnet_ids": ["subnet-1", 2]}, "subnet_ids"),
        ("CreateUser", {"no_password_required": "yes"}, "no_password_required"),
        ("PurchaseReservedCacheNodesOffering", {"cache_node_count": "3"}, "cache_node_count"),
        ("PurchaseReservedCacheNodesOffering", {"cache_node_count": True}, "cache_node_count"),
        ("CreateUserGroup", {"tags": "env=prod"}, "tags"),
        ("CreateUserGroup", {"tags": [{"Key": "env", "Value": "prod"}]}, "tags"),
        ("CreateUserGroup", {"tags": {"env": 1}}, "tags"),
        ("CreateUserGroup", {"tags": {1: "x"}}, "tags"),
        ("CreateUserGroup", {"user_ids": ("u1", None)}, "user_ids"),
        (
            "CreateUser",
            {"authentication_mode": {"Type": "password"}},
            "authentication_mode",
        ),
    ],
)
def test_wrong_type_fails_before_sending_naming_the_parameter(
    operation: str, kwargs: dict[str, Any], names: str, wire: Any
) -> None:
    client, endpoint = wire
    base = facade_kwargs(operation_model(operation).input_shape, _required_params(operation))
    with pytest.raises(errors.ValidationError) as caught:
        _method(client, operation)(**{**base, **kwargs})
    assert endpoint.requests == []
    exc = caught.value
    assert names in str(exc)
    assert exc.code == "ValidationError"
    assert exc.request_id is None
    assert exc.http_status_code is None
    assert exc.operation_name is None
    assert exc.solution is None
    assert exc.retryable is False
    assert isinstance(exc, ValueError)


@pytest.mark.parametrize(
    ("bad", "names"),
    [({"passwords": ()}, "Passwords"), ({"user_name": ""}, "UserName")],
)
def test_model_length_rules_fail_before_sending(bad: dict[str, Any], names: str, wire: Any) -> None:
    """Lengths the model sets (checked by botocore before sending) are ValidationErrors too."""
    client, endpoint = wire
    base = {"user_id": "u1", "user_name": "alice", "engine": "redis", "access_string": "on"}
    with pytest.raises(errors.ValidationError) as caught:
        ElastiCache(client).create_user(**{**base, **bad})
    assert endpoint.requests == []
    assert names in str(caught.value)
    assert caught.value.code == "ValidationError"


def _secret_calls() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        ("passwords-as-str", "CreateUser", {"passwords": SECRET}),
        ("passwords-bytes", "CreateUser", {"passwords": SECRET.encode()}),
        ("passwords-item-int", "CreateUser", {"passwords": [SECRET, 12345678]}),
        ("passwords-item-bytes", "CreateUser", {"passwords": [SECRET.encode()]}),
        (
            "auth-mode-passwords",
            "CreateUser",
            {
                "authentication_mode": shapes.AuthenticationMode(
                    type="password",
                    passwords=[SECRET, 7],  # type: ignore[list-item]
                )
            },
        ),
        ("auth-token-bytes", "CreateReplicationGroup", {"auth_token": SECRET.encode()}),
        ("auth-token-list", "CreateReplicationGroup", {"auth_token": [SECRET]}),
        ("auth-token-int", "CreateCacheCluster", {"auth_token": 98765432109876543210}),
        ("modify-auth-token", "ModifyReplicationGroup", {"auth_token": {SECRET: SECRET}}),
        ("tag-secret-value", "CreateUser", {"tags": {"password": SECRET.encode()}}),
    ]


@pytest.mark.parametrize(
    ("case", "operation", "bad"), _secret_calls(), ids=[c[0] for c in _secret_calls()]
)
def test_validation_error_never_shows_a_secret(
    case: str,
    operation: str,
    bad: dict[str, Any],
    wire: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client, endpoint = wire
    base = facade_kwargs(operation_model(operation).input_shape, _required_params(operation))
    caplog.set_level(logging.DEBUG, logger="elasticache_typed")
    with pytest.raises(errors.ValidationError) as caught:
        _method(client, operation)(**{**base, **bad})
    assert endpoint.requests == []
    exc = caught.value
    parameter = next(iter(bad))
    assert parameter in str(exc)
    for text in (str(exc), repr(exc), exc.message, *exc.args, caplog.text):
        assert SECRET not in str(text)
        assert "98765432109876543210" not in str(text)
        assert repr(SECRET.encode()) not in str(text)


def test_secrets_sent_but_never_logged_by_the_library(
    wire: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client, endpoint = wire
    caplog.set_level(logging.DEBUG, logger="elasticache_typed")
    endpoint.add_result("CreateUser", SampleData("user").output("CreateUser"))
    ElastiCache(client).create_user(
        user_id="u1",
        user_name="alice",
        engine="redis",
        access_string="on ~* +@all",
        passwords=(SECRET,),
        tags={"seed": None},
    )
    assert endpoint.requests[0].params["Passwords.member.1"] == SECRET
    library_records = [r for r in caplog.records if r.name.startswith("elasticache_typed")]
    assert all(SECRET not in r.getMessage() for r in library_records)
