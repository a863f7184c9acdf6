"""Erasure: every row about a customer, from every area, gone in one transaction.

It sits above the domains (orders, checks, customers) because it reaches into all of them;
none of them reaches back.
"""

from typing import Any, cast

from sqlalchemy import CursorResult, delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit import service as audit
from app.audit.service import Caller
from app.checks.models import Check, Feedback
from app.checks.snapshots import SnapshotStore
from app.customers.models import PreferenceVersion
from app.db import committing
from app.freshness import versions
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine

# Children before parents, and no table relies on a cascade (order lines have no foreign key).
CUSTOMER_TABLES = (Feedback, Check, ReturnLine, OrderReturn, OrderLine,
                   CustomerOrder, PreferenceVersion)


async def erase_customer(session: AsyncSession, caller: Caller, *, customer_id: str,
                         snapshots: SnapshotStore) -> dict[str, int]:
    """Remove everything we hold about the customer in one transaction, then its snapshot.

    The caller writes the buffered audit rows and check log first, so that reads are cut
    down to their routes and logged checks go too.
    """
    async with committing(session):
        deleted = await delete_customer_data(session, customer_id)
        await versions.touch_customers(session, [customer_id])
        await audit.record_erasure(session, caller, customer_id=customer_id)
    snapshots.forget(customer_id)
    return deleted


async def delete_customer_data(session: AsyncSession, customer_id: str) -> dict[str, int]:
    """Delete every row about the customer; returns how many went from each table."""
    deleted = {}
    for model in CUSTOMER_TABLES:
        result = await session.execute(delete(model).where(model.customer_id == customer_id))
        deleted[model.__tablename__] = cast(CursorResult[Any], result).rowcount or 0
    return deleted
