"""Benchmark 5 (support): a history page for 10,000 orders vs 5, and what auditing a read costs.

    python bench/support_reads.py [--requests 400]

In one process (httpx's ASGI transport, no network): the same support reads with the audit
writer on and with it replaced by a no-op, interleaved so both see the same machine; and
the first history page of the largest and smallest customers.
"""

import argparse
import asyncio
import json
import statistics
import time

import httpx
from harness import ADMIN_KEY, analyze, customers, database, load_histories, machine

from app.main import create_app
from app.settings import Settings


async def timed(client: httpx.AsyncClient, path: str, headers: dict) -> float:
    started = time.perf_counter()
    response = await client.get(path, headers=headers)
    assert response.status_code == 200, response.text
    return (time.perf_counter() - started) * 1000


async def add_many_orders(url: str, customer: str, count: int) -> None:
    from datetime import UTC, datetime, timedelta

    from app.db import create_engine, create_sessionmaker
    from app.importer.drafts import Line
    from app.importer.pg_copy import record_orders
    from app.orders.schemas import OrderCreate

    engine = create_engine(Settings(database_url=url))
    now = datetime.now(UTC)
    async with create_sessionmaker(engine)() as session:
        await record_orders(session, [OrderCreate.model_construct(
            order_id=f"{customer}-{n}", customer_id=customer,
            placed_at=now - timedelta(hours=n), lines=[Line(f"sku-{n % 3000}", 1, None)])
            for n in range(count)])
    await engine.dispose()


async def run(url: str, requests: int) -> dict:
    await add_many_orders(url, "many-orders", 10_000)
    analyze(url)
    app = create_app(Settings(database_url=url, admin_key=ADMIN_KEY))
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
        key = (await client.post("/v1/keys", json={"role": "support", "name": "agent"},
                                 headers=admin)).json()["key"]
        agent = {"Authorization": f"Bearer {key}"}
        runtime = app.state.runtime
        real_record = runtime.audit.record
        large, small = customers()["large"][0], customers()["small"][0]
        paths = [f"/v1/orders/{large}-o{n}" for n in range(50)]
        audited, unaudited = [], []
        for n in range(requests):
            for bucket, record in ((audited, real_record), (unaudited, lambda row: None)):
                runtime.audit.record = record
                bucket.append(await timed(client, paths[n % len(paths)], agent))
        runtime.audit.record = real_record
        pages = {}
        for name, customer in (("10,000 orders", "many-orders"), ("5 orders", small)):
            samples = [await timed(client, f"/v1/customers/{customer}/history?limit=50", agent)
                       for _ in range(requests // 4)]
            pages[name] = {"p50_ms": round(statistics.median(samples), 2),
                           "p99_ms": round(sorted(samples)[int(0.99 * len(samples))], 2)}
    a, u = statistics.median(audited), statistics.median(unaudited)
    return {"read_order_p50_ms": {"audited": round(a, 3), "not_audited": round(u, 3),
                                  "audit_overhead": f"{(a / u - 1) * 100:+.1f}%"},
            "history_first_page": pages}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    with database("bench_support") as url:
        load_histories(url)
        result = asyncio.run(run(url, args.requests))
    print(json.dumps({"machine": machine(), **result}, indent=2))


if __name__ == "__main__":
    main()
