from elasticache_typed import ElastiCache, shapes


def run(cache: ElastiCache) -> None:
    cache.add_tags_to_resource(
        resource_name="arn:aws:elasticache:us-east-1:123456789012:cluster:c1",
        tags=[shapes.Filter(name="team", values=["a"])],  # expect-error
    )
