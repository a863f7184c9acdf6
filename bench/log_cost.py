"""What the check log costs a loaded server, in CPU per check: workers and PostgreSQL.

    python bench/log_cost.py [--rounds 16] [--slice 3] [--workers 2]

Three guards start fresh together on PostgreSQL + Redis and take turns under the Zipf mix
(64 connections, `--slice` seconds each, `--rounds` times; 5 s of load first as the only
warm-up): the guard as it is, the guard writing its log as before 2026-12-07 (each batch in
a transaction of a pooled session) and the guard with its log off. For each: checks/s, its
throughput against the guard with its log off, and CPU per check read from `/proc` over
its turns: the server's processes (user and system time) and every PostgreSQL process.
"""

import argparse
import contextlib
import os
import random
import sys
from pathlib import Path

from checks import zipf_bodies
from harness import (
    ADMIN_KEY,
    REDIS_URL,
    create_key,
    database,
    load_histories,
    machine,
    server,
    server_pids,
    wrk,
)

SERVERS = {
    "purchase-guard": "app.main:create_app",
    "log in pooled-session transactions (before)": "bench.baselines:guard_with_pooled_log",
    "log off": "bench.baselines:guard_without_log",
}
TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: str) -> tuple[float, float]:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICK, int(fields[12]) / TICK


def server_cpu_s(url: str) -> tuple[float, float]:
    """User and system seconds of a server's master and workers."""
    master, children = server_pids(url)
    user, system = zip(*(_cpu_s(pid) for pid in [master, *children]), strict=True)
    return sum(user), sum(system)


def postgres_cpu_s() -> float:
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (entry / "comm").exists():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == "postgres":
                    total += sum(_cpu_s(entry.name))
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--slice", type=int, default=3, help="seconds per turn")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    bodies = zipf_bodies(2_000, random.Random(1))
    with database("bench_log_cost") as url, contextlib.ExitStack() as running:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
               "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
               # Three servers of 2 workers at once stay within PostgreSQL's 100 connections.
               "PURCHASE_GUARD_DB_POOL_SIZE": "8"}
        bases = {name: running.enter_context(server(app, {
            **env, "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"bench:{random.random()}:"},
            workers=args.workers)) for name, app in SERVERS.items()}
        keys = {name: create_key(base, "checkout") for name, base in bases.items()}
        for name, base in bases.items():
            wrk(base, "/v1/checks", keys[name], bodies, seconds=5)
        totals = {name: {"requests": 0.0, "user": 0.0, "system": 0.0, "postgres": 0.0,
                         "degraded": 0.0, "errors": 0.0} for name in bases}
        for _ in range(args.rounds):
            for name, base in bases.items():
                (user, system), postgres = server_cpu_s(base), postgres_cpu_s()
                result = wrk(base, "/v1/checks", keys[name], bodies, seconds=args.slice)
                (user_after, system_after) = server_cpu_s(base)
                t = totals[name]
                t["user"] += user_after - user
                t["system"] += system_after - system
                t["postgres"] += postgres_cpu_s() - postgres
                for field in ("requests", "degraded", "errors"):
                    t[field] += result[field]
    print(f"{machine()}, {args.workers} workers, {args.rounds} turns of {args.slice} s each\n")
    print("| server | checks/s | vs log off | server CPU us/check (of it system) "
          "| PostgreSQL CPU us/check | degraded | non-2xx |")
    print("|---|---|---|---|---|---|---|")
    seconds = args.rounds * args.slice
    off = totals["log off"]["requests"]
    for name, t in totals.items():
        n = t["requests"]
        print(f"| {name} | {n / seconds:,.0f} | {n / off:.2f} "
              f"| {(t['user'] + t['system']) / n * 1e6:.0f} ({t['system'] / n * 1e6:.0f}) "
              f"| {t['postgres'] / n * 1e6:.1f} | {t['degraded']:.0f} | {t['errors']:.0f} |")


if __name__ == "__main__":
    sys.exit(main())
