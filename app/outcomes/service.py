"""Orders that name their check: refused when the check may not be named, and recorded with
the outcomes they imply in the same transaction."""

from collections.abc import Awaitable, Callable, Sequence
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import InvalidInput
from app.orders import service as orders_service
from app.orders.schemas import Order, OrderCreate
from app.outcomes.linking import linked_checks
from app.outcomes.recording import record_implied
from app.settings import Settings

Flush = Callable[[], Awaitable[None]]
# (created, unchanged, conflicting) order ids, and the refused ones with why
Recorded = tuple[list[str], list[str], list[str], dict[str, str]]


async def create_order(session: AsyncSession, *, order: OrderCreate, settings: Settings,
                       flush: Flush | None = None) -> tuple[Order, bool]:
    checks, refused = await linked_checks(session, [order], flush=flush)
    if refused:
        raise InvalidInput(refused[order.order_id], loc=["body", "check_id"])
    return await orders_service.create_order(
        session, order=order,
        after_insert=partial(record_implied, settings=settings, checks=checks))


async def record_orders(session: AsyncSession, orders: Sequence[OrderCreate], *,
                        settings: Settings, flush: Flush | None = None) -> Recorded:
    """Many orders at once (a batch, an import): refused ones are left out, not fatal."""
    checks, refused = await linked_checks(session, orders, flush=flush)
    accepted = [o for o in orders if o.order_id not in refused]
    created, unchanged, conflicts = await orders_service.record_orders(
        session, accepted, after_insert=partial(record_implied, settings=settings, checks=checks)
    ) if accepted else ([], [], [])
    return created, unchanged, conflicts, refused

