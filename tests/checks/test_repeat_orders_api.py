"""Services, repeated orders and the re-ordering habit, end to end on both databases."""

from datetime import timedelta

import httpx

from app.settings import Settings
from tests.factories import NOW, check, codes, iso, place_order, put_product

HABIT = Settings().habit_after


async def test_postage_ordered_an_hour_ago_raises_nothing(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    await put_product(client, keys["admin"], "POST", kind="service", title="Postage")
    co = keys["checkout"]
    await place_order(client, co, "o-1", placed_at=NOW - timedelta(hours=1),
                      lines=[("POST", 1), ("mug", 2)])
    result = await check(client, co, ["POST", "POST", "mug"])
    assert codes(result) == [("mug", "DUPLICATE_ORDER")]


async def test_a_cart_that_repeats_an_order_says_so_once(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    co = keys["checkout"]
    await place_order(client, co, "562590", placed_at=NOW - timedelta(minutes=1),
                      lines=[(f"sku-{n}", 24) for n in range(5)])
    result = await check(client, co, [{"sku": f"sku-{n}", "quantity": 24} for n in range(5)],
                         as_of=NOW)
    assert result["repeats_order"] == {
        "order_id": "562590", "placed_at": iso(NOW - timedelta(minutes=1)), "matched_lines": 5,
        "message": "This cart repeats order 562590, placed 1 minute ago.",
    }
    assert [w["severity"] for w in result["warnings"]] == ["confirm"] * 5
    stored = await client.get(f"/v1/checks/{result['check_id']}", headers=keys["support"])
    assert stored.json()["repeats_order"] == result["repeats_order"]


async def test_a_cart_that_repeats_nothing_says_null(client: httpx.AsyncClient, keys: dict) -> None:
    result = await check(client, keys["checkout"], ["mug"])
    assert result["repeats_order"] is None


async def repeat_orders(client: httpx.AsyncClient, co: dict, *, customer_id: str,
                        first_day: int, count: int) -> list[str]:
    """`count` pairs of orders an hour apart, a pair every third day from `first_day` ago."""
    second = []
    for n in range(count):
        at = NOW - timedelta(days=first_day - 3 * n)
        await place_order(client, co, f"{customer_id}-a{n}", customer_id=customer_id,
                          placed_at=at, lines=[("paper", 5)])
        await place_order(client, co, f"{customer_id}-b{n}", customer_id=customer_id,
                          placed_at=at + timedelta(hours=1), lines=[("paper", 5)])
        second.append(f"{customer_id}-b{n}")
    return second


async def test_a_customer_who_keeps_repeat_orders_is_told_not_asked(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    co = keys["checkout"]
    await repeat_orders(client, co, customer_id="w-1", first_day=40, count=HABIT)
    await place_order(client, co, "w-1-now", customer_id="w-1",
                      placed_at=NOW - timedelta(hours=3), lines=[("paper", 5)])
    result = await check(client, co, [{"sku": "paper", "quantity": 5}], customer_id="w-1")
    [warning] = result["warnings"]
    assert (warning["code"], warning["severity"]) == ("DUPLICATE_ORDER", "info")
    assert warning["message"].startswith("You often order again within a day;")
    # The same quantity again within the hour still asks.
    await place_order(client, co, "w-1-click", customer_id="w-1",
                      placed_at=NOW - timedelta(minutes=5), lines=[("paper", 5)])
    result = await check(client, co, [{"sku": "paper", "quantity": 5}], customer_id="w-1")
    assert result["warnings"][0]["severity"] == "confirm"


async def test_a_cancelled_repeat_order_does_not_count_towards_the_habit(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    co = keys["checkout"]
    second = await repeat_orders(client, co, customer_id="w-2", first_day=40, count=HABIT)
    cancelled = await client.post(f"/v1/orders/{second[0]}/cancel", headers=co, json={})
    assert cancelled.status_code == 200, cancelled.text
    await place_order(client, co, "w-2-now", customer_id="w-2",
                      placed_at=NOW - timedelta(hours=3), lines=[("paper", 5)])
    result = await check(client, co, ["paper"], customer_id="w-2")
    assert result["warnings"][0]["severity"] == "confirm"


async def test_a_repeat_order_counts_only_once_its_week_has_passed(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    co = keys["checkout"]
    await repeat_orders(client, co, customer_id="w-3", first_day=10 + 3 * (HABIT - 1),
                        count=HABIT)
    settled = NOW - timedelta(days=10, hours=-1) + timedelta(days=7)  # the last pair's week
    await place_order(client, co, "w-3-x", customer_id="w-3",
                      placed_at=settled - timedelta(hours=2), lines=[("paper", 5)])
    before = await check(client, co, ["paper"], customer_id="w-3",
                         as_of=settled - timedelta(seconds=1))
    assert codes(before) == [("paper", "DUPLICATE_ORDER")]
    assert before["warnings"][0]["severity"] == "confirm"
    after = await check(client, co, ["paper"], customer_id="w-3", as_of=settled)
    assert after["warnings"][0]["severity"] == "info"


async def test_a_repeat_order_returned_within_its_week_does_not_count(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    co = keys["checkout"]
    second = await repeat_orders(client, co, customer_id="w-4", first_day=40, count=HABIT)
    returned = await client.post(f"/v1/orders/{second[1]}/returns", headers=co, json={
        "lines": [{"sku": "paper", "quantity": 5}], "reason": "duplicate_order",
        "returned_at": iso(NOW - timedelta(days=36))})
    assert returned.status_code == 201, returned.text
    await place_order(client, co, "w-4-now", customer_id="w-4",
                      placed_at=NOW - timedelta(hours=3), lines=[("paper", 5)])
    result = await check(client, co, ["paper"], customer_id="w-4")
    assert result["warnings"][0]["severity"] == "confirm"


async def test_the_habit_is_read_from_the_latest_200_orders(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    """Repeat orders older than the customer's latest 200 orders no longer count: the habit
    is what they do now, and reading it costs the same for any length of history."""
    import json

    co = keys["checkout"]
    await repeat_orders(client, co, customer_id="w-5", first_day=400, count=HABIT)
    spaced = [{"order_id": f"w-5-s{n}", "customer_id": "w-5", "lines": [{"sku": "pen", "quantity": 1}],
               "placed_at": iso(NOW - timedelta(days=300) + timedelta(hours=36 * n))}
              for n in range(199)]
    batch = await client.post("/v1/orders/batch", content="\n".join(map(json.dumps, spaced)),
                              headers={**keys["admin"], "Content-Type": "application/x-ndjson"})
    assert batch.json()["created"] == 199, batch.text
    await place_order(client, co, "w-5-then", customer_id="w-5",
                      placed_at=NOW - timedelta(days=301, hours=3), lines=[("paper", 5)])
    await place_order(client, co, "w-5-now", customer_id="w-5",
                      placed_at=NOW - timedelta(hours=3), lines=[("paper", 5)])
    # The latest 200: 199 spaced orders and this one; the pairs are further back.
    result = await check(client, co, [{"sku": "paper", "quantity": 5}], customer_id="w-5")
    assert result["warnings"][0]["severity"] == "confirm"
    # As of before the spaced orders, the pairs were among the latest, and the habit held.
    before = await check(client, co, [{"sku": "paper", "quantity": 5}], customer_id="w-5",
                         as_of=NOW - timedelta(days=301))
    assert [w["severity"] for w in before["warnings"]] == ["info"]
