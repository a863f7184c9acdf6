"""Every error is an RFC 9457 problem: malformed JSON, unknown routes, methods, sizes, crashes."""

import json

import httpx
import pytest

from app.checks import service
from app.main import create_app
from app.settings import Settings

PROBLEM_FIELDS = {"type", "title", "status", "detail"}


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_FIELDS <= set(body) and body["status"] == status
    return body


async def test_malformed_json_is_400(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.post("/v1/checks", content=b'{"customer_id": ', headers={
        **keys["checkout"], "Content-Type": "application/json"})
    assert_problem(response, 400)


async def test_validation_lists_every_field(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.post("/v1/checks", json={"items": [{"sku": "a", "quantity": 0}]},
                                 headers=keys["checkout"])
    body = assert_problem(response, 422)
    locs = [e["loc"] for e in body["errors"]]
    assert ["body", "customer_id"] in locs and ["body", "items", 0, "quantity"] in locs


async def test_unknown_route_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v1/nothing-here"), 404)


async def test_wrong_method_is_405(client: httpx.AsyncClient, keys: dict) -> None:
    assert_problem(await client.delete("/v1/checks", headers=keys["admin"]), 405)


async def test_oversized_body_is_413_and_writes_nothing(client: httpx.AsyncClient, keys: dict) -> None:
    huge = {"title": "x" * 5_000_000}
    assert_problem(await client.put("/v1/products/p-1", json=huge, headers=keys["admin"]), 413)
    assert (await client.get("/v1/products/p-1", headers=keys["admin"])).status_code == 404


async def test_oversized_stream_without_length_is_413(client: httpx.AsyncClient, keys: dict) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(80):
            yield b" " * 65_536

    response = await client.put("/v1/products/p-1", content=chunks(), headers={
        **keys["admin"], "Content-Type": "application/json"})
    assert_problem(response, 413)


async def test_unexpected_error_is_a_500_problem_without_internals(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url="http://test"
    ) as http:
        response = await http.get("/boom")
    body = assert_problem(response, 500)
    assert "secret" not in response.text and "Traceback" not in response.text
    assert body["title"] == "Internal server error"


async def test_an_unexpected_error_on_the_check_path_is_a_500_problem(
        client: httpx.AsyncClient, keys: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(*_: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(service.Checker, "check", broken)
    response = await client.post("/v1/checks", headers=keys["checkout"],
                                 json={"customer_id": "c-1", "items": [{"sku": "a"}]})
    body = assert_problem(response, 500)
    assert "secret" not in response.text and body["title"] == "Internal server error"


@pytest.mark.parametrize("body", [[], "text", 5, None])
async def test_wrong_json_shape_is_422(client: httpx.AsyncClient, keys: dict, body: object) -> None:
    response = await client.post("/v1/checks", content=json.dumps(body),
                                 headers={**keys["checkout"], "Content-Type": "application/json"})
    assert_problem(response, 422)


async def test_a_timestamp_in_year_one_is_a_problem_naming_it(
    client: httpx.AsyncClient, keys: dict
) -> None:
    response = await client.post("/v1/checks", headers=keys["checkout"], json={
        "customer_id": "c-1", "items": [{"sku": "a"}], "as_of": "0001-01-01T00:00:00Z"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "as_of"]
