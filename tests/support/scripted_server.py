"""A tiny HTTP server on 127.0.0.1 that answers from a script, for fault tests over real sockets.

`ScriptedServer()` starts at once on a free port (`.url`) in a daemon thread. Queue answers
with `add(status, body, delay=...)`; each request takes the next one (an unexpected request
gets a 400 `UnexpectedRequest` error, so the test fails visibly). `requests` lists the
`Action` of every request received. A `delay` holds the answer back (for read timeouts) until
the delay passes or the server stops; `cut_after` sends only that many bytes of the body (its
whole length still announced in Content-Length), then closes the connection cleanly. `stop()`
releases held answers and shuts the server down; use it as a context manager.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from tests.support.query_xml import error_xml, result_xml


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    delay: float = 0.0
    content_type: str = "text/xml"
    cut_after: int | None = None


class ScriptedServer:
    """See the module docstring."""

    def __init__(self) -> None:
        self.requests: list[str | None] = []
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._released = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                answer = server._next(form.get("Action", [None])[0])
                if answer.delay:
                    server._released.wait(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.send_header("x-amzn-RequestId", "scripted-request-id")
                    self.end_headers()
                    self.wfile.write(answer.body[: answer.cut_after])
                    if answer.cut_after is not None:
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a read timeout): nothing to answer

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"

    def _next(self, action: str | None) -> Answer:
        with self._lock:
            self.requests.append(action)
            if self._answers:
                return self._answers.popleft()
        return Answer(400, error_xml("UnexpectedRequest", f"nothing queued for {action}").encode())

    def add(
        self,
        status: int,
        body: str | bytes = b"",
        *,
        delay: float = 0.0,
        content_type: str = "text/xml",
        cut_after: int | None = None,
    ) -> None:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._answers.append(Answer(status, raw, delay, content_type, cut_after))

    def add_result(self, operation: str, data: Mapping[str, Any] | None) -> None:
        """Queue a successful answer of `operation` carrying `data` (boto3 form)."""
        self.add(200, result_xml(operation, data))

    def add_error(self, code: str, message: str = "", status: int = 400) -> None:
        self.add(status, error_xml(code, message, error_type="Receiver"))

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._answers)

    def stop(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> ScriptedServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
