"""Benchmark 5: a freshly started service under load at once, its first 5 s: degraded answers.

    python bench/fresh_start.py [--starts 2] [--seconds 5]

Each start is a new 2-worker server on PostgreSQL + Redis with an empty Redis prefix (the
token mirror is cold too), met at once by 64 connections of checks (the Zipf mix, then the
10-line customers). Every answer that says `degraded` is a warning the customer did not get.
"""

import argparse
import json
import random

from checks import bodies_for, zipf_bodies
from harness import (
    ADMIN_KEY,
    REDIS_URL,
    create_key,
    customers,
    database,
    load_histories,
    machine,
    server,
    wrk,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=2, help="fresh starts per group")
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(1)
    report: list[dict[str, object]] = []
    with database("bench_fresh_start") as url:
        load_histories(url)
        groups = {"zipf mix": zipf_bodies(2_000, rng),
                  "small (10 lines)": bodies_for(customers()["small"], 2_000, rng)}
        for group, bodies in groups.items():
            for start in range(args.starts):
                env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
                       "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
                       "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"fresh:{random.random()}:"}
                with server("app.main:create_app", env, workers=2) as base:
                    result = wrk(base, "/v1/checks", create_key(base, "checkout"), bodies,
                                 seconds=args.seconds)
                report.append({"group": group, "start": start + 1,
                               "checks": int(result["requests"]),
                               "degraded": int(result["degraded"]),
                               "p99_ms": result["p99_ms"]})
    print(json.dumps({"machine": machine(), "first_seconds": args.seconds, "starts": report},
                     indent=2))
    print("| histories | start | checks | degraded | p99 ms |\n|---|---|---|---|---|")
    for r in report:
        share = int(r["degraded"]) / max(int(r["checks"]), 1)  # type: ignore[call-overload]
        print(f"| {r['group']} | {r['start']} | {r['checks']:,} | {r['degraded']} ({share:.2%}) "
              f"| {r['p99_ms']} |")


if __name__ == "__main__":
    main()
