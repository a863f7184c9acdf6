"""The customer at a glance: what they own, returned and subscribe to, and what they told us."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.customer import build_view
from app.checks.facts import Thresholds
from app.checks.history import load_history, load_products
from app.checks.models import Check, Feedback
from app.checks.repository import first_return_of_outcome, regretted, warnings_raised
from app.customers.models import PreferenceVersion
from app.customers.service import get_preferences
from app.db import utcnow
from app.errors import NotFound
from app.orders.models import CustomerOrder, OrderReturn
from app.orders.schemas import ReturnReason
from app.settings import Settings
from app.support.schemas import (
    ActiveSubscription,
    CustomerCounts,
    CustomerPreferences,
    LearnedSize,
    OutcomeItem,
    OwnedItem,
    Profile,
    ProvidedTag,
    ReturnedItem,
)


async def ensure_known(session: AsyncSession, customer_id: str) -> None:
    """A customer we hold nothing about (never seen, or erased) is a 404 for support reads."""
    for model in (CustomerOrder, Check, PreferenceVersion):
        if await session.scalar(select(exists().where(model.customer_id == customer_id))):
            return
    raise NotFound(f"We hold nothing about customer {customer_id}.")


async def build_profile(session: AsyncSession, *, settings: Settings, customer_id: str) -> Profile:
    await ensure_known(session, customer_id)
    now = utcnow()
    history = await load_history(session, customer_id, as_of=now)
    catalog = await load_products(session, {p.sku for p in history.purchases})
    view = build_view(history, catalog, now=now, thresholds=Thresholds(
        duplicate_window=timedelta(hours=settings.duplicate_window_hours)
    ))

    def title(sku: str) -> str | None:
        product = catalog.get(sku)
        return product.title if product else None

    return Profile(
        customer_id=customer_id,
        as_of=now,
        outcomes=await _outcomes(session, customer_id, now),
        owned=[
            OwnedItem(sku=sku, title=title(sku), quantity=item.quantity,
                      first_purchased_at=item.first.at, last_purchased_at=item.last.at)
            for sku, item in sorted(view.owned.items(), key=lambda kv: kv[1].last.at, reverse=True)
        ],
        returned=[
            ReturnedItem(
                sku=sku, title=title(sku), quantity=sum(r.quantity for r in events),
                reasons=list(dict.fromkeys(ReturnReason(r.reason) for r in events)),
                last_returned_at=events[0].at,
            )
            for sku, events in sorted(view.returns.items(), key=lambda kv: kv[1][0].at,
                                      reverse=True)
        ],
        subscriptions=[
            ActiveSubscription(sku=s.product.sku, title=s.product.title,
                               started_at=s.purchase.at, ends_at=s.ends_at)
            for s in view.subscriptions
        ],
        tags=sorted(
            (ProvidedTag(tag=tag, sku=source.product.sku, title=source.product.title)
             for tag, sources in view.tags.items() for source in sources),
            key=lambda t: (t.tag, t.sku),
        ),
        preferences=CustomerPreferences(
            stated=await get_preferences(session, customer_id=customer_id),
            learned_sizes=[
                LearnedSize(category=category, size=learned.size, purchases=len(learned.purchases))
                for category, learned in sorted(view.learned_sizes.items())
            ],
        ),
        counts=await _counts(session, customer_id),
    )


async def _counts(session: AsyncSession, customer_id: str) -> CustomerCounts:
    async def count(model: type, *where: Any) -> int:
        stmt = select(func.count()).select_from(model).where(
            model.customer_id == customer_id, *where  # type: ignore[attr-defined]
        )
        return int(await session.scalar(stmt) or 0)

    answered = dict(
        (await session.execute(
            select(Feedback.action, func.count())
            .where(Feedback.customer_id == customer_id)
            .group_by(Feedback.action)
        )).all()
    )
    return CustomerCounts(
        orders=await count(CustomerOrder),
        cancelled_orders=await count(CustomerOrder, CustomerOrder.cancelled_at.is_not(None)),
        returns=await count(OrderReturn),
        checks=await count(Check),
        warnings=int(await session.scalar(
            select(func.coalesce(func.sum(warnings_raised(session)), 0))
            .where(Check.customer_id == customer_id)) or 0),
        warnings_kept=int(answered.get("kept", 0)),
        warnings_removed=int(answered.get("removed", 0)),
        warnings_replaced=int(answered.get("replaced", 0)),
    )


async def _outcomes(session: AsyncSession, customer_id: str, now: datetime) -> list[OutcomeItem]:
    rows = (await session.execute(
        select(Feedback, CustomerOrder.placed_at, CustomerOrder.cancelled_at,
               first_return_of_outcome())
        .outerjoin(CustomerOrder, CustomerOrder.order_id == Feedback.order_id)
        .where(Feedback.customer_id == customer_id)
        .order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(100))).all()
    return [
        OutcomeItem(check_id=f.check_id, sku=f.sku, code=f.code, outcome=f.action,
                    source=f.source, order_id=f.order_id, at=f.created_at,
                    regretted=f.action == "kept" and placed_at is not None
                    and regretted(placed_at, cancelled_at, returned_at, now))
        for f, placed_at, cancelled_at, returned_at in rows
    ]
