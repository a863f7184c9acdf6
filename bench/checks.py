"""Benchmark 1: checks at 64 connections, against bare FastAPI and naive SQL, same run.

    python bench/checks.py [--seconds 15] [--rounds 5] [--workers 2] [--groups small,zipf]

Customers with 10, 1,000 and 10,000 history lines, carts of 3 items, and a Zipf-skewed mix
of all of them; every server gets the same request bodies in the same order. All servers
start fresh together; each gets 5 s of the same load as its only warm-up, then they take
turns (`--rounds` turns of `--seconds / --rounds` each), so that every ratio compares
servers measured in the same minutes. The guard runs at its default check budget, and
every answer that says `degraded` is counted (wrk's Lua script reads the bodies). "log
off" is the guard with its check log switched off.
"""

import argparse
import contextlib
import json
import random
import statistics
import sys

from harness import (
    ADMIN_KEY,
    REDIS_URL,
    SIZES,
    cart,
    create_key,
    customers,
    database,
    load_histories,
    machine,
    server,
    workers_rss_mb,
    wrk,
)

ALIASES = {"bare": "bare", "floor": "bare + one Redis MGET", "naive": "naive SQL",
           "guard": "purchase-guard", "guard-log-off": "purchase-guard, log off"}


def bodies_for(names: list[str], count: int, rng: random.Random) -> list[dict]:
    return [cart(rng, rng.choice(names)) for _ in range(count)]


def zipf_bodies(count: int, rng: random.Random) -> list[dict]:
    everyone = [c for ids in customers().values() for c in ids]
    rng.shuffle(everyone)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(everyone))]
    return [cart(rng, c) for c in rng.choices(everyone, weights=weights, k=count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15,
                        help="measured seconds per server and group, in --rounds slices")
    parser.add_argument("--rounds", type=int, default=5,
                        help="the servers take turns this many times (default 5)")
    parser.add_argument("--workers", type=int, default=2,
                        help="uvicorn workers for every server alike (default 2)")
    parser.add_argument("--groups", default="small,medium,large,zipf mix",
                        help="which histories to run, comma-separated")
    parser.add_argument("--servers", default=",".join(ALIASES),
                        help="which servers, comma-separated, of: " + ", ".join(ALIASES)
                             + " (bare and naive always run: the ratios need them)")
    args = parser.parse_args()
    rng = random.Random(1)
    groups = {f"{size} ({SIZES[size]:,} lines)": bodies_for(ids, 2_000, rng)
              for size, ids in customers().items()}
    groups["zipf mix"] = zipf_bodies(2_000, rng)
    wanted = args.groups.split(",")
    groups = {g: b for g, b in groups.items() if any(g.startswith(w) for w in wanted)}
    results: dict[str, dict[str, dict[str, float]]] = {}
    rss: dict[str, list[float]] = {}
    with database("bench_checks") as url, contextlib.ExitStack() as running:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY}
        # The default check budget: a degraded answer is a missed warning, and is counted.
        guard_env = {**env, "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
                     "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"bench:{random.random()}:"}
        servers = {
            "bare": ("bench.baselines:bare", env),
            "bare + one Redis MGET": ("bench.baselines:bare_with_redis",
                                      {**env, "PURCHASE_GUARD_REDIS_URL": REDIS_URL}),
            "naive SQL": ("bench.baselines:naive", env),
            "purchase-guard": ("app.main:create_app", guard_env),
            "purchase-guard, log off": ("bench.baselines:guard_without_log",
                                        {**guard_env, "PURCHASE_GUARD_REDIS_KEY_PREFIX":
                                         f"bench:{random.random()}:"}),
        }
        chosen = {ALIASES[a] for a in ("bare", "naive", *args.servers.split(","))}
        # Every server runs from the start and they take turns under load: the machine's
        # speed drifts by up to 40% within minutes, and a ratio of two numbers measured
        # minutes apart measured the drift as much as the servers.
        bases = {name: running.enter_context(server(app, server_env, workers=args.workers))
                 for name, (app, server_env) in servers.items() if name in chosen}
        keys = {name: create_key(base, "checkout") if name.startswith("purchase-guard")
                else "none" for name, base in bases.items()}
        slice_s = max(1, args.seconds // args.rounds)
        for group, bodies in groups.items():
            for name, base in bases.items():
                # A freshly started server: 5 s of the same load is all the warm-up.
                wrk(base, "/v1/checks", keys[name], bodies, seconds=5)
            slices: dict[str, list[dict[str, float]]] = {name: [] for name in bases}
            for _ in range(args.rounds):
                for name, base in bases.items():
                    slices[name].append(wrk(base, "/v1/checks", keys[name], bodies,
                                            seconds=slice_s))
            for name, measured in slices.items():
                results.setdefault(group, {})[name] = combined(measured, slice_s)
                print(name, group, results[group][name], file=sys.stderr)
        rss = {name: workers_rss_mb(base) for name, base in bases.items()}
    print(json.dumps({"machine": machine(), "workers": args.workers, "rounds": args.rounds,
                      "results": results, "worker_rss_mb_after": rss}, indent=2))
    print(render(results))
    print("\nResident memory per worker after the run (MB):")
    for name, sizes in rss.items():
        print(f"- {name}: {', '.join(f'{mb:,.0f}' for mb in sizes)}")


def combined(slices: list[dict[str, float]], slice_s: int) -> dict[str, float]:
    """One server's turns as one measurement: throughput over all of them, the median
    turn's latency percentiles, every error and degraded answer counted."""
    requests = sum(s["requests"] for s in slices)
    return {
        "rps": round(requests / (slice_s * len(slices)), 2),
        "requests": requests,
        "p50_ms": statistics.median(s["p50_ms"] for s in slices),
        "p99_ms": statistics.median(s["p99_ms"] for s in slices),
        "errors": sum(s["errors"] for s in slices),
        "degraded": sum(s["degraded"] for s in slices),
    }


def render(results: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = ["| histories | server | checks/s | p50 ms | p99 ms | vs bare | p99 vs bare "
             "| vs floor | vs naive | degraded |", "|---|---|---|---|---|---|---|---|---|---|"]
    for group, by_server in results.items():
        bare, naive = by_server["bare"], by_server["naive SQL"]
        floor = by_server.get(ALIASES["floor"])
        for name, r in by_server.items():
            vs_floor = f"{r['rps'] / floor['rps']:.2f}" if floor else ""
            degraded = r.get("degraded", 0)
            lines.append(
                f"| {group} | {name} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} "
                f"| {r['rps'] / bare['rps']:.2f} | {r['p99_ms'] / bare['p99_ms']:.2f} "
                f"| {vs_floor} | {r['rps'] / naive['rps']:.2f} "
                f"| {degraded:.0f} ({degraded / max(r['requests'], 1):.2%}) |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
