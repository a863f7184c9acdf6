"""Every read of a customer's data by a support or admin key leaves a row; erasure too."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEntry
from app.audit.schemas import AuditEntryOut, AuditPage
from app.audit.writer import AuditWriter
from app.db import table_of, utcnow
from app.keys.principals import Principal, Role
from app.pagination import bad_cursor, decode_cursor, first_of


@dataclass(frozen=True)
class Caller:
    """Who is reading or erasing, and through which path and route."""

    principal: Principal
    path: str
    route: str


def _row(caller: Caller, action: str, customer_id: str | None) -> dict[str, Any]:
    principal = caller.principal
    return {
        "at": utcnow(),
        "key_id": principal.key_id,
        "key_name": principal.name[:200],
        "role": principal.role.value,
        "action": action,
        "customer_id": customer_id,
        "path": caller.path[:500],
        "route": caller.route[:200],
    }


def record_read(writer: AuditWriter, caller: Caller, *, action: str,
                customer_id: str | None) -> None:
    """Checkout keys read only what they sent; support and admin reads are accounted for."""
    if caller.principal.role == Role.checkout:
        return
    writer.record(_row(caller, action, customer_id))


async def record_erasure(session: AsyncSession, caller: Caller, *, customer_id: str) -> None:
    """Inside the erasing transaction: earlier rows lose their paths, one row says who erased."""
    await session.execute(
        update(AuditEntry)
        .where(AuditEntry.customer_id == customer_id)
        .values(path=AuditEntry.route)
    )
    row = _row(caller, "erase_customer", customer_id)
    row["path"] = row["route"]
    await session.execute(table_of(AuditEntry).insert(), [row])


async def list_entries(
    session: AsyncSession,
    *,
    customer_id: str | None,
    key_id: str | None,
    limit: int,
    cursor: str | None,
) -> AuditPage:
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit + 1)
    if customer_id is not None:
        stmt = stmt.where(AuditEntry.customer_id == customer_id)
    if key_id is not None:
        stmt = stmt.where(AuditEntry.key_id == key_id)
    if cursor is not None:
        (before,) = decode_cursor(cursor, size=1)
        if not isinstance(before, int):
            raise bad_cursor()
        stmt = stmt.where(AuditEntry.id < before)
    rows, next_cursor = first_of((await session.scalars(stmt)).all(), limit, lambda r: [r.id])
    return AuditPage(
        items=[AuditEntryOut.model_validate(r, from_attributes=True) for r in rows],
        next_cursor=next_cursor,
    )
