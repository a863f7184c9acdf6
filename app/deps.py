"""Request-scoped dependencies: the per-request session and the app's shared runtime."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.audit.writer import AuditWriter
from app.cache import Cache
from app.checks.catalog_cache import CatalogCache
from app.checks.snapshots import SnapshotStore
from app.settings import Settings

if TYPE_CHECKING:
    from app.auth import KnownKeys
    from app.checks.log_writer import CheckLogWriter
    from app.freshness.mirror import TokenMirror


@dataclass
class Runtime:
    """What the lifespan builds once and every request shares."""

    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    # Without BEGIN/ROLLBACK round trips: for reads made of independent statements.
    read_sessionmaker: async_sessionmaker[AsyncSession]
    cache: Cache
    audit: AuditWriter
    snapshots: SnapshotStore
    mirror: "TokenMirror | None"
    catalog: CatalogCache
    known_keys: "KnownKeys"
    check_log: "CheckLogWriter"


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with get_runtime(request).sessionmaker() as session:
        yield session


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
