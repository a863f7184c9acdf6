from datetime import timedelta

import httpx
import pytest

from tests.factories import NOW, check, codes, place_order, put_product


@pytest.fixture
async def owner(client: httpx.AsyncClient, keys: dict) -> dict:
    """c-1 owns a durable printer and an ebook, and ordered filters ten minutes ago."""
    await put_product(client, keys["admin"], "pr-1", kind="durable")
    await put_product(client, keys["admin"], "eb-1", kind="digital")
    await put_product(client, keys["admin"], "flt", kind="consumable")
    await place_order(client, keys["checkout"], "o-1", placed_at=NOW - timedelta(days=90),
                      lines=[("pr-1", 1), ("eb-1", 1)])
    await place_order(client, keys["checkout"], "o-2", placed_at=NOW - timedelta(minutes=10),
                      lines=[("flt", 1)])
    return keys


async def _feedback(client: httpx.AsyncClient, keys: dict, check_id: str, *responses: dict):
    return await client.post(f"/v1/checks/{check_id}/feedback", headers=keys["checkout"],
                             json={"responses": list(responses)})


async def test_kept_warning_is_quiet_for_30_days_from_that_check(
    client: httpx.AsyncClient, owner: dict
) -> None:
    first = await check(client, owner["checkout"], ["pr-1"], as_of=NOW)
    assert codes(first) == [("pr-1", "PREVIOUSLY_PURCHASED")]
    response = await _feedback(client, owner, first["check_id"],
                               {"sku": "pr-1", "code": "PREVIOUSLY_PURCHASED", "action": "kept"})
    assert response.status_code == 200
    [recorded] = response.json()["responses"]
    assert recorded["suppressed_until"].startswith((NOW + timedelta(days=30)).date().isoformat())
    later = NOW + timedelta(days=30) - timedelta(seconds=1)
    assert codes(await check(client, owner["checkout"], ["pr-1"], as_of=later)) == []
    back = NOW + timedelta(days=30)
    assert codes(await check(client, owner["checkout"], ["pr-1"], as_of=back)) == [
        ("pr-1", "PREVIOUSLY_PURCHASED")]


async def test_suppression_is_per_customer_sku_and_code(client: httpx.AsyncClient, owner: dict) -> None:
    await place_order(client, owner["checkout"], "o-9", customer_id="c-2",
                      placed_at=NOW - timedelta(days=90), lines=[("pr-1", 1)])
    first = await check(client, owner["checkout"], ["pr-1"], as_of=NOW)
    await _feedback(client, owner, first["check_id"],
                    {"sku": "pr-1", "code": "PREVIOUSLY_PURCHASED", "action": "kept"})
    other = await check(client, owner["checkout"], ["pr-1"], customer_id="c-2", as_of=NOW)
    assert codes(other) == [("pr-1", "PREVIOUSLY_PURCHASED")]


@pytest.mark.parametrize(("sku", "code"), [("eb-1", "ALREADY_OWNED"), ("flt", "DUPLICATE_ORDER")])
async def test_never_suppressed_codes(client: httpx.AsyncClient, owner: dict, sku: str, code: str) -> None:
    first = await check(client, owner["checkout"], [sku])
    response = await _feedback(client, owner, first["check_id"],
                               {"sku": sku, "code": code, "action": "kept"})
    assert response.json()["responses"][0]["suppressed_until"] is None
    assert codes(await check(client, owner["checkout"], [sku])) == [(sku, code)]


async def test_removed_does_not_suppress(client: httpx.AsyncClient, owner: dict) -> None:
    first = await check(client, owner["checkout"], ["pr-1"])
    await _feedback(client, owner, first["check_id"],
                    {"sku": "pr-1", "code": "PREVIOUSLY_PURCHASED", "action": "removed"})
    assert codes(await check(client, owner["checkout"], ["pr-1"])) == [("pr-1", "PREVIOUSLY_PURCHASED")]


async def test_feedback_on_a_warning_not_raised_is_422(client: httpx.AsyncClient, owner: dict) -> None:
    first = await check(client, owner["checkout"], ["pr-1"])
    response = await _feedback(client, owner, first["check_id"],
                               {"sku": "pr-1", "code": "ALREADY_OWNED", "action": "kept"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "responses", 0, "code"]


async def test_feedback_on_an_unknown_check_is_404(client: httpx.AsyncClient, owner: dict) -> None:
    response = await _feedback(client, owner, "chk_nope",
                               {"sku": "pr-1", "code": "ALREADY_OWNED", "action": "kept"})
    assert response.status_code == 404


async def test_a_second_answer_replaces_the_first(client: httpx.AsyncClient, owner: dict) -> None:
    first = await check(client, owner["checkout"], ["pr-1"])
    answer = {"sku": "pr-1", "code": "PREVIOUSLY_PURCHASED"}
    await _feedback(client, owner, first["check_id"], {**answer, "action": "kept"})
    await _feedback(client, owner, first["check_id"], {**answer, "action": "removed"})
    stats = (await client.get("/v1/stats/warnings", headers=owner["support"])).json()
    row = next(i for i in stats["items"] if i["code"] == "PREVIOUSLY_PURCHASED")
    assert (row["kept"], row["removed"]) == (0, 1)
    assert codes(await check(client, owner["checkout"], ["pr-1"])) == [("pr-1", "PREVIOUSLY_PURCHASED")]


async def test_stats_count_raised_kept_removed_replaced(client: httpx.AsyncClient, owner: dict) -> None:
    a = await check(client, owner["checkout"], ["pr-1", "eb-1", "flt"])
    b = await check(client, owner["checkout"], ["eb-1"])
    await _feedback(client, owner, a["check_id"],
                    {"sku": "pr-1", "code": "PREVIOUSLY_PURCHASED", "action": "kept"},
                    {"sku": "eb-1", "code": "ALREADY_OWNED", "action": "removed"},
                    {"sku": "flt", "code": "DUPLICATE_ORDER", "action": "replaced",
                     "replacement_sku": "flt-200"})
    await _feedback(client, owner, b["check_id"],
                    {"sku": "eb-1", "code": "ALREADY_OWNED", "action": "removed"})
    stats = (await client.get("/v1/stats/warnings", headers=owner["support"])).json()
    rows = {i["code"]: i for i in stats["items"]}
    assert len(rows) == 13
    assert rows["ALREADY_OWNED"] == {"code": "ALREADY_OWNED", "raised": 2, "kept": 0,
                                     "removed": 2, "replaced": 0, "regretted": 0,
                                     "with_outcome": 2}
    assert (rows["PREVIOUSLY_PURCHASED"]["raised"], rows["PREVIOUSLY_PURCHASED"]["kept"]) == (1, 1)
    assert rows["DUPLICATE_ORDER"]["replaced"] == 1
    future = (await client.get("/v1/stats/warnings", headers=owner["support"], params={
        "since": "2099-01-01T00:00:00Z"})).json()
    assert all(i["raised"] == 0 for i in future["items"])


async def test_stats_reject_a_naive_range(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.get("/v1/stats/warnings", headers=keys["support"],
                                params={"since": "2026-01-01T00:00:00"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "since"]
