"""With the database gone, a check still answers at once: proceed, degraded. Writes say 503."""

import socket

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from tests.conftest import ADMIN_KEY


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def no_database() -> httpx.AsyncClient:
    settings = Settings(
        database_url=f"postgresql+asyncpg://postgres@127.0.0.1:{_closed_port()}/gone",
        admin_key=ADMIN_KEY, check_budget_ms=2_000, db_connect_timeout_s=1,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://test") as http:
            yield http


HEADERS = {"Authorization": f"Bearer {ADMIN_KEY}"}


async def test_check_proceeds_degraded(no_database: httpx.AsyncClient) -> None:
    response = await no_database.post("/v1/checks", headers=HEADERS,
                                      json={"customer_id": "c-1", "items": [{"sku": "a"}]})
    assert response.status_code == 200
    body = response.json()
    assert (body["verdict"], body["degraded"], body["warnings"]) == ("proceed", True, [])


async def test_write_is_503_with_retry_after(no_database: httpx.AsyncClient) -> None:
    response = await no_database.post("/v1/orders", headers=HEADERS, json={
        "order_id": "o-1", "customer_id": "c-1", "placed_at": "2026-01-01T00:00:00Z",
        "lines": [{"sku": "a", "quantity": 1}]})
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1


async def test_readyz_is_503_and_healthz_200(no_database: httpx.AsyncClient) -> None:
    assert (await no_database.get("/healthz")).status_code == 200
    ready = await no_database.get("/readyz")
    assert ready.status_code == 503 and ready.json()["database"] == "unreachable"
