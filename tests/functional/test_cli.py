"""The `elasticache-typed` command line, run as a subprocess (the installed console script and
`python -m elasticache_typed`) against moto's server on 127.0.0.1, which botocore reaches
through `AWS_ENDPOINT_URL_ELASTICACHE`, as any boto3 program would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from elasticache_typed import ElastiCache, connection_settings
from tests.support import sigv4_reference as reference

SCRIPT = Path(sys.executable).with_name("elasticache-typed")
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCWV1LXdlc3QtMSJH+session/token=="
COMMANDS = {"script": [str(SCRIPT)], "module": [sys.executable, "-m", "elasticache_typed"]}


def run(*args: str, endpoint: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment.update(
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
        AWS_SESSION_TOKEN=SESSION_TOKEN,
        AWS_DEFAULT_REGION="eu-west-1",
        AWS_CONFIG_FILE="/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_ENDPOINT_URL_ELASTICACHE=endpoint or "http://127.0.0.1:9",  # nothing listens
        NO_PROXY="127.0.0.1",
    )
    environment.update({name: value for name, value in env.items() if value})
    for name in [name for name, value in env.items() if not value]:
        del environment[name]  # "" unsets
    command = COMMANDS[environment.pop("HOW", "script")]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=environment, timeout=60
    )


def assert_no_secret(result: subprocess.CompletedProcess[str]) -> None:
    for secret in (SECRET_KEY, SESSION_TOKEN):
        assert secret not in result.stdout + result.stderr


@pytest.mark.parametrize("how", sorted(COMMANDS))
@pytest.mark.parametrize("serverless", [False, True])
def test_iam_token_prints_the_token_alone(how: str, serverless: bool) -> None:
    flags = ["--serverless"] if serverless else []
    result = run(
        "iam-token", "--user-id", "App-User", "--cache-name", "My-Cache", *flags,
        "--region", "us-west-2", "--expires-in", "300", HOW=how,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    token = result.stdout.removesuffix("\n")
    assert "\n" not in token
    query = parse_qs(urlsplit(f"http://{token}").query)
    when = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert token == reference.elasticache_iam_token(
        user_id="app-user",
        cache_name="my-cache",
        serverless=serverless,
        access_key="AKIDEXAMPLE",
        secret_key=SECRET_KEY,
        session_token=SESSION_TOKEN,
        region="us-west-2",
        when=when,
        expires=300,
    )


def test_iam_token_takes_boto3s_region_without_region() -> None:
    result = run("iam-token", "--user-id", "app", "--cache-name", "c")
    assert result.returncode == 0
    assert "%2Feu-west-1%2Felasticache%2F" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["iam-token", "--cache-name", "c"],
        ["iam-token", "--user-id", "u", "--cache-name", "c", "--expires-in", "soon"],
        ["connection-settings"],
        ["connection-settings", "--replication-group-id", "a", "--cache-cluster-id", "b"],
        ["no-such-command"],
    ],
)
def test_bad_usage_is_exit_2_with_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("elasticache-typed: error: ")


@pytest.mark.parametrize("args", [[], ["iam-token"], ["connection-settings"]])
def test_help_is_exit_0(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: elasticache-typed")


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["iam-token", "--user-id", "u", "--cache-name", "c", "--expires-in", "901"], {},
         "expires_in"),
        (["iam-token", "--user-id", " ", "--cache-name", "c"], {}, "user_id"),
        (["iam-token", "--user-id", "u", "--cache-name", "c"], {"AWS_DEFAULT_REGION": ""},
         "no AWS Region"),
        (["connection-settings", "--cache-cluster-id", "c"], {}, "Could not connect"),
    ],
)  # fmt: skip
def test_a_failed_call_is_exit_1_with_one_line_and_no_secret(
    args: list[str], env: dict[str, str], says: str
) -> None:
    result = run(*args, AWS_MAX_ATTEMPTS="1", **env)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert_no_secret(result)


def _make_caches(moto_url: str) -> ElastiCache:
    cache = ElastiCache.create(endpoint_url=moto_url, region_name="eu-west-1")
    cache.create_replication_group(
        replication_group_id="plain",
        replication_group_description="no cluster mode",
        transit_encryption_enabled=True,
        num_cache_clusters=2,
    )
    return cache


@pytest.mark.parametrize("how", sorted(COMMANDS))
def test_connection_settings_of_a_replication_group(how: str, moto_url: str) -> None:
    cache = _make_caches(moto_url)
    (group,) = cache.describe_replication_groups(replication_group_id="plain").replication_groups
    expected = connection_settings(group)

    result = run(
        "connection-settings", "--replication-group-id", "plain", "--json",
        endpoint=moto_url, HOW=how,
    )  # fmt: skip

    assert (result.returncode, result.stderr) == (0, "")
    printed: dict[str, Any] = json.loads(result.stdout)
    assert printed["host"] == expected.host
    assert printed == {
        "host": expected.host,
        "port": expected.port,
        "tls": True,
        "cluster_mode": False,
        "reader_host": expected.reader_host,
        "reader_port": expected.reader_port,
        "url": expected.url,
        "cache_name": "plain",
        "serverless": False,
        "engine": expected.engine,
    }
    text = run("connection-settings", "--replication-group-id", "plain", endpoint=moto_url)
    assert f"url: {expected.url}\n" in text.stdout
    assert f"host: {expected.host}\n" in text.stdout


def test_connection_settings_of_a_missing_cache_is_exit_1(moto_url: str) -> None:
    result = run("connection-settings", "--replication-group-id", "nope", endpoint=moto_url)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "ReplicationGroupNotFound" in result.stderr or "not found" in result.stderr.lower()


def test_a_cluster_described_with_its_nodes_is_not_told_to_ask_for_them(moto_url: str) -> None:
    """The CLI describes a cache cluster with show_cache_node_info=True; moto's answer has no
    nodes even so, and the error must not advise asking for them (issue 20)."""
    cache = ElastiCache.create(endpoint_url=moto_url, region_name="eu-west-1")
    cache.create_cache_cluster(
        cache_cluster_id="one", engine="redis", cache_node_type="cache.t4g.micro", num_cache_nodes=1
    )
    result = run("connection-settings", "--cache-cluster-id", "one", endpoint=moto_url)
    assert result.returncode == 1
    assert "does not report cache nodes" in result.stderr
    assert "describe it with" not in result.stderr
