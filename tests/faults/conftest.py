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


def snapshot_lookups(found: str) -> float:
    return REGISTRY.get_sample_value("purchase_guard_snapshot_lookups_total", {"found": found}) or 0


def with_(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(update=changes)
