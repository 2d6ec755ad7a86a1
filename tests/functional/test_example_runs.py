"""examples/local_endpoint.py runs as a user would run it, and prints what it promises."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "local_endpoint.py"

EXPECTED_LINES = [
    r"local ElastiCache endpoint at http://127\.0\.0\.1:\d+",
    r"vpc vpc-\w+ with subnet subnet-\w+",
    r"subnet group app-subnets in vpc-\w+: 1 subnet\(s\)",
    r"  subnet subnet-\w+ \(AZ: .+\)",
    r"tags on subnet group app-subnets: env=demo, team=cache",
    r"user app-reader \(redis\): authentication password, 1 password\(s\)",
    r"  authentication mode as shown: AuthenticationMode\(type='password'\)",
    r"tags on user app-reader: env=demo, role=reader",
    r"cluster cache-1: redis cache\.t3\.micro, available",
    r"cluster cache-3: redis cache\.t3\.micro, available",
    r"tags on cluster cache-1: env=demo, tier=web",
    r"tags on cluster cache-3: env=demo, tier=batch",
    r"snapshot cache-1-nightly of cache-1: available \(manual\)",
    r"tags on snapshot cache-1-nightly: kind=manual, retain=",
    r"paginator \(page_size=2\): 3 clusters: cache-1, cache-2, cache-3",
    r"waiter: cache-2 is available",
    r"caught CacheClusterNotFoundFault \(CacheClusterNotFound, HTTP 404\): "
    r"Cache cluster no-such-cluster not found\.",
    r"caught as NotFoundError: SnapshotNotFoundFault \(SnapshotNotFoundFault\)",
    r"local endpoint stopped",
]


def test_local_endpoint_example_runs() -> None:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE")
    }
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    completed = subprocess.run(
        [sys.executable, str(EXAMPLE)],
        cwd=EXAMPLE.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    for pattern in EXPECTED_LINES:
        assert any(re.fullmatch(pattern, line) for line in lines), (pattern, completed.stdout)
    assert lines[0].startswith("local ElastiCache endpoint at ")
    assert lines[-1] == "local endpoint stopped"
    assert all(len(line) <= 120 for line in lines)
    # Only the werkzeug-silenced server runs: no request log on either stream.
    assert "HTTP/1.1" not in completed.stdout + completed.stderr


STUBBED_EXAMPLE = EXAMPLE.with_name("stubbed_tagging.py")


def test_stubbed_tagging_example_runs() -> None:
    completed = subprocess.run(
        [sys.executable, str(STUBBED_EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    for expected in (
        "copied snapshot nightly-copy: creating, node 0001",
        "parameter group sessions-params (valkey8)",
        "security group legacy-sg owned by 123456789012",
        "user group app-users: creating, users ['default']",
        "reserved node sessions-reserved: fixed 1234.5, 0.1 Hourly",
        "caught SnapshotNotFoundFault (SnapshotNotFoundFault, HTTP 404)",
        "every stubbed call matched its expected request",
    ):
        assert expected in completed.stdout.splitlines()


IAM_EXAMPLE = EXAMPLE.with_name("connect_with_iam.py")


def _run_iam_example(**local_cache: str) -> subprocess.CompletedProcess[str]:
    """Run the IAM example with the given LOCAL_CACHE* variables (and no others)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE") and not name.startswith("LOCAL_")
    }
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(local_cache)
    completed = subprocess.run(
        [sys.executable, str(IAM_EXAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed


def test_connect_with_iam_example_runs(redis_server: Any) -> None:
    """The control plane against moto; the connection against the local Redis server."""
    completed = _run_iam_example(
        LOCAL_CACHE=f"127.0.0.1:{redis_server.port}",
        LOCAL_CACHE_CA=str(redis_server.ca_file),
        LOCAL_CACHE_ADMIN_PASSWORD=redis_server.admin_password,
    )
    expected = [
        r"local ElastiCache endpoint at http://127\.0\.0\.1:\d+",
        r"user app-iam: authentication iam, active",
        r"replication group sessions: available",
        r"connect to rediss://master\.sessions\.[\w.]+\.amazonaws\.com:6379 "
        r"\(tls: True, no cluster mode\)",
        r"IAM token for app-iam: sessions/\?Action=connect&\.\.\. \(\d+ characters\)",
        rf"stand-in cache at 127\.0\.0\.1:{redis_server.port} takes the token as "
        r"app-iam's password",
        r"connected with the IAM token: app:greeting = b'hello'",
        r"as app-iam, whose access string allows only app:\* keys",
        r"local endpoint stopped",
    ]
    lines = completed.stdout.splitlines()
    assert len(lines) == len(expected), completed.stdout
    for pattern, line in zip(expected, lines, strict=True):
        assert re.fullmatch(pattern, line), (pattern, line)
    assert "X-Amz-Signature" not in completed.stdout + completed.stderr


def test_connect_with_iam_example_stops_before_connecting_without_a_cache() -> None:
    completed = _run_iam_example()
    assert "no LOCAL_CACHE set: not connecting" in completed.stdout
    assert completed.stdout.splitlines()[-1] == "local endpoint stopped"
