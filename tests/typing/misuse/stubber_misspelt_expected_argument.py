from elasticache_typed import ElastiCache, shapes
from elasticache_typed.testing import Stubber


def run(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.UserGroup(user_group_id="g")
    stub.on(cache.create_user_group).respond(answer, user_group_id="g", engin="redis")  # expect-error
