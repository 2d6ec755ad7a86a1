"""The part of the redis-py and valkey-py credential providers that does not depend on either:
one IAM token shared by every connection, thread and task, renewed ahead of time in the
background.

- A token is handed out until it is `REFRESH_AFTER` seconds old; from then on the one in
  hand is still handed out while a renewal runs in the background (a thread for
  `ElastiCache`, a task on the running loop for `AsyncElastiCache`).
- A caller waits only when no token has `MIN_VALIDITY` seconds or more of validity left.
- A failed renewal is logged (its error class, never the token) and retried after a
  backoff; its error reaches a caller only once no valid token remains.
- With an `ElastiCache`, waiting in `get_credentials_async` runs in a worker thread: no
  blocking I/O on the event loop.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from elasticache_typed._connect.iam_token import MAX_EXPIRES_IN, token_request

if TYPE_CHECKING:
    from elasticache_typed import AsyncElastiCache, ElastiCache

logger = logging.getLogger("elasticache_typed")

TOKEN_LIFETIME = MAX_EXPIRES_IN
"""Seconds each token is valid (15 minutes, the longest ElastiCache accepts)."""

REFRESH_AFTER = 300
"""A token this many seconds old is renewed in the background (the old one still served)."""

MIN_VALIDITY = 60
"""Callers wait for a renewal only when the token in hand has less validity than this."""

RENEWER_POLL = 1.0
"""Seconds between the re-authenticating renewer's looks at the clock."""

RETRY_BACKOFF = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)
"""Seconds before retrying a failed renewal, one after the other; the last repeats."""

Listener = Callable[[str, str], Any]
"""Told `(user_id, token)` after each renewal; may return an awaitable (asyncio clients)."""


def awaits(facade: object) -> bool:
    """Whether `facade` is an `AsyncElastiCache` (its tokens are awaited)."""
    return inspect.iscoroutinefunction(getattr(facade, "generate_iam_auth_token", None))


