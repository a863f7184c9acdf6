"""One customer's timeline, newest first, read a page at a time.

Every event has a position `(at, rank, id)`: its time, the rank of its type (to order ties
in time the same way on every page) and its id within the type. A page asks each source
for its next `limit + 1` events after the cursor's position, merges them and keeps
`limit`. Events that arrive while an agent pages are either newer than the first page (and
wait for the next refresh) or fall after the cursor and are met in order: never twice,
never skipped.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.models import Check, Feedback
from app.customers.models import PreferenceVersion
from app.orders import schemas as orders_schemas
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine
from app.pagination import bad_cursor, decode_cursor, first_of
from app.support.schemas import (
    CancellationEvent,
    CheckEvent,
    CheckOutcome,
    EventType,
    FeedbackEvent,
    HistoryPage,
    OrderEvent,
    PreferencesEvent,
    ReturnEvent,
)

# Ties in time: the later step of a story comes first (feedback after its check...).
RANK = {
    EventType.order: 0,
    EventType.return_: 1,
    EventType.cancellation: 2,
    EventType.preferences: 3,
    EventType.check: 4,
    EventType.feedback: 5,
}


@dataclass(frozen=True)
class Filters:
    customer_id: str
    types: frozenset[EventType]
    sku: str | None
    since: datetime | None
    until: datetime | None


@dataclass(frozen=True)
class Position:
    at: datetime
    rank: int
    id: str | int

    def position(self) -> list[Any]:
        """What the cursor after this event holds."""
        return [self.at.isoformat(), self.rank, self.id]

    @classmethod
    def decode(cls, cursor: str) -> "Position":
        at, rank, id_ = decode_cursor(cursor, size=3)
        if not isinstance(rank, int) or rank not in RANK.values():
            raise bad_cursor()
        integer_ids = {RANK[EventType.feedback], RANK[EventType.preferences]}
        if not isinstance(id_, int if rank in integer_ids else str) or isinstance(id_, bool):
            raise bad_cursor()
        try:
            parsed = datetime.fromisoformat(at)
        except (TypeError, ValueError):
            raise bad_cursor() from None
        if parsed.tzinfo is None:
            raise bad_cursor()
        return cls(parsed, rank, id_)


@dataclass(frozen=True)
class Source:
    type: EventType
    at: Any
    id: Any
    query: Callable[[Filters], Select[Any] | None]

    @property
    def rank(self) -> int:
        return RANK[self.type]

    def after(self, position: Position) -> ColumnElement[bool]:
        if self.rank < position.rank:
            return cast(ColumnElement[bool], self.at <= position.at)
        if self.rank > position.rank:
            return cast(ColumnElement[bool], self.at < position.at)
        return or_(self.at < position.at, and_(self.at == position.at, self.id < position.id))


def _orders(f: Filters) -> Select[Any]:
    stmt = select(CustomerOrder).where(CustomerOrder.customer_id == f.customer_id)
    return stmt.where(CustomerOrder.order_id.in_(_orders_with(f))) if f.sku else stmt


def _cancellations(f: Filters) -> Select[Any]:
    return _orders(f).where(CustomerOrder.cancelled_at.is_not(None))


def _orders_with(f: Filters) -> Select[Any]:
    return select(OrderLine.order_id).where(
        OrderLine.customer_id == f.customer_id, OrderLine.sku == f.sku
    )


def _returns(f: Filters) -> Select[Any]:
    stmt = select(OrderReturn).where(OrderReturn.customer_id == f.customer_id)
    if f.sku:
        stmt = stmt.where(OrderReturn.return_id.in_(
            select(ReturnLine.return_id).where(
                ReturnLine.customer_id == f.customer_id, ReturnLine.sku == f.sku
            )
        ))
    return stmt


def _checks(f: Filters) -> Select[Any]:
    stmt = select(Check).where(Check.customer_id == f.customer_id)
    return stmt.where(Check.skus.contains(f" {f.sku} ", autoescape=True)) if f.sku else stmt


def _feedback(f: Filters) -> Select[Any]:
    stmt = select(Feedback).where(Feedback.customer_id == f.customer_id)
    return stmt.where(Feedback.sku == f.sku) if f.sku else stmt


def _preferences(f: Filters) -> Select[Any] | None:
    # Preferences name no sku: a search for one sku leaves them out.
    if f.sku:
        return None
    return select(PreferenceVersion).where(PreferenceVersion.customer_id == f.customer_id)


SOURCES = (
    Source(EventType.order, CustomerOrder.placed_at, CustomerOrder.order_id, _orders),
    Source(EventType.return_, OrderReturn.returned_at, OrderReturn.return_id, _returns),
    Source(EventType.cancellation, CustomerOrder.cancelled_at, CustomerOrder.order_id,
           _cancellations),
    Source(EventType.preferences, PreferenceVersion.changed_at, PreferenceVersion.id,
           _preferences),
    Source(EventType.check, Check.created_at, Check.check_id, _checks),
    Source(EventType.feedback, Feedback.created_at, Feedback.id, _feedback),
)


async def read_page(
    session: AsyncSession, filters: Filters, *, limit: int, cursor: str | None
) -> HistoryPage:
    after = Position.decode(cursor) if cursor else None
    found: list[tuple[Source, Position, Any]] = []
    for source in SOURCES:
        if filters.types and source.type not in filters.types:
            continue
        stmt = source.query(filters)
        if stmt is None:
            continue
        if filters.since is not None:
            stmt = stmt.where(source.at >= filters.since)
        if filters.until is not None:
            stmt = stmt.where(source.at < filters.until)
        if after is not None:
            stmt = stmt.where(source.after(after))
        stmt = stmt.order_by(source.at.desc(), source.id.desc()).limit(limit + 1)
        for row in (await session.scalars(stmt)).all():
            at = getattr(row, source.at.key)
            found.append((source, Position(at, source.rank, getattr(row, source.id.key)), row))
    # Stable: within one source the database's own order of ids (its collation) is kept.
    found.sort(key=lambda e: (e[1].at, e[1].rank), reverse=True)
    page, next_cursor = first_of(found, limit, lambda event: event[1].position())
    return HistoryPage(items=await _events(session, page), next_cursor=next_cursor)


async def _events(session: AsyncSession, page: Sequence[tuple[Source, Position, Any]]) -> list[Any]:
    order_ids = [row.order_id for s, _, row in page if s.type == EventType.order]
    return_ids = [row.return_id for s, _, row in page if s.type == EventType.return_]
    check_ids = [row.check_id for s, _, row in page if s.type == EventType.check]
    order_lines = await _lines(session, OrderLine, OrderLine.order_id, order_ids,
                               OrderLine.line_no)
    return_lines = await _lines(session, ReturnLine, ReturnLine.return_id, return_ids,
                                ReturnLine.id)
    outcomes = await _lines(session, Feedback, Feedback.check_id, check_ids, Feedback.id)
    ordered = dict((await session.execute(
        select(CustomerOrder.check_id, CustomerOrder.order_id)
        .where(CustomerOrder.check_id.in_(check_ids)))).all()) if check_ids else {}
    events: list[Any] = []
    for source, position, row in page:
        match source.type:
            case EventType.order:
                events.append(OrderEvent(at=position.at, order_id=row.order_id, lines=[
                    orders_schemas.OrderLine.model_validate({"sku": line.sku, "quantity": line.quantity,
                                              "unit_price": line.unit_price})
                    for line in order_lines.get(row.order_id, [])
                ], check_id=row.check_id))
            case EventType.return_:
                events.append(ReturnEvent(
                    at=position.at, return_id=row.return_id, order_id=row.order_id,
                    reason=row.reason,
                    lines=[orders_schemas.ReturnLineIn(sku=line.sku, quantity=line.quantity)
                           for line in return_lines.get(row.return_id, [])],
                ))
            case EventType.cancellation:
                events.append(CancellationEvent(at=position.at, order_id=row.order_id))
            case EventType.check:
                events.append(CheckEvent(
                    at=position.at, check_id=row.check_id, verdict=row.verdict,
                    degraded=bool(row.response.get("degraded")), items=row.items,
                    warnings=row.response.get("warnings", []),
                    order_id=ordered.get(row.check_id),
                    outcomes=[CheckOutcome.model_validate(
                                  {"sku": f.sku, "code": f.code, "outcome": f.action,
                                   "source": f.source})
                              for f in outcomes.get(row.check_id, [])],
                ))
            case EventType.feedback:
                events.append(FeedbackEvent(
                    at=position.at, check_id=row.check_id, sku=row.sku, code=row.code,
                    action=row.action, replacement_sku=row.replacement_sku, reason=row.reason,
                    source=row.source, order_id=row.order_id,
                ))
            case EventType.preferences:
                events.append(PreferencesEvent(
                    at=position.at, formats=row.formats, sizes=row.sizes, avoid=row.avoid
                ))
    return events


async def _lines(
    session: AsyncSession, model: Any, parent: Any, parent_ids: list[str], order: Any
) -> dict[str, list[Any]]:
    if not parent_ids:
        return {}
    stmt = select(model).where(parent.in_(parent_ids)).order_by(parent, order)
    grouped: dict[str, list[Any]] = {}
    for line in (await session.scalars(stmt)).all():
        grouped.setdefault(getattr(line, parent.key), []).append(line)
    return grouped
