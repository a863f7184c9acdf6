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
