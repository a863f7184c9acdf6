"""Answered checks are logged in batches: the checkout gets its answer without waiting on it.

The log is what feedback, `GET /v1/checks/{id}` and an order naming its check read; each
flushes this process's buffer first, and waits briefly for a check answered a moment ago by
another worker (`answered_lately`, `pause`).
"""

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import asyncpg
import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.batch_writer import BatchWriter, SessionSink, Sink
from app.checks.models import Check
from app.db import connect_postgres, table_of
from app.ids import created_at_ms
from app.settings import Settings

# Another worker's buffer is written within its interval; a little more covers a busy one.
RECENT_S = 2.0


_CHECK_COLUMNS = ("check_id", "customer_id", "created_at", "as_of", "verdict", "response",
                  "items", "skus", "codes")


@dataclass(frozen=True, slots=True)
class LoggedCheck:
    """One check's row, a tuple in the column order above: its answer, cart and codes as
    JSON text, serialised once on the request's path."""

    check: tuple[Any, ...]


class CopySink:
    """PostgreSQL: each batch is one COPY on the log's own connection, outside the pools, in
    autocommit, with `synchronous_commit` off for the connection's whole life.

    Under load (2 workers, bench/checks.py's Zipf mix) the same COPY in a transaction of a
    pooled session (BEGIN, SET LOCAL, COPY, COMMIT) cost the workers 40-60 us more CPU per
    check and PostgreSQL 24-26 us instead of 8-11: with it the guard made 0.75-0.80 of its
    throughput with the log off, this way 0.93-0.97 (`python bench/log_cost.py`).
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._connection: asyncpg.Connection | None = None

    async def write(self, rows: list[LoggedCheck]) -> None:
        connection = await self._connected()
        try:
            await connection.copy_records_to_table(
                "check_log", records=[row.check for row in rows], columns=_CHECK_COLUMNS)
        except BaseException:
            await self._drop()
            raise

    async def unwritten(self, rows: list[LoggedCheck]) -> list[LoggedCheck]:
        connection = await self._connected()
        try:
            stored = {record[0] for record in await connection.fetch(
                "SELECT check_id FROM check_log WHERE check_id = ANY($1::text[])",
                [row.check[0] for row in rows])}
        except BaseException:
            await self._drop()
            raise
        return [row for row in rows if row.check[0] not in stored]

    async def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                await asyncio.wait_for(connection.close(), timeout=1.0)
            except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                connection.terminate()

    async def _connected(self) -> asyncpg.Connection:
        # Losing the last instants of the log in a crash is already accepted (it is
        # buffered in the process first); waiting for the disk on each batch buys nothing.
        if self._connection is None or self._connection.is_closed():
            self._connection = await connect_postgres(self._settings,
                                                      synchronous_commit="off")
        return self._connection

    async def _drop(self) -> None:
        """A failed statement may leave the connection in any state: the next batch opens
        a new one."""
        if self._connection is not None:
            self._connection.terminate()
            self._connection = None


async def _insert(session: AsyncSession, batch: list[LoggedCheck]) -> None:
    # SQLAlchemy's JSON columns take Python values, not text.
    await session.execute(table_of(Check).insert(), [
        {**dict(zip(_CHECK_COLUMNS, entry.check, strict=True)),
         "response": orjson.loads(entry.check[5]), "items": orjson.loads(entry.check[6])}
        for entry in batch
    ])


async def _unwritten(session: AsyncSession, batch: list[LoggedCheck]) -> list[LoggedCheck]:
    ids = [entry.check[0] for entry in batch]
    stored = set((await session.scalars(select(Check.check_id).where(
        Check.check_id.in_(ids)))).all())
    return [entry for entry in batch if entry.check[0] not in stored]


CheckLogWriter = BatchWriter[LoggedCheck]


def check_log_sink(settings: Settings,
                   sessionmaker: async_sessionmaker[AsyncSession]) -> Sink[LoggedCheck]:
    if settings.is_sqlite:
        return SessionSink(sessionmaker, _insert, unwritten=_unwritten)
    return CopySink(settings)


def check_log_writer(sink: Sink[LoggedCheck]) -> CheckLogWriter:
    return BatchWriter("check log", sink, interval_s=0.2, batch_size=2_000)


def answered_lately(check_id: str) -> bool:
    created = created_at_ms(check_id)
    return created is not None and time.time() * 1000 - created < RECENT_S * 1000


async def pause() -> None:
    await asyncio.sleep(0.05)
