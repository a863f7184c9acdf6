"""Every read of a customer's data by a support or admin key leaves a line here."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEntry
from app.auth import Principal, Role
from app.db import committing, utcnow


async def record_read(
    session: AsyncSession,
    *,
    principal: Principal,
    action: str,
    customer_id: str | None,
    path: str,
) -> None:
    if principal.role == Role.checkout:
        return
    async with committing(session):
        session.add(
            AuditEntry(
                at=utcnow(),
                key_id=principal.key_id,
                key_name=principal.name,
                role=principal.role.value,
                action=action,
                customer_id=customer_id,
                path=path[:500],
            )
        )
