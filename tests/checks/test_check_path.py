"""The check path's cost: set by the cart, not the history, and nothing read when warm."""

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta, timezone

import httpx
import pytest
from sqlalchemy import event

from app.checks.customer import build_view
from app.checks.facts import CartLine, Thresholds
from app.checks.history import load_history, load_products
from app.checks.records import history_at, load_records
from app.checks.relevance import relevant_skus, view_catalog
from app.checks.rules import Context, evaluate
from app.checks.schemas import CheckResult
from app.db import utcnow
from app.freshness import versions
from app.orders.schemas import OrderCreate
from app.orders.service import record_orders
from app.settings import Settings
from tests.factories import NOW, check, codes, place_order, put_product, serving


@contextmanager
def statements(client: httpx.AsyncClient) -> Iterator[list[str]]:
    """Every SQL statement the app sends while the block runs."""
    engine = client.app.state.runtime.engine.sync_engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def settle(client: httpx.AsyncClient) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    await runtime.snapshots.settled()
    if runtime.mirror is not None:
        await runtime.mirror.settled()


async def _history(client: httpx.AsyncClient, customer_id: str, lines: int) -> None:
    """`lines` order lines, four to an order, over 3,000 skus: written as the API writes."""
    rng = random.Random(lines)
    orders = [
        OrderCreate.model_validate({
            "order_id": f"{customer_id}-o{n}", "customer_id": customer_id,
            "placed_at": NOW - timedelta(days=400) + timedelta(minutes=n),
            "lines": [{"sku": f"sku-{rng.randrange(3_000)}", "quantity": 1} for _ in range(4)],
        })
        for n in range(lines // 4)
    ]
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.sessionmaker() as session:
        created, _, _ = await record_orders(session, orders)
    assert len(created) == len(orders)


async def test_a_warm_check_reads_no_database_with_redis(
    client: httpx.AsyncClient, keys: dict, backend: str,
) -> None:
    if backend != "postgres":
        pytest.skip("the embedded default has no Redis: its one token read is by design")
    await put_product(client, keys["admin"], "ebook", kind="digital")
    await place_order(client, keys["checkout"], "o-1", lines=[("ebook", 1)])
    await check(client, keys["checkout"], ["ebook", "mug"])
    await settle(client)
    with statements(client) as seen:
        for _ in range(5):
            result = await check(client, keys["checkout"], ["ebook", "mug"])
            assert codes(result) == [("ebook", "ALREADY_OWNED")]
    # Nothing but the check log, which is written in batches off the request's path.
    log_writes = ("INSERT INTO check_", "SET LOCAL synchronous_commit")
    assert [s for s in seen if not s.lstrip().startswith(log_writes)] == []


async def test_a_cold_check_reads_the_same_statements_for_10_lines_or_2000(
    client: httpx.AsyncClient, keys: dict, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await put_product(client, keys["admin"], "sku-7", kind="durable")
    await _history(client, "c-small", 12)
    await _history(client, "c-large", 2_000)
    await check(client, keys["checkout"], ["lamp", "sku-7"], customer_id="c-other")
    await settle(client)
    # Only the check's own reads: no snapshot, and none loaded behind it.
    monkeypatch.setattr(client.app.state.runtime.snapshots, "get",  # type: ignore[attr-defined]
                        lambda *_args: None)
    counts = {}
    for customer in ("c-small", "c-large"):
        # A write first, so no snapshot of the customer can serve the check.
        await place_order(client, keys["checkout"], f"{customer}-new", customer_id=customer,
                          placed_at=NOW - timedelta(minutes=1), lines=[("lamp", 1)])
        with statements(client) as seen:
            result = await check(client, keys["checkout"], ["lamp", "sku-7"], customer_id=customer)
        assert ("lamp", "DUPLICATE_ORDER") in codes(result)
        counts[customer] = len([s for s in seen if s.lstrip().upper().startswith("SELECT")])
        await settle(client)
    assert counts["c-small"] == counts["c-large"] <= 8


async def test_the_check_right_after_an_order_of_a_10000_line_customer_warns(
    settings: Settings, client: httpx.AsyncClient, keys: dict,
) -> None:
    """At the default budget, 20 times: the Amazon moment for the customers who order most."""
    default_budget = Settings().check_budget_ms
    async with serving(settings.model_copy(update={"check_budget_ms": default_budget})) as shop:
        await _history(shop, "c-big", 10_000)
        await check(shop, keys["checkout"], ["sku-1"], customer_id="c-big")
        await settle(shop)  # the snapshot of 10,000 lines is held: the order makes it stale
        for run in range(20):
            await place_order(shop, keys["checkout"], f"o-now-{run}", customer_id="c-big",
                              placed_at=NOW - timedelta(minutes=2), lines=[(f"kettle-{run}", 2)])
            started = time.perf_counter()
            result = await check(shop, keys["checkout"], [f"kettle-{run}"], customer_id="c-big")
            elapsed_ms = (time.perf_counter() - started) * 1000
            assert result["degraded"] is False, f"run {run}: degraded after {elapsed_ms:.0f} ms"
            assert codes(result) == [(f"kettle-{run}", "DUPLICATE_ORDER")]


async def test_the_cart_scoped_view_warns_as_the_whole_history_does(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    """For random histories and carts over a catalog with every kind of relation (formats,
    editions, sizes, devices, subscriptions), reading only the cart's relevant skus gives
    the warnings that reading the whole history gives."""
    rng = random.Random(11)
    admin = keys["admin"]
    for work in range(4):
        for fmt in ("ebook", "hardcover"):
            await put_product(client, admin, f"book-{work}-{fmt}", work_id=f"w{work}", format=fmt,
                              kind="digital" if fmt == "ebook" else "durable",
                              superseded_by=f"book-{work + 1}-{fmt}" if work < 3 else None)
    for size in ("41", "42", "43"):
        for model in ("a", "b"):
            await put_product(client, admin, f"boot-{model}-{size}", kind="durable",
                              category="boots", work_id=f"boot-{model}",
                              attributes={"size": size})
    for printer in ("p1", "p2"):
        await put_product(client, admin, printer, kind="durable", provides=[f"printer:{printer}"])
        await put_product(client, admin, f"ink-{printer}", kind="consumable", category="ink",
                          requires_any=[f"printer:{printer}"], replenish_days=60)
    await put_product(client, admin, "club", kind="subscription", duration_days=365,
                      provides=["club"])
    await put_product(client, admin, "club-film", kind="digital", included_in=["club"])
    skus = [f"book-{w}-{f}" for w in range(4) for f in ("ebook", "hardcover")] + [
        f"boot-{m}-{s}" for m in "ab" for s in ("41", "42", "43")] + [
        "p1", "p2", "ink-p1", "ink-p2", "club", "club-film", "mug"]
    for n in range(60):
        customer = f"c-{n % 6}"
        lines = [(rng.choice(skus), 1) for _ in range(rng.randrange(1, 4))]
        await place_order(client, keys["checkout"], f"o-{n}", customer_id=customer,
                          placed_at=NOW - timedelta(hours=rng.randrange(1, 24 * 200)),
                          lines=lines)
        if rng.random() < 0.2:
            await client.post(f"/v1/orders/o-{n}/cancel", headers=keys["checkout"], json={})
        elif rng.random() < 0.25:
            returned = await client.post(f"/v1/orders/o-{n}/returns", headers=keys["checkout"],
                                         json={"lines": [{"sku": lines[0][0], "quantity": 1}],
                                               "reason": rng.choice(["too_small", "other"])})
            assert returned.status_code == 201, returned.text
    for n in range(24):  # orders an hour or two after another: the re-ordering habit
        placed_at = NOW - timedelta(days=8 + 3 * (n // 6), hours=rng.randrange(1, 3))
        for suffix in ("a", "b"):
            await place_order(client, keys["checkout"], f"r-{n}-{suffix}",
                              customer_id=f"c-{n % 6}", placed_at=placed_at,
                              lines=[(rng.choice(skus), rng.randrange(1, 3))])
            placed_at += timedelta(hours=1)
        if rng.random() < 0.2:
            await client.post(f"/v1/orders/r-{n}-b/cancel", headers=keys["checkout"], json={})
    for n in range(3):
        stated = await client.put(f"/v1/customers/c-{n}/preferences", headers=keys["checkout"],
                                  json={"formats": [rng.choice(["ebook", "hardcover"])],
                                        "sizes": {"boots": rng.choice(["41", "42", "43"])},
                                        "avoid": []})
        assert stated.status_code == 200, stated.text
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    now = utcnow()
    thresholds = Thresholds(duplicate_window=timedelta(hours=24))
    token = await versions.catalog_token(runtime.read_sessionmaker)
    habits = set()
    async with runtime.read_sessionmaker() as session:
        for trial in range(120):
            customer = f"c-{trial % 6}"
            cart_skus = rng.sample(skus, rng.randrange(1, 4))
            cart = tuple(CartLine(i, sku) for i, sku in enumerate(cart_skus))
            catalog = await runtime.catalog.for_cart(cart_skus, token=token)
            traits = await runtime.catalog.traits(token=token)
            whole = await load_history(session, customer, as_of=now)
            bought = await load_products(session, {p.sku for p in whole.purchases})
            expected = evaluate(Context(
                customer=build_view(whole, bought, now=now, thresholds=thresholds),
                catalog=catalog, cart=cart, now=now))
            wanted = relevant_skus(cart_skus, catalog, traits)
            records = await load_records(session, customer, wanted, now=now,
                                         window=timedelta(hours=24))
            view = build_view(history_at(records, wanted, now), view_catalog(wanted, catalog, traits),
                              now=now, thresholds=thresholds)
            got = evaluate(Context(customer=view, catalog=catalog, cart=cart, now=now))
            assert got == expected, (customer, cart_skus)
            assert view.kept_repeat_orders == whole.kept_repeat_orders, customer
            habits.add(whole.kept_repeat_orders)
    assert len(habits) > 1, "the history should hold customers with and without the habit"



async def test_the_short_route_answers_exactly_what_the_published_schema_says(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    """The hot route builds its JSON without pydantic: it must be what `CheckResult`, the
    schema in the spec, would write, for every kind of evidence, and what the log keeps."""
    admin, shop = keys["admin"], keys["checkout"]
    await put_product(client, admin, "club", kind="subscription", duration_days=365,
                      provides=["club"])
    await put_product(client, admin, "printer", kind="durable", provides=["printer:p1"])
    await put_product(client, admin, "ink-p2", kind="consumable", category="ink",
                      requires_any=["printer:p2"])
    await put_product(client, admin, "ink-p1", kind="consumable", category="ink",
                      requires_any=["printer:p1"])
    for size in ("42", "43"):
        await put_product(client, admin, f"boot-{size}", kind="durable", category="boots",
                          work_id="boot", attributes={"size": size})
    await place_order(client, shop, "o-1", placed_at=NOW - timedelta(days=20), lines=[
        ("club", 1), ("printer", 1), ("boot-42", 1)])
    await place_order(client, shop, "o-2", placed_at=NOW - timedelta(days=10, seconds=-0.25),
                      lines=[("boot-42", 1), ("mug", 2)])
    await client.post("/v1/orders/o-2/returns", headers=shop, json={
        "lines": [{"sku": "mug", "quantity": 1}], "reason": "too_small"})
    response = await client.post("/v1/checks", headers=shop, json={
        "customer_id": "c-1", "items": [{"sku": s} for s in ("club", "ink-p2", "boot-43", "mug")]})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert {w["code"] for w in body["warnings"]} >= {
        "ALREADY_SUBSCRIBED", "INCOMPATIBLE", "PREFERENCE_CONFLICT"}
    assert body == CheckResult.model_validate(body).model_dump(mode="json")
    stored = await client.get(f"/v1/checks/{body['check_id']}", headers=shop)
    assert stored.json() == body
    replay = await check(client, shop, ["mug"], as_of=NOW.astimezone(timezone(timedelta(hours=2))))
    assert replay["as_of"].endswith("+02:00")
    assert replay == CheckResult.model_validate(replay).model_dump(mode="json")
