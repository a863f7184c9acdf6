"""Shared by the benchmarks: a scratch PostgreSQL database, synthetic histories, servers, wrk.

Every benchmark measures its baseline in the same run, on the same machine, and reports
ratios: absolute numbers on a shared 2-core machine say little on their own.
"""

import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")
ADMIN_KEY = "bench-admin-key"
SIZES = {"small": 10, "medium": 1_000, "large": 10_000}
POPULATION = {"small": 400, "medium": 40, "large": 8}
CATALOG = 3_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_sql(sql: str) -> None:
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-q", "-c", sql], check=True,
                   capture_output=True)


@contextmanager
def database(name: str) -> Iterator[str]:
    """A fresh database at the newest schema, dropped afterwards."""
    _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin_sql(f'CREATE DATABASE "{name}"')
    url = f"{PG_SERVER.replace('postgresql://', 'postgresql+asyncpg://')}/{name}"
    from app.migrate import upgrade_to_head_sync

    upgrade_to_head_sync(url)
    try:
        yield url
    finally:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def customers() -> dict[str, list[str]]:
    return {size: [f"{size}-{n}" for n in range(POPULATION[size])] for size in SIZES}


def load_histories(database_url: str, *, seed: int = 7,
                   extra: dict[str, int] | None = None) -> None:
    """A catalog of durable products and the histories of every benchmark customer, plus
    `extra` customers (id -> history lines) for a benchmark that needs others."""
    asyncio.run(_load(database_url, seed, extra or {}))


async def _load(database_url: str, seed: int, extra: dict[str, int]) -> None:
    from app.catalog import repository as catalog_repository
    from app.db import committing, create_engine, create_sessionmaker
    from app.importer.drafts import Line
    from app.importer.pg_copy import record_orders
    from app.orders.schemas import OrderCreate
    from app.settings import Settings

    rng = random.Random(seed)
    engine = create_engine(Settings(database_url=database_url))
    sessionmaker = create_sessionmaker(engine)
    now = datetime.now(UTC)
    for start in range(0, CATALOG, 1_000):
        async with sessionmaker() as session, committing(session):
            await catalog_repository.upsert_products(session, [
            {"sku": f"sku-{n}", "title": f"Product {n}", "kind": "durable" if n % 3 else "digital",
             "work_id": f"work-{n // 3}", "format": ("hardcover", "paperback", "ebook")[n % 3],
             "category": f"cat-{n % 40}", "attributes": {}, "provides": [], "requires_any": [],
             "contains": [], "included_in": [], "superseded_by": None, "replenish_days": None,
             "duration_days": None, "active": True}
            for n in range(start, min(start + 1_000, CATALOG))
        ], now=now)
    histories = {c: SIZES[size] for size, ids in customers().items() for c in ids} | extra
    orders = []
    for customer, lines in histories.items():
        lines_per_order = 10 if lines >= 100 else 2
        for n in range(lines // lines_per_order):
            placed = now - timedelta(days=2, minutes=rng.randint(0, 60 * 24 * 700))
            orders.append(OrderCreate.model_construct(
                order_id=f"{customer}-o{n}", customer_id=customer, placed_at=placed,
                lines=[Line(f"sku-{rng.randrange(CATALOG)}", 1, None)
                       for _ in range(lines_per_order)]))
            if len(orders) >= 5_000:
                async with sessionmaker() as session:
                    await record_orders(session, orders)
                orders = []
    if orders:
        async with sessionmaker() as session:
            await record_orders(session, orders)
    await engine.dispose()
    analyze(database_url)


def analyze(database_url: str) -> None:
    """Fresh planner statistics, as autovacuum would have them on a database in service."""
    plain = database_url.replace("+asyncpg", "")
    subprocess.run(["psql", plain, "-q", "-c", "ANALYZE"], check=True, capture_output=True)


def cart(rng: random.Random, customer: str) -> dict:
    return {"customer_id": customer,
            "items": [{"sku": f"sku-{rng.randrange(CATALOG)}"} for _ in range(3)]}


_SERVER_PIDS: dict[str, int] = {}


def server_pids(url: str) -> tuple[str, list[str]]:
    """The master's pid and its children's (Linux) of the server at `url`."""
    master = str(_SERVER_PIDS[url])
    return master, Path(f"/proc/{master}/task/{master}/children").read_text().split()


def workers_rss_mb(url: str) -> list[float]:
    """Resident memory of each worker of the server at `url` (Linux), in MB."""
    master, children = server_pids(url)
    sizes = []
    for pid in children or [master]:
        status = Path(f"/proc/{pid}/status").read_text()
        if "multiprocessing.resource_tracker" in Path(f"/proc/{pid}/cmdline").read_text():
            continue
        kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
        sizes.append(round(int(kb) / 1024, 1))
    return sizes


@contextmanager
def server(app: str, env: dict[str, str], *, workers: int = 1) -> Iterator[str]:
    """uvicorn serving `module:factory` on a free port until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--log-level", "warning",
         "--no-access-log"],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        start_new_session=True,  # its own process group: no worker outlives the benchmark
    )
    url = f"http://127.0.0.1:{port}"
    _SERVER_PIDS[url] = process.pid
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"{app} did not start")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            print(f"{app} did not stop within 15 s; killed", file=sys.stderr)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


WRK_SCRIPT = """
local bodies = {}
local n = 0
for line in io.lines("%(bodies)s") do n = n + 1; bodies[n] = line end
local i = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
degraded = 0
request = function()
  i = i %% n + 1
  return wrk.format("POST", "%(path)s", {["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer %(key)s"}, bodies[i])
end
response = function(status, headers, body)
  if string.find(body, '"degraded":true', 1, true) then degraded = degraded + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("degraded") end
  io.write(string.format("Degraded answers: %%d\\n", total))
end
"""


def wrk(url: str, path: str, key: str, bodies: list[dict], *, seconds: int = 15,
        connections: int = 64) -> dict[str, float]:
    """Closed loop: throughput and latency percentiles from wrk."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        body_file = Path(tmp) / "bodies.ndjson"
        body_file.write_text("\n".join(json.dumps(b) for b in bodies) + "\n")
        script = Path(tmp) / "post.lua"
        script.write_text(WRK_SCRIPT % {"bodies": body_file, "path": path, "key": key})
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
             url], capture_output=True, text=True, check=True).stdout
    return _parse_wrk(out)


def _parse_wrk(out: str) -> dict[str, float]:
    def ms(text: str) -> float:
        value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]

    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    result["requests"] = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    for pct in ("50", "99"):
        result[f"p{pct}_ms"] = ms(re.search(rf"\s{pct}(?:\.000)?%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    degraded = re.search(r"Degraded answers: (\d+)", out)
    result["degraded"] = float(degraded.group(1)) if degraded else 0.0
    return result


def create_key(url: str, role: str) -> str:
    response = httpx.post(f"{url}/v1/keys", json={"role": role, "name": f"bench-{role}"},
                          headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    response.raise_for_status()
    return str(response.json()["key"])


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), "unknown cpu")
    return f"{os.cpu_count()} cores, {cpu}, Python {sys.version.split()[0]}"
