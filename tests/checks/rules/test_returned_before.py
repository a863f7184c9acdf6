from tests.checks.rules.scenario import Scenario, days_ago, product


def shoe(size: int, **extra: object) -> object:
    return product(f"sh-{size}", kind="durable", work_id="runner", category="shoes",
                   attributes={"size": str(size)}, **extra)


SHOES = [shoe(41), shoe(42), shoe(43)]


def test_too_small_suggests_one_size_up() -> None:
    s = Scenario(products=SHOES).bought("sh-41", days_ago(60), order_id="o-3")
    s.returned("sh-41", days_ago(50), "too_small", order_id="o-3")
    [warning] = s.run(["sh-41"])
    assert (warning.code, warning.severity) == ("RETURNED_BEFORE", "info")
    assert "too small" in warning.message and "o-3" in warning.message
    assert warning.suggestion is not None
    assert (warning.suggestion.action, warning.suggestion.sku) == ("replace", "sh-42")
    assert warning.evidence[0]["reason"] == "too_small"


def test_too_large_suggests_one_size_down() -> None:
    s = Scenario(products=SHOES).bought("sh-42", days_ago(60), order_id="o-3")
    s.returned("sh-42", days_ago(50), "too_large", order_id="o-3")
    [warning] = s.run(["sh-42"])
    assert warning.suggestion is not None and warning.suggestion.sku == "sh-41"


def test_no_suggestion_when_no_larger_size_is_sold() -> None:
    s = Scenario(products=SHOES).bought("sh-43", days_ago(60), order_id="o-3")
    s.returned("sh-43", days_ago(50), "too_small", order_id="o-3")
    [warning] = s.run(["sh-43"])
    assert warning.suggestion is None


def test_inactive_sizes_are_never_suggested() -> None:
    products = [shoe(41), shoe(42, active=False), shoe(43)]
    s = Scenario(products=products).bought("sh-41", days_ago(60), order_id="o-3")
    s.returned("sh-41", days_ago(50), "too_small", order_id="o-3")
    [warning] = s.run(["sh-41"])
    assert warning.suggestion is not None and warning.suggestion.sku == "sh-43"


def test_defective_return_gets_no_size_suggestion() -> None:
    s = Scenario(products=SHOES).bought("sh-41", days_ago(60), order_id="o-3")
    s.returned("sh-41", days_ago(50), "defective", order_id="o-3")
    [warning] = s.run(["sh-41"])
    assert warning.suggestion is None and "defective" in warning.message


def test_silent_when_the_customer_bought_it_again_and_kept_it() -> None:
    s = Scenario(products=SHOES).bought("sh-41", days_ago(60), order_id="o-3")
    s.returned("sh-41", days_ago(50), "too_small", order_id="o-3")
    s.bought("sh-41", days_ago(10), order_id="o-4")
    assert [w.code for w in s.run(["sh-41"])] == ["PREVIOUSLY_PURCHASED"]


def test_fires_for_an_unknown_sku_without_a_suggestion() -> None:
    s = Scenario().bought("x-1", days_ago(60), order_id="o-3")
    s.returned("x-1", days_ago(50), "too_small", order_id="o-3")
    [warning] = s.run(["x-1"])
    assert warning.code == "RETURNED_BEFORE" and warning.suggestion is None
