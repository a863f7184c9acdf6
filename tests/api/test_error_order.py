"""One order of errors on every route: 401, then 403, then 415, then 400/413/422. A client
learns the first thing it must fix, the same way whichever route it calls."""

import httpx
import pytest

from tests.api.test_problems import assert_problem

ORDER = b'{"order_id": "o-1", "customer_id": "c-1", "placed_at": "2026-03-02T10:15:00Z", ' \
        b'"lines": [{"sku": "p-1", "quantity": 1}]}'
CHECK = b'{"customer_id": "c-1", "items": [{"sku": "p-1"}]}'
PRODUCT = b'{"title": "A lamp", "kind": "durable"}'
# (method, path, a valid body, a role that may, a role that may not)
ROUTES = [
    ("POST", "/v1/orders", ORDER, "checkout", "support"),
    ("POST", "/v1/checks", CHECK, "checkout", "support"),
    ("PUT", "/v1/products/p-1", PRODUCT, "admin", "checkout"),
]
MALFORMED = b'{"customer_id": '
JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(("method", "path", "body", "may", "may_not"), ROUTES)
async def test_each_error_comes_in_its_turn(
    client: httpx.AsyncClient, keys: dict, method: str, path: str, body: bytes, may: str,
    may_not: str,
) -> None:
    async def send(content: bytes, headers: dict) -> httpx.Response:
        return await client.request(method, path, content=content, headers=headers)

    huge = b" " * 5_000_000 + body
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    # No key: 401, whatever else is wrong with the request.
    for content, headers in ((MALFORMED, JSON), (body, form), (huge, JSON), (body, {})):
        assert_problem(await send(content, headers), 401)
    # A key whose role may not: 403, whatever else is wrong.
    for content, headers in ((MALFORMED, JSON), (body, form), (huge, JSON)):
        assert_problem(await send(content, {**keys[may_not], **headers}), 403)
    # The right key, the wrong media type (or none): 415, even for a malformed or huge body.
    for content, headers in ((body, form), (MALFORMED, form), (huge, form), (body, {})):
        response = await send(content, {**keys[may], **headers})
        assert_problem(response, 415)
    # Then the body itself: too large, unreadable, malformed, invalid.
    assert_problem(await send(huge, {**keys[may], **JSON}), 413)
    assert_problem(await send(MALFORMED, {**keys[may], **JSON}), 400)
    assert_problem(await send(b"{}", {**keys[may], **JSON}), 422)
    # JSON with charset is JSON.
    ok = await send(body, {**keys[may], "Content-Type": "application/json; charset=utf-8"})
    assert ok.status_code in (200, 201), ok.text


@pytest.mark.parametrize(("method", "path", "body", "may", "may_not"), ROUTES)
async def test_a_byte_order_mark_or_invalid_utf8_is_a_400_saying_so(
    client: httpx.AsyncClient, keys: dict, method: str, path: str, body: bytes, may: str,
    may_not: str,
) -> None:
    for content in (b"\xef\xbb\xbf" + body, body.replace(b'": "', b'": "\xff', 1)):
        response = await client.request(method, path, content=content,
                                        headers={**keys[may], **JSON})
        problem = assert_problem(response, 400)
        assert problem["errors"] and problem["errors"][0]["loc"] == ["body"]


async def test_a_route_whose_body_is_optional_needs_no_content_type_without_a_body(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    assert (await client.post("/v1/orders", content=ORDER,
                              headers={**keys["checkout"], **JSON})).status_code == 201
    cancelled = await client.post("/v1/orders/o-1/cancel", headers=keys["checkout"])
    assert cancelled.status_code == 200, cancelled.text


async def test_the_ndjson_batch_takes_ndjson_only(client: httpx.AsyncClient, keys: dict) -> None:
    line = ORDER + b"\n"
    assert_problem(await client.post("/v1/orders/batch", content=line,
                                     headers={**keys["admin"], **JSON}), 415)
    assert_problem(await client.post("/v1/orders/batch", content=line,
                                     headers={"Content-Type": "application/x-ndjson"}), 401)
    accepted = await client.post("/v1/orders/batch", content=line, headers={
        **keys["admin"], "Content-Type": "application/x-ndjson"})
    assert accepted.status_code == 200, accepted.text
