"""One timeline of everything, newest first, paged by a cursor that survives new events."""

import asyncio
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import event

from tests.factories import NOW, check, iso, place_order, put_product


async def _pages(
    client: httpx.AsyncClient, headers: dict, customer_id: str, limit: int, **params: Any
) -> list[dict]:
    events, cursor = [], None
    while True:
        query = {"limit": limit, **params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(f"/v1/customers/{customer_id}/history", params=query,
                                    headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        events += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return events


def _key(e: dict) -> tuple:
    return (e["type"], e.get("order_id"), e.get("return_id"), e.get("check_id"),
            e.get("sku"), e["at"])


async def _story(client: httpx.AsyncClient, keys: dict) -> dict:
    shop = keys["checkout"]
    await put_product(client, keys["admin"], "sock", kind="durable")
    await place_order(client, shop, "o-1", customer_id="c-5", placed_at=NOW - timedelta(days=9),
                      lines=[("boot-42", 1), ("sock", 3)])
    await place_order(client, shop, "o-2", customer_id="c-5", placed_at=NOW - timedelta(days=8),
                      lines=[("lamp", 1)])
    await client.post("/v1/orders/o-1/returns", headers=shop, json={
        "lines": [{"sku": "boot-42", "quantity": 1}], "reason": "too_small",
        "returned_at": iso(NOW - timedelta(days=7))})
    await client.post("/v1/orders/o-2/cancel", headers=shop,
                      json={"cancelled_at": iso(NOW - timedelta(days=6))})
    await client.put("/v1/customers/c-5/preferences", headers=shop, json={"sizes": {"boots": "43"}})
    result = await check(client, shop, ["sock", "hat"], customer_id="c-5")
    assert [(w["sku"], w["code"]) for w in result["warnings"]] == [
        ("sock", "PREVIOUSLY_PURCHASED")]
    feedback = await client.post(f"/v1/checks/{result['check_id']}/feedback", headers=shop, json={
        "responses": [{"sku": "sock", "code": "PREVIOUSLY_PURCHASED", "action": "kept"}]})
    assert feedback.status_code == 200
    return result


async def test_every_kind_of_event_newest_first(client: httpx.AsyncClient, keys: dict) -> None:
    result = await _story(client, keys)
    events = await _pages(client, keys["support"], "c-5", 50)
    assert [e["type"] for e in events] == [
        "feedback", "check", "preferences", "cancellation", "return", "order", "order"]
    ats = [e["at"] for e in events]
    assert ats == sorted(ats, reverse=True)

    by_type = {e["type"]: e for e in events}
    assert by_type["order"]["order_id"] == "o-1"
    assert [(line["sku"], line["quantity"]) for line in by_type["order"]["lines"]] == [
        ("boot-42", 1), ("sock", 3)]
    assert by_type["return"]["reason"] == "too_small"
    assert by_type["return"]["lines"] == [{"sku": "boot-42", "quantity": 1}]
    assert by_type["cancellation"] == {"type": "cancellation", "order_id": "o-2",
                                       "at": iso(NOW - timedelta(days=6))}
    assert by_type["check"]["check_id"] == result["check_id"]
    assert by_type["check"]["warnings"] == result["warnings"]
    assert [i["sku"] for i in by_type["check"]["items"]] == ["sock", "hat"]
    assert by_type["feedback"]["check_id"] == result["check_id"]
    assert by_type["feedback"]["action"] == "kept"
    assert by_type["preferences"]["sizes"] == {"boots": "43"}


async def test_filters_by_type_sku_and_time(client: httpx.AsyncClient, keys: dict) -> None:
    await _story(client, keys)
    support = keys["support"]
    only = await _pages(client, support, "c-5", 50, type=["return", "cancellation"])
    assert [e["type"] for e in only] == ["cancellation", "return"]

    sock = await _pages(client, support, "c-5", 50, sku="sock")
    assert [e["type"] for e in sock] == ["feedback", "check", "order"]
    assert sock[-1]["order_id"] == "o-1"
    boot = await _pages(client, support, "c-5", 50, sku="boot-42")
    assert [e["type"] for e in boot] == ["return", "order"]
    assert await _pages(client, support, "c-5", 50, sku="ock") == [], "a sku, not part of one"
    assert await _pages(client, support, "c-5", 50, sku="s_ck") == [], "_ is no wildcard"

    window = await _pages(client, support, "c-5", 50, since=iso(NOW - timedelta(days=8)),
                          until=iso(NOW - timedelta(days=6)))
    assert [e["type"] for e in window] == ["return", "order"]
    assert window[-1]["order_id"] == "o-2"


async def test_pages_join_up_to_the_whole_timeline(client: httpx.AsyncClient, keys: dict) -> None:
    await _story(client, keys)
    whole = await _pages(client, keys["support"], "c-5", 500)
    for limit in (1, 2, 3):
        assert await _pages(client, keys["support"], "c-5", limit) == whole


async def test_ties_in_time_keep_one_order_across_pages(
    client: httpx.AsyncClient, keys: dict
) -> None:
    same = NOW - timedelta(days=3)
    for n in range(12):
        await place_order(client, keys["checkout"], f"o-{n:02d}", customer_id="c-6",
                          placed_at=same)
    whole = await _pages(client, keys["support"], "c-6", 500)
    assert [e["order_id"] for e in whole] == [f"o-{n:02d}" for n in reversed(range(12))]
    assert await _pages(client, keys["support"], "c-6", 5) == whole


async def test_paging_while_events_arrive_has_no_duplicates_or_gaps(
    client: httpx.AsyncClient, keys: dict
) -> None:
    shop, support = keys["checkout"], keys["support"]
    for n in range(40):
        await place_order(client, shop, f"old-{n}", customer_id="c-8",
                          placed_at=NOW - timedelta(days=40 - n // 2))
    before = {e["order_id"] for e in await _pages(client, support, "c-8", 500)}

    async def arrive() -> None:
        for n in range(40):
            # New orders land both after everything and in the middle of the timeline.
            at = NOW - timedelta(minutes=n) if n % 2 else NOW - timedelta(days=30, minutes=n)
            await place_order(client, shop, f"new-{n}", customer_id="c-8", placed_at=at)
            await asyncio.sleep(0)

    seen, _ = await asyncio.gather(_pages(client, support, "c-8", 3), arrive())
    ids = [e["order_id"] for e in seen]
    assert len(ids) == len(set(ids)), "an event was served twice"
    assert before <= set(ids), "an event that existed before paging was skipped"
    positions = [(e["at"]) for e in seen]
    assert positions == sorted(positions, reverse=True)


async def test_a_page_reads_a_page_not_the_whole_history(
    client: httpx.AsyncClient, keys: dict
) -> None:
    for n in range(60):
        await place_order(client, keys["checkout"], f"o-{n}", customer_id="c-big",
                          placed_at=NOW - timedelta(hours=n))
    statements: list[str] = []
    engine = client.app.state.runtime.engine.sync_engine  # type: ignore[attr-defined]

    def capture(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", capture)
    try:
        page = (await client.get("/v1/customers/c-big/history", params={"limit": 5},
                                 headers=keys["support"])).json()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert len(page["items"]) == 5
    reads = [s for s in statements if s.lstrip().startswith("SELECT") and "api_key" not in s]
    # Each read is either bounded by the page size or by the ids of the page's events.
    unbounded = [s for s in reads if "LIMIT" not in s and " IN (" not in s
                 and "count(" not in s and "EXISTS" not in s]
    assert reads and unbounded == []


async def test_bad_cursors_and_types_are_problems_naming_the_field(
    client: httpx.AsyncClient, keys: dict
) -> None:
    await place_order(client, keys["checkout"], "o-1", customer_id="c-1")
    for params, loc in (({"cursor": "garbage"}, ["query", "cursor"]),
                        ({"type": "purchase"}, ["query", "type", 0]),
                        ({"since": "yesterday"}, ["query", "since"])):
        response = await client.get("/v1/customers/c-1/history", params=params,
                                    headers=keys["support"])
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["loc"] == loc
