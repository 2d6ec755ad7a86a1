"""The optional peer: capo-elasticache (the `benchmark` extra), measured when it is installed.

`capo_sides()` gives, per case key, a capo call answering from the same bytes the other sides
get (a zapros handler in place of its HTTP stack, the request built, signed and sent to it
and the answer parsed by capo, as on the wire), and `capo_client_factory()` makes its client.
Both are None without the package, and the benchmarks then leave capo's figures out.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from benchmarks import answers
from benchmarks.cases import DELETE_KEY, PAGINATE_KEY, SNAPSHOT_TAGS, describe_key
from benchmarks.wire import CLIENT_KWARGS, REQUEST_ID


def installed() -> bool:
    return importlib.util.find_spec("capo_elasticache") is not None


class CapoWire:
    """A zapros handler answering every request with `body`."""

    def __init__(self) -> None:
        self.body = b""
        self.requests = 0

    def handle(self, request: Any) -> Any:
        from zapros import Response

        self.requests += 1
        headers = {"Content-Type": "text/xml", "x-amzn-RequestId": REQUEST_ID}
        return Response(200, headers, content=self.body)

    def close(self) -> None:
        return None

    def wrap_with_middleware(self, factory: Callable[[Any], Any]) -> Any:
        return factory(self)


def capo_client_factory(wire: CapoWire) -> Callable[[], Any] | None:
    """A capo client made as the others are (region, static credentials), or None."""
    if not installed():
        return None
    from capo_elasticache import Credentials, ElastiCacheClient

    credentials = Credentials(
        access_key=CLIENT_KWARGS["aws_access_key_id"],
        secret_key=CLIENT_KWARGS["aws_secret_access_key"],
    )
    region = CLIENT_KWARGS["region_name"]
    return lambda: ElastiCacheClient(http_handler=wire, region=region, credentials=credentials)


def capo_calls(client: Any) -> dict[str, Callable[[], object]]:
    """Capo's call for each case it has (no paginator case: capo pages by hand)."""

    def describe() -> object:
        return client.describe_cache_clusters(show_cache_node_info=True)

    def snapshot() -> object:
        return client.create_snapshot(
            snapshot_name=answers.SNAPSHOT_NAME,
            replication_group_id=answers.SNAPSHOT_GROUP,
            tags=[{"key": key, "value": value} for key, value in SNAPSHOT_TAGS.items()],
        )

    def delete() -> object:
        return client.delete_cache_cluster(
            cache_cluster_id=answers.deleted_cluster_id(),
            final_snapshot_identifier=answers.FINAL_SNAPSHOT,
        )

    calls: dict[str, Callable[[], object]] = {
        describe_key(count): describe for count in (1, 100, 1000)
    }
    calls["create_snapshot"] = snapshot
    calls[DELETE_KEY] = delete
    calls.pop(PAGINATE_KEY, None)
    return calls
