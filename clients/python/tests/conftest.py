"""A real purchase-guard for the SDK's tests, and stand-ins that sleep, fail or are gone."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ADMIN_KEY = "sdk-test-admin"
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes], path: str = "/healthz") -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            httpx.get(url + path, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


@pytest.fixture(scope="session")
def service() -> Iterator[str]:
    """`purchase-guard serve` on a scratch SQLite file (or PURCHASE_GUARD_SDK_TEST_URL)."""
    given = os.environ.get("PURCHASE_GUARD_SDK_TEST_URL")
    if given:
        yield given
        return
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PURCHASE_GUARD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp}/sdk.db",
               "PURCHASE_GUARD_ADMIN_KEY": ADMIN_KEY, "PURCHASE_GUARD_LOG_LEVEL": "warning",
               "PURCHASE_GUARD_CHECK_BUDGET_MS": "2000"}
        env.pop("PURCHASE_GUARD_REDIS_URL", None)
        process = subprocess.Popen(
            [sys.executable, "-c", "from app.cli import main; raise SystemExit(main())",
             "serve", "--port", str(port)], env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def keys(service: str) -> dict[str, str]:
    out = {"admin": ADMIN_KEY}
    for role in ("checkout", "support"):
        response = httpx.post(f"{service}/v1/keys", json={"role": role, "name": f"sdk-{role}"},
                              headers={"Authorization": f"Bearer {ADMIN_KEY}"})
        response.raise_for_status()
        out[role] = response.json()["key"]
    return out


class Fake:
    def __init__(self, kind: str, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "fake_servers.py"), kind, str(self.port), *args])
        _wait(self.url, self.process, "/count")

    def count(self) -> int:
        return int(httpx.get(self.url + "/count").json()["count"])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def fake() -> Iterator[type[Fake]]:
    started: list[Fake] = []

    class Started(Fake):
        def __init__(self, kind: str, *args: str) -> None:
            super().__init__(kind, *args)
            started.append(self)

    yield Started
    for server in started:
        server.stop()


@pytest.fixture
def stopped_url() -> str:
    """Nothing listens here: connecting fails at once."""
    return f"http://127.0.0.1:{free_port()}"
