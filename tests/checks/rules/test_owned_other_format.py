from tests.checks.rules.scenario import Scenario, codes, days_ago, product

HC = product("bk-hc", kind="durable", work_id="hobbit", format="hardcover")
EBOOK = product("bk-ebook", kind="digital", work_id="hobbit", format="ebook")
SHOE_42 = product("sh-42", kind="durable", work_id="runner", category="shoes",
                  attributes={"size": "42"})
SHOE_43 = product("sh-43", kind="durable", work_id="runner", category="shoes",
                  attributes={"size": "43"})


def test_fires_when_another_format_of_the_work_is_owned() -> None:
    s = Scenario(products=[HC, EBOOK]).bought("bk-hc", days_ago(40), order_id="o-12")
    [warning] = s.run(["bk-ebook"])
    assert (warning.code, warning.severity) == ("OWNED_OTHER_FORMAT", "info")
    assert "as a hardcover" in warning.message and "o-12" in warning.message


def test_silent_for_sizes_of_one_model_without_formats() -> None:
    s = Scenario(products=[SHOE_42, SHOE_43]).bought("sh-42", days_ago(40))
    assert s.run(["sh-43"]) == []


def test_silent_when_the_other_format_was_returned() -> None:
    s = Scenario(products=[HC, EBOOK]).bought("bk-hc", days_ago(40), order_id="o-1")
    s.returned("bk-hc", days_ago(30), "no_longer_needed", order_id="o-1")
    assert s.run(["bk-ebook"]) == []


def test_owning_the_same_sku_is_a_stronger_warning() -> None:
    s = Scenario(products=[HC, EBOOK]).bought("bk-hc", days_ago(40)).bought("bk-ebook", days_ago(9))
    assert codes(s.run(["bk-ebook"])) == [("bk-ebook", "ALREADY_OWNED")]
