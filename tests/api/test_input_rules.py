"""The contract's input rules, the same on every backend: text holds no control characters,
a timestamp is an RFC 3339 string with a zone (never a number), a quantity is an integer.
Anything else is a 422 naming the field, and nothing is written."""

from typing import Any

import httpx
import pytest

CONTROL = ["\u0000", "\u0007", "\n", "\u001f", "\u007f"]
PRODUCT = {"title": "A lamp", "kind": "durable"}


def _names(response: httpx.Response, field: list[Any]) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    locs = [e["loc"] for e in response.json()["errors"]]
    assert any(loc[i:i + len(field)] == field for loc in locs for i in range(len(loc))), locs


# (method, path, key role, body with the bad text at {bad}, the field named)
BODIES: list[tuple[str, str, str, dict[str, Any], list[Any]]] = [
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "title": "a{bad}b"}, ["title"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "format": "a{bad}b"}, ["format"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "category": "a{bad}b"}, ["category"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "work_id": "a{bad}b"}, ["work_id"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "attributes": {"a{bad}b": "x"}},
     ["attributes"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "attributes": {"size": "a{bad}b"}},
     ["attributes", "size"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "provides": ["a{bad}b"]}, ["provides", 0]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "requires_any": ["a{bad}b"]},
     ["requires_any", 0]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "contains": ["a{bad}b"]}, ["contains", 0]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "included_in": ["a{bad}b"]},
     ["included_in", 0]),
    ("POST", "/v1/keys", "admin", {"role": "checkout", "name": "a{bad}b"}, ["name"]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"formats": ["a{bad}b"]},
     ["formats", 0]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"sizes": {"shoes": "4{bad}3"}},
     ["sizes", "shoes"]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"sizes": {"sh{bad}oes": "43"}},
     ["sizes"]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"avoid": ["a{bad}b"]}, ["avoid", 0]),
    ("POST", "/v1/checks/chk_x/feedback", "checkout", {"responses": [
        {"sku": "p-1", "code": "DUPLICATE_ORDER", "action": "kept", "reason": "a{bad}b"}]},
     ["responses", 0, "reason"]),
]


def _with(value: Any, bad: str) -> Any:
    if isinstance(value, str):
        return value.replace("{bad}", bad)
    if isinstance(value, list):
        return [_with(v, bad) for v in value]
    if isinstance(value, dict):
        return {_with(k, bad): _with(v, bad) for k, v in value.items()}
    return value


def _cases(bodies: list[tuple[str, str, str, dict[str, Any], list[Any]]]) -> Any:
    return pytest.mark.parametrize(("method", "path", "role", "body", "field"), bodies,
                                   ids=[f"{m} {p} {'.'.join(map(str, f))}"
                                        for m, p, _, _, f in bodies])


async def _each_refused(client: httpx.AsyncClient, keys: dict, bads: list[str], method: str,
                        path: str, role: str, body: dict[str, Any], field: list[Any]) -> None:
    """Every bad value is a 422 naming the field, and nothing is written."""
    for bad in bads:
        response = await client.request(method, path, json=_with(body, bad), headers=keys[role])
        _names(response, field)
    preferences = await client.get("/v1/customers/c-1/preferences", headers=keys["support"])
    assert preferences.json()["updated_at"] is None
    if path.startswith("/v1/products/"):
        assert (await client.get(path, headers=keys["admin"])).status_code == 404


@_cases(BODIES)
async def test_control_characters_in_any_text_field_are_a_422_naming_it(
    client: httpx.AsyncClient, keys: dict, method: str, path: str, role: str,
    body: dict[str, Any], field: list[Any],
) -> None:
    await _each_refused(client, keys, CONTROL, method, path, role, body, field)


