from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, codes, days_ago, product

COFFEE = product("cf-1", kind="consumable", replenish_days=30)


def test_fires_before_half_the_interval() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", days_ago(5), order_id="o-3")
    [warning] = s.run(["cf-1"])
    assert (warning.code, warning.severity) == ("EARLY_REPURCHASE", "info")
    assert "5 days ago" in warning.message and "30 days" in warning.message


def test_fires_just_before_half_the_interval() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(days=15) + timedelta(seconds=1))
    assert codes(s.run(["cf-1"])) == [("cf-1", "EARLY_REPURCHASE")]


def test_silent_at_exactly_half_the_interval() -> None:
    s = Scenario(products=[COFFEE]).bought("cf-1", NOW - timedelta(days=15))
    assert s.run(["cf-1"]) == []


def test_silent_without_a_replenish_interval() -> None:
    s = Scenario(products=[product("cf-2", kind="consumable")]).bought("cf-2", days_ago(2))
    assert s.run(["cf-2"]) == []


def test_silent_for_a_durable() -> None:
    s = Scenario(products=[product("d", kind="durable", replenish_days=30)]).bought("d", days_ago(2))
    assert codes(s.run(["d"])) == [("d", "PREVIOUSLY_PURCHASED")]
