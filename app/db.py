"""Engine, sessions and the portable column types shared by every table."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, cast

import asyncpg
from sqlalchemy import JSON, DateTime, MetaData, Table, event, make_url
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from app.settings import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps stored as UTC; naive values are a programming error."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        # SQLite has no zone type; naive UTC text sorts correctly.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# JSONB on PostgreSQL, JSON text elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


def create_engine(settings: Settings, *, pool_size: int | None = None,
                  pool_timeout_s: float | None = None) -> AsyncEngine:
    """The engine; `pool_size` and `pool_timeout_s` override the settings' (for a small
    pool of its own that background work uses, out of the checks' way)."""
    if settings.is_sqlite:
        engine = create_async_engine(
            settings.database_url,
            connect_args={"timeout": settings.db_connect_timeout_s},
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(
        settings.database_url,
        pool_size=pool_size or settings.db_pool_size,
        max_overflow=0 if pool_size else settings.db_pool_size,
        pool_timeout=pool_timeout_s or settings.db_pool_timeout_s,
        # No pre-ping (a round trip per checkout): a dead connection fails one statement,
        # SQLAlchemy then drops the whole pool, and the next request reconnects.
        pool_recycle=1800,
        connect_args=_connect_args(settings),
    )


def _connect_args(settings: Settings, **server_settings: str) -> dict[str, Any]:
    return {
        "timeout": settings.db_connect_timeout_s,
        "command_timeout": settings.db_command_timeout_s,
        "server_settings": {"application_name": "purchase-guard", **server_settings},
    }


# What SQLAlchemy's asyncpg dialect reads off the URL for itself, not for asyncpg.
_DIALECT_ONLY = ("async_creator_fn", "prepared_statement_cache_size",
                 "prepared_statement_name_func")


async def connect_postgres(settings: Settings, **server_settings: str) -> asyncpg.Connection:
    """A PostgreSQL connection of the driver's own, outside every pool, made from the same
    URL, timeouts and name as the engine's, with `server_settings` for its whole life."""
    url = make_url(settings.database_url)
    _, params = url.get_dialect()().create_connect_args(url)
    for name in _DIALECT_ONLY:
        params.pop(name, None)
    return await asyncpg.connect(**params, **_connect_args(settings, **server_settings))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


# Keys of `session.info`: the token mirror a session publishes to, and the freshness
# tokens its transaction changed (set by `app/freshness/versions.py`).
MIRROR = "token_mirror"
PENDING_TOKENS = "pending_tokens"


@asynccontextmanager
async def committing(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """Commit what the block wrote, or roll all of it back if the block raises.

    Freshness tokens the block changed are handed to the token mirror after the commit
    and before the caller answers (see `app/freshness/versions.py`).
    """
    try:
        yield session
    except BaseException:
        _discard_pending(session)
        await session.rollback()
        raise
    await session.commit()
    mirror = session.info.get(MIRROR)
    tokens = _discard_pending(session)
    if mirror is not None and tokens:
        await mirror.publish(tokens)


def _discard_pending(session: AsyncSession) -> dict[str, str]:
    pending: dict[str, str] = session.info.pop(PENDING_TOKENS, {})
    return pending


def table_of(model: type[Base]) -> Table:
    """A model's table, typed as one (SQLAlchemy types `__table__` as any FROM clause)."""
    return cast(Table, model.__table__)


async def driver_connection(session: AsyncSession) -> Any:
    """The session's asyncpg connection, for COPY (PostgreSQL only)."""
    raw = (await (await session.connection()).get_raw_connection()).driver_connection
    assert raw is not None, "the session holds a live connection"
    return raw


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which alone offers `on_conflict_do_nothing/update`."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
