"""The profile answers "what do they own, what did they send back, what do we know of them"."""

from datetime import timedelta

import httpx

from tests.factories import NOW, check, iso, place_order, put_product


async def _shop(client: httpx.AsyncClient, admin: dict) -> None:
    await put_product(client, admin, "eb-1", title="Dune (ebook)", kind="digital",
                      work_id="dune", format="ebook", category="books")
    await put_product(client, admin, "pr-8010", title="OfficeJet 8010", kind="durable",
                      category="printers", provides=["printer:oj-8010"])
    await put_product(client, admin, "club", title="Reading club", kind="subscription",
                      duration_days=365, provides=["sub:reading-club"])
    for size in ("42", "43"):
        await put_product(client, admin, f"sh-{size}", title=f"Runner {size}", kind="durable",
                          work_id="runner", category="shoes", attributes={"size": size})


async def test_profile_shows_owned_returned_subscriptions_tags_preferences_and_counts(
    client: httpx.AsyncClient, keys: dict, admin: dict
) -> None:
    await _shop(client, admin)
    shop = keys["checkout"]
    await place_order(client, shop, "o-1", customer_id="c-9", placed_at=NOW - timedelta(days=300),
                      lines=[("eb-1", 1), ("pr-8010", 1), ("sh-43", 1)])
    await place_order(client, shop, "o-2", customer_id="c-9", placed_at=NOW - timedelta(days=100),
                      lines=[("club", 1), ("sh-43", 1), ("sh-42", 1), ("unknown-sku", 2)])
    await place_order(client, shop, "o-3", customer_id="c-9", placed_at=NOW - timedelta(days=5),
                      lines=[("eb-1", 1)])
    await client.post("/v1/orders/o-3/cancel", json={}, headers=shop)
    returned = await client.post("/v1/orders/o-2/returns", headers=shop, json={
        "lines": [{"sku": "sh-42", "quantity": 1}], "reason": "too_small",
        "returned_at": iso(NOW - timedelta(days=90)),
    })
    assert returned.status_code == 201
    await client.put("/v1/customers/c-9/preferences", headers=shop,
                     json={"formats": ["ebook"], "avoid": ["leather"]})
    result = await check(client, shop, ["eb-1"], customer_id="c-9")
    await client.post(f"/v1/checks/{result['check_id']}/feedback", headers=shop, json={
        "responses": [{"sku": "eb-1", "code": "ALREADY_OWNED", "action": "removed"}]})

    response = await client.get("/v1/customers/c-9/profile", headers=keys["support"])
    assert response.status_code == 200, response.text
    profile = response.json()

    owned = {o["sku"]: o for o in profile["owned"]}
    assert set(owned) == {"eb-1", "pr-8010", "sh-43", "club", "unknown-sku"}
    assert owned["sh-43"]["quantity"] == 2
    assert owned["sh-43"]["first_purchased_at"] == iso(NOW - timedelta(days=300))
    assert owned["sh-43"]["last_purchased_at"] == iso(NOW - timedelta(days=100))
    assert owned["eb-1"]["quantity"] == 1, "the cancelled order owns nothing"
    assert owned["unknown-sku"]["title"] is None
    assert owned["eb-1"]["title"] == "Dune (ebook)"
    assert profile["returned"] == [{
        "sku": "sh-42", "title": "Runner 42", "quantity": 1, "reasons": ["too_small"],
        "last_returned_at": iso(NOW - timedelta(days=90)),
    }]
    assert profile["subscriptions"] == [{
        "sku": "club", "title": "Reading club", "started_at": iso(NOW - timedelta(days=100)),
        "ends_at": iso(NOW + timedelta(days=265)),
    }]
    assert [(t["tag"], t["sku"]) for t in profile["tags"]] == [
        ("printer:oj-8010", "pr-8010"), ("sub:reading-club", "club")]
    assert profile["preferences"]["stated"]["formats"] == ["ebook"]
    assert profile["preferences"]["stated"]["avoid"] == ["leather"]
    assert profile["preferences"]["learned_sizes"] == [
        {"category": "shoes", "size": "43", "purchases": 2}]
    assert profile["counts"] == {
        "orders": 3, "cancelled_orders": 1, "returns": 1, "checks": 1, "warnings": 1,
        "warnings_kept": 0, "warnings_removed": 1, "warnings_replaced": 0,
    }


async def test_a_customer_we_hold_nothing_about_is_404(
    client: httpx.AsyncClient, keys: dict
) -> None:
    for path in ("/v1/customers/c-never/profile", "/v1/customers/c-never/history"):
        response = await client.get(path, headers=keys["support"])
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


async def test_a_customer_known_only_by_preferences_has_a_profile(
    client: httpx.AsyncClient, keys: dict
) -> None:
    await client.put("/v1/customers/c-new/preferences", headers=keys["checkout"],
                     json={"sizes": {"shoes": "44"}})
    profile = (await client.get("/v1/customers/c-new/profile", headers=keys["support"])).json()
    assert profile["owned"] == [] and profile["counts"]["orders"] == 0
    assert profile["preferences"]["stated"]["sizes"] == {"shoes": "44"}
