"""Benchmark 2: the first check right after an order, by history length, p50/p99.

    python bench/cold.py [--samples 100] [--workers 2]

For customers with 10, 1,000, 10,000 and 50,000 order lines, each sample records an order
(`POST /v1/orders`: the customer's cached state no longer matches) and at once checks a
cart holding the sku just ordered, on another connection, at the default check budget.
Every answer must be `DUPLICATE_ORDER` and not degraded: a degraded one is the missed
warning this benchmark exists to catch, and is counted. The cost should be flat in the
history length: a check reads its cart's records by key, not the whole history.
"""

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime

import httpx
from harness import (
    ADMIN_KEY,
    CATALOG,
    REDIS_URL,
    create_key,
    customers,
    database,
    load_histories,
    machine,
    server,
)

HUGE = {f"huge-{n}": 50_000 for n in range(2)}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100, help="checks per history length")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(3)
    groups = {10: customers()["small"][:20], 1_000: customers()["medium"][:10],
              10_000: customers()["large"], 50_000: list(HUGE)}
    report: dict[str, dict[str, float]] = {}
    with database("bench_cold") as url:
        load_histories(url, extra=HUGE)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
               "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
               "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"cold:{random.random()}:"}
        with server("app.main:create_app", env, workers=args.workers) as base, \
                httpx.Client(base_url=base) as writes, httpx.Client(base_url=base) as checks:
            key = {"Authorization": f"Bearer {create_key(base, 'checkout')}"}
            for lines, ids in groups.items():
                took, degraded, missed = [], 0, 0
                for n in range(args.samples):
                    customer = ids[n % len(ids)]
                    # A durable product (every third is digital, where ALREADY_OWNED comes first).
                    sku = f"sku-{rng.randrange(CATALOG // 3) * 3 + 1}"
                    writes.post("/v1/orders", headers=key, json={
                        "order_id": f"cold-{lines}-{n}", "customer_id": customer,
                        "placed_at": datetime.now(UTC).isoformat(),
                        "lines": [{"sku": sku, "quantity": 1}]}).raise_for_status()
                    started = time.perf_counter()
                    answer = checks.post("/v1/checks", headers=key, json={
                        "customer_id": customer,
                        "items": [{"sku": sku}, {"sku": f"sku-{rng.randrange(CATALOG)}"}]})
                    took.append((time.perf_counter() - started) * 1000)
                    body = answer.json()
                    degraded += body["degraded"]
                    missed += not any(w["code"] == "DUPLICATE_ORDER" and w["sku"] == sku
                                      for w in body["warnings"])
                report[f"{lines:,} lines"] = {
                    "p50_ms": round(statistics.median(took), 1), "p99_ms": round(pct(took, 0.99), 1),
                    "max_ms": round(max(took), 1), "degraded": degraded,
                    "duplicate_order_missed": missed}
    print(json.dumps({"machine": machine(), "workers": args.workers,
                      "samples_per_length": args.samples, "first_check_after_an_order": report},
                     indent=2))
    print("| history lines | p50 ms | p99 ms | max ms | degraded | DUPLICATE_ORDER missed |")
    print("|---|---|---|---|---|---|")
    for name, r in report.items():
        print(f"| {name} | {r['p50_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['degraded']:.0f} "
              f"| {r['duplicate_order_missed']:.0f} |")


if __name__ == "__main__":
    main()
