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
