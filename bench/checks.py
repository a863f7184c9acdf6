"""Benchmark 1: checks at 64 connections, against bare FastAPI and naive SQL, same run.

    python bench/checks.py [--seconds 15] [--rounds 5] [--workers 2] [--groups small,zipf]

Customers with 10, 1,000 and 10,000 history lines, carts of 3 items, and a Zipf-skewed mix
of all of them; every server gets the same request bodies in the same order. The servers
of one pass (`PASSES`: bare, naive SQL and the guard; then bare, the floor and the guard
with its log off) start fresh together; each gets 5 s of the same load as its only
warm-up, then they take turns (`--rounds` turns of `--seconds / --rounds` each), so that
every ratio compares servers measured in the same minutes. The guard runs at its default check budget, and
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

# Servers that run at the same time and take turns; each pass has its own bare baseline.
# Two guards at once would hold more connections than PostgreSQL's default 100 allow.
PASSES = (("bare", "naive SQL", "purchase-guard"),
          ("bare", "bare + one Redis MGET", "purchase-guard, log off"))
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
    with database("bench_checks") as url:
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
        slice_s = max(1, args.seconds // args.rounds)
        for number, members in enumerate(PASSES, start=1):
            members = [name for name in members if name in chosen]
            if len(members) < 2:
                continue
            with contextlib.ExitStack() as running:
                bases = {name: running.enter_context(server(*servers[name], workers=args.workers))
                         for name in members}
                measured = _take_turns(bases, groups, args.rounds, slice_s)
                for name, base in bases.items():
                    rss[_labelled(name, number)] = workers_rss_mb(base)
            for group, by_server in measured.items():
                for name, r in _with_ratios(by_server).items():
                    results.setdefault(group, {})[_labelled(name, number)] = r
                    print(name, group, r, file=sys.stderr)
    print(json.dumps({"machine": machine(), "workers": args.workers, "rounds": args.rounds,
                      "results": results, "worker_rss_mb_after": rss}, indent=2))
    print(render(results))
    print("\nResident memory per worker after the run (MB):")
    for name, sizes in rss.items():
        print(f"- {name}: {', '.join(f'{mb:,.0f}' for mb in sizes)}")


def _take_turns(bases: dict[str, str], groups: dict[str, list[dict]], rounds: int,
                slice_s: int) -> dict[str, dict[str, dict[str, float]]]:
    """Servers started together take turns under load: the machine's speed drifts by up to
    40% within minutes, and a ratio of two numbers measured minutes apart measures the
    drift as much as the servers."""
    keys = {name: create_key(base, "checkout") if name.startswith("purchase-guard")
            else "none" for name, base in bases.items()}
    results: dict[str, dict[str, dict[str, float]]] = {}
    for group, bodies in groups.items():
        for name, base in bases.items():
            # A freshly started server: 5 s of the same load is all the warm-up.
            wrk(base, "/v1/checks", keys[name], bodies, seconds=5)
        slices: dict[str, list[dict[str, float]]] = {name: [] for name in bases}
        for _ in range(rounds):
            for name, base in bases.items():
                slices[name].append(wrk(base, "/v1/checks", keys[name], bodies,
                                        seconds=slice_s))
        results[group] = {name: combined(turns, slice_s) for name, turns in slices.items()}
    return results


def _with_ratios(by_server: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Each server against the baselines that took turns with it."""
    bare = by_server["bare"]
    rows = {}
    for name, r in by_server.items():
        row = {**r, "vs_bare": r["rps"] / bare["rps"], "p99_vs_bare": r["p99_ms"] / bare["p99_ms"]}
        for baseline, column in (("naive SQL", "vs_naive"), (ALIASES["floor"], "vs_floor")):
            if baseline in by_server:
                row[column] = r["rps"] / by_server[baseline]["rps"]
        rows[name] = row
    return rows


def _labelled(name: str, number: int) -> str:
    return f"{name} (pass {number})" if name == "bare" else name


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
        for name, r in by_server.items():
            degraded = r.get("degraded", 0)
            ratio = {c: f"{r[c]:.2f}" if c in r else "" for c in ("vs_floor", "vs_naive")}
            lines.append(
                f"| {group} | {name} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} "
                f"| {r['vs_bare']:.2f} | {r['p99_vs_bare']:.2f} | {ratio['vs_floor']} "
                f"| {ratio['vs_naive']} | {degraded:.0f} ({degraded / max(r['requests'], 1):.2%}) |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
