from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.models import Check, Feedback, LoggedWarning
from app.customers.models import PreferenceVersion
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine

# Children before parents: nothing is left to a cascade SQLite may not run.
CUSTOMER_TABLES = (Feedback, LoggedWarning, Check, ReturnLine, OrderReturn, OrderLine,
                   CustomerOrder, PreferenceVersion)


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


async def delete_customer_data(session: AsyncSession, customer_id: str) -> dict[str, int]:
    """Delete every row about the customer; returns how many went from each table."""
    deleted = {}
    for model in CUSTOMER_TABLES:
        result = await session.execute(delete(model).where(model.customer_id == customer_id))
        deleted[model.__tablename__] = cast(CursorResult[Any], result).rowcount or 0
    return deleted
