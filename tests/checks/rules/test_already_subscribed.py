from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, codes, days_ago, product

CLUB = product("sub-club", kind="subscription", provides=["sub:club"], duration_days=30)
CLUB_YEAR = product("sub-club-year", kind="subscription", provides=["sub:club"],
                    duration_days=365)


def test_fires_while_the_same_tags_are_active() -> None:
    s = Scenario(products=[CLUB, CLUB_YEAR]).bought("sub-club-year", days_ago(10), order_id="o-9")
    [warning] = s.run(["sub-club"])
    assert (warning.code, warning.severity) == ("ALREADY_SUBSCRIBED", "confirm")
    assert warning.evidence[0]["order_id"] == "o-9" and "ends_at" in warning.evidence[0]


def test_active_until_the_last_instant_of_duration() -> None:
    s = Scenario(products=[CLUB]).bought("sub-club", NOW - timedelta(days=30) + timedelta(seconds=1))
    assert codes(s.run(["sub-club"])) == [("sub-club", "ALREADY_SUBSCRIBED")]


def test_silent_once_the_subscription_has_ended() -> None:
    s = Scenario(products=[CLUB]).bought("sub-club", NOW - timedelta(days=30))
    assert s.run(["sub-club"]) == []


def test_latest_purchase_extends_it() -> None:
    s = Scenario(products=[CLUB]).bought("sub-club", days_ago(50)).bought("sub-club", days_ago(20))
    assert codes(s.run(["sub-club"])) == [("sub-club", "ALREADY_SUBSCRIBED")]


def test_silent_when_it_adds_a_tag_the_customer_lacks() -> None:
    bigger = product("sub-club-plus", kind="subscription", provides=["sub:club", "sub:audio"],
                     duration_days=30)
    s = Scenario(products=[CLUB, bigger]).bought("sub-club", days_ago(5))
    assert s.run(["sub-club-plus"]) == []
