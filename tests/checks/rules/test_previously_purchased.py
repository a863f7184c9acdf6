from tests.checks.rules.scenario import NOW, Scenario, codes, days_ago, product

PRINTER = product("pr-1", kind="durable", provides=["printer:a"])


def test_fires_for_an_owned_durable_naming_the_last_order() -> None:
    s = Scenario(products=[PRINTER]).bought("pr-1", days_ago(300), order_id="o-1")
    s.bought("pr-1", days_ago(100), order_id="o-2")
    [warning] = s.run(["pr-1"])
    assert (warning.code, warning.severity) == ("PREVIOUSLY_PURCHASED", "confirm")
    assert "o-2" in warning.message
    assert [e["order_id"] for e in warning.evidence] == ["o-1", "o-2"]


def test_silent_when_every_unit_was_returned() -> None:
    s = Scenario(products=[PRINTER]).bought("pr-1", days_ago(300), order_id="o-1")
    s.returned("pr-1", days_ago(290), "defective", order_id="o-1")
    assert ("pr-1", "PREVIOUSLY_PURCHASED") not in codes(s.run(["pr-1"]))


def test_still_fires_when_only_part_was_returned() -> None:
    s = Scenario(products=[PRINTER]).bought("pr-1", days_ago(300), order_id="o-1", quantity=2)
    s.returned("pr-1", days_ago(290), "defective", order_id="o-1")
    assert codes(s.run(["pr-1"])) == [("pr-1", "PREVIOUSLY_PURCHASED")]


def test_suppressed_while_kept_feedback_lasts_and_back_after() -> None:
    until = NOW.replace(month=7)
    s = Scenario(products=[PRINTER], suppressions={("pr-1", "PREVIOUSLY_PURCHASED"): until})
    s.bought("pr-1", days_ago(300))
    assert s.run(["pr-1"]) == []
    s.now = until
    assert codes(s.run(["pr-1"])) == [("pr-1", "PREVIOUSLY_PURCHASED")]


def test_a_gift_gets_no_ownership_warning() -> None:
    s = Scenario(products=[PRINTER]).bought("pr-1", days_ago(300))
    assert s.run([("pr-1", {"gift": True})]) == []
