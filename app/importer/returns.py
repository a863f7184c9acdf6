"""Return lines of the import matched to the customer's earlier purchases of each sku.

Each line goes back against the most recent earlier order of that customer holding the
sku with quantity not yet returned, spilling into older ones; what no purchase explains is
reported. A return invoice is recorded once per matched order, as `{invoice}:{order_id}`,
and an invoice already recorded by an earlier run is left alone, so re-runs add nothing.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import committing, driver_connection, table_of, upsert_insert, utcnow
from app.freshness import versions
from app.importer.drafts import ReturnDraft
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine


@dataclass
class ReturnOutcome:
    created: int = 0
    unchanged: int = 0
    unmatched: list[tuple[int, str]] = field(default_factory=list)


async def record_returns(session: AsyncSession, drafts: list[ReturnDraft]) -> ReturnOutcome:
    outcome = ReturnOutcome()
    if not drafts:
        return outcome
    async with committing(session):
        done = await _recorded_invoices(session, drafts)
        pending = [d for d in drafts if d.invoice not in done]
        outcome.unchanged = sum(done.values())
        remaining = await _returnable(session, pending)
        now = utcnow()
        returns: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        for draft in pending:
            by_order: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for sku, quantity, number in draft.lines:
                left = quantity
                for candidate in remaining.get((draft.customer_id, sku), []):
                    if left == 0:
                        break
                    order_id, placed_at, available = candidate
                    if placed_at > draft.returned_at or available[0] == 0:
                        continue
                    taken = min(left, available[0])
                    available[0] -= taken
                    left -= taken
                    by_order[order_id].append((sku, taken))
                if left:
                    outcome.unmatched.append(
                        (number, f"{draft.invoice}: {left} of {sku} match no earlier purchase "
                                 f"of customer {draft.customer_id}"))
            for order_id, matched in by_order.items():
                return_id = f"{draft.invoice}:{order_id}"[:128]
                returns.append({
                    "return_id": return_id, "order_id": order_id,
                    "customer_id": draft.customer_id, "reason": "other",
                    "returned_at": draft.returned_at, "body_hash": return_id, "created_at": now,
                })
                lines.extend({"return_id": return_id, "customer_id": draft.customer_id,
                              "sku": sku, "quantity": q} for sku, q in matched)
        if returns:
            if session.get_bind().dialect.name == "postgresql":
                await _insert_postgres(session, returns, lines)
            else:
                stmt = upsert_insert(session, OrderReturn).values(returns)
                await session.execute(stmt.on_conflict_do_nothing(index_elements=["return_id"]))
                await session.execute(table_of(ReturnLine).insert(), lines)
            await versions.touch_customers(session, {str(r["customer_id"]) for r in returns})
        outcome.created = len(returns)
    return outcome


_RETURN_COLUMNS = ("return_id", "order_id", "customer_id", "reason", "returned_at", "body_hash",
                   "created_at")
_RETURN_LINE_COLUMNS = ("return_id", "customer_id", "sku", "quantity")
INSERT_RETURNS_POSTGRES = """
INSERT INTO order_return (return_id, order_id, customer_id, reason, returned_at, body_hash,
                          created_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                     $6::text[], $7::timestamptz[])
