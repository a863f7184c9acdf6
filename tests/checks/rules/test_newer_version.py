from tests.checks.rules.scenario import Scenario, days_ago, product

OLD = product("cook-2019", kind="durable", superseded_by="cook-2024")
NEW = product("cook-2024", title="Cookbook 2024", kind="durable")


def test_suggests_the_active_newer_edition() -> None:
    [warning] = Scenario(products=[OLD, NEW]).run(["cook-2019"])
    assert (warning.code, warning.severity) == ("NEWER_VERSION", "info")
    assert warning.suggestion is not None and warning.suggestion.sku == "cook-2024"


def test_silent_when_the_newer_one_is_inactive() -> None:
    inactive = product("cook-2024", kind="durable", active=False)
    assert Scenario(products=[OLD, inactive]).run(["cook-2019"]) == []


def test_silent_when_the_newer_one_is_unknown() -> None:
    assert Scenario(products=[OLD]).run(["cook-2019"]) == []


def test_silent_when_the_customer_owns_the_newer_one() -> None:
    s = Scenario(products=[OLD, NEW]).bought("cook-2024", days_ago(20))
    assert s.run(["cook-2019"]) == []


def test_silent_when_the_newer_one_is_in_the_cart() -> None:
    assert Scenario(products=[OLD, NEW]).run(["cook-2024", "cook-2019"]) == []
