"""Every read of a customer's data by support or admin keys is accounted for; checkouts' are not."""

import asyncio

import httpx
from sqlalchemy import select

from app.audit.models import AuditEntry
from tests.factories import check, place_order


async def _audit(client: httpx.AsyncClient, admin: dict, **params: str) -> list[dict]:
    response = await client.get("/v1/audit", params=params, headers=admin)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_support_reads_are_recorded_with_who_what_and_which_customer(
    client: httpx.AsyncClient, keys: dict
) -> None:
    await place_order(client, keys["checkout"], "o-1", customer_id="c-7")
    result = await check(client, keys["checkout"], ["sku-1"], customer_id="c-7")
    support = keys["support"]
    for path in ("/v1/orders/o-1", "/v1/customers/c-7/preferences",
                 f"/v1/checks/{result['check_id']}", "/v1/customers/c-7/profile",
                 "/v1/customers/c-7/history"):
        assert (await client.get(path, headers=support)).status_code == 200
    # A checkout reading back its own check is not a support read.
    await client.get(f"/v1/checks/{result['check_id']}", headers=keys["checkout"])

    entries = await _audit(client, keys["admin"], customer_id="c-7")
    assert [(e["action"], e["customer_id"], e["role"], e["key_name"]) for e in entries] == [
        ("read_history", "c-7", "support", "test-support"),
        ("read_profile", "c-7", "support", "test-support"),
        ("read_check", "c-7", "support", "test-support"),
        ("read_preferences", "c-7", "support", "test-support"),
        ("read_order", "c-7", "support", "test-support"),
    ]
    assert entries[-1]["path"] == "/v1/orders/o-1"
    key_ids = {e["key_id"] for e in entries}
    assert len(key_ids) == 1 and key_ids != {None}


async def test_admin_reads_are_recorded_too(client: httpx.AsyncClient, keys: dict) -> None:
    await place_order(client, keys["checkout"], "o-1", customer_id="c-7")
    await client.get("/v1/customers/c-7/profile", headers=keys["admin"])
    entries = await _audit(client, keys["admin"], customer_id="c-7")
    assert [(e["action"], e["role"]) for e in entries] == [("read_profile", "admin")]


async def test_audit_filters_by_key_and_pages_newest_first(
    client: httpx.AsyncClient, keys: dict, admin: dict
) -> None:
    other = (await client.post("/v1/keys", json={"role": "support", "name": "agent-2"},
                               headers=admin)).json()
    other_headers = {"Authorization": f"Bearer {other['key']}"}
    for n in range(5):
        await place_order(client, keys["checkout"], f"o-{n}", customer_id=f"c-{n}")
        await client.get(f"/v1/orders/o-{n}", headers=keys["support"])
        await client.get(f"/v1/orders/o-{n}", headers=other_headers)

    mine = await _audit(client, admin, key_id=other["key_id"])
    assert [e["customer_id"] for e in mine] == ["c-4", "c-3", "c-2", "c-1", "c-0"]
    assert {e["key_name"] for e in mine} == {"agent-2"}

    seen, cursor = [], None
    while True:
        params = {"limit": "3", **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/audit", params=params, headers=admin)).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == 10


async def test_audit_rows_reach_the_database_without_an_audit_read(
    client: httpx.AsyncClient, keys: dict
) -> None:
    """Buffered rows are written by the background writer, not only when someone looks."""
    await place_order(client, keys["checkout"], "o-1", customer_id="c-7")
    await client.get("/v1/orders/o-1", headers=keys["support"])
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    for _ in range(100):
        async with runtime.sessionmaker() as session:
            rows = (await session.scalars(select(AuditEntry))).all()
        if rows:
            break
        await asyncio.sleep(0.02)
    assert [(r.action, r.customer_id) for r in rows] == [("read_order", "c-7")]


async def test_a_bad_audit_cursor_is_a_problem_naming_it(
    client: httpx.AsyncClient, admin: dict
) -> None:
    response = await client.get("/v1/audit", params={"cursor": "bm9wZQ"}, headers=admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]
