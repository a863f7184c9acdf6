"""Orders that name their check: the outcomes they imply, feedback over them, regrets,
the measures, and who may name which check. On SQLite and on PostgreSQL with Redis."""

from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.factories import NOW, check, codes, iso, place_order, put_product

CATALOG = {
    "pr-a": {"kind": "durable", "category": "printers", "provides": ["printer:a"]},
    "ink-a": {"kind": "consumable", "category": "ink", "requires_any": ["printer:a"]},
    "ink-b": {"kind": "consumable", "category": "ink", "requires_any": ["printer:b"]},
    "mug": {"kind": "durable"},
    "coffee": {"kind": "consumable"},
}


@pytest.fixture
async def warned(client: httpx.AsyncClient, keys: dict) -> dict[str, Any]:
    """A check of c-1 with three warnings: coffee ordered 2 h ago (DUPLICATE_ORDER), ink
    for a printer they lack (INCOMPATIBLE, suggesting ink-a) and a second mug
    (PREVIOUSLY_PURCHASED)."""
    for sku, fields in CATALOG.items():
        await put_product(client, keys["admin"], sku, **fields)
    co = keys["checkout"]
    await place_order(client, co, "o-printer", placed_at=NOW - timedelta(days=300),
                      lines=[("pr-a", 1)])
    await place_order(client, co, "o-mug", placed_at=NOW - timedelta(days=40), lines=[("mug", 1)])
    await place_order(client, co, "o-coffee", placed_at=NOW - timedelta(hours=2),
                      lines=[("coffee", 1)])
    result = await check(client, co, ["coffee", "ink-b", "mug"])
    assert codes(result) == [("coffee", "DUPLICATE_ORDER"), ("ink-b", "INCOMPATIBLE"),
                             ("mug", "PREVIOUSLY_PURCHASED")]
    return result


async def order_naming(client: httpx.AsyncClient, keys: dict, check_id: str, lines: list,
                       order_id: str = "o-next", customer_id: str = "c-1",
                       placed_at: Any = None) -> httpx.Response:
    return await client.post("/v1/orders", headers=keys["checkout"], json={
        "order_id": order_id, "customer_id": customer_id,
        "placed_at": iso(placed_at or NOW), "check_id": check_id,
        "lines": [{"sku": sku, "quantity": 1} for sku in lines]})


async def stats(client: httpx.AsyncClient, keys: dict, **params: str) -> dict[str, dict]:
    page = await client.get("/v1/stats/warnings", headers=keys["support"], params=params)
    assert page.status_code == 200, page.text
    return {row["code"]: row for row in page.json()["items"]}


