"""A paginator takes page_size= and max_items=, not the operation's MaxRecords or Marker."""

from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.paginate_describe_cache_clusters(max_records=20)  # expect-error
