"""Where a check's time goes, phase by phase: the numbers behind bench/RESULTS.md's limits.

    python bench/profile_check.py

Warm: 300 serial checks in-process (httpx's ASGI transport, no network), timing the whole
request, the database step (session, the one statement, the budget's task), the snapshot
lookup, the product cache and the rules. Cold: each phase of building the snapshot of the
customers with 10,000 history lines.
"""

import asyncio
import functools
import json
import random
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import httpx
from harness import ADMIN_KEY, cart, customers, database, load_histories, machine

from app.checks import history, service, snapshot_codec
from app.checks.customer import build_basis
from app.db import create_engine, create_sessionmaker, utcnow
from app.main import create_app
from app.settings import Settings

SPENT: dict[str, float] = defaultdict(float)


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - started

    return wrapper


async def warm(url: str, checks: int = 300) -> dict[str, float]:
    service.within = timed("database step (session, statement, budget task)", service.within)
    service._decide = timed("snapshot + products + rules", service._decide)
    service.run_check = timed("run_check", service.run_check)
    app = create_app(Settings(database_url=url, admin_key=ADMIN_KEY, check_budget_ms=5000))
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
        runtime = app.state.runtime
        runtime.snapshots.basis = timed("snapshot lookup", runtime.snapshots.basis)
        runtime.catalog.for_cart = timed("product cache", runtime.catalog.for_cart)
        key = (await http.post("/v1/keys", json={"role": "checkout", "name": "profile"},
                               headers={"Authorization": f"Bearer {ADMIN_KEY}"})).json()["key"]
        headers = {"Authorization": f"Bearer {key}"}
        rng = random.Random(1)
        bodies = [cart(rng, rng.choice(customers()["medium"][:5])) for _ in range(checks)]
        for body in bodies:
            await http.post("/v1/checks", json=body, headers=headers)
        SPENT.clear()
        started = time.perf_counter()
        for body in bodies:
            await http.post("/v1/checks", json=body, headers=headers)
        SPENT["whole request"] = time.perf_counter() - started
        for _ in bodies:
            await http.get("/healthz")
        SPENT["bare /healthz request"] = time.perf_counter() - started - SPENT["whole request"]
    return {name: round(total / checks * 1000, 3) for name, total in SPENT.items()}


async def cold(url: str) -> dict[str, float]:
    engine = create_engine(Settings(database_url=url))
    sessionmaker = create_sessionmaker(engine)
    spent: dict[str, float] = defaultdict(float)

    async def phase(name: str, work: Any) -> Any:
        started = time.perf_counter()
        result = await work if asyncio.iscoroutine(work) else work
        spent[name] += time.perf_counter() - started
        return result

    large = customers()["large"]
    for customer in large:
        now = utcnow()
        async with sessionmaker() as session:
            past = await phase("load history", history.load_history(session, customer, as_of=now))
            products = await phase("load products", history.load_products(
                session, {p.sku for p in past.purchases}))
            until = await phase("first future event",
                                history.first_event_after(session, customer, now))
        started = time.perf_counter()
        basis = build_basis(past, products, at=now, valid_until=until)
        spent["derive basis"] += time.perf_counter() - started
        started = time.perf_counter()
        snapshot_codec.encode(basis, tokens=("a", "b"))
        spent["encode snapshot"] += time.perf_counter() - started
    await engine.dispose()
    return {name: round(total / len(large) * 1000, 1) for name, total in spent.items()}


def main() -> None:
    with database("bench_profile") as url:
        load_histories(url)
        report = {"machine": machine(), "warm_check_ms": asyncio.run(warm(url)),
                  "cold_10000_lines_ms": asyncio.run(cold(url))}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
