"""Erasure removes every record of the customer in one go; the audit keeps only that it happened."""

from datetime import timedelta

import httpx
from sqlalchemy import func, select

from app.audit.models import AuditEntry
from app.models import Base
from tests.factories import NOW, check, codes, iso, place_order, put_product


async def _rows_per_table(client: httpx.AsyncClient, customer_id: str) -> dict[str, int]:
    counts = {}
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        for table in Base.metadata.sorted_tables:
            if "customer_id" in table.c and table.name != "audit_entry":
                counts[table.name] = await session.scalar(
                    select(func.count()).select_from(table).where(table.c.customer_id == customer_id)
                )
    return counts


async def _everything(client: httpx.AsyncClient, keys: dict, customer_id: str, prefix: str) -> str:
    shop = keys["checkout"]
    await put_product(client, keys["admin"], "ebook-1", kind="digital")
    await place_order(client, shop, f"{prefix}-1", customer_id=customer_id,
                      placed_at=NOW - timedelta(days=20), lines=[("ebook-1", 1), ("mug", 2)])
    await place_order(client, shop, f"{prefix}-2", customer_id=customer_id,
                      placed_at=NOW - timedelta(days=10), lines=[("mug", 1)])
    await client.post(f"/v1/orders/{prefix}-1/returns", headers=shop, json={
        "lines": [{"sku": "mug", "quantity": 1}], "reason": "defective",
        "returned_at": iso(NOW - timedelta(days=15))})
    await client.post(f"/v1/orders/{prefix}-2/cancel", headers=shop, json={})
    await client.put(f"/v1/customers/{customer_id}/preferences", headers=shop,
                     json={"formats": ["ebook"]})
    result = await check(client, shop, ["ebook-1"], customer_id=customer_id)
    assert codes(result) == [("ebook-1", "ALREADY_OWNED")]
    await client.post(f"/v1/checks/{result['check_id']}/feedback", headers=shop, json={
        "responses": [{"sku": "ebook-1", "code": "ALREADY_OWNED", "action": "removed"}]})
    return result["check_id"]


async def test_erasure_removes_every_kind_of_record_and_nothing_of_others(
    client: httpx.AsyncClient, keys: dict
) -> None:
    check_id = await _everything(client, keys, "c-gone", "o")
    await _everything(client, keys, "c-stays", "p")
    before = await _rows_per_table(client, "c-gone")
    assert all(before.values()), f"the story must touch every customer table: {before}"
    kept_before = await _rows_per_table(client, "c-stays")

    response = await client.delete("/v1/customers/c-gone", headers=keys["admin"])
    assert response.status_code == 204 and response.content == b""

    assert set((await _rows_per_table(client, "c-gone")).values()) == {0}
    assert await _rows_per_table(client, "c-stays") == kept_before

    support = keys["support"]
    for path in ("/v1/orders/o-1", f"/v1/checks/{check_id}", "/v1/customers/c-gone/profile",
                 "/v1/customers/c-gone/history"):
        assert (await client.get(path, headers=support)).status_code == 404, path
    preferences = (await client.get("/v1/customers/c-gone/preferences", headers=support)).json()
    assert preferences["updated_at"] is None and preferences["formats"] == []
    # The guard no longer knows they own the ebook, and the order id is free again.
    assert codes(await check(client, keys["checkout"], ["ebook-1"], customer_id="c-gone")) == []
    await place_order(client, keys["checkout"], "o-1", customer_id="c-gone")


async def test_the_audit_keeps_the_erasure_and_no_purchase_data(
    client: httpx.AsyncClient, keys: dict
) -> None:
    check_id = await _everything(client, keys, "c-gone", "o")
    await client.get("/v1/orders/o-1", headers=keys["support"])
    await client.get(f"/v1/checks/{check_id}", headers=keys["support"])
    assert (await client.delete("/v1/customers/c-gone", headers=keys["admin"])).status_code == 204

    entries = (await client.get("/v1/audit", params={"customer_id": "c-gone"},
                                headers=keys["admin"])).json()["items"]
    assert [(e["action"], e["key_name"]) for e in entries] == [
        ("erase_customer", "bootstrap admin"), ("read_check", "test-support"),
        ("read_order", "test-support")]
    assert [e["path"] for e in entries] == [
        "/v1/customers/{customer_id}", "/v1/checks/{check_id}", "/v1/orders/{order_id}"]
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        stored = " ".join(f"{r.path} {r.route} {r.action}" for r in
                          (await session.scalars(select(AuditEntry))).all())
    assert "o-1" not in stored and check_id not in stored


async def test_erasing_an_unknown_customer_is_204_and_records_it(
    client: httpx.AsyncClient, keys: dict
) -> None:
    assert (await client.delete("/v1/customers/c-never", headers=keys["admin"])).status_code == 204
    entries = (await client.get("/v1/audit", params={"customer_id": "c-never"},
                                headers=keys["admin"])).json()["items"]
    assert [e["action"] for e in entries] == ["erase_customer"]
