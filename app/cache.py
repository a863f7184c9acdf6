"""One small cache interface: Redis when configured, an in-process dict otherwise.

A cache failure is never an error for a caller: reads miss and writes are dropped, so
the database stays the source of truth and a Redis outage only costs speed.
"""

import asyncio
import logging
import time
from typing import Any, Protocol

import redis.asyncio as aioredis
from cachetools import TLRUCache
from redis.exceptions import RedisError

from app.coalesce import CoalescedReads
from app.metrics import DEPENDENCY_ERRORS
from app.redis_reads import MgetConnection
from app.settings import Settings

logger = logging.getLogger("purchase_guard.cache")


class Cache(Protocol):
    backend: str

    async def get(self, key: str) -> bytes | None: ...
    async def set(self, key: str, value: bytes, *, ttl_s: int) -> None: ...
    async def delete(self, *keys: str) -> bool: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...
    async def open_connections(self, count: int) -> None: ...


def _expires(_key: str, entry: tuple[int, bytes], now: float) -> float:
    return now + entry[0]


class MemoryCache:
    """This process's memory: least recently used entries go first, each at its own TTL."""

    backend = "memory"

    def __init__(self, max_entries: int = 50_000) -> None:
        # (ttl_s, value): the TTL travels with the entry, as Redis keeps it.
        self._entries: TLRUCache[str, tuple[int, bytes]] = TLRUCache(
            maxsize=max_entries, ttu=_expires)

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        return None if entry is None else entry[1]

    async def set(self, key: str, value: bytes, *, ttl_s: int) -> None:
        self._entries[key] = (ttl_s, value)

    async def delete(self, *keys: str) -> bool:
        for key in keys:
            self._entries.pop(key, None)
        return True

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._entries.clear()

    async def open_connections(self, count: int) -> None:
        """Nothing to open: the cache is this process's memory."""



class RedisCache:
    """Redis or Redis Cluster, with timeouts, and a pause after a failure.

    After a failed call the cache stays out of the way for `pause_s` (reads miss, writes
    are dropped) instead of charging every check the full timeout while Redis is down.
    """

    backend = "redis"

    def __init__(
        self, url: str, *, prefix: str, timeout_s: float, cluster: bool = False,
        pause_s: float = 1.0, max_connections: int = 1024,
    ) -> None:
        # redis-py waits forever by default; a checkout cannot. Its pool refuses a 101st
        # connection by default, which a loaded worker (a round trip per check) reaches.
        options: dict[str, Any] = {"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s,
                   "max_connections": max_connections}
        self._client: Any = (
            aioredis.RedisCluster.from_url(url, **options) if cluster
            else aioredis.Redis.from_url(url, health_check_interval=30, **options)
        )
        self._hot_reads = None if cluster else MgetConnection.for_url(url, timeout_s=timeout_s)
        if cluster:
            self.backend = "redis-cluster"
        self._prefix = prefix
        self._pause_s = pause_s
        self._paused_until = 0.0
        self._reads = CoalescedReads(self._get_many_now)

    def _key(self, key: str) -> str:
        return self._prefix + key

    def _available(self) -> bool:
        return time.monotonic() >= self._paused_until

    def _failed(self, action: str, exc: BaseException) -> None:
        self._paused_until = time.monotonic() + self._pause_s
        DEPENDENCY_ERRORS.labels("redis").inc()
        logger.warning("redis %s failed, cache paused for %.1fs: %s", action, self._pause_s, exc)

    async def get(self, key: str) -> bytes | None:
        if not self._available():
            return None
        try:
            value: bytes | None = await self._client.get(self._key(key))
            return value
        except (RedisError, OSError) as exc:
            self._failed("get", exc)
            return None

    async def set(self, key: str, value: bytes, *, ttl_s: int) -> None:
        if not self._available():
            return
        try:
            await self._client.set(self._key(key), value, ex=ttl_s)
        except (RedisError, OSError) as exc:
            self._failed("set", exc)

    async def delete(self, *keys: str) -> bool:
        """False when a key may remain (Redis failed or is paused); never raises."""
        if not self._available():
            return False
        try:
            # One call per key: in a cluster, keys of different customers live on different nodes.
            for key in keys:
                await self._client.delete(self._key(key))
            return True
        except (RedisError, OSError) as exc:
            self._failed("delete", exc)
            return False

    async def get_many(self, keys: list[str]) -> list[bytes | None] | None:
        """Several keys in one round trip, shared with the reads of the same loop turn;
        None when Redis failed or is paused."""
        if not self._available():
            return None
        return await self._reads.get_many(keys)

    async def _get_many_now(self, keys: list[str]) -> list[bytes | None] | None:
        try:
            values: list[bytes | None]
            if self._hot_reads is not None:
                return await self._hot_reads.mget([self._key(key) for key in keys])
            if self.backend == "redis":  # one MGET: far cheaper than a pipeline in redis-py
                values = await self._client.mget([self._key(key) for key in keys])
                return values
            async with self._client.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.get(self._key(key))
                values = await pipe.execute()
            return values
        except (RedisError, OSError) as exc:
            self._failed("get", exc)
            return None

    async def set_many(self, items: dict[str, bytes], *, ttl_s: int, only_new: bool) -> bool:
        """Set every key in one round trip (`only_new`: leave a key that exists); False on failure."""
        if not self._available():
            return False
        try:
            async with self._client.pipeline(transaction=False) as pipe:
                for key, value in items.items():
                    pipe.set(self._key(key), value, ex=ttl_s, nx=only_new)
                await pipe.execute()
            return True
        except (RedisError, OSError) as exc:
            self._failed("set", exc)
            return False

    async def raise_to(self, key: str, value: int) -> int | None:
        """Set an integer key to `value` unless it holds a larger one; what it then holds
        (None when Redis failed)."""
        if not self._available():
            return None
        try:
            return int(await self._client.eval(_RAISE_TO, 1, self._key(key), value))
        except (RedisError, OSError) as exc:
            self._failed("set", exc)
            return None

    async def ping(self) -> bool:
        try:
            return bool(await self._client.ping())
        except (RedisError, OSError):
            return False

    async def open_connections(self, count: int) -> None:
        """Open connections before the first checks: a burst of checks on a fresh worker
        would otherwise open them all at once, and time out doing so on a busy machine."""
        await asyncio.gather(*(self.ping() for _ in range(count)))

    async def close(self) -> None:
        if self._hot_reads is not None:
            self._hot_reads.close()
        await self._client.aclose()


_RAISE_TO = """
local current = redis.call('GET', KEYS[1])
if (not current) or tonumber(current) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return ARGV[1]
end
return current
"""


def create_cache(settings: Settings) -> Cache:
    if settings.redis_url:
        return RedisCache(
            settings.redis_url, prefix=settings.redis_key_prefix,
            timeout_s=settings.redis_timeout_s, cluster=settings.redis_cluster,
            pause_s=settings.redis_retry_s, max_connections=settings.redis_max_connections,
        )
    return MemoryCache()
