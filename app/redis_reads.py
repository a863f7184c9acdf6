"""The hot read's own Redis connection: MGETs pipelined on one socket, parsed by hiredis.

Every warm check reads its key and tokens with one MGET (shared by the checks of one loop
turn, `app/coalesce.py`). Through redis-py's client that call cost 110 us of the worker's
CPU on top of the 60 us the round trip itself costs (one call at a time, uvloop): a
quarter of a check's whole cost under load. This connection does only that: it writes the
command, and the answers come back in order on the same socket. Anything unexpected (a
timeout, a refused command, a closed socket) closes it, failing the reads under way, and
the next read opens a new one. Writes, scripts, Redis Cluster, TLS and Unix sockets stay
on redis-py (`for_url` answers None for them).
"""

import asyncio
from collections import deque
from typing import Any

import hiredis
from redis.asyncio.connection import parse_url
from redis.exceptions import RedisError

Reply = list[bytes | None]


class _Replies(asyncio.Protocol):
    def __init__(self) -> None:
        self.reader = hiredis.Reader()
        self.waiting: deque[asyncio.Future[Any]] = deque()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.reader.feed(data)
        while (reply := self.reader.gets()) is not False:
            waiter = self.waiting.popleft()
            if waiter.done():  # timed out: the connection is being closed anyway
                continue
            if isinstance(reply, hiredis.ReplyError):
                waiter.set_exception(RedisError(str(reply)))
            else:
                waiter.set_result(reply)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        while self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_exception(ConnectionError(f"redis connection lost: {exc!r}"))


class MgetConnection:
    def __init__(self, host: str, port: int, *, db: int, username: str | None,
                 password: str | None, timeout_s: float) -> None:
        self._address = (host, port)
        self._handshake = [cmd for cmd in (
            ("AUTH", *((username,) if username else ()), password) if password else None,
            ("SELECT", str(db)) if db else None,
        ) if cmd is not None]
        self._timeout_s = timeout_s
        self._replies: _Replies | None = None
        self._connecting: asyncio.Lock | None = None

    @classmethod
    def for_url(cls, url: str, *, timeout_s: float) -> "MgetConnection | None":
        options = parse_url(url)
        if "connection_class" in options or "path" in options:  # TLS or a Unix socket
            return None
        return cls(options.get("host", "localhost"), int(options.get("port", 6379)),
                   db=int(options.get("db", 0)), username=options.get("username"),
                   password=options.get("password"), timeout_s=timeout_s)

    async def mget(self, keys: list[str]) -> Reply:
        replies = await self._connected()
        reply: Reply = await self._send(replies, ("MGET", *keys))
        return reply

    def close(self) -> None:
        replies, self._replies = self._replies, None
        if replies is not None and replies.transport is not None:
            replies.transport.close()

    async def _connected(self) -> _Replies:
        replies = self._replies
        if replies is not None and replies.transport is not None:
            return replies
        if self._connecting is None:
            self._connecting = asyncio.Lock()
        async with self._connecting:
            if self._replies is None or self._replies.transport is None:
                self._replies = await asyncio.wait_for(self._open(), self._timeout_s)
            return self._replies

    async def _open(self) -> _Replies:
        _, replies = await asyncio.get_running_loop().create_connection(_Replies, *self._address)
        try:
            for command in self._handshake:
                await self._send(replies, command)
        except BaseException:
            if replies.transport is not None:
                replies.transport.close()
            raise
        return replies

    async def _send(self, replies: _Replies, command: tuple[str, ...]) -> Any:
        if replies.transport is None:
            raise ConnectionError("redis connection closed")
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[Any] = loop.create_future()
        replies.waiting.append(waiter)
        replies.transport.write(hiredis.pack_command(command))  # type: ignore[arg-type]  # its stub takes 1-tuples
        expiry = loop.call_later(self._timeout_s, self._expire, replies, waiter)
        try:
            return await waiter
        finally:
            expiry.cancel()

    def _expire(self, replies: _Replies, waiter: asyncio.Future[Any]) -> None:
        if waiter.done():
            return
        waiter.set_exception(TimeoutError(f"no answer from redis in {self._timeout_s} s"))
        # The answers that follow would be matched to the wrong reads: start afresh.
        if replies.transport is not None:
            replies.transport.close()
        if self._replies is replies:
            self._replies = None
