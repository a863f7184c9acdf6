"""Loads, in a handful of queries, the facts one check needs from the database."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import Row, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog.models import Product
from app.checks.facts import (
    HABIT_HORIZON,
    KEPT_AFTER,
    Catalog,
    History,
    ProductFacts,
    Purchase,
    ReturnEvent,
    StatedPreferences,
)
from app.checks.models import Feedback
from app.checks.records import OverrideRecord, routine_count
from app.checks.repository import first_return_of_outcome
from app.customers import repository as customers_repository
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine


async def load_history(session: AsyncSession, customer_id: str, *, as_of: datetime,
                       window: timedelta = timedelta(hours=24)) -> History:
    """The customer's history as it stood at `as_of`: later events are ignored."""
    line_rows = (
        await session.execute(
            select(OrderLine.order_id, OrderLine.sku, CustomerOrder.placed_at,
                   func.sum(OrderLine.quantity))
            .join(CustomerOrder, CustomerOrder.order_id == OrderLine.order_id)
            .where(
                OrderLine.customer_id == customer_id,
                CustomerOrder.placed_at <= as_of,
                or_(CustomerOrder.cancelled_at.is_(None), CustomerOrder.cancelled_at > as_of),
            )
            .group_by(OrderLine.order_id, OrderLine.sku, CustomerOrder.placed_at)
        )
    ).all()
    return_rows = (
        await session.execute(
            select(OrderReturn.order_id, ReturnLine.sku, ReturnLine.quantity,
                   OrderReturn.reason, OrderReturn.returned_at)
            .join(OrderReturn, OrderReturn.return_id == ReturnLine.return_id)
            .join(CustomerOrder, CustomerOrder.order_id == OrderReturn.order_id)
            .where(
                ReturnLine.customer_id == customer_id,
                OrderReturn.returned_at <= as_of,
                or_(CustomerOrder.cancelled_at.is_(None), CustomerOrder.cancelled_at > as_of),
            )
        )
    ).all()
    returns = tuple(ReturnEvent(o, s, q, r, at) for o, s, q, r, at in return_rows)
    returned: dict[tuple[str, str], int] = defaultdict(int)
    for event in returns:
        returned[(event.order_id, event.sku)] += event.quantity
    purchases = tuple(
        Purchase(order_id, sku, placed_at, int(qty), min(returned[(order_id, sku)], int(qty)))
        for order_id, sku, placed_at, qty in line_rows
    )
    preferences = await customers_repository.latest_preferences(
        session, customer_id, as_of=as_of
    )
    return History(
        purchases=purchases,
        returns=returns,
        preferences=StatedPreferences(
            formats=tuple(preferences.formats),
            sizes=dict(preferences.sizes),
            avoid=frozenset(preferences.avoid),
        ) if preferences else StatedPreferences(),
        suppressions=await _suppressions(session, customer_id, as_of),
        kept_repeat_orders=await _kept_repeat_orders(session, customer_id, as_of, window),
        routine=await _routine(session, customer_id, as_of),
    )


async def _routine(session: AsyncSession, customer_id: str, as_of: datetime) -> dict[str, int]:
    """Per sku, DUPLICATE_ORDER bought anyway through linked orders and kept (see
    `records.routine_count`)."""
    rows = (await session.execute(
        select(Feedback.sku, CustomerOrder.placed_at, CustomerOrder.cancelled_at,
               first_return_of_outcome())
        .join(CustomerOrder, CustomerOrder.order_id == Feedback.order_id)
        .where(Feedback.customer_id == customer_id, Feedback.code == "DUPLICATE_ORDER",
               Feedback.action == "kept"))).all()
    overrides: dict[str, list[OverrideRecord]] = defaultdict(list)
    for sku, placed_at, cancelled_at, returned_at in rows:
        overrides[sku].append((placed_at, cancelled_at, returned_at))
    counts = {sku: routine_count(found, as_of) for sku, found in overrides.items()}
    return {sku: n for sku, n in counts.items() if n}


async def _kept_repeat_orders(session: AsyncSession, customer_id: str, as_of: datetime,
                              window: timedelta) -> int:
    """Of the latest `HABIT_HORIZON` orders, those placed within `window` after the previous
    one, none of it returned within a week, that week over by `as_of`; orders cancelled by
    `as_of` count for nothing."""
    first_return = (select(func.min(OrderReturn.returned_at))
                    .where(OrderReturn.order_id == CustomerOrder.order_id).scalar_subquery())
    orders = (await session.execute(
        select(CustomerOrder.placed_at, CustomerOrder.cancelled_at, first_return)
        .where(CustomerOrder.customer_id == customer_id, CustomerOrder.placed_at <= as_of,
               or_(CustomerOrder.cancelled_at.is_(None), CustomerOrder.cancelled_at > as_of))
        .order_by(CustomerOrder.placed_at)
    )).all()
    kept = 0
    for (previous, _, _), (placed_at, _, returned_at) in pairwise(orders[-HABIT_HORIZON - 1:]):
        settled = placed_at + KEPT_AFTER
        if placed_at - previous <= window and settled <= as_of and (
                returned_at is None or returned_at > settled):
            kept += 1
    return kept


async def _suppressions(
    session: AsyncSession, customer_id: str, as_of: datetime
) -> dict[tuple[str, str], datetime]:
    rows = (
        await session.execute(
            select(Feedback.sku, Feedback.code, func.max(Feedback.suppress_until))
            .where(
                and_(
                    Feedback.customer_id == customer_id,
                    Feedback.suppress_until.is_not(None),
                    Feedback.suppress_until > as_of,
                    Feedback.check_as_of <= as_of,
                )
            )
            .group_by(Feedback.sku, Feedback.code)
        )
    ).all()
    return {(sku, code): until for sku, code, until in rows if until is not None}


def to_facts(product: "Product | Row[Any]") -> ProductFacts:
    """From an ORM product or a row of the product table's columns."""
    return ProductFacts(
        sku=product.sku,
        title=product.title,
        kind=product.kind,
        work_id=product.work_id,
        format=product.format,
        category=product.category,
        attributes=dict(product.attributes or {}),
        provides=tuple(product.provides or ()),
        requires_any=tuple(product.requires_any or ()),
        contains=tuple(product.contains or ()),
        included_in=tuple(product.included_in or ()),
        superseded_by=product.superseded_by,
        replenish_days=product.replenish_days,
        duration_days=product.duration_days,
        active=product.active,
    )


# What a history's meaning needs of a bought product (not what only a cart's item needs).
BASIS_COLUMNS = tuple(Product.__table__.c[name] for name in (
    "sku", "title", "kind", "category", "attributes", "provides", "duration_days", "active",
))


async def load_products(session: AsyncSession, skus: Iterable[str]) -> Catalog:
    """The facts of the products the customer bought, for what their history means.

    Plain rows of the few columns that matter here, not ORM objects: a long history names
    thousands of products, and whole entities would cost more than the query.
    """
    wanted = sorted(set(skus))
    products: dict[str, ProductFacts] = {}
    for start in range(0, len(wanted), 5_000):
        rows = await session.execute(
            select(*BASIS_COLUMNS).where(Product.sku.in_(wanted[start:start + 5_000]))
        )
        for sku, title, kind, category, attributes, provides, duration_days, active in rows:
            products[sku] = ProductFacts(
                sku=sku, title=title, kind=kind, category=category,
                attributes=dict(attributes or {}), provides=tuple(provides or ()),
                duration_days=duration_days, active=active,
            )
    return Catalog(products=products)
