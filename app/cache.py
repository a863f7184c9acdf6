"""One small cache interface: Redis when configured, an in-process dict otherwise.

A cache failure is never an error for a caller: reads miss and writes are dropped, so
the database stays the source of truth and a Redis outage only costs speed.
"""

import logging
import time
from typing import Any, Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from app.metrics import DEPENDENCY_ERRORS
from app.settings import Settings

logger = logging.getLogger("purchase_guard.cache")


class Cache(Protocol):
    backend: str

    async def get(self, key: str) -> bytes | None: ...
    async def set(self, key: str, value: bytes, *, ttl_s: int) -> None: ...
    async def delete(self, *keys: str) -> None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class MemoryCache:
    backend = "memory"

    def __init__(self, max_entries: int = 50_000) -> None:
        self._entries: dict[str, tuple[float, bytes]] = {}
        self._max_entries = max_entries

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self._entries.pop(key, None)
            return None
        return entry[1]

    async def set(self, key: str, value: bytes, *, ttl_s: int) -> None:
        if len(self._entries) >= self._max_entries:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (time.monotonic() + ttl_s, value)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._entries.pop(key, None)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._entries.clear()


class RedisCache:
    """Redis or Redis Cluster, with timeouts, and a pause after a failure.

    After a failed call the cache stays out of the way for `pause_s` (reads miss, writes
    are dropped) instead of charging every check the full timeout while Redis is down.
    """

    backend = "redis"

    def __init__(
        self, url: str, *, prefix: str, timeout_s: float, cluster: bool = False,
        pause_s: float = 1.0,
    ) -> None:
        # redis-py waits forever by default; a checkout cannot.
        options = {"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s}
        self._client: Any = (
            aioredis.RedisCluster.from_url(url, **options) if cluster
            else aioredis.Redis.from_url(url, health_check_interval=30, **options)
        )
        if cluster:
            self.backend = "redis-cluster"
        self._prefix = prefix
        self._pause_s = pause_s
        self._paused_until = 0.0

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

    async def delete(self, *keys: str) -> None:
        # One call per key: in a cluster, keys of different customers live on different nodes.
        for key in keys:
            await self._client.delete(self._key(key))

    async def ping(self) -> bool:
        try:
            return bool(await self._client.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._client.aclose()


def create_cache(settings: Settings) -> Cache:
    if settings.redis_url:
        return RedisCache(
            settings.redis_url, prefix=settings.redis_key_prefix,
            timeout_s=settings.redis_timeout_s, cluster=settings.redis_cluster,
            pause_s=settings.redis_retry_s,
        )
    return MemoryCache()
