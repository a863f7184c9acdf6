"""Audit rows go through a batch writer, so recording a read costs the read nothing."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.audit.models import AuditEntry
from app.batch_writer import BatchWriter, SessionSink
from app.db import table_of

AuditWriter = BatchWriter[dict[str, Any]]


async def _insert(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(table_of(AuditEntry).insert(), rows)


def audit_writer(sessionmaker: async_sessionmaker[AsyncSession]) -> AuditWriter:
    return BatchWriter("audit", SessionSink(sessionmaker, _insert), interval_s=0.1)
