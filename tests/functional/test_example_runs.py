"""examples/local_endpoint.py runs as a user would run it, and prints what it promises."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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
