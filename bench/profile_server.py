"""A py-spy profile of one loaded server: where a check's CPU goes under wrk.

    python bench/profile_server.py [--seconds 10] [--group zipf]

One uvicorn worker on PostgreSQL + Redis, warmed for 5 s, then profiled with py-spy
(`pip install py-spy`) for `--seconds` under 64 connections; prints the top functions by
own time and the wrk numbers of the same run.
"""

import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile
import threading

from checks import zipf_bodies
from harness import (
    ADMIN_KEY,
    REDIS_URL,
    cart,
    create_key,
    customers,
    database,
    load_histories,
    server,
    wrk,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--group", default="zipf", choices=["zipf", "small", "medium", "large"])
    args = parser.parse_args()
    rng = random.Random(1)
    bodies = zipf_bodies(2_000, rng) if args.group == "zipf" else [
        cart(rng, rng.choice(customers()[args.group])) for _ in range(2_000)]
    with database("bench_profile_server") as url:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY,
               "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
               "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"profile:{random.random()}:"}
        with server("app.main:create_app", env) as base:
            key = create_key(base, "checkout")
            wrk(base, "/v1/checks", key, bodies, seconds=5)
            pid = _server_pid(base)
            with tempfile.TemporaryDirectory() as tmp:
                raw = os.path.join(tmp, "profile.txt")
                py_spy = os.path.join(os.path.dirname(sys.executable), "py-spy")
                spy = threading.Thread(target=subprocess.run, args=([
                    py_spy, "record", "-p", str(pid), "-d", str(args.seconds), "-f", "raw",
                    "-o", raw, "--nonblocking"],), kwargs={"capture_output": True})
                spy.start()
                result = wrk(base, "/v1/checks", key, bodies, seconds=args.seconds)
                spy.join()
                print(result)
                _summarise(raw)


def _server_pid(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    out = subprocess.run(["ss", "-ltnp", f"sport = :{port}"], capture_output=True,
                         text=True).stdout
    return int(out.split("pid=")[1].split(",")[0])


def _summarise(raw: str) -> None:
    own: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    with open(raw) as stacks:
        for line in stacks:
            frames, _, count = line.rstrip().rpartition(" ")
            n = int(count)
            total += n
            names = frames.split(";")
            own[names[-1]] += n
            for name in set(names):
                inclusive[name] += n
    print(f"samples: {total}")
    print("by own time:")
    for name, n in own.most_common(25):
        print(f"  {n / total:6.1%}  {name}")
    print("by inclusive time (app code):")
    for name, n in inclusive.most_common(200):
        if "(app/" in name or "/app/" in name:
            print(f"  {n / total:6.1%}  {name}")


if __name__ == "__main__":
    sys.exit(main())