async def test_an_order_naming_its_check_tells_kept_replaced_and_removed(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    placed = await order_naming(client, keys, warned["check_id"], ["coffee", "ink-a"])
    assert placed.status_code == 201, placed.text
    assert placed.json()["check_id"] == warned["check_id"]
    rows = await stats(client, keys)
    assert {code: (r["raised"], r["kept"], r["removed"], r["replaced"], r["with_outcome"])
            for code, r in rows.items() if r["raised"]} == {
        "DUPLICATE_ORDER": (1, 1, 0, 0, 1),
        "INCOMPATIBLE": (1, 0, 0, 1, 1),
        "PREVIOUSLY_PURCHASED": (1, 0, 1, 0, 1),
    }
    history = (await client.get("/v1/customers/c-1/history", headers=keys["support"],
                                params={"type": ["order", "check"]})).json()["items"]
    order = next(e for e in history if e["type"] == "order" and e["order_id"] == "o-next")
    assert order["check_id"] == warned["check_id"]
    checked = next(e for e in history if e["type"] == "check")
    assert checked["order_id"] == "o-next"
    assert sorted((o["sku"], o["outcome"], o["source"]) for o in checked["outcomes"]) == [
        ("coffee", "kept", "order"), ("ink-b", "replaced", "order"),
        ("mug", "removed", "order")]
    profile = (await client.get("/v1/customers/c-1/profile", headers=keys["support"])).json()
    assert sorted((o["sku"], o["outcome"], o["regretted"]) for o in profile["outcomes"]) == [
        ("coffee", "kept", False), ("ink-b", "replaced", False), ("mug", "removed", False)]
    metrics = (await client.get("/metrics")).text
    assert 'purchase_guard_warning_outcomes_total{code="INCOMPATIBLE",outcome="replaced"}' \
        in metrics


async def test_a_warning_kept_through_an_order_is_quiet_like_kept_feedback(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    placed = await order_naming(client, keys, warned["check_id"], ["mug"])
    assert placed.status_code == 201, placed.text
    again = await check(client, keys["checkout"], ["mug"])
    assert codes(again) == [("mug", "DUPLICATE_ORDER")]  # the new order, not the old mug


async def test_explicit_feedback_wins_over_what_an_order_implies(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    check_id = warned["check_id"]
    told = await client.post(f"/v1/checks/{check_id}/feedback", headers=keys["checkout"],
                             json={"responses": [{"sku": "mug", "code": "PREVIOUSLY_PURCHASED",
                                                  "action": "kept"}]})
    assert told.status_code == 200, told.text
    # The order leaves the mug out; the shop said it was kept: feedback stands.
    assert (await order_naming(client, keys, check_id, ["coffee"])).status_code == 201
    rows = await stats(client, keys)
    assert (rows["PREVIOUSLY_PURCHASED"]["kept"], rows["PREVIOUSLY_PURCHASED"]["removed"]) == (1, 0)
    assert rows["INCOMPATIBLE"]["removed"] == 1
    # Feedback after the order replaces what the order implied.
    later = await client.post(f"/v1/checks/{check_id}/feedback", headers=keys["checkout"],
                              json={"responses": [{"sku": "coffee", "code": "DUPLICATE_ORDER",
                                                   "action": "removed"}]})
    assert later.status_code == 200, later.text
    rows = await stats(client, keys)
    assert (rows["DUPLICATE_ORDER"]["kept"], rows["DUPLICATE_ORDER"]["removed"]) == (0, 1)


async def test_a_kept_warning_cancelled_within_7_days_was_regretted(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    assert (await order_naming(client, keys, warned["check_id"], ["coffee", "mug"])).status_code == 201
    assert (await stats(client, keys))["DUPLICATE_ORDER"]["regretted"] == 0
    cancelled = await client.post("/v1/orders/o-next/cancel", headers=keys["checkout"], json={})
    assert cancelled.status_code == 200, cancelled.text
    rows = await stats(client, keys)
    assert (rows["DUPLICATE_ORDER"]["regretted"], rows["PREVIOUSLY_PURCHASED"]["regretted"]) == (1, 1)
    profile = (await client.get("/v1/customers/c-1/profile", headers=keys["support"])).json()
    assert {o["sku"] for o in profile["outcomes"] if o["regretted"]} == {"coffee", "mug"}


async def test_a_return_after_the_7_days_is_no_regret(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    placed_at = NOW - timedelta(minutes=1)
    assert (await order_naming(client, keys, warned["check_id"], ["coffee"],
                               placed_at=placed_at)).status_code == 201
    returned = await client.post("/v1/orders/o-next/returns", headers=keys["checkout"], json={
        "lines": [{"sku": "coffee", "quantity": 1}], "reason": "no_longer_needed",
        "returned_at": iso(placed_at + timedelta(days=7, seconds=1))})
    assert returned.status_code == 201, returned.text
    assert (await stats(client, keys))["DUPLICATE_ORDER"]["regretted"] == 0


async def test_stats_count_outcomes_of_warnings_raised_in_the_range(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    assert (await order_naming(client, keys, warned["check_id"], ["coffee"])).status_code == 201
    before = await stats(client, keys, until=iso(NOW - timedelta(days=1)))
    assert before["DUPLICATE_ORDER"]["kept"] == before["DUPLICATE_ORDER"]["raised"] == 0
    inside = await stats(client, keys, since=iso(NOW - timedelta(days=1)))
    assert (inside["DUPLICATE_ORDER"]["raised"], inside["DUPLICATE_ORDER"]["kept"]) == (1, 1)


async def test_a_check_of_another_customer_or_none_is_422_naming_check_id(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    foreign = await order_naming(client, keys, warned["check_id"], ["coffee"], customer_id="c-2")
    assert foreign.status_code == 422
    assert foreign.json()["errors"][0]["loc"] == ["body", "check_id"]
    assert "another customer" in foreign.json()["errors"][0]["msg"]
    unknown = await order_naming(client, keys, "chk_nothing", ["coffee"])
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["loc"] == ["body", "check_id"]
    # Nothing was written: the order id is still free.
    assert (await client.get("/v1/orders/o-next", headers=keys["support"])).status_code == 404


async def test_the_batch_reports_a_foreign_check_id_on_its_line_and_keeps_the_rest(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    import json

    lines = [
        {"order_id": "b-1", "customer_id": "c-1", "placed_at": iso(NOW), "check_id": warned["check_id"],
         "lines": [{"sku": "coffee", "quantity": 1}]},
        {"order_id": "b-2", "customer_id": "c-9", "placed_at": iso(NOW), "check_id": warned["check_id"],
         "lines": [{"sku": "coffee", "quantity": 1}]},
    ]
    body = "\n".join(json.dumps(line) for line in lines)
    result = await client.post("/v1/orders/batch", headers={**keys["admin"],
                               "Content-Type": "application/x-ndjson"}, content=body)
    assert result.status_code == 200, result.text
    assert (result.json()["created"], [e["line"] for e in result.json()["errors"]]) == (1, [2])
    assert "check_id" in result.json()["errors"][0]["detail"]
    assert (await stats(client, keys))["DUPLICATE_ORDER"]["kept"] == 1


async def test_the_order_is_idempotent_on_its_whole_body_check_id_included(
    client: httpx.AsyncClient, keys: dict, warned: dict,
) -> None:
    first = await order_naming(client, keys, warned["check_id"], ["coffee"])
    again = await order_naming(client, keys, warned["check_id"], ["coffee"])
    assert (first.status_code, again.status_code) == (201, 200)
    other = await check(client, keys["checkout"], ["mug"])
    changed = await order_naming(client, keys, other["check_id"], ["coffee"])
    assert changed.status_code == 409
