from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.customers.models import PreferenceVersion


async def latest_preferences(
    session: AsyncSession, customer_id: str, *, as_of: datetime | None = None
) -> PreferenceVersion | None:
    stmt = select(PreferenceVersion).where(PreferenceVersion.customer_id == customer_id)
    if as_of is not None:
        stmt = stmt.where(PreferenceVersion.changed_at <= as_of)
    stmt = stmt.order_by(PreferenceVersion.changed_at.desc(), PreferenceVersion.id.desc()).limit(1)
    return (await session.scalars(stmt)).first()


async def latest_preferences_of(
    session: AsyncSession, customer_ids: Sequence[str], *, as_of: datetime
) -> dict[str, PreferenceVersion]:
    """`latest_preferences` of several customers in one statement."""
    stmt = (select(PreferenceVersion)
            .where(PreferenceVersion.customer_id.in_(list(customer_ids)),
                   PreferenceVersion.changed_at <= as_of)
            .order_by(PreferenceVersion.customer_id, PreferenceVersion.changed_at.desc(),
                      PreferenceVersion.id.desc()))
    latest: dict[str, PreferenceVersion] = {}
    for version in (await session.scalars(stmt)).all():
        latest.setdefault(version.customer_id, version)
    return latest
