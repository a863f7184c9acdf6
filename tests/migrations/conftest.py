from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests import services


@pytest.fixture(params=["sqlite", "postgres"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migrate.db'}"
        return
    async with services.postgres_database("pg_migrate") as url:
        yield url
