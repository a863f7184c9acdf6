"""Read-your-writes: every write changes its scope's token before it commits.

A check reads the current tokens (from the Redis mirror, `mirror.py`, or in one query) and
trusts a cached snapshot only when the tokens match; a write that committed before the
check began has always changed them. Tokens are random, never counters, so no token
recurs after an erasure or a restore. The tokens a transaction changed wait in
`session.info` until `db.committing` has committed, then go to the mirror.
"""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import MIRROR, PENDING_TOKENS, upsert_insert
from app.freshness.models import DataVersion

CATALOG = "catalog"
EPOCH = "epoch"
KEYS = "keys"


def customer_scope(customer_id: str) -> str:
    return "c:" + hashlib.sha256(customer_id.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Tokens:
    customer: str | None
    catalog: str | None
    keys: str | None = None


async def touch_customers(session: AsyncSession, customer_ids: Iterable[str]) -> None:
    """Inside the writing transaction: the next check of these customers rebuilds."""
    await _touch(session, {customer_scope(c) for c in customer_ids})


async def touch_catalog(session: AsyncSession) -> None:
    await _touch(session, {CATALOG})


async def touch_keys(session: AsyncSession) -> None:
    """A key was revoked: no mirrored key record is trusted again."""
    await _touch(session, {KEYS})


async def _touch(session: AsyncSession, scopes: set[str]) -> None:
    if not scopes:
        return
    stmt = upsert_insert(session, DataVersion)
    stmt = stmt.on_conflict_do_update(index_elements=["scope"], set_={"token": stmt.excluded.token})
    tokens = {scope: secrets.token_hex(8) for scope in sorted(scopes)}
    # Many rows as one executemany of one cached statement: sorted, so that two writers
    # touching the same customers lock them in the same order.
    await session.execute(stmt, [{"scope": scope, "token": token} for scope, token in tokens.items()])
    if session.info.get(MIRROR) is None:
        await raise_epoch(session)
    session.info.setdefault(PENDING_TOKENS, {}).update(tokens)




async def raise_epoch(session: AsyncSession, *, above: int = 0) -> int:
    """Inside a transaction: no token mirrored under the current epoch is trusted again.

    Writers without a mirror (the CLI import, a worker on the embedded default) raise it
    in the writing transaction itself, so a Redis-backed worker never trusts what Redis
    holds of the data they changed.
    """
    current = await session.scalar(select(DataVersion.token).where(DataVersion.scope == EPOCH))
    raised = max(int(current or 0), above) + 1
    stmt = upsert_insert(session, DataVersion).values(scope=EPOCH, token=str(raised))
    await session.execute(stmt.on_conflict_do_update(
        index_elements=["scope"], set_={"token": stmt.excluded.token}))
    return raised


# The customer's (bound to `customer_scope`) and the catalog's tokens and the mirror's
# epoch as scalar subqueries, for one combined read.
TOKEN_COLUMNS = (
    select(DataVersion.token).where(DataVersion.scope == bindparam("customer_scope"))
    .scalar_subquery(),
    select(DataVersion.token).where(DataVersion.scope == CATALOG).scalar_subquery(),
    select(DataVersion.token).where(DataVersion.scope == KEYS).scalar_subquery(),
    select(DataVersion.token).where(DataVersion.scope == EPOCH).scalar_subquery(),
)


async def catalog_token(sessionmaker: async_sessionmaker[AsyncSession]) -> str | None:
    async with sessionmaker() as session:
        token: str | None = await session.scalar(
            select(DataVersion.token).where(DataVersion.scope == CATALOG))
        return token


async def customer_tokens(session: AsyncSession, customer_ids: list[str]) -> dict[str, str | None]:
    """The current token of each customer (None: never written)."""
    scopes = {customer_scope(c): c for c in customer_ids}
    found: dict[str, str | None] = dict.fromkeys(customer_ids)
    wanted = list(scopes)
    for start in range(0, len(wanted), 2_000):
        rows = await session.execute(select(DataVersion.scope, DataVersion.token).where(
            DataVersion.scope.in_(wanted[start:start + 2_000])))
        for scope, token in rows:
            found[scopes[scope]] = token
    return found
