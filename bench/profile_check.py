"""Where a check's time goes, phase by phase: the numbers behind bench/RESULTS.md's limits.

    python bench/profile_check.py

Warm: 300 serial checks in-process (httpx's ASGI transport, no network) on PostgreSQL and
Redis, timing the whole request, the token mirror's Redis round trip, the in-process
evaluation and any database step. Cold: reading the cart's records by key and a whole
snapshot for the customers with 10,000 history lines.
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
from harness import ADMIN_KEY, REDIS_URL, cart, customers, database, load_histories, machine

from app.checks import service
from app.checks.records import load_records
from app.db import create_engine, create_sessionmaker, utcnow
from app.freshness.mirror import TokenMirror
from app.main import create_app
from app.settings import Settings

SPENT: dict[str, float] = defaultdict(float)
WINDOW = Settings().duplicate_window


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
    service.within = timed("database step (cold only)", service.within)
    service.Checker.check = timed("check", service.Checker.check)  # type: ignore[method-assign]
    TokenMirror.read = timed("token mirror (one Redis round trip)", TokenMirror.read)
    cached = service.Evaluation.cached

    def evaluation(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return cached(*args)
        finally:
            SPENT["in-process evaluation (snapshot, catalog, rules)"] += \
                time.perf_counter() - started

    service.Evaluation.cached = evaluation  # type: ignore[method-assign]
    app = create_app(Settings(database_url=url, admin_key=ADMIN_KEY, check_budget_ms=5000,
                              redis_url=REDIS_URL, redis_key_prefix=f"profile:{random.random()}:"))
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
        key = (await http.post("/v1/keys", json={"role": "checkout", "name": "profile"},
                               headers={"Authorization": f"Bearer {ADMIN_KEY}"})).json()["key"]
        headers = {"Authorization": f"Bearer {key}"}
        rng = random.Random(1)
        bodies = [cart(rng, rng.choice(customers()["medium"][:5])) for _ in range(checks)]
        for body in bodies:
            await http.post("/v1/checks", json=body, headers=headers)
        await app.state.runtime.snapshots.settled()
        await app.state.runtime.mirror.settled()
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
    rng = random.Random(2)
    for customer in large:
        now = utcnow()
        skus = {f"sku-{rng.randrange(3_000)}" for _ in range(3)}
        async with sessionmaker() as session:
            await phase("records of a cart of 3, by key", load_records(
                session, customer, skus, now=now, window=WINDOW))
            await phase("whole snapshot (background)", load_records(
                session, customer, None, now=now, window=WINDOW))
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
