import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import redis.asyncio as aioredis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.migrate import upgrade_to_head
from app.models import Base
from app.settings import Settings
from tests import services
from tests.factories import serving
from tests.servers import RedisCluster

ADMIN_KEY = "test-admin-" + uuid.uuid4().hex


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
        if services.NOT_RUN_PREFIX in reason:
            key = reason.split(services.NOT_RUN_PREFIX, 1)[1].strip()
            reasons[key] = reasons.get(key, 0) + 1
    if reasons:
        terminalreporter.section("real-server tests NOT run", sep="=", yellow=True, bold=True)
        for reason, count in reasons.items():
            terminalreporter.write_line(f"{count} test(s) skipped: {reason}")
        terminalreporter.write_line(
            "They ran on the embedded backends only; set PURCHASE_GUARD_TEST_REQUIRE_SERVICES=1 "
            "to make this a failure (CI does)."
        )


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A fresh database per backend and test run, at the newest schema."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        await upgrade_to_head(url)
        yield url
        return
    async with services.postgres_database("pg_test") as url:
        await upgrade_to_head(url)
        yield url


@pytest.fixture(scope="session")
async def cleaner(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url)
    yield engine
    await engine.dispose()


async def _clear(engine: AsyncEngine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    async with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def backend(database_url: str) -> str:
    return "postgres" if database_url.startswith("postgresql") else "sqlite"


@pytest.fixture
async def redis_prefix(backend: str) -> AsyncIterator[str | None]:
    """PostgreSQL runs pair with the real Redis, SQLite runs with the in-process cache."""
    if backend != "postgres":
        yield None
        return
    services.require_redis()
    prefix = f"pgtest:{uuid.uuid4().hex}:"
    yield prefix
    client = aioredis.Redis.from_url(services.REDIS_URL)
    keys = [k async for k in client.scan_iter(match=prefix + "*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture
def settings(database_url: str, redis_prefix: str | None) -> Settings:
    return Settings(
        database_url=database_url,
        redis_url=services.REDIS_URL if redis_prefix else None,
        redis_key_prefix=redis_prefix or "pg:",
        admin_key=ADMIN_KEY,
        # Generous: tests are about answers, not speed, on a shared machine.
        check_budget_ms=10_000,
    )


@pytest.fixture
async def client(settings: Settings, cleaner: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    await _clear(cleaner)
    async with serving(settings) as http:
        yield http


@pytest.fixture
async def other_worker(
    settings: Settings, client: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """A second app on the same database and Redis: another worker, with its own memory."""
    async with serving(settings) as http:
        yield http


@pytest.fixture(scope="session")
def cluster() -> Iterator[RedisCluster]:
    """A three-master Redis Cluster on loopback ports, owned by this test run."""
    started = RedisCluster().start()
    yield started
    started.close()


@pytest.fixture
def admin() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture
async def keys(client: httpx.AsyncClient, admin: dict[str, str]) -> dict[str, dict[str, str]]:
    """Auth headers for a fresh key of each role, and the bootstrap admin."""
    headers = {"admin": admin}
    for role in ("checkout", "support"):
        response = await client.post("/v1/keys", json={"role": role, "name": f"test-{role}"},
                                     headers=admin)
        assert response.status_code == 201, response.text
        headers[role] = {"Authorization": f"Bearer {response.json()['key']}"}
    return headers

