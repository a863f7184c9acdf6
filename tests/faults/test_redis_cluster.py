"""The same cache code on a three-master Redis Cluster: keys of one customer share a slot."""

from datetime import timedelta

import httpx
import redis

from app.cache import RedisCache
from app.settings import Settings
from tests.factories import NOW, check, codes, place_order, put_product
from tests.faults.conftest import Worker, mirrored, token_reads, with_
from tests.servers import RedisCluster


def snapshot_key(customer_id: str) -> str:
    return f"snap:{{{customer_id}}}"


async def test_the_cache_reads_and_writes_across_all_three_masters(cluster: RedisCluster) -> None:
    cache = RedisCache(cluster.url, prefix="pg:", timeout_s=1, cluster=True)
    try:
        customers = [f"c-{n}" for n in range(60)]
        for customer in customers:
            await cache.set(snapshot_key(customer), customer.encode(), ttl_s=60)
        for customer in customers:
            assert await cache.get(snapshot_key(customer)) == customer.encode()
        await cache.delete(*(snapshot_key(c) for c in customers[:30]))
        assert [await cache.get(snapshot_key(c)) for c in customers[:30]] == [None] * 30
        assert await cache.ping() is True
    finally:
        await cache.close()
    # Spread over every master: the hash tag is the customer id, not one fixed slot.
    slots = {redis.RedisCluster.from_url(cluster.url).keyslot(f"pg:{snapshot_key(c)}")
             for c in customers}
    assert len(slots) > 3
    owners = set()
    for node in cluster.nodes:
        keys = redis.Redis.from_url(node.url).keys("pg:snap:*")
        if keys:
            owners.add(node.port)
    assert len(owners) == 3


async def test_checks_share_tokens_through_the_cluster_and_see_writes(
    client: httpx.AsyncClient, keys: dict, settings: Settings, cluster: RedisCluster,
    worker: Worker,
) -> None:
    clustered = with_(settings, redis_url=cluster.url, redis_cluster=True,
                      redis_key_prefix="pg:rw:", redis_timeout_s=1)
    await put_product(client, keys["admin"], "ebook", kind="digital")
    await place_order(client, keys["checkout"], "o-1", customer_id="c-1",
                      placed_at=NOW - timedelta(days=3), lines=[("ebook", 1)])
    async with worker(clustered) as first, worker(clustered) as second:
        for worker_ in (first, second):
            assert codes(await check(worker_, keys["checkout"], ["ebook"], customer_id="c-1")) == [
                ("ebook", "ALREADY_OWNED")]
            await mirrored(worker_)
        from_cache = token_reads("cache")
        assert codes(await check(second, keys["checkout"], ["ebook"], customer_id="c-1")) == [
            ("ebook", "ALREADY_OWNED")]
        assert token_reads("cache") == from_cache + 1
        await place_order(first, keys["checkout"], "o-2", customer_id="c-1",
                          placed_at=NOW - timedelta(minutes=1), lines=[("lamp", 1)])
        assert codes(await check(second, keys["checkout"], ["lamp"], customer_id="c-1")) == [
            ("lamp", "DUPLICATE_ORDER")]
        ready = (await second.get("/readyz")).json()
        assert ready["cache"] == {"backend": "redis-cluster", "status": "ok"}
