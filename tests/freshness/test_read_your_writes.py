"""Once a write is acknowledged, the next check sees it, on any worker, whatever is cached."""

from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx
import pytest

from tests.factories import NOW, check, codes, iso, place_order, put_product

Write = Callable[[httpx.AsyncClient, dict], Awaitable[None]]


async def _shop(client: httpx.AsyncClient, admin: dict) -> None:
    await put_product(client, admin, "ebook", kind="digital", work_id="w", format="ebook")
    await put_product(client, admin, "boot-42", kind="durable", category="boots",
                      attributes={"size": "42"})


async def _order_ebook(c: httpx.AsyncClient, keys: dict) -> None:
    await place_order(c, keys["checkout"], "o-new", customer_id="c-1",
                      placed_at=NOW - timedelta(minutes=5), lines=[("ebook", 1)])


async def _return_ebook(c: httpx.AsyncClient, keys: dict) -> None:
    response = await c.post("/v1/orders/o-old/returns", headers=keys["checkout"], json={
        "lines": [{"sku": "ebook", "quantity": 1}], "reason": "no_longer_needed",
        "returned_at": iso(NOW - timedelta(days=1))})
    assert response.status_code == 201


async def _cancel_ebook(c: httpx.AsyncClient, keys: dict) -> None:
    response = await c.post("/v1/orders/o-old/cancel", headers=keys["checkout"], json={})
    assert response.status_code == 200


async def _state_size(c: httpx.AsyncClient, keys: dict) -> None:
    response = await c.put("/v1/customers/c-1/preferences", headers=keys["checkout"],
                           json={"sizes": {"boots": "44"}})
    assert response.status_code == 200


async def _make_ebook_physical(c: httpx.AsyncClient, keys: dict) -> None:
    await put_product(c, keys["admin"], "ebook", kind="durable", work_id="w", format="ebook")


async def _erase(c: httpx.AsyncClient, keys: dict) -> None:
    assert (await c.delete("/v1/customers/c-1", headers=keys["admin"])).status_code == 204


# (write, cart, what the check said before, what it must say right after)
CASES: dict[str, tuple[Write, str, list, list]] = {
    "order": (_order_ebook, "ebook", [], [("ebook", "ALREADY_OWNED")]),
    "return": (_return_ebook, "ebook", [("ebook", "ALREADY_OWNED")], [("ebook", "RETURNED_BEFORE")]),
    "cancellation": (_cancel_ebook, "ebook", [("ebook", "ALREADY_OWNED")], []),
    "preferences": (_state_size, "boot-42", [], [("boot-42", "PREFERENCE_CONFLICT")]),
    "catalog": (_make_ebook_physical, "ebook", [("ebook", "ALREADY_OWNED")],
                [("ebook", "PREVIOUSLY_PURCHASED")]),
    "erasure": (_erase, "ebook", [("ebook", "ALREADY_OWNED")], []),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_a_write_on_one_worker_is_seen_by_the_next_check_on_another(
    client: httpx.AsyncClient, other_worker: httpx.AsyncClient, keys: dict, case: str
) -> None:
    write, sku, before, after = CASES[case]
    await _shop(client, keys["admin"])
    if case != "order":
        await place_order(client, keys["checkout"], "o-old", customer_id="c-1",
                          placed_at=NOW - timedelta(days=30), lines=[("ebook", 1)])
    shop = keys["checkout"]
    # Both workers hold the customer's snapshot before the write.
    for worker in (client, other_worker, client, other_worker):
        assert sorted(codes(await check(worker, shop, [sku], customer_id="c-1"))) == sorted(before)

    await write(other_worker, keys)

    for worker in (client, other_worker):
        assert sorted(codes(await check(worker, shop, [sku], customer_id="c-1"))) == sorted(after)


async def test_feedback_is_seen_at_once_by_every_worker(
    client: httpx.AsyncClient, other_worker: httpx.AsyncClient, keys: dict
) -> None:
    await put_product(client, keys["admin"], "mug", kind="durable")
    await place_order(client, keys["checkout"], "o-1", customer_id="c-1", lines=[("mug", 1)])
    first = await check(client, keys["checkout"], ["mug"], customer_id="c-1")
    assert codes(first) == [("mug", "PREVIOUSLY_PURCHASED")]
    assert codes(await check(other_worker, keys["checkout"], ["mug"], customer_id="c-1"))
    response = await other_worker.post(f"/v1/checks/{first['check_id']}/feedback",
                                       headers=keys["checkout"], json={
        "responses": [{"sku": "mug", "code": "PREVIOUSLY_PURCHASED", "action": "kept"}]})
    assert response.status_code == 200
    for worker in (client, other_worker):
        assert codes(await check(worker, keys["checkout"], ["mug"], customer_id="c-1")) == []


async def test_a_burst_of_orders_never_misses_a_duplicate(
    client: httpx.AsyncClient, other_worker: httpx.AsyncClient, keys: dict
) -> None:
    """Order, check on the other worker, order again...: each check sees every order so far."""
    await put_product(client, keys["admin"], "ebook", kind="digital")
    workers = (client, other_worker)
    for n in range(12):
        sku = f"item-{n}"
        writer, reader = workers[n % 2], workers[(n + 1) % 2]
        assert codes(await check(reader, keys["checkout"], [sku], customer_id="c-1")) == []
        await place_order(writer, keys["checkout"], f"o-{n}", customer_id="c-1",
                          placed_at=NOW - timedelta(minutes=1), lines=[(sku, 1)])
        assert codes(await check(reader, keys["checkout"], [sku], customer_id="c-1")) == [
            (sku, "DUPLICATE_ORDER")]
