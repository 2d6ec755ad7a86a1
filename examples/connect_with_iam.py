"""Connect to a cache with IAM authentication: the whole path, run locally.

The control plane runs against an embedded local ElastiCache endpoint (moto's server, started
in this process on 127.0.0.1): create a user that authenticates with IAM and a replication
group with in-transit encryption, wait until both are ready, read the group's connection
settings and make an IAM token. Then redis-py connects through the IAM credential provider.

moto's endpoints are names that resolve nowhere, so the connecting step goes to a stand-in:
a local Redis server that takes TLS, named by three environment variables:

    LOCAL_CACHE                 host:port of the server
    LOCAL_CACHE_CA              the CA file its certificate is checked with
    LOCAL_CACHE_ADMIN_PASSWORD  its default user's password

The stand-in plays ElastiCache's part by setting the user's ACL password to the token
(ElastiCache checks the token with IAM instead). The test suite runs the example so
(tests/functional/test_example_runs.py). Without the variables it stops before connecting:

    python examples/connect_with_iam.py
"""

from __future__ import annotations

import logging
import os
from typing import Any

import redis
from moto.server import ThreadedMotoServer
from redis.exceptions import NoPermissionError

from elasticache_typed import ElastiCache, connection_settings, shapes
from elasticache_typed.integrations.redis import IAMCredentialProvider

REGION = "us-east-1"
USER_ID = "app-iam"  # for IAM authentication, the user id and name must be the same
GROUP_ID = "sessions"


def start_local_endpoint() -> tuple[ThreadedMotoServer, str]:
    """Start moto's server on a free port of 127.0.0.1; return it and its URL."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no log line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def create_cache(cache: ElastiCache) -> shapes.ReplicationGroup:
    """An IAM user and a replication group with in-transit encryption, both ready."""
    user = cache.create_user(
        user_id=USER_ID,
        user_name=USER_ID,
        engine="redis",
        access_string="on ~app:* +@all",
        authentication_mode=shapes.AuthenticationMode(type="iam"),
    )
    cache.wait_until_user_active(user_id=USER_ID, delay=5)
    mode = user.authentication.type if user.authentication else None
    print(f"user {user.user_id}: authentication {mode}, {user.status}")
    # Against AWS, add the user to a user group (create_user_group) and pass its id here as
    # user_group_ids=[...]; the local endpoint has no user groups.
    cache.create_replication_group(
        replication_group_id=GROUP_ID,
        replication_group_description="sessions, IAM authentication",
        engine="redis",
        engine_version="7.1",
        cache_node_type="cache.t4g.micro",
        num_cache_clusters=2,
        transit_encryption_enabled=True,
    )
    cache.wait_until_replication_group_available(replication_group_id=GROUP_ID, delay=15)
    groups = cache.describe_replication_groups(replication_group_id=GROUP_ID).replication_groups
    (group,) = groups or []
    print(f"replication group {group.replication_group_id}: {group.status}")
    return group


def stand_in_accepts(provider: IAMCredentialProvider) -> tuple[str, int, str]:
    """ElastiCache's part, played by the stand-in: take the provider's current token as the
    user's password. Returns the stand-in's host, port and CA file."""
    host, port = os.environ["LOCAL_CACHE"].rsplit(":", 1)
    ca_file = os.environ["LOCAL_CACHE_CA"]
    user_id, token = provider.get_credentials()
    # Any: redis-py's ACL methods leave their keyword arguments untyped.
    admin: Any = redis.Redis(
        host=host,
        port=int(port),
        password=os.environ["LOCAL_CACHE_ADMIN_PASSWORD"],
        ssl=True,
        ssl_ca_certs=ca_file,
    )
    with admin:
        admin.acl_setuser(
            user_id,
            enabled=True,
            reset_passwords=True,
            passwords=[f"+{token}"],
            keys=["app:*"],
            commands=["+@all"],
        )
    print(f"stand-in cache at {host}:{port} takes the token as {user_id}'s password")
    return host, int(port), ca_file


def connect(host: str, port: int, ca_file: str, provider: IAMCredentialProvider) -> None:
    """Connect through the provider (as to the cache itself) and run a few commands."""
    with redis.Redis(
        host=host, port=port, ssl=True, ssl_ca_certs=ca_file, credential_provider=provider
    ) as client:
        client.set("app:greeting", "hello")
        print(f"connected with the IAM token: app:greeting = {client.get('app:greeting')!r}")
        try:
            client.set("billing:total", "0")
        except NoPermissionError:
            print(f"as {USER_ID}, whose access string allows only app:* keys")


def main() -> None:
    server, endpoint_url = start_local_endpoint()
    print(f"local ElastiCache endpoint at {endpoint_url}")
    try:
        cache = ElastiCache.create(
            endpoint_url=endpoint_url,
            region_name=REGION,
            # The local endpoint accepts any credentials; never put real ones in code.
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        group = create_cache(cache)

        settings = connection_settings(group)
        mode = "cluster mode" if settings.cluster_mode else "no cluster mode"
        print(f"connect to {settings.url} (tls: {settings.tls}, {mode})")
        if settings.reader_host is not None:
            print(f"reads can go to {settings.reader_host}:{settings.reader_port}")

        token = cache.generate_iam_auth_token(user_id=USER_ID, cache_name=GROUP_ID)
        print(f"IAM token for {USER_ID}: {token.split('&')[0]}&... ({len(token)} characters)")

        provider = IAMCredentialProvider(cache, user_id=USER_ID, cache_name=GROUP_ID)
        if "LOCAL_CACHE" not in os.environ:
            print("no LOCAL_CACHE set: not connecting (against AWS: connect to settings.host)")
            return
        # Against AWS: connect(settings.host, settings.port, ..., provider), with ssl=settings.tls
        connect(*stand_in_accepts(provider), provider)
    finally:
        server.stop()
        print("local endpoint stopped")


if __name__ == "__main__":
    main()
