from elasticache_typed import ElastiCache, shapes
from elasticache_typed.testing import Stubber


def run(cache: ElastiCache, stub: Stubber) -> None:
    answer = shapes.User(user_id="u", user_name="u", engine="redis", access_string="on")
    stub.on(cache.create_user_group).respond(answer, user_group_id="g", engine="redis")  # expect-error
