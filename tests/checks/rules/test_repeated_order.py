"""A cart that repeats a recent order is asked about once (`repeats_order`)."""

from datetime import timedelta

from tests.checks.rules.scenario import NOW, Scenario, product


def ordered(skus: list[str], *, hours_ago: float, order_id: str, s: Scenario | None = None
            ) -> Scenario:
    s = s or Scenario(products=[product("POST", kind="service")])
    for sku in skus:
        s.bought(sku, NOW - timedelta(hours=hours_ago), order_id=order_id)
    return s


def test_a_cart_repeating_an_order_gets_one_summary_and_keeps_each_warning() -> None:
    skus = [f"sku-{n}" for n in range(53)]
    s = ordered(skus, hours_ago=1 / 60, order_id="562590")
    assessment = s.assess(skus)
    repeats = assessment.repeats
    assert repeats is not None
    assert (repeats.order_id, repeats.matched_lines) == ("562590", 53)
    assert repeats.placed_at == NOW - timedelta(minutes=1)
    assert repeats.message == "This cart repeats order 562590, placed 1 minute ago."
    assert len(assessment.warnings) == 53


def test_four_lines_of_five_is_a_repeat_three_is_not() -> None:
    s = ordered(["a", "b", "c", "d"], hours_ago=2, order_id="o-1")
    assert s.assess(["a", "b", "c", "d", "new"]).repeats is not None
    assert s.assess(["a", "b", "c", "new", "newer"]).repeats is None


def test_one_line_is_never_a_repeated_order() -> None:
    s = ordered(["a"], hours_ago=2, order_id="o-1")
    assert s.assess(["a"]).repeats is None


def test_services_and_gifts_count_on_neither_side() -> None:
    s = ordered(["a", "b", "POST"], hours_ago=2, order_id="o-1")
    assert s.assess(["a", "b", "POST", ("c", {"gift": True})]).repeats is not None
    assert s.assess(["a", "POST", "x"]).repeats is None


def test_an_order_outside_the_window_is_not_repeated() -> None:
    s = ordered(["a", "b"], hours_ago=25, order_id="o-1")
    assert s.assess(["a", "b"]).repeats is None


def test_names_the_order_most_lines_repeat() -> None:
    s = ordered(["a", "b"], hours_ago=1, order_id="o-new")
    ordered(["a", "b", "c", "d"], hours_ago=3, order_id="o-old", s=s)
    repeats = s.assess(["a", "b", "c", "d"]).repeats
    assert repeats is not None and (repeats.order_id, repeats.matched_lines) == ("o-old", 4)
