"""Walks every route of the app's own table, so a new route cannot escape the role table."""

import re

import httpx
import pytest

from app.main import create_app

CHECKOUT, SUPPORT, ADMIN = "checkout", "support", "admin"

# The contract's role table, route by route (admin may do everything).
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("POST", "/v1/keys"): {ADMIN},
    ("GET", "/v1/keys"): {ADMIN},
    ("DELETE", "/v1/keys/{key_id}"): {ADMIN},
    ("PUT", "/v1/products/{sku}"): {ADMIN},
    ("GET", "/v1/products/{sku}"): {SUPPORT, ADMIN},
    ("POST", "/v1/products/batch"): {ADMIN},
    ("POST", "/v1/orders"): {CHECKOUT, ADMIN},
    ("POST", "/v1/orders/batch"): {ADMIN},
    ("GET", "/v1/orders/{order_id}"): {SUPPORT, ADMIN},
    ("POST", "/v1/orders/{order_id}/returns"): {CHECKOUT, ADMIN},
    ("POST", "/v1/orders/{order_id}/cancel"): {CHECKOUT, ADMIN},
    ("PUT", "/v1/customers/{customer_id}/preferences"): {CHECKOUT, ADMIN},
    ("GET", "/v1/customers/{customer_id}/preferences"): {SUPPORT, ADMIN},
    ("POST", "/v1/checks"): {CHECKOUT, ADMIN},
    ("GET", "/v1/checks/{check_id}"): {CHECKOUT, SUPPORT, ADMIN},
    ("POST", "/v1/checks/{check_id}/feedback"): {CHECKOUT, ADMIN},
    ("GET", "/v1/stats/warnings"): {SUPPORT, ADMIN},
    ("GET", "/v1/customers/{customer_id}/profile"): {SUPPORT, ADMIN},
    ("GET", "/v1/customers/{customer_id}/history"): {SUPPORT, ADMIN},
    ("DELETE", "/v1/customers/{customer_id}"): {ADMIN},
    ("GET", "/v1/audit"): {ADMIN},
}
PUBLIC = {("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics")}


def _routes() -> list[tuple[str, str]]:
    """Every operation the app serves, read from the spec it generates from its routes."""
    paths = create_app().openapi()["paths"]
    return sorted((method.upper(), path) for path, ops in paths.items() for method in ops)


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x-1", path)


def test_every_route_is_in_the_role_table() -> None:
    routes = {r for r in _routes() if r[1].startswith("/v1")}
    assert routes == set(ALLOWED), "add new routes to ALLOWED with the contract's roles"
    assert {r for r in _routes() if not r[1].startswith("/v1")} == PUBLIC


@pytest.mark.parametrize(("method", "path"), sorted(ALLOWED))
async def test_no_key_is_401(client: httpx.AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, _concrete(path))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path"), sorted(ALLOWED))
async def test_unknown_key_is_401(client: httpx.AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, _concrete(path),
                                    headers={"Authorization": "Bearer pgk_not-a-key"})
    assert response.status_code == 401


@pytest.mark.parametrize(("method", "path"), sorted(ALLOWED))
async def test_each_role_gets_exactly_its_rights(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]], method: str, path: str
) -> None:
    for role in (CHECKOUT, SUPPORT, ADMIN):
        response = await client.request(method, _concrete(path), headers=keys[role])
        if role in ALLOWED[(method, path)]:
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert response.json()["status"] == 403


async def test_revoked_key_is_401_at_once(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = (await client.post("/v1/keys", json={"role": "support", "name": "temp"},
                                 headers=admin)).json()
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert (await client.get("/v1/stats/warnings", headers=headers)).status_code == 200
    assert (await client.delete(f"/v1/keys/{created['key_id']}", headers=admin)).status_code == 204
    response = await client.get("/v1/stats/warnings", headers=headers)
    assert response.status_code == 401


async def test_public_endpoints_need_no_key(client: httpx.AsyncClient) -> None:
    for _, path in PUBLIC:
        assert (await client.get(path)).status_code == 200
