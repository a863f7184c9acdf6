"""A key is shown once, at creation: never again in a response, a log line or the database."""

import logging

import httpx
import pytest
from sqlalchemy import select

from app.keys.models import ApiKey
from tests.factories import check, place_order


async def test_no_response_or_log_line_carries_a_plaintext_key(
    client: httpx.AsyncClient, admin: dict, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    created = []
    for role in ("checkout", "support"):
        response = await client.post("/v1/keys", json={"role": role, "name": role}, headers=admin)
        created.append(response.json())
    shop, agent = ({"Authorization": f"Bearer {k['key']}"} for k in created)
    secrets = [k["key"] for k in created] + [admin["Authorization"].split()[1]]

    await place_order(client, shop, "o-1")
    result = await check(client, shop, ["sku-1"])
    bodies = [
        (await client.get("/v1/keys", headers=admin)).text,
        (await client.get("/v1/orders/o-1", headers=agent)).text,
        (await client.get(f"/v1/checks/{result['check_id']}", headers=agent)).text,
        (await client.get("/v1/audit", headers=admin)).text,
        (await client.get("/v1/keys", headers=agent)).text,  # 403
        (await client.delete(f"/v1/keys/{created[1]['key_id']}", headers=admin)).text,
        (await client.get("/v1/orders/o-1", headers=agent)).text,  # revoked: 401
        (await client.get("/metrics")).text,
    ]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in secrets:
        assert all(secret not in body for body in bodies)
        assert secret not in logged
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        stored = [(r.key_id, r.name, r.key_hash) for r in (await session.scalars(select(ApiKey)))]
    assert all(secret not in " ".join(row) for row in stored for secret in secrets)
