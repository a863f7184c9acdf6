"""The checkout helper and the order recorder, against a real purchase-guard."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from purchase_guard_client import (
    AsyncCheckout,
    AsyncGuardClient,
    Checkout,
    GuardClient,
    OrderRecorder,
    WarningCode,
)


def test_check_show_and_send_what_the_customer_did(service: str, keys: dict[str, str]) -> None:
    ids = uuid.uuid4().hex[:8]
    with GuardClient(service, keys["admin"]) as admin, GuardClient(service, keys["checkout"]) as shop:
        admin.put_product(f"eb-{ids}", {"title": "Dune", "kind": "digital"})
        shop.record_order({"order_id": f"o-{ids}", "customer_id": f"c-{ids}",
                           "placed_at": (datetime.now(UTC) - timedelta(days=9)).isoformat(),
                           "lines": [{"sku": f"eb-{ids}", "quantity": 1}]})
        checkout = Checkout(shop)
        review = checkout.review(f"c-{ids}", [f"eb-{ids}", "socks"])
        assert review.must_confirm
        assert [w.code for w in review.warnings_for(f"eb-{ids}")] == [WarningCode.ALREADY_OWNED]
        sent = checkout.decided(review, removed=[f"eb-{ids}"], kept=["socks"])
        assert sent is not None and [r.action for r in sent.responses] == ["removed"]
        assert checkout.decided(review, kept=["socks"]) is None  # nothing was warned about


def test_the_async_helper(service: str, keys: dict[str, str]) -> None:
    async def run() -> None:
        async with AsyncGuardClient(service, keys["checkout"]) as shop:
            review = await AsyncCheckout(shop).review("c-new", ["anything"])
            assert not review.must_confirm and review.result.warnings == []

    asyncio.run(run())


def test_the_recorder_spools_while_the_service_is_away(
    service: str, keys: dict[str, str], stopped_url: str, tmp_path: Path
) -> None:
    ids = uuid.uuid4().hex[:8]
    spool = tmp_path / "orders.jsonl"
    order = {"order_id": f"o-{ids}", "customer_id": f"c-{ids}",
             "placed_at": datetime.now(UTC).isoformat(), "lines": [{"sku": "a", "quantity": 1}]}
    with GuardClient(stopped_url, keys["checkout"], timeout_s=0.5) as away:
        recorder = OrderRecorder(away, spool)
        assert recorder.placed(order) is None and recorder.pending == 1
        assert recorder.flush() == 0
    with GuardClient(service, keys["checkout"]) as back:
        again = OrderRecorder(back, spool)  # survives a restart of the shop too
        assert again.pending == 1 and again.flush() == 1 and again.pending == 0
        assert back.record_order(order).order_id == f"o-{ids}"  # idempotent: stored once


def test_an_order_after_a_check_names_it_without_being_asked(
    service: str, keys: dict[str, str], stopped_url: str, tmp_path: Path
) -> None:
    ids = uuid.uuid4().hex[:8]
    customer = f"c-{ids}"
    now = datetime.now(UTC)
    with GuardClient(service, keys["checkout"]) as shop, \
            GuardClient(service, keys["support"]) as agent:
        shop.record_order({"order_id": f"o1-{ids}", "customer_id": customer,
                           "placed_at": (now - timedelta(hours=1)).isoformat(),
                           "lines": [{"sku": "tea", "quantity": 1}]})
        review = Checkout(shop).review(customer, ["tea"])
        assert [w.code for w in review.result.warnings] == [WarningCode.DUPLICATE_ORDER]
        placed = OrderRecorder(shop).placed({"order_id": f"o2-{ids}", "customer_id": customer,
                                             "placed_at": now.isoformat(),
                                             "lines": [{"sku": "tea", "quantity": 1}]})
        assert placed is not None and placed.check_id == review.result.check_id
        stats = {s.code: s for s in agent.warning_stats(since=now - timedelta(minutes=5)).items}
        assert stats[WarningCode.DUPLICATE_ORDER].kept >= 1

        # The spool keeps the link while the service is away.
        second = Checkout(shop).review(customer, ["tea"])
        with GuardClient(stopped_url, keys["checkout"], timeout_s=0.5) as away:
            away._links.remember(second.result)  # the same shop process, its service away
            recorder = OrderRecorder(away, tmp_path / "spool.jsonl")
            assert recorder.placed({"order_id": f"o3-{ids}", "customer_id": customer,
                                    "placed_at": now.isoformat(),
                                    "lines": [{"sku": "tea", "quantity": 2}]}) is None
        assert f'"check_id": "{second.result.check_id}"' in (tmp_path / "spool.jsonl").read_text()
        assert OrderRecorder(shop, tmp_path / "spool.jsonl").flush() == 1
        assert agent.get_order(f"o3-{ids}").check_id == second.result.check_id


def test_a_link_the_service_refuses_never_loses_the_order(
    service: str, keys: dict[str, str],
) -> None:
    ids = uuid.uuid4().hex[:8]
    customer = f"c-{ids}"
    with GuardClient(service, keys["checkout"]) as shop, \
            GuardClient(service, keys["admin"]) as admin:
        shop.check(customer, ["tea"])
        admin.erase_customer(customer)  # the check is gone with the customer
        placed = shop.record_order({"order_id": f"o-{ids}", "customer_id": customer,
                                    "placed_at": datetime.now(UTC).isoformat(),
                                    "lines": [{"sku": "tea", "quantity": 1}]})
        assert placed.order_id == f"o-{ids}" and placed.check_id is None
