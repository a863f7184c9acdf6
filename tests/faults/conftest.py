from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest

from app.metrics import REGISTRY
from app.settings import Settings
from tests.factories import serving

Worker = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def worker() -> Worker:
    """Starts another app (a worker with its own memory) on the given settings."""
    return serving


def token_reads(source: str) -> float:
    """Checks whose key and tokens came from `cache` (the Redis mirror) or `database`."""
    return REGISTRY.get_sample_value("purchase_guard_token_reads_total", {"source": source}) or 0


async def mirrored(client: httpx.AsyncClient) -> None:
    """Let a worker's background fill of the Redis mirror land."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    if runtime.mirror is not None:
        await runtime.mirror.settled()


def with_(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(update=changes)
