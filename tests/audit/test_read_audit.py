"""Reads of a customer's data by support or admin keys leave an audit row; checkouts do not."""

import httpx
from sqlalchemy import select

from app.audit.models import AuditEntry
from tests.factories import check, place_order


async def _entries(client: httpx.AsyncClient) -> list[AuditEntry]:
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        return list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())


async def test_support_reads_are_recorded_with_who_and_which_customer(
    client: httpx.AsyncClient, keys: dict
) -> None:
    await place_order(client, keys["checkout"], "o-1", customer_id="c-7")
    result = await check(client, keys["checkout"], ["sku-1"], customer_id="c-7")
    await client.get("/v1/orders/o-1", headers=keys["support"])
    await client.get("/v1/customers/c-7/preferences", headers=keys["support"])
    await client.get(f"/v1/checks/{result['check_id']}", headers=keys["support"])
    await client.get(f"/v1/checks/{result['check_id']}", headers=keys["checkout"])
    entries = await _entries(client)
    assert [(e.action, e.customer_id, e.role) for e in entries] == [
        ("read_order", "c-7", "support"),
        ("read_preferences", "c-7", "support"),
        ("read_check", "c-7", "support"),
    ]
    assert all(e.key_name == "test-support" for e in entries)
