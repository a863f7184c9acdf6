"""Which check an order names, and whether it may: the check exists and is the customer's."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.log_writer import answered_lately, pause
from app.checks.models import Check
from app.orders.schemas import OrderCreate


@dataclass(frozen=True, slots=True)
class LinkedCheck:
    check_id: str
    customer_id: str
    as_of: datetime
    warnings: list[dict[str, Any]]  # as answered: code, sku, suggestion...


async def linked_checks(
    session: AsyncSession, orders: Sequence[OrderCreate], *,
    flush: Callable[[], Awaitable[None]] | None = None,
) -> tuple[dict[str, LinkedCheck], dict[str, str]]:
    """The checks the orders name, and for each order whose check may not be named, why.

    `flush` writes this process's buffered check log first; a check another worker
    answered a moment ago is waited for until its log is written too.
    """
    wanted = {o.check_id for o in orders if o.check_id is not None}
    if not wanted:
        return {}, {}
    if flush is not None:
        await flush()
    found = await _read(session, wanted)
    # `answered_lately` turns false within seconds, so the wait is bounded.
    while missing := {c for c in wanted - found.keys() if answered_lately(c)}:
        await pause()
        found |= await _read(session, missing)
    refused: dict[str, str] = {}
    for order in orders:
        if order.check_id is None:
            continue
        check = found.get(order.check_id)
        if check is None:
            refused[order.order_id] = f"No check {order.check_id}."
        elif check.customer_id != order.customer_id:
            refused[order.order_id] = (f"Check {order.check_id} was made for another customer, "
                                       f"not {order.customer_id}.")
    return found, refused


async def _read(session: AsyncSession, check_ids: set[str]) -> dict[str, LinkedCheck]:
    rows = (await session.execute(
        select(Check.check_id, Check.customer_id, Check.as_of, Check.response)
        .where(Check.check_id.in_(sorted(check_ids))))).all()
    return {check_id: LinkedCheck(check_id, customer_id, as_of, response.get("warnings", []))
            for check_id, customer_id, as_of, response in rows}
