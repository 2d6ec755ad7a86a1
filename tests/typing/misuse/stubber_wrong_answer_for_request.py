from elasticache_typed import shapes
from elasticache_typed.testing import Stubber


def run(stub: Stubber) -> None:
    request = shapes.CreateUserGroupMessage(user_group_id="g", engine="redis")
    answer = shapes.User(user_id="u", user_name="u", engine="redis", access_string="on")
    stub.add_response_for_request(request, answer)  # expect-error
