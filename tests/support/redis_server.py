"""A real Redis-protocol server on 127.0.0.1, taking only TLS connections, for the tests that
connect with redis-py and valkey-py through the IAM credential providers.

The server is Debian's Redis 7.0 (package `redis-tools`, which `scripts/ensure-redis-server`
installs; `./scripts/test` runs it). That package ships the server binary as
`/usr/bin/redis-check-rdb`, which runs as the server when started under the name
`redis-server`; a `redis-server` on PATH is used first. Its certificate is made for the run
by trustme (a throw-away CA). The default user has a random password (the admin connection);
the tests set the IAM user's ACL password to the token they expect, as ElastiCache would
accept it. The server runs with no persistence, in a temporary folder, and is stopped after.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redis
import trustme

DEBIAN_BINARY = Path("/usr/bin/redis-check-rdb")
INSTALL_HINT = "no Redis server found: run scripts/ensure-redis-server (./scripts/test runs it)"


def server_binary() -> str:
    """The executable to start as `redis-server`."""
    found = shutil.which("redis-server")
    if found:
        return found
    if DEBIAN_BINARY.exists():
        return str(DEBIAN_BINARY)
    raise RuntimeError(INSTALL_HINT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisServer:
    """A running server; `admin()` connects as its default user."""

    port: int
    ca_file: Path
    admin_password: str
    process: subprocess.Popen[bytes]
    log_file: Path

    def admin(self) -> redis.Redis:
        return redis.Redis(
            host="127.0.0.1",
            port=self.port,
            password=self.admin_password,
            ssl=True,
            ssl_ca_certs=str(self.ca_file),
            socket_timeout=10,
        )

    def set_only_password(self, user: str, password: str) -> None:
        """Make `password` the one password of ACL user `user` (created if need be)."""
        with self.admin() as admin:
            admin.acl_setuser(
                user,
                enabled=True,
                reset_passwords=True,
                passwords=[f"+{password}"],
                keys=["*"],
                commands=["+@all"],
            )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start(folder: Path, *, cluster: bool = False) -> RedisServer:
    """Start a server in `folder` (its certificate, log and working directory).

    With `cluster`, a one-node Redis Cluster holding every slot (as a cluster-mode cache's
    configuration endpoint answers cluster clients), announcing its TLS port."""
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    issued = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    issued.cert_chain_pems[0].write_to_path(str(cert_file))
    issued.private_key_pem.write_to_path(str(key_file))
    admin_password = secrets.token_urlsafe(24)
    log_file = folder / "redis.log"
    last_error: Exception | None = None
    for _ in range(3):  # a free port can be taken between finding and binding it
        port = _free_port()
        args = ["redis-server", "--bind", "127.0.0.1", "--port", "0", "--tls-port", str(port)]
        args += ["--tls-cert-file", str(cert_file), "--tls-key-file", str(key_file)]
        args += ["--tls-ca-cert-file", str(ca_file), "--tls-auth-clients", "no"]
        args += ["--requirepass", admin_password, "--save", "", "--appendonly", "no"]
        args += ["--dir", str(folder), "--logfile", str(log_file)]
        if cluster:
            args += ["--cluster-enabled", "yes", "--tls-cluster", "yes"]
            args += ["--cluster-config-file", str(folder / "nodes.conf")]
        process = subprocess.Popen(args, executable=server_binary(), stdin=subprocess.DEVNULL)
        server = RedisServer(port, ca_file, admin_password, process, log_file)
        try:
            _wait_until_ready(server)
            if cluster:
                _take_every_slot(server)
            return server
        except Exception as exc:
            server.stop()
            last_error = exc
    log = log_file.read_text() if log_file.exists() else ""
    raise RuntimeError(f"the Redis server did not start: {last_error}\n{log}")


def _wait_until_ready(server: RedisServer) -> None:
    deadline = time.monotonic() + 15
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(f"exited with {server.process.returncode}")
        try:
            with server.admin() as admin:
                admin.ping()
                return
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _take_every_slot(server: RedisServer) -> None:
    with server.admin() as admin:
        admin.execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 16383)
        deadline = time.monotonic() + 15
        while b"cluster_state:ok" not in admin.execute_command("CLUSTER", "INFO"):
            if time.monotonic() > deadline:
                raise RuntimeError("the one-node cluster did not become ready")
            time.sleep(0.05)