# Stripped, these would be empty: white space as Python and JSON Schema disagree on it too.
BLANK = [" ", "\u0085", "\u00a0", "\u3000", " \u2028 "]
MUST_NOT_BE_BLANK = [
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "title": "{bad}"}, ["title"]),
    ("PUT", "/v1/products/p-1", "admin", {**PRODUCT, "provides": ["{bad}"]}, ["provides", 0]),
    ("POST", "/v1/keys", "admin", {"role": "checkout", "name": "{bad}"}, ["name"]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"formats": ["{bad}"]},
     ["formats", 0]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"sizes": {"shoes": "{bad}"}},
     ["sizes", "shoes"]),
    ("PUT", "/v1/customers/c-1/preferences", "checkout", {"avoid": ["{bad}"]}, ["avoid", 0]),
]


@_cases(MUST_NOT_BE_BLANK)
async def test_text_of_white_space_alone_is_a_422_naming_it(
    client: httpx.AsyncClient, keys: dict, method: str, path: str, role: str,
    body: dict[str, Any], field: list[Any],
) -> None:
    await _each_refused(client, keys, BLANK, method, path, role, body, field)


QUERIES = [
    ("/v1/audit", "key_id"), ("/v1/audit", "customer_id"), ("/v1/audit", "cursor"),
    ("/v1/customers/c-1/history", "sku"), ("/v1/customers/c-1/history", "since"),
    ("/v1/customers/c-1/history", "cursor"), ("/v1/keys", "cursor"),
    ("/v1/stats/warnings", "until"),
]


@pytest.mark.parametrize(("path", "name"), QUERIES)
async def test_control_characters_in_any_query_parameter_are_a_422_naming_it(
    client: httpx.AsyncClient, keys: dict, path: str, name: str,
) -> None:
    for bad in CONTROL:
        response = await client.get(path, params={name: f"a{bad}b"}, headers=keys["admin"])
        _names(response, ["query", name])


TIMESTAMPS = [0, 1700000000, "1700000000", 1.5, True, "2026-03-02", "2026-03-02T10:15:00",
              "yesterday", None]


@pytest.mark.parametrize("value", TIMESTAMPS, ids=repr)
async def test_a_timestamp_must_be_an_rfc3339_string_with_a_zone(
    client: httpx.AsyncClient, keys: dict, value: Any,
) -> None:
    order = {"order_id": "o-1", "customer_id": "c-1", "placed_at": value,
             "lines": [{"sku": "p-1", "quantity": 1}]}
    _names(await client.post("/v1/orders", json=order, headers=keys["checkout"]),
           ["body", "placed_at"])
    assert (await client.get("/v1/orders/o-1", headers=keys["admin"])).status_code == 404
    if value is not None:
        check = {"customer_id": "c-1", "items": [{"sku": "p-1"}], "as_of": value}
        _names(await client.post("/v1/checks", json=check, headers=keys["checkout"]),
               ["body", "as_of"])
    if isinstance(value, str):
        _names(await client.get("/v1/stats/warnings", params={"since": value},
                                headers=keys["admin"]), ["query", "since"])


async def test_a_timestamp_string_with_a_zone_is_accepted_in_either_offset(
    client: httpx.AsyncClient, keys: dict,
) -> None:
    for n, value in enumerate(["2026-03-02T10:15:00Z", "2026-03-02T11:15:00.250+01:00"]):
        order = {"order_id": f"o-{n}", "customer_id": "c-1", "placed_at": value,
                 "lines": [{"sku": "p-1", "quantity": 1}]}
        assert (await client.post("/v1/orders", json=order,
                                  headers=keys["checkout"])).status_code == 201


@pytest.mark.parametrize("quantity", [1.0, "1", True, 2.5])
async def test_a_quantity_must_be_an_integer(
    client: httpx.AsyncClient, keys: dict, quantity: Any,
) -> None:
    order = {"order_id": "o-1", "customer_id": "c-1", "placed_at": "2026-03-02T10:15:00Z",
             "lines": [{"sku": "p-1", "quantity": quantity}]}
    _names(await client.post("/v1/orders", json=order, headers=keys["checkout"]),
           ["body", "lines", 0, "quantity"])
    check = {"customer_id": "c-1", "items": [{"sku": "p-1", "quantity": quantity}]}
    _names(await client.post("/v1/checks", json=check, headers=keys["checkout"]),
           ["body", "items", 0, "quantity"])
