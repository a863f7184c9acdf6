"""PostgreSQL's fast path for bulk orders: COPY the new ones straight into their tables.

Same outcome as `orders.service.record_orders` (new orders inserted with their lines,
existing ones told apart as unchanged or conflicting by their body hash, the customers'
tokens changed), at COPY speed instead of parameter-bound rows.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import committing, driver_connection, utcnow
from app.freshness import versions
from app.orders.schemas import OrderCreate
from app.orders.service import order_body_hash, price_text

ORDER_COLUMNS = ("order_id", "customer_id", "placed_at", "body_hash", "created_at")
LINE_COLUMNS = ("order_id", "customer_id", "line_no", "sku", "quantity", "unit_price")
STORED_HASHES = "SELECT order_id, body_hash FROM customer_order WHERE order_id = ANY($1::text[])"
# Another writer may store one of the chunk's orders between the look and the COPY;
# the COPY then fails on the primary key and the chunk is looked at again.
ATTEMPTS = 5


@dataclass
class Records:
    """Orders made ready for COPY: the Python half of the work, done off the event loop."""

    orders: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    lines: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)


def records(orders: Sequence[OrderCreate]) -> Records:
    """Callers pass distinct order ids."""
    ready = Records()
    for order in orders:
        order_id, customer_id = order.order_id, order.customer_id
        prices = [price_text(line.unit_price) for line in order.lines]
        ready.orders[order_id] = (order_id, customer_id, order.placed_at,
                                  order_body_hash(order, prices))
        ready.lines[order_id] = [
            (order_id, customer_id, n, line.sku, line.quantity, price)
            for n, (line, price) in enumerate(zip(order.lines, prices, strict=True))]
    return ready


async def record_orders(
    session: AsyncSession, orders: Sequence[OrderCreate] | Records
) -> tuple[list[str], list[str], list[str]]:
    """(created, unchanged, conflicting) order ids."""
    ready = orders if isinstance(orders, Records) else records(orders)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await _record(session, ready)
        except asyncpg.UniqueViolationError:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


async def _record(session: AsyncSession, ready: Records) -> tuple[list[str], list[str], list[str]]:
    async with committing(session):
        raw = await driver_connection(session)  # inside the session's transaction
        stored = dict(await raw.fetch(STORED_HASHES, list(ready.orders)))
        created = [oid for oid in ready.orders if oid not in stored]
        now = utcnow()
        await raw.copy_records_to_table(
            "customer_order", columns=ORDER_COLUMNS,
            records=[(*ready.orders[oid], now) for oid in created])
        await raw.copy_records_to_table(
            "order_line", columns=LINE_COLUMNS,
            records=[line for oid in created for line in ready.lines[oid]])
        await versions.touch_customers(session, {ready.orders[oid][1] for oid in created})
    unchanged = [oid for oid, stored_hash in stored.items()
                 if stored_hash == ready.orders[oid][3]]
    conflicts = [oid for oid, stored_hash in stored.items()
                 if stored_hash != ready.orders[oid][3]]
    return created, unchanged, conflicts
