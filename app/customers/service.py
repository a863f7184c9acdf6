from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit import service as audit
from app.customers import repository
from app.customers.models import PreferenceVersion
from app.customers.schemas import Preferences, PreferencesUpdate
from app.db import committing, utcnow
from app.deps import Runtime
from app.freshness import versions
from app.keys.principals import Principal


async def replace_preferences(
    session: AsyncSession, *, customer_id: str, update: PreferencesUpdate
) -> Preferences:
    version = PreferenceVersion(
        customer_id=customer_id,
        formats=update.formats,
        sizes=update.sizes,
        avoid=update.avoid,
        changed_at=utcnow(),
    )
    async with committing(session):
        session.add(version)
        await versions.touch_customers(session, [customer_id])
    return _to_schema(customer_id, version)


async def get_preferences(session: AsyncSession, *, customer_id: str) -> Preferences:
    return _to_schema(customer_id, await repository.latest_preferences(session, customer_id))


def _to_schema(customer_id: str, version: PreferenceVersion | None) -> Preferences:
    if version is None:
        return Preferences(customer_id=customer_id, updated_at=None)
    return Preferences(
        customer_id=customer_id,
        formats=version.formats,
        sizes=version.sizes,
        avoid=version.avoid,
        updated_at=version.changed_at,
    )


async def erase_customer(
    session: AsyncSession,
    *,
    runtime: Runtime,
    principal: Principal,
    request: Request,
    customer_id: str,
) -> dict[str, int]:
    """Remove everything we hold about the customer in one transaction, then its cache."""
    # Buffered rows are written first: reads so their paths are cut, checks so they go too.
    await runtime.audit.flush()
    await runtime.check_log.flush()
    async with committing(session):
        deleted = await repository.delete_customer_data(session, customer_id)
        await versions.touch_customers(session, [customer_id])
        await audit.record_erasure(session, principal=principal, request=request,
                                   customer_id=customer_id)
    runtime.snapshots.forget(customer_id)
    return deleted
