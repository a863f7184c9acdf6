"""The cache behind snapshots: Redis (real server) or in-process, and harmless when Redis fails."""

import asyncio
import socket
import uuid

import pytest

from app.cache import Cache, MemoryCache, RedisCache
from tests import services


@pytest.fixture(params=["memory", "redis", "redis-cluster"])
async def cache(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    prefix = f"pgtest:{uuid.uuid4().hex}:"
    if request.param == "memory":
        store: Cache = MemoryCache()
    elif request.param == "redis":
        services.require_redis()
        store = RedisCache(services.REDIS_URL, prefix=prefix, timeout_s=1)
    else:
        cluster = request.getfixturevalue("cluster")
        store = RedisCache(cluster.url, prefix=prefix, timeout_s=1, cluster=True)
    yield store
    await store.close()


async def test_set_get_delete(cache: Cache) -> None:
    assert await cache.get("c-1") is None
    await cache.set("{c-1}:snapshot", b"facts", ttl_s=60)
    assert await cache.get("{c-1}:snapshot") == b"facts"
    await cache.delete("{c-1}:snapshot")
    assert await cache.get("{c-1}:snapshot") is None
    assert await cache.ping() is True


async def test_entries_expire(cache: Cache) -> None:
    await cache.set("k", b"v", ttl_s=1)
    await asyncio.sleep(1.2)
    assert await cache.get("k") is None


async def test_unreachable_redis_misses_instead_of_failing() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cache = RedisCache(f"redis://127.0.0.1:{port}/0", prefix="x:", timeout_s=0.2)
    assert await cache.get("k") is None
    await cache.set("k", b"v", ttl_s=5)  # dropped, not raised
    assert await cache.delete("k") is False  # "a key may remain", not raised
    assert await cache.ping() is False
    await cache.close()


async def test_the_memory_cache_keeps_its_bound_and_drops_the_least_recently_used() -> None:
    cache = MemoryCache(max_entries=2)
    await cache.set("a", b"1", ttl_s=60)
    await cache.set("b", b"2", ttl_s=60)
    assert await cache.get("a") == b"1"  # "a" is now the more recently used
    await cache.set("c", b"3", ttl_s=60)
    assert [await cache.get(k) for k in ("a", "b", "c")] == [b"1", None, b"3"]
