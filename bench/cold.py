"""Benchmark 2: the first check for a customer with 10,000 lines (cache cold), p50/p99.

    python bench/cold.py [--samples 60]

Each sample first changes the customer's preferences (a write: the cached snapshot no
longer matches) and then times one check over HTTP, so every sample builds the snapshot
from PostgreSQL. Measured in the same run: a warm check of the same customer.
"""

import argparse
import json
import random
import statistics
import time

import httpx
from harness import (
    ADMIN_KEY,
    REDIS_URL,
    cart,
    create_key,
    customers,
    database,
    load_histories,
    machine,
    server,
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(3)
    with database("bench_cold") as url:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
               "PURCHASE_GUARD_REDIS_URL": REDIS_URL, "PURCHASE_GUARD_REDIS_KEY_PREFIX": "cold:",
               "PURCHASE_GUARD_CHECK_BUDGET_MS": "5000"}
        with server("app.main:create_app", env) as base, httpx.Client(base_url=base) as http:
            key = {"Authorization": f"Bearer {create_key(base, 'checkout')}"}
            large = customers()["large"]
            cold, warm = [], []
            for n in range(args.samples):
                customer = large[n % len(large)]
                http.put(f"/v1/customers/{customer}/preferences", headers=key,
                         json={"formats": [f"f{n}"]}).raise_for_status()
                for bucket in (cold, warm):
                    started = time.perf_counter()
                    response = http.post("/v1/checks", headers=key, json=cart(rng, customer))
                    bucket.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200 and not response.json()["degraded"]
    report = {"machine": machine(), "samples": args.samples, "history_lines": 10_000,
              "cold_ms": {"p50": statistics.median(cold), "p99": pct(cold, 0.99)},
              "warm_ms": {"p50": statistics.median(warm), "p99": pct(warm, 0.99)}}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
