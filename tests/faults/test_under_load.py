"""Faults under load: two workers take interleaved checks and orders while PostgreSQL (behind
a proxy the test controls) hangs and has its connections cut, and Redis is killed and comes
back empty. No answer is a 500; every acknowledged order is stored; a 503 never claims
"nothing was written" for an order that was; every check answered has a readable check_id."""

import asyncio
import random
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from tests.live_server import live_server
from tests.servers import OwnedRedis, TcpProxy

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)

ADMIN_KEY = "load-admin-key"
SECONDS = 8.0
CONCURRENCY = 12


async def test_no_500_no_lost_order_no_false_message_every_check_readable(
    database_url: str, tmp_path: Path,
) -> None:
    target = urlparse(database_url)
    proxy = await TcpProxy(target.hostname or "127.0.0.1", target.port or 5432).start()
    redis = OwnedRedis().start()
    proxied = database_url.replace(target.netloc,
                                   f"{target.username or 'postgres'}@127.0.0.1:{proxy.port}")
    env = {"PURCHASE_GUARD_DATABASE_URL": proxied, "PURCHASE_GUARD_REDIS_URL": redis.url,
           "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"load:{uuid.uuid4().hex}:",
           "PURCHASE_GUARD_DB_CONNECT_TIMEOUT_S": "1", "PURCHASE_GUARD_DB_COMMAND_TIMEOUT_S": "1",
           "PURCHASE_GUARD_DB_POOL_TIMEOUT_S": "1"}
    server = live_server(tmp_path, admin_key=ADMIN_KEY, env=env, workers=2)
    # Started and stopped from a thread: the proxy serves the server's connections on this
    # loop, which must keep running meanwhile.
    base = await asyncio.to_thread(server.__enter__)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
            key = (await http.post("/v1/keys", headers=admin,
                                   json={"role": "checkout", "name": "load"})).json()["key"]
            checkout = {"Authorization": f"Bearer {key}"}
            orders, checks = await _load(http, checkout, proxy, redis)
            proxy.restore()
            if redis.process is None:
                await asyncio.to_thread(redis.start)
            await _assert_outcomes(http, admin, checkout, orders, checks)
    finally:
        await asyncio.to_thread(server.__exit__, None, None, None)
        redis.stop()
        await proxy.close()


async def _load(http: httpx.AsyncClient, checkout: dict, proxy: TcpProxy,
                redis: OwnedRedis) -> tuple[list[tuple[str, httpx.Response]], list[httpx.Response]]:
    orders: list[tuple[str, httpx.Response]] = []
    checks: list[httpx.Response] = []
    started = time.monotonic()
    rng = random.Random(5)

    async def client(n: int) -> None:
        count = 0
        while time.monotonic() - started < SECONDS:
            count += 1
            customer = f"c-{rng.randrange(20)}"
            if count % 3 == 0:
                order_id = f"o-{n}-{count}"
                response = await http.post("/v1/orders", headers=checkout, json={
                    "order_id": order_id, "customer_id": customer,
                    "placed_at": "2026-11-01T10:00:00Z",
                    "lines": [{"sku": f"s-{rng.randrange(50)}", "quantity": 1}]})
                orders.append((order_id, response))
            else:
                checks.append(await http.post("/v1/checks", headers=checkout, json={
                    "customer_id": customer, "items": [{"sku": f"s-{rng.randrange(50)}"}]}))

    async def faults() -> None:
        await asyncio.sleep(1.5)
        proxy.hang()  # the database stops answering
        await asyncio.sleep(1.5)
        proxy.restore()
        await asyncio.sleep(1.0)
        proxy.cut()  # every open connection dies mid-whatever
        await asyncio.sleep(1.0)
        await asyncio.to_thread(redis.stop)  # Redis killed
        await asyncio.sleep(1.5)
        await asyncio.to_thread(redis.start)  # back, empty

    await asyncio.gather(faults(), *(client(n) for n in range(CONCURRENCY)))
    return orders, checks


async def _assert_outcomes(http: httpx.AsyncClient, admin: dict, checkout: dict,
                           orders: list[tuple[str, httpx.Response]],
                           checks: list[httpx.Response]) -> None:
    answers = [r.status_code for _, r in orders] + [r.status_code for r in checks]
    assert 500 not in answers, [r.text for _, r in orders if r.status_code == 500]
    assert set(answers) <= {200, 201, 503}, sorted(set(answers))
    assert any(r.status_code == 503 for _, r in orders), "no fault reached a write"
    for order_id, response in orders:
        stored = await _eventually(http, f"/v1/orders/{order_id}", admin,
                                   want_found=response.status_code != 503)
        if response.status_code in (200, 201):
            assert stored, f"acknowledged order {order_id} was lost"
        elif "nothing was written" in response.json()["detail"]:
            assert not stored, f"{order_id}: the 503 said nothing was written, but it was"
    for response in checks:
        if response.status_code == 200:
            check_id = response.json()["check_id"]
            assert await _eventually(http, f"/v1/checks/{check_id}", checkout, want_found=True), \
                f"check {check_id} was answered but cannot be read"


async def _eventually(http: httpx.AsyncClient, path: str, headers: dict, *,
                      want_found: bool) -> bool:
    """Whether `path` is found; a wanted answer may take the log's retry to arrive."""
    for _ in range(60 if want_found else 1):
        response = await http.get(path, headers=headers)
        assert response.status_code in (200, 404), response.text
        if response.status_code == 200 or not want_found:
            return response.status_code == 200
        await asyncio.sleep(0.1)
    return False
