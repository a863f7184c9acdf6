"""Redis stopped, hung or flushed: checks answer correctly from the database, never a 5xx."""

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
import redis

from app.settings import Settings
from tests.factories import NOW, check, codes, place_order, put_product
from tests.faults.conftest import Worker, snapshot_lookups, with_
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
    async with worker(redis_settings) as first:
        # The snapshot without the new order now sits in Redis.
        await check(first, keys["checkout"], ["ebook"], customer_id="c-1")
        owned_redis.pause()
        try:
            await _order_again(first, keys)
            async with worker(redis_settings) as during:
                await _expect(during, keys)
        finally:
            owned_redis.resume()
    # Redis is back with the old snapshot in it: a new worker must not believe it.
    shared_before = snapshot_lookups("shared")
    async with worker(redis_settings) as after:
        await _expect(after, keys)
    assert snapshot_lookups("shared") == shared_before


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
    shared_before = snapshot_lookups("shared")
    async with worker(redis_settings) as third:
        await _expect(third, keys)
    assert snapshot_lookups("shared") == shared_before + 1


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
        # A write changes the tokens, so the next check rebuilds and fills the new Redis.
        await put_product(first, keys["admin"], "ebook", kind="digital", title="Ebook")
        await _expect(first, keys)  # rebuilt and written to the restarted Redis
        shared_before = snapshot_lookups("shared")
        await _expect(second, keys)
        assert snapshot_lookups("shared") == shared_before + 1
