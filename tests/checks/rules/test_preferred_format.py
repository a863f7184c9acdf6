from tests.checks.rules.scenario import Scenario, days_ago, product

HC = product("bk-hc", kind="durable", work_id="w", format="hardcover")
PB = product("bk-pb", kind="durable", work_id="w", format="paperback")
EBOOK = product("bk-ebook", kind="digital", work_id="w", format="ebook")


def test_suggests_the_most_preferred_format_available() -> None:
    s = Scenario(products=[HC, PB, EBOOK], formats=("ebook", "paperback"))
    [warning] = s.run(["bk-hc"])
    assert (warning.code, warning.severity) == ("PREFERRED_FORMAT", "info")
    assert warning.suggestion is not None and warning.suggestion.sku == "bk-ebook"


def test_silent_when_the_cart_has_their_first_choice() -> None:
    s = Scenario(products=[HC, PB, EBOOK], formats=("ebook", "paperback"))
    assert s.run(["bk-ebook"]) == []


def test_second_choice_is_fine_when_the_first_does_not_exist() -> None:
    s = Scenario(products=[HC, PB], formats=("ebook", "paperback"))
    assert s.run(["bk-pb"]) == []


def test_silent_without_stated_formats() -> None:
    assert Scenario(products=[HC, EBOOK]).run(["bk-hc"]) == []


def test_never_suggests_a_format_they_already_own() -> None:
    s = Scenario(products=[HC, EBOOK], formats=("ebook",)).bought("bk-ebook", days_ago(10))
    assert [w.code for w in s.run(["bk-hc"])] == ["OWNED_OTHER_FORMAT"]


def test_never_suggests_an_inactive_product() -> None:
    inactive = product("bk-ebook", kind="digital", work_id="w", format="ebook", active=False)
    assert Scenario(products=[HC, inactive], formats=("ebook",)).run(["bk-hc"]) == []


def test_silent_when_they_already_own_this_very_sku() -> None:
    s = Scenario(products=[HC, EBOOK], formats=("ebook",)).bought("bk-hc", days_ago(10))
    assert [w.code for w in s.run(["bk-hc"])] == ["PREVIOUSLY_PURCHASED"]
