from elasticache_typed import ElastiCache


def run(cache: ElastiCache) -> None:
    cache.generate_iam_auth_token(user_id="app", cache_name="sessions", expires_in="900")  # expect-error
