from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import pytest

from app.main import create_app
from app.metrics import REGISTRY
from app.settings import Settings

Worker = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def worker() -> Worker:
    """Starts another app (a worker with its own memory) on the given settings."""

    @asynccontextmanager
    async def start(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                         base_url="http://test") as http:
                http.app = app  # type: ignore[attr-defined]
                yield http

    return start


def snapshot_lookups(found: str) -> float:
    return REGISTRY.get_sample_value("purchase_guard_snapshot_lookups_total", {"found": found}) or 0


def with_(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(update=changes)
