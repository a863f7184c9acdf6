"""Small helpers that put realistic records in place through the public API."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.main import create_app
from app.settings import Settings

# Histories are laid out relative to the real clock, so checks without `as_of` see them.
NOW = datetime.now(UTC).replace(microsecond=0)


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


async def put_product(
    client: httpx.AsyncClient, headers: dict[str, str], sku: str, **fields: Any
) -> dict[str, Any]:
    body = {"title": fields.pop("title", sku), **fields}
    response = await client.put(f"/v1/products/{sku}", json=body, headers=headers)
    assert response.status_code in (200, 201), response.text
    return response.json()


async def place_order(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    order_id: str,
    *,
    customer_id: str = "c-1",
    placed_at: datetime = NOW - timedelta(days=30),
    lines: list[tuple[str, int]] | None = None,
) -> dict[str, Any]:
    body = {
        "order_id": order_id,
        "customer_id": customer_id,
        "placed_at": iso(placed_at),
        "lines": [{"sku": sku, "quantity": q} for sku, q in (lines or [("sku-1", 1)])],
    }
    response = await client.post("/v1/orders", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def check(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    items: list[dict[str, Any] | str],
    *,
    customer_id: str = "c-1",
    as_of: datetime | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "customer_id": customer_id,
        "items": [{"sku": i} if isinstance(i, str) else i for i in items],
    }
    if as_of is not None:
        body["as_of"] = iso(as_of)
    response = await client.post("/v1/checks", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def codes(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(w["sku"], w["code"]) for w in result["warnings"]]


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app, started as a worker would be, behind an in-process HTTP client."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            http.app = app  # type: ignore[attr-defined]
            yield http
