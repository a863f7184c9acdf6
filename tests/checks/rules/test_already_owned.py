from tests.checks.rules.scenario import NOW, Scenario, codes, days_ago, product

EBOOK = product("bk-ebook", kind="digital", work_id="w", format="ebook")


def test_fires_for_an_owned_digital_licence_with_its_evidence() -> None:
    s = Scenario(products=[EBOOK]).bought("bk-ebook", days_ago(100), order_id="o-77")
    [warning] = s.run(["bk-ebook"])
    assert (warning.code, warning.severity) == ("ALREADY_OWNED", "block")
    assert "o-77" in warning.message and "ebook" in warning.message
    assert warning.evidence[0]["order_id"] == "o-77"
    assert warning.suggestion is not None and warning.suggestion.action == "remove"


def test_message_names_the_purchase_date() -> None:
    s = Scenario(products=[EBOOK]).bought("bk-ebook", NOW.replace(year=2024, month=3, day=2))
    [warning] = s.run(["bk-ebook"])
    assert "2 March 2024" in warning.message


def test_silent_once_the_licence_was_returned() -> None:
    s = Scenario(products=[EBOOK]).bought("bk-ebook", days_ago(100), order_id="o-1")
    s.returned("bk-ebook", days_ago(99), "no_longer_needed", order_id="o-1")
    assert "ALREADY_OWNED" not in [c for _, c in codes(s.run(["bk-ebook"]))]


def test_silent_for_a_durable_item() -> None:
    s = Scenario(products=[product("bk-hc", kind="durable")]).bought("bk-hc", days_ago(100))
    assert ("bk-hc", "ALREADY_OWNED") not in codes(s.run(["bk-hc"]))


def test_silent_for_an_unknown_sku_even_if_bought() -> None:
    s = Scenario().bought("mystery", days_ago(100))
    assert s.run(["mystery"]) == []


def test_kept_feedback_never_suppresses_it() -> None:
    s = Scenario(products=[EBOOK], suppressions={("bk-ebook", "ALREADY_OWNED"): NOW.replace(year=2030)})
    s.bought("bk-ebook", days_ago(100))
    assert codes(s.run(["bk-ebook"])) == [("bk-ebook", "ALREADY_OWNED")]
