"""A proxy on 127.0.0.1 in front of the real Redis server (tests/support/redis_server.py) that
plays ElastiCache's IAM rules, scaled down in time.

- Every AUTH and HELLO ... AUTH is checked: the token must be a SigV4 presigned `connect`
  request for the expected cache and user, signed with the test's secret key (recomputed
  with the independent presigner, tests/support/sigv4_reference.py), and no older than
  `token_lifetime` seconds (ElastiCache: 15 minutes). A good one is passed on as the ACL
  user's fixed password, a bad one as a wrong password, so the server answers WRONGPASS in
  order with the other replies.
- A connection whose last good AUTH is older than `reauth_limit` seconds is closed (ElastiCache:
  12 hours), and counted in `dropped`.

Clients speak plain TCP to the proxy; the proxy speaks TLS to the server. It runs its own
event loop in a thread; `start()` and `stop()` from the test.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from tests.support import sigv4_reference as reference
from tests.support.redis_server import RedisServer


@dataclass(eq=False)
class _Connection:
    writer: asyncio.StreamWriter
    upstream: asyncio.StreamWriter
    opened: float
    last_auth: float | None = None


@dataclass
class ReauthProxy:
    """The proxy's settings and what it saw (`good_auths`, `bad_auths`, `dropped`)."""

    server: RedisServer
    user: str
    cache_name: str
    serverless: bool
    access_key: str
    secret_key: str
    region: str
    backend_password: str
    reauth_limit: float = 1e9
    token_lifetime: float = 900.0
    good_auths: int = field(default=0, init=False)
    bad_auths: int = field(default=0, init=False)
    dropped: int = field(default=0, init=False)
    port: int = field(default=0, init=False)
    _connections: set[_Connection] = field(default_factory=set[_Connection], init=False)
    _loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    def start(self) -> ReauthProxy:
        admin: Any
        with self.server.admin() as admin:  # the user's one password: the proxy's
            admin.execute_command(
                "ACL", "SETUSER", self.user, "reset", "on", f">{self.backend_password}"
            )
            admin.execute_command("ACL", "SETUSER", self.user, "~*", "&*", "+@all")
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            listener = self._loop.run_until_complete(
                asyncio.start_server(self._serve, "127.0.0.1", 0)
            )
            self.port = int(listener.sockets[0].getsockname()[1])
            watch = self._loop.create_task(self._watch())
            ready.set()
            self._loop.run_forever()
            watch.cancel()
            listener.close()
            for connection in list(self._connections):
                connection.writer.close()
                connection.upstream.close()
            self._loop.run_until_complete(asyncio.sleep(0.05))
            self._loop.close()

        self._thread = threading.Thread(target=run, name="reauth-proxy", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def token_is_good(self, user: str, token: str) -> bool:
        """Whether `token` is what ElastiCache would take for `user` now."""
        host, _, query_text = token.partition("/?")
        query = dict(parse_qsl(query_text, keep_blank_values=True))
        try:
            when = datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            expires = int(query["X-Amz-Expires"])
        except (KeyError, ValueError):
            return False
        params = {"Action": "connect", "User": user}
        if self.serverless:
            params["ResourceType"] = "ServerlessCache"
        expected = reference.presigned_query(
            host=self.cache_name,
            params=params,
            access_key=self.access_key,
            secret_key=self.secret_key,
            session_token=query.get("X-Amz-Security-Token"),
            region=self.region,
            service="elasticache",
            when=when,
            expires=expires,
        )
        age = time.time() - when.timestamp()
        return (
            host == self.cache_name
            and user == self.user
            and set(query) == set(expected)
            and query["X-Amz-Signature"] == expected["X-Amz-Signature"]
            and -5 <= age <= min(expires, self.token_lifetime)
        )

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        context = ssl.create_default_context(cafile=str(self.server.ca_file))
        up_reader, up_writer = await asyncio.open_connection(
            "127.0.0.1", self.server.port, ssl=context, server_hostname="127.0.0.1"
        )
        connection = _Connection(writer, up_writer, time.time())
        self._connections.add(connection)
        back = asyncio.get_running_loop().create_task(self._pipe(up_reader, writer))
        try:
            while True:
                command = await _read_command(reader)
                if command is None:
                    break
                up_writer.write(_encode(self._checked(connection, command)))
                await up_writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._connections.discard(connection)
            back.cancel()
            writer.close()
            up_writer.close()

    def _checked(self, connection: _Connection, command: list[bytes]) -> list[bytes]:
        """`command` with an IAM token swapped for the server's password (or a wrong one)."""
        name = command[0].upper()
        at = None
        if name == b"AUTH" and len(command) == 3:
            at = 1
        elif name == b"HELLO":
            upper = [part.upper() for part in command]
            if b"AUTH" in upper:
                at = upper.index(b"AUTH") + 1
        if at is None or len(command) < at + 2:
            return command
        user, token = command[at].decode(), command[at + 1].decode()
        if self.token_is_good(user, token):
            self.good_auths += 1
            connection.last_auth = time.time()
            password = self.backend_password
        else:
            self.bad_auths += 1
            password = "not-the-password"
        return [*command[: at + 1], password.encode(), *command[at + 2 :]]

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(0.05)
            now = time.time()
            for connection in list(self._connections):
                since = connection.last_auth or connection.opened
                if now - since > self.reauth_limit:
                    self._connections.discard(connection)
                    self.dropped += 1
                    connection.writer.close()
                    connection.upstream.close()


async def _read_command(reader: asyncio.StreamReader) -> list[bytes] | None:
    """One client command (a RESP array of bulk strings, or an inline command)."""
    line = await reader.readline()
    if not line:
        return None
    if not line.startswith(b"*"):
        return line.split()
    parts: list[bytes] = []
    for _ in range(int(line[1:])):
        header = await reader.readline()
        size = int(header[1:])
        parts.append((await reader.readexactly(size + 2))[:-2])
    return parts


def _encode(command: list[bytes]) -> bytes:
    out: list[bytes] = [b"*%d\r\n" % len(command)]
    for part in command:
        out.append(b"$%d\r\n%s\r\n" % (len(part), part))
    return b"".join(out)
