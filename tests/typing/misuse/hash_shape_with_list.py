import functools

from elasticache_typed import shapes


@functools.cache
def replicas(configuration: shapes.NodeGroupConfiguration) -> int:
    return len(configuration.replica_availability_zones or [])


def run() -> int:
    return replicas(shapes.NodeGroupConfiguration(replica_availability_zones=["a"]))  # expect-error
