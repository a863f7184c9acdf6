from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ScalarSelect, cast, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.facts import KEPT_AFTER
from app.checks.models import Check, Feedback
from app.db import upsert_insert
from app.orders.models import CustomerOrder, OrderReturn, ReturnLine


async def get_check(session: AsyncSession, check_id: str) -> Check | None:
    return await session.get(Check, check_id)


async def raised_in_check(session: AsyncSession, check_id: str) -> set[tuple[str, str]]:
    """(sku, code) of each warning the check answered."""
    response = await session.scalar(select(Check.response).where(Check.check_id == check_id))
    return {(w["sku"], w["code"]) for w in (response or {}).get("warnings", [])}


def _raised_codes(session: AsyncSession) -> Any:
    """`check_log.codes` as rows, one code each (a table-valued function of the row)."""
    if session.get_bind().dialect.name == "postgresql":
        elements = func.json_array_elements_text(cast(Check.codes, JSON))
    else:
        elements = func.json_each(Check.codes)
    return elements.table_valued("value").alias("raised")  # both name their column `value`


def warnings_raised(session: AsyncSession) -> Any:
    """How many warnings a check raised, as a column expression over `check_log`."""
    codes = cast(Check.codes, JSON) if session.get_bind().dialect.name == "postgresql" \
        else Check.codes
    return func.json_array_length(codes)


async def upsert_feedback(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    stmt = upsert_insert(session, Feedback).values(list(rows))
    stmt = stmt.on_conflict_do_update(
        index_elements=["check_id", "sku", "code"],
        set_={c: stmt.excluded[c] for c in
              ("action", "replacement_sku", "reason", "suppress_until", "created_at", "source")},
    )
    await session.execute(stmt)


async def count_raised(
    session: AsyncSession, *, since: datetime | None, until: datetime
) -> dict[str, int]:
    raised = _raised_codes(session)
    # `codes <> '[]'` as the partial index on `created_at` says it.
    stmt = (select(raised.c.value, func.count()).select_from(Check).join(raised, true())
            .where(Check.codes != "[]", Check.created_at < until))
    if since is not None:
        stmt = stmt.where(Check.created_at >= since)
    rows = (await session.execute(stmt.group_by(raised.c.value))).all()
    return {code: int(n) for code, n in rows}


async def count_feedback(
    session: AsyncSession, *, since: datetime | None, until: datetime
) -> dict[tuple[str, str], int]:
    """Responses to warnings raised in the range, by (code, action)."""
    stmt = (
        select(Feedback.code, Feedback.action, func.count())
        .join(Check, Check.check_id == Feedback.check_id)
        .where(Check.created_at < until)
    )
    if since is not None:
        stmt = stmt.where(Check.created_at >= since)
    rows = (await session.execute(stmt.group_by(Feedback.code, Feedback.action))).all()
    return {(code, action): int(n) for code, action, n in rows}


async def count_regretted(
    session: AsyncSession, *, since: datetime | None, until: datetime, now: datetime
) -> dict[str, int]:
    """Kept warnings, raised in the range, whose sku the customer cancelled or returned
    (from the order that kept it) within 7 days of that order, by code."""
    stmt = (
        select(Feedback.code, CustomerOrder.placed_at, CustomerOrder.cancelled_at,
               first_return_of_outcome())
        .join(CustomerOrder, CustomerOrder.order_id == Feedback.order_id)
        .join(Check, Check.check_id == Feedback.check_id)
        .where(Feedback.action == "kept", Check.created_at < until)
    )
    if since is not None:
        stmt = stmt.where(Check.created_at >= since)
    counts: dict[str, int] = {}
    for code, placed_at, cancelled_at, returned_at in (await session.execute(stmt)).all():
        if regretted(placed_at, cancelled_at, returned_at, now):
            counts[code] = counts.get(code, 0) + 1
    return counts


def first_return_of_outcome() -> ScalarSelect[Any]:
    """When the sku of a feedback row was first given back from the order it names."""
    return (select(func.min(OrderReturn.returned_at))
            .join(ReturnLine, ReturnLine.return_id == OrderReturn.return_id)
            .where(OrderReturn.order_id == Feedback.order_id, ReturnLine.sku == Feedback.sku)
            .scalar_subquery())


def regretted(placed_at: datetime, cancelled_at: datetime | None, returned_at: datetime | None,
              now: datetime) -> bool:
    """Given back (cancelled or returned) within 7 days of the order, as known by `now`."""
    return any(at is not None and at <= now and at <= placed_at + KEPT_AFTER
               for at in (cancelled_at, returned_at))
