from tests.checks.rules.scenario import Scenario, codes, product

HC = product("bk-hc", kind="durable", work_id="hobbit", format="hardcover")
PB = product("bk-pb", kind="durable", work_id="hobbit", format="paperback")


def test_same_sku_on_two_lines() -> None:
    [warning] = Scenario(products=[HC]).run(["bk-hc", "bk-hc"])
    assert (warning.code, warning.severity) == ("DUPLICATE_IN_CART", "info")
    assert [e["line"] for e in warning.evidence] == [0, 1]


def test_same_sku_twice_even_when_unknown() -> None:
    assert codes(Scenario().run(["x", "x"])) == [("x", "DUPLICATE_IN_CART")]


def test_two_formats_of_one_work_warn_on_the_later_line() -> None:
    warnings = Scenario(products=[HC, PB]).run(["bk-hc", "bk-pb"])
    assert codes(warnings) == [("bk-pb", "DUPLICATE_IN_CART")]
    assert "hardcover" in warnings[0].message


def test_silent_for_different_works() -> None:
    other = product("bk-other", kind="durable", work_id="other", format="hardcover")
    assert Scenario(products=[HC, other]).run(["bk-hc", "bk-other"]) == []


def test_a_gift_copy_beside_ones_own_is_no_duplicate() -> None:
    assert Scenario(products=[HC]).run(["bk-hc", ("bk-hc", {"gift": True})]) == []
