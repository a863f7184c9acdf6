"""The guard end to end: every code through the API, on both databases."""

from datetime import timedelta

import httpx
import pytest

from tests.factories import NOW, check, codes, iso, place_order, put_product

CATALOG = {
    "bk-ebook": {"kind": "digital", "work_id": "hobbit", "format": "ebook", "category": "books"},
    "bk-hc": {"kind": "durable", "work_id": "hobbit", "format": "hardcover", "category": "books"},
    "bk-pb": {"kind": "durable", "work_id": "hobbit", "format": "paperback", "category": "books"},
    "bk-club": {"kind": "digital", "work_id": "dune", "format": "ebook", "category": "books",
                "included_in": ["sub:club"]},
    "cook-2019": {"kind": "durable", "superseded_by": "cook-2024"},
    "cook-2024": {"kind": "durable", "title": "Cookbook 2024"},
    "pr-a": {"kind": "durable", "category": "printers", "provides": ["printer:a"],
             "title": "OfficeJet A"},
    "ink-a": {"kind": "consumable", "category": "ink", "requires_any": ["printer:a"],
              "replenish_days": 60},
    "ink-b": {"kind": "consumable", "category": "ink", "requires_any": ["printer:b"]},
    "sh-41": {"kind": "durable", "work_id": "road", "category": "shoes", "attributes": {"size": "41"}},
    "sh-42": {"kind": "durable", "work_id": "road", "category": "shoes", "attributes": {"size": "42"}},
    "sh-43": {"kind": "durable", "work_id": "road", "category": "shoes", "attributes": {"size": "43"}},
    "boot-43": {"kind": "durable", "category": "shoes", "attributes": {"size": "43"},
                "contains": ["leather"]},
    "trail-43": {"kind": "durable", "work_id": "trail", "category": "shoes",
                 "attributes": {"size": "43"}},
    "coffee": {"kind": "consumable", "category": "coffee", "replenish_days": 30},
    "filters": {"kind": "consumable", "category": "coffee"},
    "sub-club": {"kind": "subscription", "provides": ["sub:club"], "duration_days": 365,
                 "title": "Reading Club"},
}


@pytest.fixture
async def shop(client: httpx.AsyncClient, keys: dict) -> dict:
    """A catalog, and customer c-1 with a history that touches every rule."""
    for sku, fields in CATALOG.items():
        await put_product(client, keys["admin"], sku, **fields)
    co = keys["checkout"]
    await place_order(client, co, "o-ebook", placed_at=NOW - timedelta(days=400),
                      lines=[("bk-ebook", 1)])
    await place_order(client, co, "o-printer", placed_at=NOW - timedelta(days=300),
                      lines=[("pr-a", 1)])
    await place_order(client, co, "o-trail", placed_at=NOW - timedelta(days=200),
                      lines=[("trail-43", 1)])
    await place_order(client, co, "o-boot", placed_at=NOW - timedelta(days=190),
                      lines=[("sh-43", 1)])
    await place_order(client, co, "o-small", placed_at=NOW - timedelta(days=150),
                      lines=[("sh-41", 1)])
    await client.post("/v1/orders/o-small/returns", headers=co, json={
        "lines": [{"sku": "sh-41", "quantity": 1}], "reason": "too_small",
        "returned_at": iso(NOW - timedelta(days=140))})
    await place_order(client, co, "o-club", placed_at=NOW - timedelta(days=100),
                      lines=[("sub-club", 1)])
    await place_order(client, co, "o-coffee", placed_at=NOW - timedelta(days=5),
                      lines=[("coffee", 1)])
    await place_order(client, co, "o-filters", placed_at=NOW - timedelta(minutes=10),
                      lines=[("filters", 1)])
    await client.put("/v1/customers/c-1/preferences", headers=co,
                     json={"formats": ["paperback"], "avoid": ["leather"]})
    return keys


@pytest.mark.parametrize(("cart", "expected"), [
    (["bk-ebook"], [("bk-ebook", "ALREADY_OWNED")]),
    (["sub-club"], [("sub-club", "ALREADY_SUBSCRIBED")]),
    (["filters"], [("filters", "DUPLICATE_ORDER")]),
    (["pr-a"], [("pr-a", "PREVIOUSLY_PURCHASED")]),
    (["coffee"], [("coffee", "EARLY_REPURCHASE")]),
    (["bk-pb"], [("bk-pb", "OWNED_OTHER_FORMAT")]),
    (["sh-41"], [("sh-41", "RETURNED_BEFORE"), ("sh-41", "PREFERENCE_CONFLICT")]),
    (["bk-pb", "bk-pb"], [("bk-pb", "OWNED_OTHER_FORMAT"), ("bk-pb", "DUPLICATE_IN_CART")]),
    (["ink-b"], [("ink-b", "INCOMPATIBLE")]),
    (["boot-43"], [("boot-43", "PREFERENCE_CONFLICT")]),
    (["sh-42"], [("sh-42", "PREFERENCE_CONFLICT")]),
    (["bk-club"], [("bk-club", "INCLUDED_IN_SUBSCRIPTION")]),
    (["cook-2019"], [("cook-2019", "NEWER_VERSION")]),
    (["bk-hc"], [("bk-hc", "OWNED_OTHER_FORMAT"), ("bk-hc", "PREFERRED_FORMAT")]),
])
async def test_each_code_end_to_end(
    client: httpx.AsyncClient, shop: dict, cart: list[str], expected: list
) -> None:
    result = await check(client, shop["checkout"], cart)
    assert codes(result) == expected
    assert result["degraded"] is False


