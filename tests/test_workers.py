"""`serve --workers 2`: read-your-writes across processes, and /metrics summed over workers."""

import asyncio
import re
import uuid
from datetime import timedelta
from pathlib import Path

import httpx

from tests.factories import NOW, iso
from tests.live_server import live_server

ADMIN = "workers-admin-key"


def _sample(text: str, name: str, labels: str) -> float:
    match = re.search(rf"^{re.escape(name)}{{{re.escape(labels)}}} ([0-9.e+]+)$", text, re.M)
    return float(match.group(1)) if match else 0.0


async def test_two_workers_share_writes_and_metrics(
    tmp_path: Path, database_url: str, settings: object
) -> None:
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {"PURCHASE_GUARD_DATABASE_URL": database_url, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
    redis_url = getattr(settings, "redis_url", None)
    if redis_url:
        env |= {"PURCHASE_GUARD_REDIS_URL": redis_url,
                "PURCHASE_GUARD_REDIS_KEY_PREFIX": settings.redis_key_prefix}  # type: ignore[attr-defined]
    with live_server(tmp_path, admin_key=ADMIN, env=env, workers=2) as url:
        admin = {"Authorization": f"Bearer {ADMIN}"}
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            key = (await http.post("/v1/keys", json={"role": "checkout", "name": "w"},
                                   headers=admin)).json()["key"]
        shop = {"Authorization": f"Bearer {key}"}

        async def fresh_connection(method: str, path: str, **kwargs: object) -> httpx.Response:
            async with httpx.AsyncClient(base_url=url, timeout=10) as one:
                return await one.request(method, path, headers=shop, **kwargs)  # type: ignore[arg-type]

        run = uuid.uuid4().hex[:8]  # the database is shared with other tests of this run
        for n in range(10):
            sku = f"w-item-{n}"
            order = {"order_id": f"w-{run}-{n}", "customer_id": f"c-w-{run}",
                     "lines": [{"sku": sku, "quantity": 1}],
                     "placed_at": iso(NOW - timedelta(minutes=1))}
            assert (await fresh_connection("POST", "/v1/orders", json=order)).status_code == 201
            result = (await fresh_connection("POST", "/v1/checks", json={
                "customer_id": f"c-w-{run}", "items": [{"sku": sku}]})).json()
            assert [w["code"] for w in result["warnings"]] == ["DUPLICATE_ORDER"], result

        responses = await asyncio.gather(*(
            fresh_connection("POST", "/v1/checks", json={"customer_id": f"c-{run}-{n}",
                                                         "items": [{"sku": "x"}]})
            for n in range(60)))
        assert {r.status_code for r in responses} == {200}

        for _ in range(4):
            async with httpx.AsyncClient(base_url=url) as scrape:
                text = (await scrape.get("/metrics")).text
            assert _sample(text, "purchase_guard_checks_total", 'verdict="proceed"') == 60
            assert _sample(text, "purchase_guard_checks_total", 'verdict="confirm"') + \
                _sample(text, "purchase_guard_checks_total", 'verdict="block"') + \
                _sample(text, "purchase_guard_checks_total", 'verdict="info"') == 10
    pids = {re.sub(r"\D", "", p.name) for p in metrics_dir.iterdir()}
    assert len(pids) >= 2, "both workers answered and wrote their measures"
