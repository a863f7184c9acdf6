"""Redis stopped, hung or flushed: checks answer correctly from the database, never a 5xx."""

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
import redis

from app.settings import Settings
from tests.factories import NOW, check, codes, place_order, put_product
from tests.faults.conftest import Worker, mirrored, token_reads, with_
from tests.servers import OwnedRedis


@pytest.fixture
def owned_redis() -> Iterator[OwnedRedis]:
    server = OwnedRedis().start()
    yield server
    server.close()


@pytest.fixture
def redis_settings(settings: Settings, owned_redis: OwnedRedis) -> Settings:
    return with_(settings, redis_url=owned_redis.url, redis_key_prefix="pg:",
                 redis_timeout_s=0.1, redis_retry_s=0.2)


async def _history(client: httpx.AsyncClient, keys: dict) -> None:
    await put_product(client, keys["admin"], "ebook", kind="digital")
    await place_order(client, keys["checkout"], "o-1", customer_id="c-1",
                      placed_at=NOW - timedelta(days=30), lines=[("ebook", 1)])


async def _order_again(client: httpx.AsyncClient, keys: dict) -> None:
    await place_order(client, keys["checkout"], "o-2", customer_id="c-1",
                      placed_at=NOW - timedelta(minutes=3), lines=[("mug", 1)])


async def _expect(client: httpx.AsyncClient, keys: dict) -> None:
    result = await check(client, keys["checkout"], ["ebook", "mug"], customer_id="c-1")
    assert result["degraded"] is False
    assert sorted(codes(result)) == [("ebook", "ALREADY_OWNED"), ("mug", "DUPLICATE_ORDER")]


async def _answers_from_the_mirror(client: httpx.AsyncClient, keys: dict) -> None:
    """Right answers throughout, and within two seconds one read from the Redis mirror."""
    for _ in range(20):
        from_cache = token_reads("cache")
        await _expect(client, keys)
        if token_reads("cache") > from_cache:
            return
        await mirrored(client)
        await asyncio.sleep(0.1)
    raise AssertionError("the worker never trusted the Redis mirror again")


async def test_a_stopped_redis_leaves_checks_and_writes_working(
    client: httpx.AsyncClient, keys: dict, redis_settings: Settings, owned_redis: OwnedRedis,
    worker: Worker,
) -> None:
    await _history(client, keys)
    async with worker(redis_settings) as first:
        await check(first, keys["checkout"], ["ebook"], customer_id="c-1")
        owned_redis.stop()
        await _order_again(first, keys)
        await _expect(first, keys)
        ready = await first.get("/readyz")
        assert ready.status_code == 200 and ready.json()["cache"]["status"] == "down"
    async with worker(redis_settings) as fresh:
        await _expect(fresh, keys)


async def test_a_hung_redis_costs_a_timeout_never_a_stale_answer(
    client: httpx.AsyncClient, keys: dict, redis_settings: Settings, owned_redis: OwnedRedis,
    worker: Worker,
) -> None:
    await _history(client, keys)
    async with worker(redis_settings) as first, worker(redis_settings) as bystander:
        # The customer's token from before the new order now sits in Redis, and both
        # workers trust the mirror.
        for warm in (first, bystander):
            await check(warm, keys["checkout"], ["ebook"], customer_id="c-1")
            await mirrored(warm)
        owned_redis.pause()
        try:
            await _order_again(first, keys)
            async with worker(redis_settings) as during:
                await _expect(during, keys)
        finally:
            owned_redis.resume()
        await asyncio.sleep(0.5)  # the writer announces the new epoch once Redis answers
        # Redis is back with the old token in it: no worker may believe it.
        await _expect(bystander, keys)
        await _expect(first, keys)
    async with worker(redis_settings) as after:
        await _expect(after, keys)
        await _answers_from_the_mirror(after, keys)


async def test_a_flushed_redis_is_refilled_from_the_database(
    client: httpx.AsyncClient, keys: dict, redis_settings: Settings, owned_redis: OwnedRedis,
    worker: Worker,
) -> None:
    await _history(client, keys)
    await _order_again(client, keys)
    async with worker(redis_settings) as first:
        await _expect(first, keys)
    redis.Redis.from_url(owned_redis.url).flushall()
    async with worker(redis_settings) as second:
        await _expect(second, keys)
        await mirrored(second)
    async with worker(redis_settings) as third:
        await _answers_from_the_mirror(third, keys)


async def test_a_restarted_redis_is_used_again(
    client: httpx.AsyncClient, keys: dict, redis_settings: Settings, owned_redis: OwnedRedis,
    worker: Worker,
) -> None:
    await _history(client, keys)
    await _order_again(client, keys)
    async with worker(redis_settings) as first, worker(redis_settings) as second:
        owned_redis.stop()
        await _expect(first, keys)
        owned_redis.start()
        await asyncio.sleep(0.3)  # past PURCHASE_GUARD_REDIS_RETRY_S
        # The restarted Redis holds no epoch: each worker reads the database once, then
        # trusts the refilled mirror again.
        await put_product(first, keys["admin"], "ebook", kind="digital", title="Ebook")
        for refill in (first, second):
            await _answers_from_the_mirror(refill, keys)
