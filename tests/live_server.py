"""A real `uvicorn` process of the app on a free loopback port, for clients and fuzzing."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.migrate import upgrade_to_head_sync


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(
    tmp: Path, *, admin_key: str, env: dict[str, str] | None = None, workers: int = 1
) -> Iterator[str]:
    database_url = (env or {}).get("PURCHASE_GUARD_DATABASE_URL") or \
        f"sqlite+aiosqlite:///{tmp / 'live.db'}"
    # In a thread: callers may be async tests, with an event loop already running here.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(upgrade_to_head_sync, database_url).result()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; raise SystemExit(main())",
         "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env={**os.environ, **(env or {}), "PURCHASE_GUARD_DATABASE_URL": database_url,
             "PURCHASE_GUARD_ADMIN_KEY": admin_key, "PURCHASE_GUARD_LOG_LEVEL": "warning"},
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the live server did not start (exit {process.poll()})")
            time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