async def test_several_warnings_at_once_and_the_verdict(client: httpx.AsyncClient, shop: dict) -> None:
    result = await check(client, shop["checkout"], ["bk-ebook", "ink-b", "sh-42", "coffee"])
    assert result["verdict"] == "block"
    assert [c for _, c in codes(result)] == [
        "ALREADY_OWNED", "INCOMPATIBLE", "PREFERENCE_CONFLICT", "EARLY_REPURCHASE"]
    owned = result["warnings"][0]
    assert owned["evidence"][0]["order_id"] == "o-ebook"
    assert "o-ebook" in owned["message"]
    incompatible = result["warnings"][1]
    assert incompatible["suggestion"] == {
        "action": "replace", "sku": "ink-a", "message": "ink-a fits your OfficeJet A."}


async def test_suggestions_name_the_right_sku(client: httpx.AsyncClient, shop: dict) -> None:
    result = await check(client, shop["checkout"], ["sh-41", "sh-42", "cook-2019", "bk-hc"])
    suggested = {(w["sku"], w["code"]): (w["suggestion"] or {}).get("sku") for w in result["warnings"]}
    assert suggested[("sh-41", "RETURNED_BEFORE")] == "sh-42"
    assert suggested[("sh-42", "PREFERENCE_CONFLICT")] == "sh-43"
    assert suggested[("cook-2019", "NEWER_VERSION")] == "cook-2024"
    assert suggested[("bk-hc", "PREFERRED_FORMAT")] == "bk-pb"


async def test_a_gift_gets_only_duplicate_order(client: httpx.AsyncClient, shop: dict) -> None:
    items = [{"sku": s, "gift": True} for s in ("bk-ebook", "filters", "ink-b", "boot-43")]
    result = await check(client, shop["checkout"], items)
    assert codes(result) == [("filters", "DUPLICATE_ORDER")]


async def test_unknown_customer_and_skus_just_proceed(client: httpx.AsyncClient, shop: dict) -> None:
    result = await check(client, shop["checkout"], ["nope-1", "bk-ebook"], customer_id="c-new")
    assert result["verdict"] == "proceed" and result["warnings"] == []


async def test_a_cancelled_order_never_counts(client: httpx.AsyncClient, shop: dict) -> None:
    await client.post("/v1/orders/o-filters/cancel", headers=shop["checkout"],
                      json={"cancelled_at": iso(NOW - timedelta(minutes=5))})
    assert codes(await check(client, shop["checkout"], ["filters"])) == []


async def test_as_of_ignores_what_happened_later(client: httpx.AsyncClient, shop: dict) -> None:
    before = await check(client, shop["checkout"], ["bk-ebook"], as_of=NOW - timedelta(days=401))
    assert codes(before) == []
    assert before["as_of"].startswith((NOW - timedelta(days=401)).date().isoformat())


async def test_a_return_ends_ownership(client: httpx.AsyncClient, shop: dict) -> None:
    await client.post("/v1/orders/o-printer/returns", headers=shop["checkout"], json={
        "lines": [{"sku": "pr-a", "quantity": 1}], "reason": "defective",
        "returned_at": iso(NOW - timedelta(days=1))})
    result = await check(client, shop["checkout"], ["pr-a", "ink-b"])
    # No printer any more: the cartridge is no longer judged against one.
    assert codes(result) == [("pr-a", "RETURNED_BEFORE")]


async def test_the_next_check_sees_an_order_at_once(client: httpx.AsyncClient, keys: dict) -> None:
    await put_product(client, keys["admin"], "p-1", kind="durable")
    assert codes(await check(client, keys["checkout"], ["p-1"], as_of=None)) == []
    await client.post("/v1/orders", headers=keys["checkout"], json={
        "order_id": "o-now", "customer_id": "c-1", "placed_at": iso(NOW.now(NOW.tzinfo)),
        "lines": [{"sku": "p-1", "quantity": 1}]})
    assert codes(await check(client, keys["checkout"], ["p-1"], as_of=None)) == [
        ("p-1", "DUPLICATE_ORDER")]


async def test_a_check_is_stored_as_answered(client: httpx.AsyncClient, shop: dict) -> None:
    result = await check(client, shop["checkout"], ["bk-ebook", "coffee"])
    for role in ("checkout", "support"):
        stored = await client.get(f"/v1/checks/{result['check_id']}", headers=shop[role])
        assert stored.status_code == 200
        assert stored.json() == result


async def test_unknown_check_is_404(client: httpx.AsyncClient, keys: dict) -> None:
    assert (await client.get("/v1/checks/chk_nope", headers=keys["support"])).status_code == 404


@pytest.mark.parametrize(("body", "loc"), [
    ({"customer_id": "c-1", "items": []}, ["body", "items"]),
    ({"customer_id": "c-1", "items": [{"sku": "a"}] * 101}, ["body", "items"]),
    ({"customer_id": "c-1", "items": [{"sku": "a", "quantity": 10_001}]}, ["body", "items", 0, "quantity"]),
    ({"customer_id": "c 1", "items": [{"sku": "a"}]}, ["body", "customer_id"]),
    ({"customer_id": "c-1", "items": [{"sku": "a"}], "as_of": "2026-01-01T00:00:00"}, ["body", "as_of"]),
])
async def test_bad_checks_name_the_field(
    client: httpx.AsyncClient, keys: dict, body: dict, loc: list
) -> None:
    response = await client.post("/v1/checks", json=body, headers=keys["checkout"])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == loc


async def test_a_cart_of_100_lines_is_fine(client: httpx.AsyncClient, keys: dict) -> None:
    items = [{"sku": f"s-{n}", "quantity": 10_000} for n in range(100)]
    assert (await check(client, keys["checkout"], items))["verdict"] == "proceed"
