"""elasticache_typed.testing.Stubber: typed expectations over botocore's Stubber."""

from __future__ import annotations

from datetime import UTC, datetime

import boto3
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import StubAssertionError
from mypy_boto3_elasticache import ElastiCacheClient

from elasticache_typed import ElastiCache, converter, errors, shapes
from elasticache_typed.testing import Stubber


@pytest.fixture
def cache() -> ElastiCache:
    client: ElastiCacheClient = boto3.client(
        "elasticache",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    return ElastiCache(client)


def test_answers_a_call_made_with_the_expected_arguments(cache: ElastiCache) -> None:
    answer = shapes.UserGroup(user_group_id="g", engine="redis", user_ids=["default"])
    with Stubber(cache) as stub:
        stub.on(cache.create_user_group).respond(
            answer, user_group_id="g", engine="redis", tags={"team": "a"}
        )
        result = cache.create_user_group(user_group_id="g", engine="redis", tags={"team": "a"})
        stub.assert_no_pending_responses()
    assert result == answer


def test_a_different_request_fails_the_test(cache: ElastiCache) -> None:
    with Stubber(cache) as stub:
        stub.on(cache.create_user_group).respond(
            shapes.UserGroup(user_group_id="g"), user_group_id="g", engine="redis", tags={"a": "1"}
        )
        with pytest.raises(StubAssertionError):
            cache.create_user_group(user_group_id="g", engine="redis", tags={"a": "2"})


def test_nested_answers_keep_their_types(cache: ElastiCache) -> None:
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    answer = shapes.CopySnapshotResult(
        snapshot=shapes.Snapshot(
            snapshot_name="copy",
            node_snapshots=[
                shapes.NodeSnapshot(
                    snapshot_create_time=created,
                    node_group_configuration=shapes.NodeGroupConfiguration(replica_count=2),
                )
            ],
        )
    )
    with Stubber(cache) as stub:
        stub.on(cache.copy_snapshot).respond_to_any_call(answer)
        result = cache.copy_snapshot(source_snapshot_name="a", target_snapshot_name="copy")
    assert result.snapshot is not None and result.snapshot.node_snapshots is not None
    node = result.snapshot.node_snapshots[0]
    assert node.snapshot_create_time == created
    assert node.node_group_configuration == shapes.NodeGroupConfiguration(replica_count=2)


def test_expected_request_as_input_shape(cache: ElastiCache) -> None:
    request = shapes.CreateCacheSecurityGroupMessage(
        cache_security_group_name="sg", description="d", tags=[shapes.Tag(key="k", value="v")]
    )
    answer = shapes.CreateCacheSecurityGroupResult(
        cache_security_group=shapes.CacheSecurityGroup(cache_security_group_name="sg")
    )
    with Stubber(cache) as stub:
        stub.add_response_for_request(request, answer)
        result = cache.create_cache_security_group(
            cache_security_group_name="sg", description="d", tags={"k": "v"}
        )
    assert converter.unstructure(result) == converter.unstructure(answer)


def test_input_shape_request_for_an_operation_without_output(cache: ElastiCache) -> None:
    request = shapes.DeleteCacheParameterGroupMessage(cache_parameter_group_name="p")
    with Stubber(cache) as stub:
        stub.add_response_for_request(request, None)
        assert cache.delete_cache_parameter_group(cache_parameter_group_name="p") is None
        stub.assert_no_pending_responses()


@pytest.mark.parametrize(
    "answer",
    [
        shapes.User(user_id="u", user_name="u", engine="redis", access_string="on"),
        None,
        {"UserGroupId": "g"},
    ],
    ids=["other-shape", "none", "dict"],
)
def test_an_answer_of_another_type_for_an_input_shape_is_refused(
    cache: ElastiCache, answer: object
) -> None:
    request = shapes.CreateUserGroupMessage(user_group_id="g", engine="redis")
    stub = Stubber(cache)
    with pytest.raises(TypeError, match="CreateUserGroup answers UserGroup, not"):
        stub.add_response_for_request(request, answer)  # type: ignore[call-overload]
    stub.assert_no_pending_responses()


def test_a_request_that_is_no_input_shape_is_refused(cache: ElastiCache) -> None:
    with pytest.raises(TypeError, match="UserGroup is not the input shape of any operation"):
        Stubber(cache).add_response_for_request(shapes.UserGroup(user_group_id="g"), None)  # type: ignore[call-overload]


def test_operation_without_output(cache: ElastiCache) -> None:
    with Stubber(cache) as stub:
        stub.on(cache.delete_cache_parameter_group).respond(None, cache_parameter_group_name="p")
        assert cache.delete_cache_parameter_group(cache_parameter_group_name="p") is None
        stub.assert_no_pending_responses()


def test_typed_error_answer(cache: ElastiCache) -> None:
    with Stubber(cache) as stub:
        stub.on(cache.copy_snapshot).fail(
            errors.SnapshotNotFoundFault,
            "Snapshot a not found.",
            source_snapshot_name="a",
            target_snapshot_name="b",
        )
        with pytest.raises(errors.SnapshotNotFoundFault) as caught:
            cache.copy_snapshot(source_snapshot_name="a", target_snapshot_name="b")
    assert caught.value.code == "SnapshotNotFoundFault"
    assert caught.value.http_status_code == 404
    assert caught.value.message == "Snapshot a not found."


def test_error_code_differs_from_class_name(cache: ElastiCache) -> None:
    with Stubber(cache) as stub:
        stub.on(cache.describe_cache_clusters).fail_on_any_call(
            errors.CacheClusterNotFoundFault, "gone"
        )
        with pytest.raises(errors.CacheClusterNotFoundFault) as caught:
            cache.describe_cache_clusters(cache_cluster_id="x")
    assert caught.value.code == "CacheClusterNotFound"


def test_a_category_is_not_an_answer(cache: ElastiCache) -> None:
    stub = Stubber(cache)
    with pytest.raises(TypeError, match="modelled error class"):
        stub.on(cache.copy_snapshot).fail_on_any_call(errors.NotFoundError, "x")


def test_answers_go_through_botocore_response_validation(cache: ElastiCache) -> None:
    bad = shapes.UserGroup(user_group_id=123)  # type: ignore[arg-type]
    with pytest.raises(ParamValidationError):
        Stubber(cache).on(cache.create_user_group).respond_to_any_call(bad)


def test_only_methods_of_the_stubbed_facade(cache: ElastiCache) -> None:
    other = ElastiCache(cache.client)
    with pytest.raises(TypeError, match="stubbed facade"):
        Stubber(cache).on(other.copy_snapshot)


def test_pending_answers_are_reported(cache: ElastiCache) -> None:
    with Stubber(cache) as stub:
        stub.on(cache.describe_users).respond_to_any_call(shapes.DescribeUsersResult(users=[]))
        with pytest.raises(AssertionError):
            stub.assert_no_pending_responses()


def test_paginators_read_stubbed_pages(cache: ElastiCache) -> None:
    first = shapes.CacheClusterMessage(
        marker="m1", cache_clusters=[shapes.CacheCluster(cache_cluster_id="a")]
    )
    second = shapes.CacheClusterMessage(cache_clusters=[shapes.CacheCluster(cache_cluster_id="b")])
    with Stubber(cache) as stub:
        stub.on(cache.describe_cache_clusters).respond(first, max_records=20)
        stub.on(cache.describe_cache_clusters).respond(second, max_records=20, marker="m1")
        ids = [c.cache_cluster_id for c in cache.paginate_describe_cache_clusters(page_size=20)]
        stub.assert_no_pending_responses()
    assert ids == ["a", "b"]
