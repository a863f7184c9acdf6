import asyncio
import gzip
import json

import httpx
import pytest
from sqlalchemy import func, select

from app.orders import batch
from app.orders.models import CustomerOrder, OrderLine

ORDER = {"order_id": "o-1", "customer_id": "c-1", "placed_at": "2026-05-01T10:00:00Z",
         "lines": [{"sku": "bk-1", "quantity": 2, "unit_price": 12.5}, {"sku": "ink-1", "quantity": 1}]}


async def _count(client: httpx.AsyncClient, model: type) -> int:
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        return int(await session.scalar(select(func.count()).select_from(model)))


class TestCreateOrder:
    async def test_201_then_200_with_the_stored_order(self, client: httpx.AsyncClient, keys: dict) -> None:
        first = await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        assert first.status_code == 201
        body = first.json()
        assert body["order_id"] == "o-1" and body["cancelled_at"] is None
        assert [(ln["sku"], ln["quantity"]) for ln in body["lines"]] == [("bk-1", 2), ("ink-1", 1)]
        again = await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        assert again.status_code == 200
        assert again.json() == body

    async def test_same_instant_in_another_zone_is_the_same_order(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        same = {**ORDER, "placed_at": "2026-05-01T12:00:00+02:00"}
        assert (await client.post("/v1/orders", json=same, headers=keys["checkout"])).status_code == 200

    async def test_different_body_is_409_and_changes_nothing(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        other = {**ORDER, "lines": [{"sku": "bk-1", "quantity": 3}]}
        response = await client.post("/v1/orders", json=other, headers=keys["checkout"])
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
        stored = (await client.get("/v1/orders/o-1", headers=keys["support"])).json()
        assert stored["lines"][0]["quantity"] == 2

    async def test_concurrent_identical_posts_make_one_order(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        responses = await asyncio.gather(*(
            client.post("/v1/orders", json=ORDER, headers=keys["checkout"]) for _ in range(8)
        ))
        assert sorted(r.status_code for r in responses) == [200] * 7 + [201]
        assert await _count(client, CustomerOrder) == 1
        assert await _count(client, OrderLine) == 2

    async def test_unknown_skus_are_kept(self, client: httpx.AsyncClient, keys: dict) -> None:
        response = await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        assert response.status_code == 201  # no product exists at all

    @pytest.mark.parametrize(("change", "loc"), [
        ({"placed_at": "2026-05-01T10:00:00"}, ["body", "placed_at"]),
        ({"lines": []}, ["body", "lines"]),
        ({"lines": [{"sku": "bk-1", "quantity": 0}]}, ["body", "lines", 0, "quantity"]),
        ({"lines": [{"sku": "bad sku", "quantity": 1}]}, ["body", "lines", 0, "sku"]),
        ({"customer_id": "x" * 129}, ["body", "customer_id"]),
        ({"order_id": ""}, ["body", "order_id"]),
    ])
    async def test_bad_input_names_the_field_and_writes_nothing(
        self, client: httpx.AsyncClient, keys: dict, change: dict, loc: list
    ) -> None:
        response = await client.post("/v1/orders", json={**ORDER, **change}, headers=keys["checkout"])
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == loc
        assert await _count(client, CustomerOrder) == 0


class TestGetOrder:
    async def test_unknown_is_404(self, client: httpx.AsyncClient, keys: dict) -> None:
        assert (await client.get("/v1/orders/nope", headers=keys["support"])).status_code == 404


class TestReturns:
    async def _order(self, client: httpx.AsyncClient, keys: dict) -> None:
        assert (await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])).status_code == 201

    async def test_records_a_return(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "too_small",
            "returned_at": "2026-05-03T10:00:00Z"})
        assert response.status_code == 201
        assert response.json()["reason"] == "too_small"
        order = (await client.get("/v1/orders/o-1", headers=keys["support"])).json()
        assert order["returns"][0]["lines"] == [{"sku": "bk-1", "quantity": 1}]

    async def test_more_than_bought_is_422_on_the_quantity(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await self._order(client, keys)
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 3}], "reason": "defective"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "lines", 0, "quantity"]

    async def test_returns_add_up_against_what_was_bought(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await self._order(client, keys)
        body = {"lines": [{"sku": "bk-1", "quantity": 1}], "reason": "defective"}
        for expected in (201, 201, 422):
            response = await client.post("/v1/orders/o-1/returns", json=body, headers=keys["checkout"])
            assert response.status_code == expected

    async def test_concurrent_returns_never_exceed_what_was_bought(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await self._order(client, keys)
        body = {"lines": [{"sku": "bk-1", "quantity": 1}], "reason": "defective"}
        responses = await asyncio.gather(*(
            client.post("/v1/orders/o-1/returns", json=body, headers=keys["checkout"])
            for _ in range(5)
        ))
        assert sorted(r.status_code for r in responses) == [201, 201, 422, 422, 422]

    async def test_sku_not_in_the_order_is_422(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "other", "quantity": 1}], "reason": "other"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "lines", 0, "sku"]

    async def test_unknown_reason_names_the_field(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "meh"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "reason"]

    async def test_before_the_order_was_placed_is_422(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "other",
            "returned_at": "2026-04-01T00:00:00Z"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "returned_at"]

    async def test_unknown_order_is_404(self, client: httpx.AsyncClient, keys: dict) -> None:
        response = await client.post("/v1/orders/nope/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "other"})
        assert response.status_code == 404

    async def test_return_id_makes_a_retry_safe(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        body = {"return_id": "r-1", "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "other",
                "returned_at": "2026-05-02T00:00:00Z"}
        first = await client.post("/v1/orders/o-1/returns", json=body, headers=keys["checkout"])
        again = await client.post("/v1/orders/o-1/returns", json=body, headers=keys["checkout"])
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json() == first.json()
        other = {**body, "reason": "defective"}
        conflict = await client.post("/v1/orders/o-1/returns", json=other, headers=keys["checkout"])
        assert conflict.status_code == 409

    async def test_a_cancelled_order_cannot_be_returned(self, client: httpx.AsyncClient, keys: dict) -> None:
        await self._order(client, keys)
        await client.post("/v1/orders/o-1/cancel", headers=keys["checkout"])
        response = await client.post("/v1/orders/o-1/returns", headers=keys["checkout"], json={
            "lines": [{"sku": "bk-1", "quantity": 1}], "reason": "other"})
        assert response.status_code == 409


class TestCancel:
    async def test_cancel_is_idempotent(self, client: httpx.AsyncClient, keys: dict) -> None:
        await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        first = await client.post("/v1/orders/o-1/cancel", headers=keys["checkout"])
        assert first.status_code == 200 and first.json()["cancelled_at"] is not None
        again = await client.post("/v1/orders/o-1/cancel", headers=keys["checkout"])
        assert again.json()["cancelled_at"] == first.json()["cancelled_at"]

    async def test_cancel_at_a_given_instant(self, client: httpx.AsyncClient, keys: dict) -> None:
        await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        response = await client.post("/v1/orders/o-1/cancel", headers=keys["checkout"],
                                     json={"cancelled_at": "2026-05-01T11:00:00Z"})
        assert response.json()["cancelled_at"].startswith("2026-05-01T11:00:00")

    async def test_unknown_order_is_404(self, client: httpx.AsyncClient, keys: dict) -> None:
        assert (await client.post("/v1/orders/nope/cancel", headers=keys["checkout"])).status_code == 404


NDJSON = {"Content-Type": "application/x-ndjson"}


def _admin_ndjson(keys: dict) -> dict:
    return {**keys["admin"], **NDJSON}


def _ndjson(*orders: dict | str) -> bytes:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in orders).encode() + b"\n"


class TestBatch:
    async def test_counts_each_outcome_and_keeps_the_good_lines(
        self, client: httpx.AsyncClient, keys: dict
    ) -> None:
        await client.post("/v1/orders", json=ORDER, headers=keys["checkout"])
        body = _ndjson(
            ORDER,                                               # unchanged
            {**ORDER, "order_id": "o-2"},                        # created
            "{not json",                                         # error
            {**ORDER, "lines": [{"sku": "x", "quantity": 1}]},  # conflict with o-1
            "",                                                  # blank: skipped
            {**ORDER, "order_id": "o-3", "placed_at": "2026-05-01T10:00:00"},  # naive: error
            {**ORDER, "order_id": "o-4"},                        # created
        )
        response = await client.post("/v1/orders/batch", content=body, headers={
            **keys["admin"], "Content-Type": "application/x-ndjson"})
        assert response.status_code == 200
        result = response.json()
        assert (result["created"], result["unchanged"], result["conflicts"]) == (2, 1, 1)
        assert [e["line"] for e in result["errors"]] == [3, 4, 6]
        assert "placed_at" in result["errors"][2]["detail"]
        for order_id in ("o-2", "o-4"):
            assert (await client.get(f"/v1/orders/{order_id}", headers=keys["admin"])).status_code == 200

    async def test_rerun_is_idempotent(self, client: httpx.AsyncClient, keys: dict) -> None:
        body = _ndjson(*({**ORDER, "order_id": f"o-{n}"} for n in range(1200)))
        first = (await client.post("/v1/orders/batch", content=body, headers=_admin_ndjson(keys))).json()
        again = (await client.post("/v1/orders/batch", content=body, headers=_admin_ndjson(keys))).json()
        assert first == {"created": 1200, "unchanged": 0, "conflicts": 0, "errors": []}
        assert again == {"created": 0, "unchanged": 1200, "conflicts": 0, "errors": []}
        assert await _count(client, OrderLine) == 2400

    async def test_a_repeated_order_id_within_the_batch(self, client: httpx.AsyncClient, keys: dict) -> None:
        body = _ndjson(ORDER, ORDER, {**ORDER, "lines": [{"sku": "z", "quantity": 1}]})
        result = (await client.post("/v1/orders/batch", content=body, headers=_admin_ndjson(keys))).json()
        assert (result["created"], result["unchanged"], result["conflicts"]) == (1, 1, 1)
        assert [e["line"] for e in result["errors"]] == [3]

    async def test_lines_past_the_limit_are_reported_not_lost(
        self, client: httpx.AsyncClient, keys: dict, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(batch, "MAX_LINES", 3)
        body = _ndjson(*({**ORDER, "order_id": f"o-{n}"} for n in range(5)))
        result = (await client.post("/v1/orders/batch", content=body, headers=_admin_ndjson(keys))).json()
        assert result["created"] == 3
        assert result["errors"][0]["line"] == 4 and "at most" in result["errors"][0]["detail"]

    async def test_body_arrives_in_pieces(self, client: httpx.AsyncClient, keys: dict) -> None:
        data = _ndjson(*({**ORDER, "order_id": f"o-{n}"} for n in range(50)))

        async def pieces():  # type: ignore[no-untyped-def]
            for start in range(0, len(data), 37):
                yield data[start:start + 37]

        response = await client.post("/v1/orders/batch", content=pieces(), headers=_admin_ndjson(keys))
        assert response.json()["created"] == 50

    async def test_gzip_is_not_json(self, client: httpx.AsyncClient, keys: dict) -> None:
        body = gzip.compress(_ndjson(ORDER))
        result = (await client.post("/v1/orders/batch", content=body, headers=_admin_ndjson(keys))).json()
        assert result["created"] == 0 and len(result["errors"]) >= 1
