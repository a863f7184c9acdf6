"""Answered checks are logged in batches: the checkout gets its answer without waiting on it.

The log is what feedback, `GET /v1/checks/{id}` and an order naming its check read; each
flushes this process's buffer first, and waits briefly for a check answered a moment ago by
another worker (`answered_lately`, `pause`).
"""

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.batch_writer import BatchWriter
from app.checks.models import Check
from app.db import driver_connection, table_of
from app.ids import created_at_ms

# Another worker's buffer is written within its interval; a little more covers a busy one.
RECENT_S = 2.0


_CHECK_COLUMNS = ("check_id", "customer_id", "created_at", "as_of", "verdict", "response",
                  "items", "skus", "codes")


@dataclass(frozen=True, slots=True)
class LoggedCheck:
    """One check's row, a tuple in the column order above: its answer, cart and codes as
    JSON text, serialised once on the request's path."""

    check: tuple[Any, ...]


async def _insert(session: AsyncSession, batch: list[LoggedCheck]) -> None:
    if session.get_bind().dialect.name == "postgresql":
        await _copy(session, batch)
        return
    # SQLAlchemy's JSON columns take Python values, not text.
    await session.execute(table_of(Check).insert(), [
        {**dict(zip(_CHECK_COLUMNS, entry.check, strict=True)),
         "response": orjson.loads(entry.check[5]), "items": orjson.loads(entry.check[6])}
        for entry in batch
    ])


async def _copy(session: AsyncSession, batch: list[LoggedCheck]) -> None:
    """PostgreSQL: the checks, one row each, by COPY."""
    connection = await session.connection()
    # Losing the last instants of the log in a crash is already accepted (it is buffered in
    # the process first); waiting for the disk on each batch buys nothing.
    await connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
    raw = await driver_connection(session)
    await raw.copy_records_to_table("check_log", records=[entry.check for entry in batch],
                                    columns=_CHECK_COLUMNS)


async def _unwritten(session: AsyncSession, batch: list[LoggedCheck]) -> list[LoggedCheck]:
    """The checks of a retried batch that are not stored yet (its first commit may have
    landed although its connection died)."""
    ids = [entry.check[0] for entry in batch]
    stored = set((await session.scalars(select(Check.check_id).where(
        Check.check_id.in_(ids)))).all())
    return [entry for entry in batch if entry.check[0] not in stored]


CheckLogWriter = BatchWriter[LoggedCheck]


def check_log_writer(sessionmaker: async_sessionmaker[AsyncSession]) -> CheckLogWriter:
    return BatchWriter("check log", sessionmaker, _insert, unwritten=_unwritten,
                       interval_s=0.2, batch_size=2_000)


def answered_lately(check_id: str) -> bool:
    created = created_at_ms(check_id)
    return created is not None and time.time() * 1000 - created < RECENT_S * 1000


async def pause() -> None:
    await asyncio.sleep(0.05)
