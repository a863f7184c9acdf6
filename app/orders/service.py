import functools
import hashlib
import json
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import committing, utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.freshness import versions
from app.ids import new_id
from app.orders import repository
from app.orders.models import CustomerOrder
from app.orders.schemas import (
    CancelRequest,
    Order,
    OrderCreate,
    OrderLine,
    Return,
    ReturnCreate,
    ReturnLineIn,
)


def order_body_hash(order: OrderCreate, prices: list[str | None] | None = None) -> str:
    """Identical for a retry of the same order, different for any other body.

    `prices`: the lines' `price_text`, when the caller has them already.
    """
    if prices is None:
        prices = [price_text(ln.unit_price) for ln in order.lines]
    canonical: dict[str, Any] = {
        "customer_id": order.customer_id,
        "placed_at": order.placed_at.astimezone(UTC).isoformat(),
        "lines": [[ln.sku, ln.quantity, price]
                  for ln, price in zip(order.lines, prices, strict=True)],
    }
    if order.check_id is not None:  # absent, the hash is what it was before orders named checks
        canonical["check_id"] = order.check_id
    return _digest(canonical)


def _digest(canonical: object) -> str:
    return hashlib.sha256(json.dumps(canonical, separators=(",", ":")).encode()).hexdigest()


@functools.lru_cache(maxsize=65_536)
def price_text(price: Decimal | None) -> str | None:
    """A price as stored and hashed: normalised, no exponent (cached: prices repeat)."""
    if price is None:
        return None
    text = format(price.normalize(), "f")
    return text if text != "-0" else "0"


