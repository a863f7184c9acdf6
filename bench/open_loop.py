"""Benchmark 4: latency at a fixed arrival rate (open loop): p50/p99/p999.

    python bench/open_loop.py [--rates 1000] [--seconds 30] [--workers 2]

Requests are sent on a fixed schedule whatever the server does, and each latency is counted
from when the request was due, not from when it was sent: a closed-loop tool (wrk) waits
for answers before sending more and so hides the queueing a real checkout sees.
The generator is asyncio with raw keep-alive connections on the same 2-core machine; it
reports the share of a core it used, and runs against the bare endpoint too (same rate,
same bodies) for what the generator and the machine cost by themselves.
"""

import argparse
import asyncio
import json
import random
import sys
import time

from checks import zipf_bodies
from harness import ADMIN_KEY, REDIS_URL, create_key, database, load_histories, machine, server

# A checkout that waited this long has given up; the SDK's own budget is 0.3 s.
TIMEOUT_S = 5


class Connection:
    """One keep-alive HTTP/1.1 connection: a request written whole, the answer read by its
    Content-Length. Far cheaper per request than an HTTP client library, so that the
    generator, on the same two cores, takes as little as possible from the server."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> "Connection":
        return cls(*await asyncio.open_connection(host, port))

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


def encode(host: str, key: str, body: dict) -> bytes:
    payload = json.dumps(body).encode()
    return (f"POST /v1/checks HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
            ).encode() + payload


async def fire(base: str, key: str, bodies: list[dict], rate: int, seconds: int) -> dict:
    host, port = base.removeprefix("http://").split(":")
    requests = [encode(host, key, body) for body in bodies]
    idle: list[Connection] = []
    latencies: list[float] = []
    errors = degraded = 0
    cpu_before = time.process_time()
    start = time.perf_counter()

    async def one(due: float, request: bytes) -> None:
        nonlocal errors, degraded
        connection = idle.pop() if idle else None
        try:
            if connection is None:
                connection = await Connection.open(host, int(port))
            status, answer = await asyncio.wait_for(connection.send(request), TIMEOUT_S)
            idle.append(connection)
            if status != 200:
                errors += 1
            elif b'"degraded":true' in answer:
                degraded += 1
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            errors += 1  # a request that timed out counts with its full wait
            if connection is not None:
                connection.close()
        latencies.append((time.perf_counter() - due) * 1000)

    tasks = []
    for n in range(rate * seconds):
        due = start + n / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due, requests[n % len(requests)])))
    await asyncio.gather(*tasks)
    generator_cpu = (time.process_time() - cpu_before) / (time.perf_counter() - start)
    for connection in idle:
        connection.close()
    latencies.sort()

    def q(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2)

    return {"rate": rate, "sent": len(latencies), "errors": errors, "degraded": degraded,
            "p50_ms": q(0.5), "p99_ms": q(0.99), "p999_ms": q(0.999),
            "generator_cpu_share": round(generator_cpu, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="1000")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    bodies = zipf_bodies(5_000, random.Random(4))
    results: dict[str, list[dict]] = {}
    with database("bench_open_loop") as url:
        load_histories(url)
        env = {"PURCHASE_GUARD_DATABASE_URL": url, "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY}
        guard_env = {**env, "PURCHASE_GUARD_REDIS_URL": REDIS_URL,
                     "PURCHASE_GUARD_REDIS_KEY_PREFIX": f"open:{random.random()}:"}
        # The bare endpoint under the same generator: what the generator and the machine
        # cost by themselves.
        for name, app, server_env in (("bare", "bench.baselines:bare", env),
                                      ("purchase-guard", "app.main:create_app", guard_env)):
            with server(app, server_env, workers=args.workers) as base:
                key = create_key(base, "checkout") if name == "purchase-guard" else "none"
                asyncio.run(fire(base, key, bodies, 200, 5))  # a fresh server's warm-up
                for rate in (int(r) for r in args.rates.split(",")):
                    result = asyncio.run(fire(base, key, bodies, rate, args.seconds))
                    print(name, result, file=sys.stderr)
                    results.setdefault(name, []).append(result)
    print(json.dumps({"machine": machine(), "workers": args.workers, "results": results},
                     indent=2))


if __name__ == "__main__":
    main()
