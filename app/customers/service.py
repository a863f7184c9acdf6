from sqlalchemy.ext.asyncio import AsyncSession

from app.customers import repository
from app.customers.models import PreferenceVersion
from app.customers.schemas import Preferences, PreferencesUpdate
from app.db import committing, utcnow
from app.freshness import versions


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
