from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, codes, product

COFFEE = product("cf-1", kind="consumable", replenish_days=30)


def test_fires_for_the_same_sku_ordered_ten_minutes_ago() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(minutes=10), order_id="o-5")
    [warning] = s.run(["cf-1"])
    assert (warning.code, warning.severity) == ("DUPLICATE_ORDER", "confirm")
    assert "10 minutes ago" in warning.message and "o-5" in warning.message


def test_window_includes_exactly_24_hours() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=24))
    assert codes(s.run(["cf-1"])) == [("cf-1", "DUPLICATE_ORDER")]


def test_window_excludes_a_moment_past_24_hours() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=24, seconds=1))
    assert codes(s.run(["cf-1"])) == [("cf-1", "EARLY_REPURCHASE")]


def test_window_follows_the_setting() -> None:
    s = Scenario(products=[COFFEE], window=timedelta(hours=2))
    s.bought("cf-1", NOW - timedelta(hours=3))
    assert codes(s.run(["cf-1"])) == [("cf-1", "EARLY_REPURCHASE")]


def test_fires_for_unknown_skus_too() -> None:
    s = Scenario().bought("unknown", NOW - timedelta(hours=1))
    assert codes(s.run(["unknown"])) == [("unknown", "DUPLICATE_ORDER")]


def test_fires_for_a_gift() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=1))
    assert codes(s.run([("cf-1", {"gift": True})])) == [("cf-1", "DUPLICATE_ORDER")]


def test_a_returned_line_is_no_duplicate_only_a_past_return() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=3), order_id="o-1")
    s.returned("cf-1", NOW - timedelta(hours=1), "duplicate_order", order_id="o-1")
    assert codes(s.run(["cf-1"])) == [("cf-1", "RETURNED_BEFORE")]


def test_never_suppressed_by_kept_feedback() -> None:
    s = Scenario(products=[COFFEE], suppressions={("cf-1", "DUPLICATE_ORDER"): NOW + timedelta(days=9)})
    s.bought("cf-1", NOW - timedelta(hours=1))
    assert codes(s.run(["cf-1"])) == [("cf-1", "DUPLICATE_ORDER")]


def test_ignores_orders_after_the_check_instant() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW + timedelta(minutes=5))
    assert s.run(["cf-1"]) == []


def test_names_the_quantity_when_it_differs() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=1), order_id="562590",
                                           quantity=24)
    [warning] = s.run([("cf-1", {"quantity": 12})])
    assert warning.message == "You ordered 24 of this 1 hour ago (order 562590)."


def test_the_same_quantity_is_not_repeated_in_the_message() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(hours=1), order_id="o-9",
                                           quantity=2)
    [warning] = s.run([("cf-1", {"quantity": 2})])
    assert warning.message == "You already ordered this 1 hour ago (order o-9)."


def habitual(**fields: object) -> Scenario:
    """A customer who kept two repeat orders, with the habit counted from two."""
    return Scenario(**{"products": [COFFEE], "kept_repeat_orders": 2, "habit_after": 2,
                       **fields})  # type: ignore[arg-type]


def test_is_info_for_a_customer_who_keeps_repeat_orders() -> None:
    s = habitual().bought("cf-1", NOW - timedelta(hours=3), order_id="o-9", quantity=24)
    [warning] = s.run([("cf-1", {"quantity": 24})])
    assert warning.severity == "info"
    assert warning.message == ("You often order again within a day; "
                               "you already ordered this 3 hours ago (order o-9).")


def test_stays_confirm_one_kept_repeat_order_short_of_the_habit() -> None:
    s = Scenario(products=[COFFEE], kept_repeat_orders=1, habit_after=2)
    s.bought("cf-1", NOW - timedelta(hours=3))
    [warning] = s.run(["cf-1"])
    assert warning.severity == "confirm"


def test_stays_confirm_when_the_habit_rule_is_off() -> None:
    s = habitual(habit_after=0).bought("cf-1", NOW - timedelta(hours=3))
    [warning] = s.run(["cf-1"])
    assert warning.severity == "confirm"


def test_stays_confirm_for_the_same_quantity_within_the_hour_even_for_a_habit() -> None:
    s = habitual().bought("cf-1", NOW - timedelta(minutes=59), quantity=6)
    assert s.run([("cf-1", {"quantity": 6})])[0].severity == "confirm"
    assert s.run([("cf-1", {"quantity": 5})])[0].severity == "info"


def test_stays_confirm_when_the_cart_repeats_that_order_even_for_a_habit() -> None:
    s = habitual()
    for sku in ("a", "b", "c"):
        s.bought(sku, NOW - timedelta(hours=5), order_id="o-1")
    assessment = s.assess(["a", "b", "c"])
    assert assessment.repeats is not None and assessment.repeats.order_id == "o-1"
    assert [w.severity for w in assessment.warnings] == ["confirm"] * 3
