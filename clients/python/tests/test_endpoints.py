"""Every endpoint of the contract through the SDK, against a real purchase-guard."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from purchase_guard_client import (
    AuthenticationError,
    ConflictError,
    GuardClient,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
    Verdict,
    WarningCode,
)
from purchase_guard_client import models as m


@pytest.fixture
def ids() -> str:
    return uuid.uuid4().hex[:8]


def test_a_shop_day_through_every_endpoint(service: str, keys: dict[str, str], ids: str) -> None:
    now = datetime.now(UTC)
    customer = f"c-{ids}"
    with GuardClient(service, keys["admin"]) as admin, \
            GuardClient(service, keys["checkout"]) as shop, \
            GuardClient(service, keys["support"]) as agent:
        assert admin.healthz()["status"] == "ok" and admin.readyz()["database"] == "ok"
        ebook = admin.put_product(f"eb-{ids}", m.ProductIn(title="Dune", kind="digital",
                                                           work_id=f"w-{ids}", format="ebook"))
        assert ebook.sku == f"eb-{ids}" and admin.get_product(ebook.sku).title == "Dune"
        batch = admin.put_products([m.ProductBatchItem(sku=f"mug-{ids}", title="Mug",
                                                       kind="durable")])
        assert batch.created == 1

        order = shop.record_order(m.OrderIn(
            order_id=f"o-{ids}", customer_id=customer, placed_at=now - timedelta(days=40),
            lines=[m.OrderLineIn(sku=ebook.sku, quantity=1),
                   m.OrderLineIn(sku=f"mug-{ids}", quantity=2)]))
        assert [ln.sku for ln in order.lines] == [ebook.sku, f"mug-{ids}"]
        assert shop.record_order(order.model_dump(include={"order_id", "customer_id",
                                                           "placed_at", "lines"})).order_id
        imported = admin.import_orders([{"order_id": f"o2-{ids}", "customer_id": customer,
                                         "placed_at": (now - timedelta(days=3)).isoformat(),
                                         "lines": [{"sku": "lamp", "quantity": 1}]}])
        assert imported.created == 1
        returned = shop.record_return(order.order_id, m.ReturnIn(
            lines=[m.ReturnLineIn(sku=f"mug-{ids}", quantity=1)], reason=m.ReturnReason.defective,
            return_id=f"r-{ids}"))
        assert returned.return_id == f"r-{ids}"
        assert shop.cancel_order(f"o2-{ids}").cancelled_at is not None
        prefs = shop.put_preferences(customer, m.PreferencesIn(formats=["ebook"]))
        assert agent.get_preferences(customer).formats == prefs.formats == ["ebook"]

        result = shop.check(customer, [ebook.sku, m.CartItem(sku=f"mug-{ids}")])
        assert result.verdict == Verdict.block and not result.degraded
        codes = {(w.sku, w.code) for w in result.warnings}
        assert (ebook.sku, WarningCode.ALREADY_OWNED) in codes
        assert shop.get_check(result.check_id).check_id == result.check_id  # type: ignore[arg-type]
        feedback = shop.send_feedback(result.check_id, [m.FeedbackResponse(  # type: ignore[arg-type]
            sku=ebook.sku, code=WarningCode.ALREADY_OWNED, action=m.FeedbackAction.removed)])
        assert feedback.responses[0].action == m.FeedbackAction.removed
        assert result.repeats_order is None
        shop.record_order(m.OrderIn(
            order_id=f"o3-{ids}", customer_id=customer, placed_at=now - timedelta(minutes=5),
            lines=[m.OrderLineIn(sku="tea", quantity=1), m.OrderLineIn(sku="cups", quantity=1)]))
        repeat = shop.check(customer, ["tea", "cups"])
        assert repeat.repeats_order is not None
        assert (repeat.repeats_order.order_id, repeat.repeats_order.matched_lines) == (
            f"o3-{ids}", 2)
        stats = agent.warning_stats()
        assert {s.code for s in stats.items} == set(WarningCode)

        profile = agent.get_profile(customer)
        assert {o.sku for o in profile.owned} >= {ebook.sku}
        events = list(agent.iter_history(customer, limit=2))
        assert {e.type for e in events} == {"order", "return", "cancellation", "preferences",
                                            "check", "feedback"}
        assert [e.type for e in agent.get_history(customer, types=["return"]).items] == ["return"]
        audit = admin.list_audit(customer_id=customer)
        assert {a.action for a in audit.items} >= {"read_profile", "read_history"}

        key = admin.create_key("support", f"temp-{ids}")
        assert key.key.startswith("pgk_")
        assert any(k.key_id == key.key_id for k in admin.list_keys(limit=500).items)
        admin.revoke_key(key.key_id)
        with GuardClient(service, key.key) as revoked, pytest.raises(AuthenticationError):
            revoked.get_order(order.order_id)

        admin.erase_customer(customer)
        with pytest.raises(NotFoundError):
            agent.get_profile(customer)


def test_typed_errors_carry_the_problem(service: str, keys: dict[str, str], ids: str) -> None:
    now = datetime.now(UTC)
    with GuardClient(service, keys["checkout"]) as shop, \
            GuardClient(service, keys["support"]) as agent, \
            GuardClient(service, "pgk_wrong") as stranger:
        with pytest.raises(AuthenticationError) as unknown:
            stranger.get_check("chk_x")
        assert unknown.value.status == 401
        with pytest.raises(PermissionDeniedError):
            agent.record_order({"order_id": f"x-{ids}", "customer_id": "c", "placed_at":
                                now.isoformat(), "lines": [{"sku": "a", "quantity": 1}]})
        with pytest.raises(PermissionDeniedError):
            agent.check("c-1", ["a"])  # a 4xx is the shop's mistake: raised, never failed open
        with pytest.raises(NotFoundError):
            agent.get_order(f"nope-{ids}")
        shop.record_order({"order_id": f"o-{ids}", "customer_id": "c", "placed_at":
                           now.isoformat(), "lines": [{"sku": "a", "quantity": 1}]})
        with pytest.raises(ConflictError):
            shop.record_order({"order_id": f"o-{ids}", "customer_id": "c", "placed_at":
                               now.isoformat(), "lines": [{"sku": "a", "quantity": 2}]})
        with pytest.raises(ValidationError) as invalid:
            shop.check("c-1", [{"sku": "has space", "quantity": 0}])
        assert {tuple(e.loc) for e in invalid.value.errors} == {
            ("body", "items", 0, "sku"), ("body", "items", 0, "quantity")}