ON CONFLICT (return_id) DO NOTHING
"""


async def _insert_postgres(session: AsyncSession, returns: list[dict[str, Any]],
                           lines: list[dict[str, Any]]) -> None:
    """One prepared statement and one COPY, instead of SQL built for every chunk."""
    raw = await driver_connection(session)
    await raw.execute(INSERT_RETURNS_POSTGRES,
                      *([r[c] for r in returns] for c in _RETURN_COLUMNS))
    await raw.copy_records_to_table(
        "return_line", records=[tuple(ln[c] for c in _RETURN_LINE_COLUMNS) for ln in lines],
        columns=_RETURN_LINE_COLUMNS)


async def _recorded_invoices(session: AsyncSession, drafts: list[ReturnDraft]) -> Counter[str]:
    """Invoices of these drafts an earlier run recorded, with how many returns each made."""
    invoices = {d.invoice for d in drafts}
    stmt = select(OrderReturn.return_id).where(
        OrderReturn.customer_id.in_(sorted({d.customer_id for d in drafts}))
    )
    return Counter(invoice for rid in (await session.scalars(stmt)).all()
                   if (invoice := rid.split(":", 1)[0]) in invoices)


async def _returnable(
    session: AsyncSession, drafts: list[ReturnDraft]
) -> dict[tuple[str, str], list[tuple[str, datetime, list[int]]]]:
    """(customer, sku) -> [(order id, placed at, [quantity still returnable])], newest first."""
    wanted = {(d.customer_id, sku) for d in drafts for sku, _, _ in d.lines}
    if not wanted:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        rows = await _returnable_rows_postgres(session, sorted(wanted))
    else:
        rows = await _returnable_rows(session, sorted(wanted))
    found: dict[tuple[str, str], list[tuple[str, datetime, list[int]]]] = defaultdict(list)
    for customer_id, sku, order_id, placed_at, left in rows:
        if left > 0:
            found[(customer_id, sku)].append((order_id, placed_at, [int(left)]))
    return found


RETURNABLE_POSTGRES = """
SELECT l.customer_id, l.sku, l.order_id, o.placed_at,
       sum(l.quantity) - coalesce((
           SELECT sum(rl.quantity) FROM return_line rl
           JOIN order_return r ON r.return_id = rl.return_id
           WHERE r.order_id = l.order_id AND rl.sku = l.sku), 0)
FROM unnest($1::text[], $2::text[]) AS wanted (customer_id, sku)
JOIN order_line l ON l.customer_id = wanted.customer_id AND l.sku = wanted.sku
JOIN customer_order o ON o.order_id = l.order_id AND o.cancelled_at IS NULL
GROUP BY l.customer_id, l.sku, l.order_id, o.placed_at
ORDER BY o.placed_at DESC
"""


async def _returnable_rows_postgres(
    session: AsyncSession, pairs: list[tuple[str, str]]
) -> list[Any]:
    # Two arrays, one prepared statement: no per-chunk SQL to build for hundreds of pairs.
    raw = await driver_connection(session)
    return list(await raw.fetch(RETURNABLE_POSTGRES, [c for c, _ in pairs], [s for _, s in pairs]))


async def _returnable_rows(session: AsyncSession, pairs: list[tuple[str, str]]) -> list[Any]:
    """Portable: the customers' lines of these skus, narrowed to the pairs here."""
    customers = sorted({c for c, _ in pairs})
    skus = sorted({s for _, s in pairs})
    returned = (
        select(ReturnLine.sku, OrderReturn.order_id, func.sum(ReturnLine.quantity).label("q"))
        .join(OrderReturn, OrderReturn.return_id == ReturnLine.return_id)
        .where(ReturnLine.customer_id.in_(customers), ReturnLine.sku.in_(skus))
        .group_by(ReturnLine.sku, OrderReturn.order_id)
        .subquery()
    )
    stmt = (
        select(OrderLine.customer_id, OrderLine.sku, OrderLine.order_id, CustomerOrder.placed_at,
               func.sum(OrderLine.quantity) - func.coalesce(func.max(returned.c.q), 0))
        .join(CustomerOrder, CustomerOrder.order_id == OrderLine.order_id)
        .outerjoin(returned, (returned.c.order_id == OrderLine.order_id)
                   & (returned.c.sku == OrderLine.sku))
        .where(OrderLine.customer_id.in_(customers), OrderLine.sku.in_(skus),
               CustomerOrder.cancelled_at.is_(None))
        .group_by(OrderLine.customer_id, OrderLine.sku, OrderLine.order_id,
                  CustomerOrder.placed_at)
        .order_by(CustomerOrder.placed_at.desc())
    )
    wanted = set(pairs)
    return [row for row in (await session.execute(stmt)).all() if (row[0], row[1]) in wanted]
