"""Where the real servers are, and whether this run may go on without them.

`PURCHASE_GUARD_TEST_REQUIRE_SERVICES=1` (set by `.ci/run`) turns an unreachable
PostgreSQL or Redis into a failure; without it those tests are skipped and the run ends
by naming them.
"""

import os
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlparse

import pytest

POSTGRES_URL = os.environ.get(
    "PURCHASE_GUARD_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("PURCHASE_GUARD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REQUIRED = os.environ.get("PURCHASE_GUARD_TEST_REQUIRE_SERVICES", "") not in ("", "0", "false")

NOT_RUN_PREFIX = "real-server test not run:"


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url.replace("+asyncpg", ""))
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1",
                                       parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


async def _postgres_answers() -> bool:
    import asyncpg

    try:
        conn = await asyncpg.connect(POSTGRES_URL.replace("+asyncpg", ""), timeout=3)
    except (TimeoutError, OSError, asyncpg.PostgresError):
        return False
    await conn.close()
    return True


def _unavailable(what: str, url: str) -> None:
    message = f"{what} is unreachable at {url}"
    if REQUIRED:
        pytest.fail(f"{message}, and PURCHASE_GUARD_TEST_REQUIRE_SERVICES requires it",
                    pytrace=False)
    pytest.skip(f"{NOT_RUN_PREFIX} {message}")


async def require_postgres() -> None:
    if not (_reachable(POSTGRES_URL, 5432) and await _postgres_answers()):
        _unavailable("PostgreSQL", POSTGRES_URL)


@asynccontextmanager
async def postgres_database(prefix: str) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database of this run's own, dropped afterwards: its URL."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    await require_postgres()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


def require_redis() -> None:
    if not _reachable(REDIS_URL, 6379):
        _unavailable("Redis", REDIS_URL)


def require_chromium() -> str:
    """The headless browser the report's page is looked at with (Debian's `chromium`)."""
    import shutil

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        _unavailable("Chromium", "PATH (apt-get install chromium)")
    assert found is not None
    return found
