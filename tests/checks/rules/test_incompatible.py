from tests.checks.rules.scenario import Scenario, codes, days_ago, product

PRINTER_A = product("pr-a", title="OfficeJet A", kind="durable", category="printers",
                    provides=["printer:a"])
PRINTER_B = product("pr-b", kind="durable", category="printers", provides=["printer:b"])
INK_A = product("ink-a", title="Ink for A", kind="consumable", category="ink",
                requires_any=["printer:a"])
INK_B = product("ink-b", kind="consumable", category="ink", requires_any=["printer:b"])
CATALOG = [PRINTER_A, PRINTER_B, INK_A, INK_B]


def test_fires_when_no_owned_printer_fits_and_suggests_one_that_does() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100), order_id="o-5")
    [warning] = s.run(["ink-b"])
    assert (warning.code, warning.severity) == ("INCOMPATIBLE", "confirm")
    assert "OfficeJet A" in warning.message and "o-5" in warning.message
    assert warning.evidence[0]["tag"] == "printer:a"
    assert warning.suggestion is not None
    assert (warning.suggestion.action, warning.suggestion.sku) == ("replace", "ink-a")


def test_silent_when_we_know_no_device_of_that_kind() -> None:
    s = Scenario(products=CATALOG)
    assert s.run(["ink-b"]) == []


def test_silent_when_an_owned_device_fits() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100)).bought("pr-b", days_ago(50))
    assert s.run(["ink-b"]) == []


def test_silent_when_the_cart_brings_the_device() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100))
    assert s.run(["pr-b", "ink-b"]) == []


def test_a_returned_printer_is_not_a_device_they_have() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100), order_id="o-1")
    s.returned("pr-a", days_ago(90), "defective", order_id="o-1")
    assert s.run(["ink-b"]) == []


def test_no_suggestion_when_nothing_active_fits() -> None:
    inactive_a = product("ink-a", kind="consumable", category="ink", requires_any=["printer:a"],
                         active=False)
    s = Scenario(products=[PRINTER_A, INK_B, inactive_a]).bought("pr-a", days_ago(100))
    [warning] = s.run(["ink-b"])
    assert warning.suggestion is None


def test_silent_for_a_gift() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100))
    assert s.run([("ink-b", {"gift": True})]) == []


def test_independent_of_the_ownership_family() -> None:
    s = Scenario(products=CATALOG).bought("pr-a", days_ago(100)).bought("ink-b", days_ago(2))
    assert codes(s.run(["ink-b"])) == [("ink-b", "INCOMPATIBLE")]
