from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, codes, product

CLUB = product("sub-club", title="Reading Club", kind="subscription", provides=["sub:club"],
               duration_days=365)
BOOK = product("bk-1", kind="digital", included_in=["sub:club"])


def test_fires_while_the_subscription_runs() -> None:
    s = Scenario(products=[CLUB, BOOK]).bought("sub-club", NOW - timedelta(days=10), order_id="o-2")
    [warning] = s.run(["bk-1"])
    assert (warning.code, warning.severity) == ("INCLUDED_IN_SUBSCRIPTION", "confirm")
    assert "Reading Club" in warning.message
    assert warning.evidence[0]["tag"] == "sub:club" and warning.evidence[0]["order_id"] == "o-2"


def test_silent_after_the_subscription_ended() -> None:
    s = Scenario(products=[CLUB, BOOK]).bought("sub-club", NOW - timedelta(days=365))
    assert s.run(["bk-1"]) == []


def test_silent_for_a_cancelled_subscription_order() -> None:
    # Cancelled orders never reach the facts; nothing is bought.
    assert Scenario(products=[CLUB, BOOK]).run(["bk-1"]) == []


def test_independent_of_ownership() -> None:
    s = Scenario(products=[CLUB, BOOK]).bought("sub-club", NOW - timedelta(days=10))
    s.bought("bk-1", NOW - timedelta(days=5))
    assert codes(s.run(["bk-1"])) == [("bk-1", "ALREADY_OWNED"), ("bk-1", "INCLUDED_IN_SUBSCRIPTION")]