def order_rows(
    order: OrderCreate, *, now: datetime
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    record = {
        "order_id": order.order_id,
        "customer_id": order.customer_id,
        "placed_at": order.placed_at,
        "cancelled_at": None,
        "check_id": order.check_id,
        "body_hash": order_body_hash(order),
        "created_at": now,
    }
    lines = [
        {
            "order_id": order.order_id,
            "customer_id": order.customer_id,
            "line_no": index,
            "sku": line.sku,
            "quantity": line.quantity,
            "unit_price": price_text(line.unit_price),
        }
        for index, line in enumerate(order.lines)
    ]
    return record, lines


# Work done in the orders' transaction on those it inserted (the outcomes they imply).
AfterInsert = Callable[[AsyncSession, list[OrderCreate]], Awaitable[None]]


async def record_orders(
    session: AsyncSession, orders: Sequence[OrderCreate], *, after_insert: AfterInsert | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Store new orders in one transaction: (created, unchanged, conflicting) order ids.

    Callers pass distinct order ids.
    """
    now = utcnow()
    rows = {o.order_id: order_rows(o, now=now) for o in orders}
    async with committing(session):
        inserted = await repository.insert_orders_if_new(session, [r for r, _ in rows.values()])
        await repository.insert_lines(
            session, [line for oid in inserted for line in rows[oid][1]]
        )
        if after_insert is not None and inserted:
            await after_insert(session, [o for o in orders if o.order_id in inserted])
        await versions.touch_customers(session, {rows[oid][0]["customer_id"] for oid in inserted})
        existing = [oid for oid in rows if oid not in inserted]
        stored = await repository.get_body_hashes(session, existing) if existing else {}
    unchanged = [oid for oid in existing if stored.get(oid) == rows[oid][0]["body_hash"]]
    conflicts = [oid for oid in existing if stored.get(oid) != rows[oid][0]["body_hash"]]
    return [oid for oid in rows if oid in inserted], unchanged, conflicts


async def create_order(session: AsyncSession, *, order: OrderCreate,
                       after_insert: AfterInsert | None = None) -> tuple[Order, bool]:
    created, _unchanged, conflicts = await record_orders(session, [order],
                                                         after_insert=after_insert)
    if conflicts:
        raise Conflict(
            f"Order {order.order_id} was already recorded with a different body."
        )
    return await get_order(session, order_id=order.order_id), bool(created)


async def get_order(session: AsyncSession, *, order_id: str) -> Order:
    stored = await repository.get_order(session, order_id)
    if stored is None:
        raise NotFound(f"No order {order_id}.")
    return await _to_order(session, stored)


async def _to_order(session: AsyncSession, stored: CustomerOrder) -> Order:
    lines = await repository.list_lines(session, stored.order_id)
    returns = await repository.list_returns(session, stored.order_id)
    return Order(
        order_id=stored.order_id,
        customer_id=stored.customer_id,
        placed_at=stored.placed_at,
        cancelled_at=stored.cancelled_at,
        created_at=stored.created_at,
        check_id=stored.check_id,
        lines=[
            OrderLine(
                sku=ln.sku,
                quantity=ln.quantity,
                unit_price=Decimal(ln.unit_price) if ln.unit_price is not None else None,
            )
            for ln in lines
        ],
        returns=[
            Return(
                return_id=r.return_id,
                order_id=r.order_id,
                customer_id=r.customer_id,
                reason=r.reason,  # type: ignore[arg-type]
                returned_at=r.returned_at,
                created_at=r.created_at,
                lines=[ReturnLineIn(sku=rl.sku, quantity=rl.quantity) for rl in rlines],
            )
            for r, rlines in returns
        ],
    )


def _return_hash(order_id: str, request: ReturnCreate) -> str:
    canonical = {
        "order_id": order_id,
        "reason": request.reason.value,
        "returned_at": request.returned_at.astimezone(UTC).isoformat()
        if request.returned_at
        else None,
        "lines": [[ln.sku, ln.quantity] for ln in request.lines],
    }
    return _digest(canonical)


async def record_return(
    session: AsyncSession, *, order_id: str, request: ReturnCreate
) -> tuple[Return, bool]:
    """Record a return of bought lines; (the return, whether it is new)."""
    body_hash = _return_hash(order_id, request)
    now = utcnow()
    async with committing(session):
        # Locked so two concurrent returns cannot together return more than was bought.
        order = await repository.lock_order(session, order_id)
        if order is None:
            raise NotFound(f"No order {order_id}.")
        if request.return_id is not None:
            existing = await repository.get_return(session, request.return_id)
            if existing is not None:
                if existing.body_hash != body_hash:
                    raise Conflict(
                        f"Return {request.return_id} was already recorded with a different body."
                    )
                return _find_return(await _to_order(session, order), request.return_id), False
        if order.cancelled_at is not None:
            raise Conflict(f"Order {order_id} is cancelled; there is nothing to return.")
        returned_at = request.returned_at or now
        if returned_at < order.placed_at:
            raise InvalidInput(
                "A return cannot come before the order was placed.", loc=["body", "returned_at"]
            )
        await _check_returnable(session, order_id, request.lines)
        return_id = request.return_id or new_id("ret")
        await repository.insert_return(
            session,
            {
                "return_id": return_id,
                "order_id": order_id,
                "customer_id": order.customer_id,
                "reason": request.reason.value,
                "returned_at": returned_at,
                "body_hash": body_hash,
                "created_at": now,
            },
            [
                {"return_id": return_id, "customer_id": order.customer_id,
                 "sku": ln.sku, "quantity": ln.quantity}
                for ln in request.lines
            ],
        )
        await versions.touch_customers(session, [order.customer_id])
    return _find_return(await _to_order(session, order), return_id), True


async def _check_returnable(
    session: AsyncSession, order_id: str, lines: Sequence[ReturnLineIn]
) -> None:
    bought: Counter[str] = Counter()
    for stored in await repository.list_lines(session, order_id):
        bought[stored.sku] += stored.quantity
    returned = Counter(await repository.returned_quantities(session, order_id))
    for index, line in enumerate(lines):
        if line.sku not in bought:
            raise InvalidInput(
                f"Order {order_id} has no line with sku {line.sku}.",
                loc=["body", "lines", index, "sku"],
            )
        returned[line.sku] += line.quantity
        if returned[line.sku] > bought[line.sku]:
            already = returned[line.sku] - line.quantity
            raise InvalidInput(
                f"Cannot return {line.quantity} of {line.sku}: {bought[line.sku]} bought, "
                f"{already} already returned or in this request.",
                loc=["body", "lines", index, "quantity"],
            )


def _find_return(order: Order, return_id: str) -> Return:
    return next(r for r in order.returns if r.return_id == return_id)


async def cancel_order(
    session: AsyncSession, *, order_id: str, request: CancelRequest
) -> Order:
    async with committing(session):
        order = await repository.lock_order(session, order_id)
        if order is None:
            raise NotFound(f"No order {order_id}.")
        if order.cancelled_at is None:
            cancelled_at = request.cancelled_at or utcnow()
            if cancelled_at < order.placed_at:
                raise InvalidInput(
                    "A cancellation cannot come before the order was placed.",
                    loc=["body", "cancelled_at"],
                )
            await repository.set_cancelled(session, order, cancelled_at)
            await versions.touch_customers(session, [order.customer_id])
    return await _to_order(session, order)
