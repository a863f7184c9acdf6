"""Postage, carriage, fees: in nearly every order, never a mistake to buy again."""

from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, codes, product

POSTAGE = product("POST", kind="service")


def test_a_service_ordered_an_hour_ago_is_no_duplicate_order() -> None:
    s = Scenario(products=[POSTAGE]).bought("POST", NOW - timedelta(hours=1))
    assert s.run(["POST"]) == []


def test_a_service_as_a_gift_is_no_duplicate_order_either() -> None:
    s = Scenario(products=[POSTAGE]).bought("POST", NOW - timedelta(hours=1))
    assert s.run([("POST", {"gift": True})]) == []


def test_a_service_twice_in_the_cart_is_no_duplicate_in_cart() -> None:
    assert Scenario(products=[POSTAGE]).run(["POST", "POST"]) == []


def test_a_service_bought_and_returned_gets_no_returned_before() -> None:
    s = Scenario(products=[POSTAGE]).bought("POST", NOW - timedelta(days=30), order_id="o-1")
    s.returned("POST", NOW - timedelta(days=29), "other", order_id="o-1")
    assert s.run(["POST"]) == []


def test_the_goods_beside_it_are_still_warned() -> None:
    s = Scenario(products=[POSTAGE]).bought("POST", NOW - timedelta(hours=1), order_id="o-1")
    s.bought("mug", NOW - timedelta(hours=1), order_id="o-1")
    assert codes(s.run(["mug", "POST"])) == [("mug", "DUPLICATE_ORDER")]


def test_a_service_newer_version_is_still_named() -> None:
    old = product("POST-2010", kind="service", superseded_by="POST")
    s = Scenario(products=[old, POSTAGE])
    assert codes(s.run(["POST-2010"])) == [("POST-2010", "NEWER_VERSION")]