class IAMTokenProvider:
    """Gives `(user_id, token)` for each new connection. Safe to share between threads,
    connection pools and asyncio tasks."""

    def __init__(
        self,
        facade: ElastiCache | AsyncElastiCache,
        *,
        user_id: str,
        cache_name: str,
        serverless: bool = False,
        region: str | None = None,
    ) -> None:
        """Make a provider that signs tokens with `facade`'s credentials.

        Args:
            facade: An `ElastiCache` or `AsyncElastiCache`, whose client's credentials sign.
            user_id: The ElastiCache user to authenticate as (IAM authentication mode).
            cache_name: The replication group id, or the serverless cache's name.
            serverless: True for a serverless cache.
            region: The cache's region; None for the region the facade's client signs for.

        Raises:
            ValidationError: A bad argument.
        """
        request = token_request(
            facade.client,  # the region it signs for, when none is given
            user_id=user_id,
            cache_name=cache_name,
            serverless=serverless,
            expires_in=TOKEN_LIFETIME,
            region=region,
        )
        self._facade = facade
        self._async = awaits(facade)
        self._arguments = {
            "user_id": request.user_id,
            "cache_name": request.cache_name,
            "serverless": serverless,
            "expires_in": TOKEN_LIFETIME,
            "region": region,
        }
        self._user_id = request.user_id
        self._state = threading.Lock()  # guards the fields below; never held during I/O
        self._renewing = threading.Lock()  # held while a token is made: one at a time
        self._token: str | None = None
        self._made_at = 0.0
        self._next_attempt = 0.0
        self._failures = 0
        self._in_flight = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._listeners: list[Listener] = []
        self._loop: asyncio.AbstractEventLoop | None = None  # of the asyncio listeners
        self._renewer_started = False

    def get_credentials(self) -> tuple[str, str]:
        """The user id and a token with at least a minute of validity left (its password).

        Raises:
            AccessDeniedError: The facade's client has no credentials to sign with.
            ValidationError: The provider signs with an `AsyncElastiCache` and has no valid
                token in hand (use `get_credentials_async`).
        """
        token = self._in_hand()
        if token is not None:
            return self._user_id, token
        if self._async:
            from elasticache_typed._errors.categories import ValidationError

            raise ValidationError(
                "this provider signs with an AsyncElastiCache: redis.asyncio and "
                "valkey.asyncio clients call get_credentials_async"
            )
        return self._user_id, self._wait_sync()

    async def get_credentials_async(self) -> tuple[str, str]:
        """The same as `get_credentials`, for asyncio clients; never blocks the event loop."""
        self._loop = asyncio.get_running_loop()
        if self._listeners and self._async and not self._renewer_started:
            self._renewer_started = True
            task = self._loop.create_task(self._renewer_async())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        token = self._in_hand()
        if token is not None:
            return self._user_id, token
        if self._async:
            return self._user_id, await self._wait_async()
        return self._user_id, await asyncio.to_thread(self._wait_sync)

    def _in_hand(self) -> str | None:
        """The usable token in hand, its renewal started in the background when it is due."""
        token = self._usable(time.time())
        if token is not None:
            if self._async:
                self._renew_on_loop()
            else:
                self._renew_in_thread()
        return token

    def _usable(self, now: float) -> str | None:
        """The token in hand if it has `MIN_VALIDITY` left (a clock set back: none)."""
        with self._state:
            if self._token is None or not self._made_at <= now:
                return None
            if now < self._made_at + TOKEN_LIFETIME - MIN_VALIDITY:
                return self._token
            return None

    def _due(self, now: float) -> bool:
        """Whether a background renewal should start now (and mark it started)."""
        with self._state:
            if self._in_flight or now < self._made_at + REFRESH_AFTER:
                return False
            if now < self._next_attempt:
                return False
            self._in_flight = True
            return True

    def _renew_in_thread(self) -> None:
        if self._due(time.time()):
            threading.Thread(
                target=self._background_sync, name="elasticache-typed-token", daemon=True
            ).start()

    def _renew_on_loop(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop to renew on: the next asyncio caller renews
        if self._due(time.time()):
            task = loop.create_task(self._background_async())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _background_sync(self) -> None:
        try:
            with self._renewing:
                self._store(self._facade.generate_iam_auth_token(**self._arguments))  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001 - retried; surfaces once no token is valid
            self._failed(error)
        finally:
            with self._state:
                self._in_flight = False

    async def _background_async(self) -> None:
        try:
            async with self._loop_lock():
                self._store(await self._facade.generate_iam_auth_token(**self._arguments))  # type: ignore[arg-type,misc]
        except Exception as error:  # noqa: BLE001 - retried; surfaces once no token is valid
            self._failed(error)
        finally:
            with self._state:
                self._in_flight = False

    def _wait_sync(self) -> str:
        with self._renewing:
            token = self._usable(time.time())  # renewed while this caller waited
            if token is None:
                token = self._store(self._facade.generate_iam_auth_token(**self._arguments))  # type: ignore[arg-type]
            return token

    async def _wait_async(self) -> str:
        async with self._loop_lock():
            token = self._usable(time.time())
            if token is None:
                generate: Any = self._facade.generate_iam_auth_token  # the asyncio facade's
                token = self._store(await generate(**self._arguments))
            return token

    def _loop_lock(self) -> asyncio.Lock:
        """One asyncio lock per event loop (a provider may serve clients of several)."""
        loop = asyncio.get_running_loop()
        locks: dict[int, tuple[asyncio.AbstractEventLoop, asyncio.Lock]]
        locks = self.__dict__.setdefault("_loop_locks", {})
        found = locks.get(id(loop))
        if found is None or found[0] is not loop:
            found = (loop, asyncio.Lock())
            locks[id(loop)] = found
        return found[1]

    def _store(self, token: str) -> str:
        with self._state:
            self._token = token
            self._made_at = time.time()
            self._failures = 0
            self._next_attempt = 0.0
            listeners = list(self._listeners)
        for listener in listeners:
            self._tell(listener, token)
        return token

    def _tell(self, listener: Listener, token: str) -> None:
        try:
            answer = listener(self._user_id, token)
            if inspect.isawaitable(answer):
                self._schedule(answer)
        except Exception as error:  # noqa: BLE001 - a listener's failure is its own
            logger.warning(
                "re-authentication after an IAM token renewal failed: %s", type(error).__name__
            )

    def _failed(self, error: Exception) -> None:
        with self._state:
            delay = RETRY_BACKOFF[min(self._failures, len(RETRY_BACKOFF) - 1)]
            self._failures += 1
            self._next_attempt = time.time() + delay
            left = self._made_at + TOKEN_LIFETIME - time.time()
        logger.warning(
            "renewing the IAM token of ElastiCache user %r failed (%s); retrying in %.0f s, "
            "the token in hand stays valid %.0f s more",
            self._user_id,
            type(error).__name__,
            delay,
            max(left, 0.0),
        )

    def _schedule(self, answer: Any) -> None:
        """Runs an asyncio listener's answer on its loop, from the loop or from a thread."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None:
            task = running.create_task(answer)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        elif self._loop is not None and not self._loop.is_closed():
            asyncio.run_coroutine_threadsafe(answer, self._loop)
        else:
            answer.close()  # no loop to run it on

    def get_user_id(self) -> str:
        """The user id the tokens are made for (lower case, as the service stores it)."""
        return self._user_id

    def add_listener(self, listener: Listener) -> None:
        """Tells `listener` each new token from now on; renews even when no one asks, so
        that open connections re-authenticate (a thread, or a task on the first loop).

        Used by the redis-py provider's `on_next` and by the glide refresher."""
        with self._state:
            self._listeners.append(listener)
            start = not self._async and not self._renewer_started
            self._renewer_started = self._renewer_started or start
        if start:
            threading.Thread(
                target=self._renewer_sync, name="elasticache-typed-renewer", daemon=True
            ).start()

    def remove_listener(self, listener: Listener) -> None:
        """Stops telling `listener`; the renewer stops with the last listener."""
        with self._state:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _renewer_keeps_going(self) -> bool:
        with self._state:
            if not self._listeners:
                self._renewer_started = False
            return bool(self._listeners)

    def _renewer_sync(self) -> None:
        pause = threading.Event()
        while not pause.wait(RENEWER_POLL) and self._renewer_keeps_going():
            if self._token is not None and self._due(time.time()):
                self._background_sync()

    async def _renewer_async(self) -> None:
        while True:
            await asyncio.sleep(RENEWER_POLL)
            if not self._renewer_keeps_going():
                return
            if self._token is not None and self._due(time.time()):
                await self._background_async()

    def __repr__(self) -> str:
        arguments = self._arguments
        return (
            f"{type(self).__name__}(user_id={arguments['user_id']!r}, "
            f"cache_name={arguments['cache_name']!r}, serverless={arguments['serverless']!r})"
        )
