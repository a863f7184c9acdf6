from tests.checks.rules.scenario import Scenario, days_ago, product


def shoe(model: str, size: int, **extra: object) -> object:
    return product(f"{model}-{size}", kind="durable", work_id=model, category="shoes",
                   attributes={"size": str(size)}, **extra)


SHOES = [shoe("road", 42), shoe("road", 43), shoe("trail", 43), shoe("trail", 44)]


def test_avoided_material_asks_to_confirm() -> None:
    boot = product("boot", kind="durable", contains=["leather", "wool"])
    s = Scenario(products=[boot], avoid=frozenset({"leather"}))
    [warning] = s.run(["boot"])
    assert (warning.code, warning.severity) == ("PREFERENCE_CONFLICT", "confirm")
    assert "leather" in warning.message and warning.evidence[0]["tag"] == "leather"


def test_stated_size_differs_suggests_their_size() -> None:
    s = Scenario(products=SHOES, sizes={"shoes": "43"})
    [warning] = s.run(["road-42"])
    assert (warning.code, warning.severity) == ("PREFERENCE_CONFLICT", "info")
    assert warning.suggestion is not None and warning.suggestion.sku == "road-43"
    assert warning.evidence[0]["source"] == "preferences"


def test_learned_from_exactly_two_kept_purchases() -> None:
    s = Scenario(products=SHOES).bought("trail-43", days_ago(200), order_id="o-1")
    s.bought("road-43", days_ago(100), order_id="o-2")
    [warning] = s.run(["road-42"])
    assert "usually take 43" in warning.message
    assert [e["order_id"] for e in warning.evidence] == ["o-1", "o-2"]


def test_one_kept_purchase_teaches_nothing() -> None:
    s = Scenario(products=SHOES).bought("trail-43", days_ago(200))
    assert s.run(["road-42"]) == []


def test_returned_purchases_teach_nothing() -> None:
    s = Scenario(products=SHOES).bought("trail-43", days_ago(200), order_id="o-1")
    s.bought("road-43", days_ago(100), order_id="o-2")
    s.returned("road-43", days_ago(90), "too_small", order_id="o-2")
    assert s.run(["road-42"]) == []


def test_a_tie_between_sizes_teaches_nothing() -> None:
    s = Scenario(products=SHOES)
    for sku in ("trail-43", "road-43", "trail-44", "road-42"):
        s.bought(sku, days_ago(100))
    s.bought("trail-44", days_ago(50))
    s.bought("road-42", days_ago(40))
    assert [w.code for w in s.run(["road-42"])] == ["PREVIOUSLY_PURCHASED"]


def test_stated_size_overrides_learned() -> None:
    s = Scenario(products=SHOES, sizes={"shoes": "42"})
    s.bought("trail-43", days_ago(200)).bought("road-43", days_ago(100))
    assert s.run(["road-42"]) == []


def test_same_size_is_silent() -> None:
    assert Scenario(products=SHOES, sizes={"shoes": "43"}).run(["trail-43"]) == []


def test_size_in_another_category_is_not_compared() -> None:
    shirt = product("shirt-m", kind="durable", category="shirts", attributes={"size": "M"})
    assert Scenario(products=[shirt], sizes={"shoes": "43"}).run(["shirt-m"]) == []
