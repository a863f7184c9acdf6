"""The console script as a newcomer runs it: demo, keys, migrate, openapi."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.live_server import live_server


def _run(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PURCHASE_GUARD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'cli.db'}"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, cwd=tmp,
                          capture_output=True, text=True, timeout=120, check=False)


def test_demo_loads_data_whose_examples_answer_with_warnings(tmp_path: Path) -> None:
    demo = _run(tmp_path, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "curl" in demo.stdout and "c-alice" in demo.stdout
    again = _run(tmp_path, "demo")  # re-running replaces the demo customer, never fails
    assert again.returncode == 0, again.stderr
    checkout_key = next(line.split()[1] for line in again.stdout.splitlines()
                        if line.strip().startswith("checkout"))
    from app.demo import EXAMPLE_CARTS

    env_db = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    with live_server(tmp_path, admin_key="x", env={"PURCHASE_GUARD_DATABASE_URL": env_db}) as url:
        seen: set[str] = set()
        for _, items in EXAMPLE_CARTS:
            response = httpx.post(f"{url}/v1/checks", json={"customer_id": "c-alice", "items": items},
                                  headers={"Authorization": f"Bearer {checkout_key}"})
            assert response.status_code == 200
            seen.update(w["code"] for w in response.json()["warnings"])
    assert len(seen) == 13, sorted(seen)


def test_keys_create_prints_a_working_key_once(tmp_path: Path) -> None:
    assert _run(tmp_path, "migrate").returncode == 0
    created = _run(tmp_path, "keys", "create", "--role", "support", "--name", "agent")
    assert created.returncode == 0, created.stderr
    key = json.loads(created.stdout)
    assert key["role"] == "support" and key["key"].startswith("pgk_")


def test_openapi_prints_the_spec(tmp_path: Path) -> None:
    printed = _run(tmp_path, "openapi")
    assert json.loads(printed.stdout)["info"]["title"] == "purchase-guard"


def test_bad_database_url_is_refused_plainly(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "app.cli", "migrate"], cwd=tmp_path,
                            env={**os.environ, "PURCHASE_GUARD_DATABASE_URL": "mysql://x"},
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    assert "database_url" in result.stderr
