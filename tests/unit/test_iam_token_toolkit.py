"""Our tokens equal AWS's `developer-toolkit-elasticache` tokens byte for byte.

Same inputs, frozen clock and fixed credentials: node-based and serverless, with and
without a session token, ids in mixed case (both sign them in lower case). The toolkit
always signs for 900 seconds, our default.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from botocore.credentials import Credentials
from developer_toolkit_elasticache import generate_iam_auth_token as toolkit_token

from elasticache_typed import ElastiCache
from tests.support.fake_endpoint import FakeEndpoint, make_client

NOW = datetime(2026, 12, 7, 8, 15, 42, tzinfo=UTC)
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJH+session/token=="


@pytest.mark.parametrize("session_token", [None, SESSION_TOKEN], ids=["keys", "session"])
@pytest.mark.parametrize("serverless", [False, True], ids=["node-based", "serverless"])
@pytest.mark.parametrize(
    ("user_id", "cache_name"),
    [("app", "sessions"), ("App-IAM", "My-Redis-RG"), ("default.IAM-user", "Cache-01")],
)
@pytest.mark.parametrize("region", [None, "us-east-1", "ap-southeast-2"])
def test_token_equals_the_toolkits(
    user_id: str, cache_name: str, serverless: bool, session_token: str | None, region: str | None
) -> None:
    client = make_client(
        region_name="eu-west-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=session_token,
    )
    FakeEndpoint.attach(client)  # nothing queued: a request would fail the test
    name = {"serverless_cache_name" if serverless else "replication_group_id": cache_name}
    with time_machine.travel(NOW, tick=False):
        ours = ElastiCache(client).generate_iam_auth_token(
            user_id=user_id, cache_name=cache_name, serverless=serverless, region=region
        )
        theirs = toolkit_token(
            user_id=user_id,
            region=region or "eu-west-1",
            credentials=Credentials(ACCESS_KEY, SECRET_KEY, session_token),
            **name,
        )
    assert ours == theirs
