"""The customer's own routine: DUPLICATE_ORDER bought anyway (through an order naming the
check) and kept a week, `PURCHASE_GUARD_ROUTINE_AFTER` (2) times, is `info` for that sku.
On SQLite and on PostgreSQL with Redis."""

from datetime import datetime, timedelta

import httpx

from tests.factories import NOW, check, codes, iso, place_order

CUSTOMER = "r-1"


async def override(client: httpx.AsyncClient, keys: dict, n: int, at: datetime, *,
                   sku: str = "paper", quantity: int = 5) -> str:
    """An order at `at`, a check 30 minutes later that warns DUPLICATE_ORDER, and an order
    naming that check which buys the sku anyway. Returns the second order's id."""
    co = keys["checkout"]
    await place_order(client, co, f"a-{n}", customer_id=CUSTOMER, placed_at=at,
                      lines=[(sku, quantity)])
    later = at + timedelta(minutes=30)
    result = await check(client, co, [{"sku": sku, "quantity": quantity}],
                         customer_id=CUSTOMER, as_of=later)
    assert codes(result) == [(sku, "DUPLICATE_ORDER")]
    placed = await client.post("/v1/orders", headers=co, json={
        "order_id": f"b-{n}", "customer_id": CUSTOMER, "placed_at": iso(later),
        "check_id": result["check_id"], "lines": [{"sku": sku, "quantity": quantity}]})
    assert placed.status_code == 201, placed.text
    return f"b-{n}"


async def severity(client: httpx.AsyncClient, keys: dict, *, quantity: int = 5,
                   as_of: datetime | None = None, items: list | None = None) -> str:
    result = await check(client, keys["checkout"],
                         items or [{"sku": "paper", "quantity": quantity}],
                         customer_id=CUSTOMER, as_of=as_of)
    [warning] = [w for w in result["warnings"] if w["sku"] == "paper"]
    assert warning["code"] == "DUPLICATE_ORDER"
    return str(warning["severity"])


async def recent_order(client: httpx.AsyncClient, keys: dict, at: datetime, *,
                       quantity: int = 5, extra: list | None = None) -> None:
    await place_order(client, keys["checkout"], f"recent-{at:%H%M%S%f}", customer_id=CUSTOMER,
                      placed_at=at, lines=[("paper", quantity), *(extra or [])])


async def test_two_kept_overrides_make_it_a_routine_told_not_asked(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await override(client, keys, 2, NOW - timedelta(days=30))
    await recent_order(client, keys, NOW - timedelta(hours=3))
    result = await check(client, keys["checkout"], [{"sku": "paper", "quantity": 5}],
                         customer_id=CUSTOMER)
    [warning] = result["warnings"]
    assert (warning["severity"], warning["message"]) == (
        "info", f"You often re-order this; last ordered 3 hours ago (order "
                f"recent-{NOW - timedelta(hours=3):%H%M%S%f}).")


async def test_one_override_short_it_is_still_asked(client: httpx.AsyncClient, keys: dict) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await recent_order(client, keys, NOW - timedelta(hours=3))
    assert await severity(client, keys) == "confirm"


async def test_an_override_counts_from_the_end_of_its_7th_day(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await override(client, keys, 2, NOW - timedelta(days=20))
    settled = NOW - timedelta(days=20) + timedelta(minutes=30) + timedelta(days=7)
    await recent_order(client, keys, settled - timedelta(hours=2))
    assert await severity(client, keys, as_of=settled - timedelta(seconds=1)) == "confirm"
    assert await severity(client, keys, as_of=settled) == "info"


async def test_the_same_quantity_within_the_hour_is_asked_even_on_routine(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await override(client, keys, 2, NOW - timedelta(days=30))
    await recent_order(client, keys, NOW - timedelta(minutes=30))
    assert await severity(client, keys, quantity=5) == "confirm"
    assert await severity(client, keys, quantity=6) == "info"


async def test_a_cart_repeating_an_order_is_asked_even_on_routine(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await override(client, keys, 2, NOW - timedelta(days=30))
    await recent_order(client, keys, NOW - timedelta(hours=3), extra=[("pens", 1)])
    assert await severity(client, keys, items=[{"sku": "paper", "quantity": 5},
                                               {"sku": "pens"}]) == "confirm"


async def test_a_regretted_override_resets_the_count(client: httpx.AsyncClient, keys: dict) -> None:
    await override(client, keys, 1, NOW - timedelta(days=60))
    await override(client, keys, 2, NOW - timedelta(days=50))
    third = await override(client, keys, 3, NOW - timedelta(days=40))
    returned = await client.post(f"/v1/orders/{third}/returns", headers=keys["checkout"], json={
        "lines": [{"sku": "paper", "quantity": 5}], "reason": "duplicate_order",
        "returned_at": iso(NOW - timedelta(days=39))})
    assert returned.status_code == 201, returned.text
    await recent_order(client, keys, NOW - timedelta(hours=3))
    assert await severity(client, keys) == "confirm"
    # Before the regret was known, the routine held.
    assert await severity(client, keys, as_of=NOW - timedelta(days=39, hours=1)) == "info"


async def test_the_next_check_on_another_worker_sees_the_routine_at_once(
    client: httpx.AsyncClient, other_worker: httpx.AsyncClient, keys: dict,
) -> None:
    await override(client, keys, 1, NOW - timedelta(days=40))
    await recent_order(client, keys, NOW - timedelta(hours=3))
    for worker in (client, other_worker, client, other_worker):  # both hold the customer
        assert await severity(worker, keys) == "confirm"
    await override(other_worker, keys, 2, NOW - timedelta(days=30))
    for worker in (client, other_worker):
        assert await severity(worker, keys) == "info"
