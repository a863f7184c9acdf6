"""Request-scoped dependencies: each shared resource the lifespan built, on its own.

`Runtime` is what the lifespan builds once; routes take only the resources they use from
here, and services receive them as arguments.
"""

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.audit.writer import AuditWriter
from app.cache import Cache
from app.checks.catalog_cache import CatalogCache
from app.checks.log_writer import CheckLogWriter
from app.checks.service import Checker
from app.checks.snapshots import SnapshotStore
from app.freshness.mirror import TokenMirror
from app.keys.principals import KnownKeys
from app.keys.verifier import KeyVerifier
from app.settings import Settings

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
    mirror: TokenMirror | None
    catalog: CatalogCache
    keys: KeyVerifier
    check_log: CheckLogWriter
    checker: Checker


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    session = _runtime(request).sessionmaker()
    try:
        yield session
    finally:
        # Closed once the answer is on its way: a connection that died meanwhile (its
        # rollback fails) must not break an answer already given. The pool discards it.
        try:
            await session.close()
        except (SQLAlchemyError, OSError) as exc:
            logger.warning("session close failed after the answer: %s", type(exc).__name__)


def get_settings(request: Request) -> Settings:
    return _runtime(request).settings


def get_engine(request: Request) -> AsyncEngine:
    return _runtime(request).engine


def get_cache(request: Request) -> Cache:
    return _runtime(request).cache


def get_audit_writer(request: Request) -> AuditWriter:
    return _runtime(request).audit


def get_check_log(request: Request) -> CheckLogWriter:
    return _runtime(request).check_log


def get_snapshots(request: Request) -> SnapshotStore:
    return _runtime(request).snapshots


def get_known_keys(request: Request) -> KnownKeys:
    return _runtime(request).keys.known


def get_key_verifier(request: Request) -> KeyVerifier:
    return _runtime(request).keys


def get_checker(request: Request) -> Checker:
    return _runtime(request).checker


async def write_check_log(request: Request) -> None:
    """Before a read of logged checks: this process's buffered checks are written first."""
    await _runtime(request).check_log.flush()


async def write_audit(request: Request) -> None:
    """Before a read (or erasure) of the audit: this process's buffered rows first."""
    await _runtime(request).audit.flush()


SessionDep = Annotated[AsyncSession, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[AsyncEngine, Depends(get_engine)]
CacheDep = Annotated[Cache, Depends(get_cache)]
AuditWriterDep = Annotated[AuditWriter, Depends(get_audit_writer)]
CheckLogDep = Annotated[CheckLogWriter, Depends(get_check_log)]
SnapshotsDep = Annotated[SnapshotStore, Depends(get_snapshots)]
KnownKeysDep = Annotated[KnownKeys, Depends(get_known_keys)]
KeyVerifierDep = Annotated[KeyVerifier, Depends(get_key_verifier)]
CheckerDep = Annotated[Checker, Depends(get_checker)]
# For a route's `dependencies=[...]`: run before it, give nothing.
CheckLogWritten = Depends(write_check_log)
AuditWritten = Depends(write_audit)
