"""Benchmark 4: latency at a fixed arrival rate (open loop): p50/p99/p999.

    python bench/open_loop.py [--rates 100,300] [--seconds 10]

Requests are sent on a fixed schedule whatever the server does, and each latency is counted
from when the request was due, not from when it was sent: a closed-loop tool (wrk) waits
for answers before sending more and so hides the queueing a real checkout sees.
The generator is asyncio on the same 2-core machine; at 1,000/s it takes a share of a core.
"""

import argparse
import asyncio
import json
import random
import time

import httpx
from checks import zipf_bodies
from harness import ADMIN_KEY, REDIS_URL, create_key, database, load_histories, machine, server

# A checkout that waited this long has given up; the SDK's own budget is 0.3 s.
TIMEOUT_S = 5


async def fire(base: str, key: str, bodies: list[dict], rate: int, seconds: int) -> dict:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=TIMEOUT_S,
                                 headers={"Authorization": f"Bearer {key}"}) as http:
        start = time.perf_counter()

        async def one(due: float, body: dict) -> None:
            nonlocal errors
            try:
                response = await http.post("/v1/checks", json=body)
                if response.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1  # a request that timed out counts with its full wait
            latencies.append((time.perf_counter() - due) * 1000)

        tasks = []
        for n in range(rate * seconds):
            due = start + n / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(due, bodies[n % len(bodies)])))
        await asyncio.gather(*tasks)
    latencies.sort()

    def q(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2)

    return {"rate": rate, "sent": len(latencies), "errors": errors, "p50_ms": q(0.5),
            "p99_ms": q(0.99), "p999_ms": q(0.999)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="100,300")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    bodies = zipf_bodies(5_000, random.Random(4))
    results = []
    with database("bench_open_loop") as url:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
               "PURCHASE_GUARD_REDIS_URL": REDIS_URL, "PURCHASE_GUARD_REDIS_KEY_PREFIX": "open:"}
        with server("app.main:create_app", env) as base:
            key = create_key(base, "checkout")
            asyncio.run(fire(base, key, bodies, 100, 5))  # warm
            for rate in (int(r) for r in args.rates.split(",")):
                results.append(asyncio.run(fire(base, key, bodies, rate, args.seconds)))
    print(json.dumps({"machine": machine(), "results": results}, indent=2))


if __name__ == "__main__":
    main()
