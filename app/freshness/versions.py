"""Read-your-writes: every write changes its scope's token before it commits.

A check reads the current tokens in one query and trusts a cached snapshot only when the
tokens match; a write that committed before the check began has always changed them.
Tokens are random, never counters, so no token recurs after an erasure or a restore.
"""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import upsert_insert
from app.freshness.models import DataVersion

CATALOG = "catalog"


def customer_scope(customer_id: str) -> str:
    return "c:" + hashlib.sha256(customer_id.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Tokens:
    customer: str | None
    catalog: str | None


async def touch_customers(session: AsyncSession, customer_ids: Iterable[str]) -> None:
    """Inside the writing transaction: the next check of these customers rebuilds."""
    await _touch(session, {customer_scope(c) for c in customer_ids})


async def touch_catalog(session: AsyncSession) -> None:
    await _touch(session, {CATALOG})


async def _touch(session: AsyncSession, scopes: set[str]) -> None:
    if not scopes:
        return
    stmt = upsert_insert(session, DataVersion)
    stmt = stmt.on_conflict_do_update(index_elements=["scope"], set_={"token": stmt.excluded.token})
    # Many rows as one executemany of one cached statement: sorted, so that two writers
    # touching the same customers lock them in the same order.
    await session.execute(
        stmt, [{"scope": scope, "token": secrets.token_hex(8)} for scope in sorted(scopes)]
    )


# The customer's (bound to `customer_scope`) and the catalog's tokens as scalar subqueries,
# for one combined read.
TOKEN_COLUMNS = (
    select(DataVersion.token).where(DataVersion.scope == bindparam("customer_scope"))
    .scalar_subquery(),
    select(DataVersion.token).where(DataVersion.scope == CATALOG).scalar_subquery(),
)
