"""Outcomes an order implies, written in the order's own transaction beside explicit
feedback. Explicit feedback always wins: an implied outcome never replaces one, and
feedback given later replaces the implied one (keeping the order it came from)."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.facts import WarningCode
from app.checks.models import Feedback
from app.checks.suppression import suppress_until
from app.db import upsert_insert, utcnow
from app.metrics import OUTCOMES
from app.orders.schemas import OrderCreate
from app.outcomes.implied import implied
from app.outcomes.linking import LinkedCheck
from app.settings import Settings


async def record_implied(session: AsyncSession, orders: Sequence[OrderCreate], *,
                         settings: Settings, checks: dict[str, LinkedCheck]) -> None:
    now = utcnow()
    rows = []
    for order in orders:
        check = checks.get(order.check_id or "")
        if check is None:
            continue
        for outcome in implied(check.warnings, {line.sku for line in order.lines}):
            rows.append({
                "check_id": check.check_id, "customer_id": order.customer_id,
                "sku": outcome.sku, "code": outcome.code, "action": outcome.action,
                "replacement_sku": outcome.replacement_sku, "reason": None,
                "suppress_until": suppress_until(settings, WarningCode(outcome.code), outcome.action,
                                                 check.as_of),
                "check_as_of": check.as_of, "created_at": now, "source": "order",
                "order_id": order.order_id,
            })
    if not rows:
        return
    stmt = upsert_insert(session, Feedback).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["check_id", "sku", "code"],
        set_={"order_id": stmt.excluded.order_id},
        where=Feedback.order_id.is_(None),
    ).returning(Feedback.code, Feedback.action, Feedback.source)
    for code, action, source in (await session.execute(stmt)).all():
        if source == "order":
            OUTCOMES.labels(code, action).inc()
