from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import table_of, upsert_insert
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine


async def insert_orders_if_new(
    session: AsyncSession, orders: Sequence[dict[str, Any]]
) -> set[str]:
    """Insert the orders whose `order_id` is free; returns the ids actually inserted.

    The primary key, not a read before the write, decides: concurrent identical POSTs
    end with one order.
    """
    stmt = (
        upsert_insert(session, CustomerOrder)
        .values(list(orders))
        .on_conflict_do_nothing(index_elements=["order_id"])
        .returning(CustomerOrder.order_id)
    )
    return set((await session.scalars(stmt)).all())


async def insert_lines(session: AsyncSession, lines: Sequence[dict[str, Any]]) -> None:
    if lines:
        await session.execute(table_of(OrderLine).insert(), list(lines))


async def get_body_hashes(session: AsyncSession, order_ids: Sequence[str]) -> dict[str, str]:
    stmt = select(CustomerOrder.order_id, CustomerOrder.body_hash).where(
        CustomerOrder.order_id.in_(list(order_ids))
    )
    return {order_id: body_hash for order_id, body_hash in (await session.execute(stmt)).all()}


async def get_order(session: AsyncSession, order_id: str) -> CustomerOrder | None:
    stmt = select(CustomerOrder).where(CustomerOrder.order_id == order_id)
    return (await session.scalars(stmt)).one_or_none()


async def lock_order(session: AsyncSession, order_id: str) -> CustomerOrder | None:
    """Read the order for a change that depends on its state, others waiting meanwhile.

    A no-op UPDATE locks the row on PostgreSQL and takes SQLite's write lock before the
    read, where SELECT ... FOR UPDATE would be silently ignored.
    """
    await session.execute(
        update(CustomerOrder)
        .where(CustomerOrder.order_id == order_id)
        .values(cancelled_at=CustomerOrder.cancelled_at)
        .execution_options(synchronize_session=False)
    )
    return await get_order(session, order_id)


async def list_lines(session: AsyncSession, order_id: str) -> list[OrderLine]:
    stmt = select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.line_no)
    return list((await session.scalars(stmt)).all())


async def list_returns(
    session: AsyncSession, order_id: str
) -> list[tuple[OrderReturn, list[ReturnLine]]]:
    returns = (
        await session.scalars(
            select(OrderReturn)
            .where(OrderReturn.order_id == order_id)
            .order_by(OrderReturn.returned_at, OrderReturn.return_id)
        )
    ).all()
    if not returns:
        return []
    lines = (
        await session.scalars(
            select(ReturnLine)
            .where(ReturnLine.return_id.in_([r.return_id for r in returns]))
            .order_by(ReturnLine.id)
        )
    ).all()
    by_return: dict[str, list[ReturnLine]] = {r.return_id: [] for r in returns}
    for line in lines:
        by_return[line.return_id].append(line)
    return [(r, by_return[r.return_id]) for r in returns]


async def returned_quantities(session: AsyncSession, order_id: str) -> dict[str, int]:
    stmt = (
        select(ReturnLine.sku, func.sum(ReturnLine.quantity))
        .join(OrderReturn, OrderReturn.return_id == ReturnLine.return_id)
        .where(OrderReturn.order_id == order_id)
        .group_by(ReturnLine.sku)
    )
    return {sku: int(total) for sku, total in (await session.execute(stmt)).all()}


async def get_return(session: AsyncSession, return_id: str) -> OrderReturn | None:
    return await session.get(OrderReturn, return_id)


async def insert_return(
    session: AsyncSession, record: dict[str, Any], lines: Sequence[dict[str, Any]]
) -> None:
    await session.execute(table_of(OrderReturn).insert(), [record])
    await session.execute(table_of(ReturnLine).insert(), list(lines))


async def set_cancelled(session: AsyncSession, order: CustomerOrder, at: datetime) -> None:
    order.cancelled_at = at
    await session.flush()
