"""Request-scoped dependencies: the per-request session and the app's shared runtime."""

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.audit.writer import AuditWriter
from app.cache import Cache
from app.checks.catalog_cache import CatalogCache
from app.checks.snapshots import SnapshotStore
from app.keys.principals import KnownKeys
from app.settings import Settings

if TYPE_CHECKING:
    from app.checks.log_writer import CheckLogWriter
    from app.freshness.mirror import TokenMirror


logger = logging.getLogger("purchase_guard.deps")


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
    known_keys: KnownKeys
    check_log: "CheckLogWriter"


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    session = get_runtime(request).sessionmaker()
    try:
        yield session
    finally:
        # Closed once the answer is on its way: a connection that died meanwhile (its
        # rollback fails) must not break an answer already given. The pool discards it.
        try:
            await session.close()
        except (SQLAlchemyError, OSError) as exc:
            logger.warning("session close failed after the answer: %s", type(exc).__name__)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
