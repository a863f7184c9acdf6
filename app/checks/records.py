"""A customer's raw records, by sku: read by key for a cart, or whole for a warm snapshot.

`load_records` reads the customer's order lines, returns and feedback for the skus asked
(through the `(customer_id, sku)` indexes, so a cart costs the same for a history of ten
lines or fifty thousand), or for every sku when `skus` is None. Records are kept as the
database has them, cancellations and return dates included: `history_at` turns the skus a
check needs into the `History` of one instant, so the same records serve any `now`.
"""

import asyncio
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.checks.facts import HABIT_HORIZON, KEPT_AFTER, History, Purchase, ReturnEvent, StatedPreferences
from app.customers import repository as customers_repository

# (order_id, placed_at, quantity, cancelled_at)
LineRecord = tuple[str, datetime, int, datetime | None]
# (order_id, quantity, reason, returned_at, the order's cancelled_at)
ReturnRecord = tuple[str, int, str, datetime, datetime | None]
# (code, suppress_until, check_as_of)
FeedbackRecord = tuple[str, datetime, datetime]
# DUPLICATE_ORDER bought anyway, through an order naming its check:
# (that order's placed_at, its cancelled_at, when that sku was first returned from it)
OverrideRecord = tuple[datetime, datetime | None, datetime | None]
# An order placed within the duplicate window after the customer's previous one, among their
# latest `HABIT_HORIZON` orders (orders cancelled by the check's instant left out):
# (placed_at, cancelled_at, first returned_at)
RepeatOrderRecord = tuple[datetime, datetime | None, datetime | None]

# Skus per statement: far below SQLite's and asyncpg's bound-parameter limits.
_CHUNK = 2_000
# Rows read between two turns of the event loop.
_ROWS_PER_TURN = 1_000


@dataclass(frozen=True, slots=True)
class RepeatOrders:
    """A customer's repeat orders, indexed once so that each check counts the kept ones at
    its instant by bisection, not by walking them (a wholesaler has hundreds)."""

    # When each repeat order with nothing returned in its week completes that week, sorted.
    settles: tuple[datetime, ...] = ()
    # (settles, cancelled_at) of those cancelled after the records were read.
    cancelled: tuple[tuple[datetime, datetime], ...] = ()
    count: int = 0

    @classmethod
    def of(cls, repeats: Iterable[RepeatOrderRecord]) -> "RepeatOrders":
        settles, cancelled, count = [], [], 0
        for placed_at, cancelled_at, returned_at in repeats:
            count += 1
            settled = placed_at + KEPT_AFTER
            if returned_at is not None and returned_at <= settled:
                continue
            settles.append(settled)
            if cancelled_at is not None:
                cancelled.append((settled, cancelled_at))
        return cls(tuple(sorted(settles)), tuple(cancelled), count)

    def kept_by(self, now: datetime) -> int:
        """Repeat orders whose week has passed by `now` with nothing returned from them in it,
        and not cancelled by `now` (a cancelled order no longer counts for anything)."""
        return bisect_right(self.settles, now) - sum(
            1 for settled, cancelled_at in self.cancelled if settled <= now and cancelled_at <= now)


@dataclass(frozen=True, slots=True)
class CustomerRecords:
    """What the database holds of one customer: for a cart's skus, or all (a snapshot)."""

    lines: Mapping[str, tuple[LineRecord, ...]] = field(default_factory=dict)
    returns: Mapping[str, Sequence[ReturnRecord]] = field(default_factory=dict)
    feedback: Mapping[str, tuple[FeedbackRecord, ...]] = field(default_factory=dict)
    preferences: StatedPreferences = StatedPreferences()
    repeat_orders: RepeatOrders = RepeatOrders()
    overrides: Mapping[str, tuple[OverrideRecord, ...]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        """Rows held: what a bounded cache of records counts."""
        lines = self.lines.rows if isinstance(self.lines, FoldedLines) else len(self.lines)
        return (lines + sum(map(len, self.returns.values()))
                + sum(map(len, self.feedback.values())) + self.repeat_orders.count
                + sum(map(len, self.overrides.values())) + 1)


async def load_records(
    session: AsyncSession, customer_id: str, skus: Collection[str] | None, *, now: datetime,
    window: timedelta,
) -> CustomerRecords:
    """The records of `skus` (every sku when None) and the preferences stated by `now`.

    The database folds each sku's order lines into one text value, parsed only when a cart
    asks for that sku: a whole snapshot of 10,000 lines costs one row per sku to read.
    """
    return (await load_many(session, [customer_id], skus, now=now, window=window))[customer_id]


async def load_many(
    session: AsyncSession, customer_ids: Sequence[str], skus: Collection[str] | None, *,
    now: datetime, window: timedelta,
) -> dict[str, CustomerRecords]:
    """`load_records` for several customers in the same few statements (a warm-up).

    Whatever the skus, it also reads the customer's repeat orders (placed within `window`
    of their previous order): how often they re-order on purpose is not a per-sku fact.
    """
    if session.get_bind().dialect.name == "postgresql":
        return await _load_postgres(session, customer_ids, skus, now=now, window=window)
    lines: dict[str, dict[str, str]] = defaultdict(dict)
    returns: dict[str, dict[str, list[ReturnRecord]]] = defaultdict(lambda: defaultdict(list))
    feedback: dict[str, dict[str, list[FeedbackRecord]]] = defaultdict(lambda: defaultdict(list))
    overrides: dict[str, dict[str, list[OverrideRecord]]] = defaultdict(lambda: defaultdict(list))
    chunks: list[list[str] | None] = [None] if skus is None else [
        sorted(skus)[start:start + _CHUNK] for start in range(0, len(skus), _CHUNK)
    ]
    for chunk in chunks:
        for customer, sku, folded in await _rows(session, _LINES, customer_ids, chunk):
            lines[customer][sku] = folded
        await asyncio.sleep(0)  # a long history is read without holding up other checks
        for customer, sku, order_id, quantity, reason, returned_at, cancelled_at in await _rows(
                session, _RETURNS, customer_ids, chunk):
            returns[customer][sku].append((order_id, int(quantity), reason, _utc(returned_at),
                                           _utc_or_none(cancelled_at)))
        for customer, sku, code, until, as_of in await _rows(session, _FEEDBACK, customer_ids,
                                                             chunk):
            feedback[customer][sku].append((code, _utc(until), _utc(as_of)))
        for customer, sku, placed_at, cancelled_at, returned_at in await _rows(
                session, _OVERRIDES, customer_ids, chunk):
            overrides[customer][sku].append((_utc(placed_at), _utc_or_none(cancelled_at),
                                             _utc_or_none(returned_at)))
    repeats: dict[str, list[RepeatOrderRecord]] = defaultdict(list)
    for customer, placed_at, cancelled_at, returned_at in (await session.execute(
            _REPEAT_ORDERS_SQLITE, {"customers": list(customer_ids), "now": now,
                                    "window": window.total_seconds()})).all():
        repeats[customer].append((_utc(placed_at), _utc_or_none(cancelled_at),
                                  _utc_or_none(returned_at)))
    stated = await customers_repository.latest_preferences_of(session, customer_ids, as_of=now)
    return {
        customer: CustomerRecords(
            lines=FoldedLines(lines.get(customer, {})),
            returns={sku: tuple(rows) for sku, rows in returns.get(customer, {}).items()},
            feedback={sku: tuple(rows) for sku, rows in feedback.get(customer, {}).items()},
            preferences=StatedPreferences(
                formats=tuple(p.formats), sizes=dict(p.sizes), avoid=frozenset(p.avoid),
            ) if (p := stated.get(customer)) else StatedPreferences(),
            repeat_orders=RepeatOrders.of(repeats.get(customer, ())),
            overrides={sku: tuple(rows) for sku, rows in overrides.get(customer, {}).items()},
        )
        for customer in customer_ids
    }


class FoldedLines(Mapping[str, tuple[LineRecord, ...]]):
    """sku -> its lines, one per order, unfolded from the database's text on first use."""

    def __init__(self, folded: dict[str, str]) -> None:
        self._folded = folded
        self._unfolded: dict[str, tuple[LineRecord, ...]] = {}
        self.rows = sum(text.count(_RECORD) + 1 for text in folded.values())

    def __getitem__(self, sku: str) -> tuple[LineRecord, ...]:
        found = self._unfolded.get(sku)
        if found is None:
            found = self._unfolded[sku] = _unfold(self._folded[sku])
        return found

    def get(self, sku: str, default: Any = None) -> Any:  # Mapping's goes through KeyError
        found = self._unfolded.get(sku)
        if found is not None:
            return found
        return self[sku] if sku in self._folded else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._folded)

    def __len__(self) -> int:
        return len(self._folded)

    def __contains__(self, sku: object) -> bool:
        return sku in self._folded


_RECORD = "\x1e"
_FIELD = "|"  # ids never hold it (ids are A-Z a-z 0-9 . _ : -)


def _unfold(folded: str) -> tuple[LineRecord, ...]:
    by_order: dict[str, LineRecord] = {}
    for record in folded.split(_RECORD):
        order_id, placed_at, quantity, cancelled_at = record.split(_FIELD)
        earlier = by_order.get(order_id)
        by_order[order_id] = (
            order_id, _utc(placed_at), int(quantity) + (earlier[2] if earlier else 0),
            _utc(cancelled_at) if cancelled_at else None,
        )
    return tuple(by_order.values())


# When the customer first gave `f.sku` back from order `o`.
_FIRST_RETURN_OF_SKU = """(SELECT min(r.returned_at) FROM return_line rl
    JOIN order_return r ON r.return_id = rl.return_id
    WHERE r.order_id = o.order_id AND rl.sku = f.sku)"""
_UTC_TEXT = "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
# SQLite; PostgreSQL reads everything in one statement (`_ALL_POSTGRES`).
_LINES = """
SELECT l.customer_id, l.sku, group_concat(l.order_id || '|' || o.placed_at || '|' || l.quantity || '|'
    || ifnull(o.cancelled_at, ''), char(30))
FROM order_line l JOIN customer_order o ON o.order_id = l.order_id
WHERE l.customer_id IN :customers {skus} GROUP BY l.customer_id, l.sku"""
_RETURNS = """
SELECT rl.customer_id, rl.sku, r.order_id, rl.quantity, r.reason, r.returned_at, o.cancelled_at
FROM return_line rl JOIN order_return r ON r.return_id = rl.return_id
JOIN customer_order o ON o.order_id = r.order_id
WHERE rl.customer_id IN :customers {skus}"""
_FEEDBACK = """
SELECT f.customer_id, f.sku, f.code, f.suppress_until, f.check_as_of FROM feedback f
WHERE f.customer_id IN :customers AND f.suppress_until IS NOT NULL {skus}"""
_OVERRIDES = """
SELECT f.customer_id, f.sku, o.placed_at, o.cancelled_at, """ + _FIRST_RETURN_OF_SKU + """
FROM feedback f JOIN customer_order o ON o.order_id = f.order_id
WHERE f.customer_id IN :customers AND f.code = 'DUPLICATE_ORDER' AND f.action = 'kept' {skus}"""
_REPEAT_ORDERS_SQLITE = text(f"""
SELECT t.customer_id, t.placed_at, t.cancelled_at, r.returned_at
FROM (
    SELECT o.order_id, o.customer_id, o.placed_at, o.cancelled_at,
        lag(o.placed_at) OVER (PARTITION BY o.customer_id ORDER BY o.placed_at) AS previous,
        row_number() OVER (PARTITION BY o.customer_id ORDER BY o.placed_at DESC) AS recency
    FROM customer_order o WHERE o.customer_id IN :customers AND o.placed_at <= :now
        AND (o.cancelled_at IS NULL OR o.cancelled_at > :now)) t
LEFT JOIN (SELECT order_id, min(returned_at) AS returned_at FROM order_return
           WHERE customer_id IN :customers GROUP BY order_id) r ON r.order_id = t.order_id
WHERE t.previous IS NOT NULL AND t.recency <= {HABIT_HORIZON}
    AND (julianday(t.placed_at) - julianday(t.previous)) * 86400 <= :window""").bindparams(
    bindparam("customers", expanding=True))
_ALIAS = {_LINES: "l", _RETURNS: "rl", _FEEDBACK: "f", _OVERRIDES: "f"}
_STATEMENTS = {
    (sql, by_sku): text(sql.format(skus=f"AND {_ALIAS[sql]}.sku IN :skus" if by_sku else ""))
    .bindparams(bindparam("customers", expanding=True),
                *([bindparam("skus", expanding=True)] if by_sku else []))
    for sql in _ALIAS for by_sku in (False, True)
}


async def _rows(session: AsyncSession, sql: str, customer_ids: Sequence[str],
                skus: list[str] | None) -> Sequence[Any]:
    params: dict[str, Any] = {"customers": list(customer_ids)}
    if skus is not None:
        params["skus"] = skus
    return (await session.execute(_STATEMENTS[(sql, skus is not None)], params)).all()


# PostgreSQL: everything a check reads of its customers in one statement, one round trip
# (a cold check made five, and a fresh worker's first checks ran past their budget).
# Rows are (kind, customer, sku, a, b, c, d, e) as text: 'l' folded order lines, 'r' a
# return line, 'f' kept-warning feedback, 'p' the latest preferences stated by `now`.
_ALL_POSTGRES = f"""
SELECT 'l', l.customer_id, l.sku, string_agg(l.order_id || '|' || {_UTC_TEXT.format("o.placed_at")}
    || '|' || l.quantity || '|' || coalesce({_UTC_TEXT.format("o.cancelled_at")}, ''), chr(30)),
    NULL, NULL, NULL, NULL
FROM order_line l JOIN customer_order o ON o.order_id = l.order_id
WHERE l.customer_id = ANY(CAST(:customers AS text[])) {{lines}}
GROUP BY l.customer_id, l.sku
UNION ALL
SELECT 'r', rl.customer_id, rl.sku, r.order_id, rl.quantity::text, r.reason,
    {_UTC_TEXT.format("r.returned_at")}, {_UTC_TEXT.format("o.cancelled_at")}
FROM return_line rl JOIN order_return r ON r.return_id = rl.return_id
JOIN customer_order o ON o.order_id = r.order_id
WHERE rl.customer_id = ANY(CAST(:customers AS text[])) {{returns}}
UNION ALL
SELECT 'f', f.customer_id, f.sku, f.code, {_UTC_TEXT.format("f.suppress_until")},
    {_UTC_TEXT.format("f.check_as_of")}, NULL, NULL
FROM feedback f
WHERE f.customer_id = ANY(CAST(:customers AS text[])) AND f.suppress_until IS NOT NULL {{feedback}}
UNION ALL
SELECT 'k', f.customer_id, f.sku, {_UTC_TEXT.format("o.placed_at")},
    {_UTC_TEXT.format("o.cancelled_at")},
    {_UTC_TEXT.format(_FIRST_RETURN_OF_SKU)},
    NULL, NULL
FROM feedback f JOIN customer_order o ON o.order_id = f.order_id
WHERE f.customer_id = ANY(CAST(:customers AS text[])) AND f.code = 'DUPLICATE_ORDER'
    AND f.action = 'kept' {{feedback}}
UNION ALL
(SELECT DISTINCT ON (p.customer_id) 'p', p.customer_id, NULL, p.formats::text, p.sizes::text,
    p.avoid::text, NULL, NULL
 FROM preference_version p
 WHERE p.customer_id = ANY(CAST(:customers AS text[])) AND p.changed_at <= :now
 ORDER BY p.customer_id, p.changed_at DESC, p.id DESC)
UNION ALL
SELECT 'o', t.customer_id, NULL, {_UTC_TEXT.format("t.placed_at")},
    {_UTC_TEXT.format("t.cancelled_at")}, {_UTC_TEXT.format("r.returned_at")}, NULL, NULL
FROM unnest(CAST(:customers AS text[])) AS c(customer_id)
CROSS JOIN LATERAL (
    SELECT latest.*, lag(latest.placed_at) OVER (ORDER BY latest.placed_at) AS previous
    FROM (SELECT o.order_id, o.customer_id, o.placed_at, o.cancelled_at FROM customer_order o
          WHERE o.customer_id = c.customer_id AND o.placed_at <= :now
              AND (o.cancelled_at IS NULL OR o.cancelled_at > :now)
          ORDER BY o.placed_at DESC LIMIT {HABIT_HORIZON + 1}) latest) t
LEFT JOIN (SELECT order_id, min(returned_at) AS returned_at FROM order_return
           WHERE customer_id = ANY(CAST(:customers AS text[])) GROUP BY order_id) r
    ON r.order_id = t.order_id
WHERE t.previous IS NOT NULL AND t.placed_at - t.previous <= make_interval(secs => :window)"""
_BY_SKU = "AND {}.sku = ANY(CAST(:skus AS text[]))"
_ALL_POSTGRES_STATEMENTS = {
    False: text(_ALL_POSTGRES.format(lines="", returns="", feedback="")),
    True: text(_ALL_POSTGRES.format(lines=_BY_SKU.format("l"), returns=_BY_SKU.format("rl"),
                                    feedback=_BY_SKU.format("f"))),
}


async def _load_postgres(session: AsyncSession, customer_ids: Sequence[str],
                         skus: Collection[str] | None, *, now: datetime,
                         window: timedelta) -> dict[str, CustomerRecords]:
    params: dict[str, Any] = {"customers": list(customer_ids), "now": now,
                              "window": window.total_seconds()}
    if skus is not None:
        params["skus"] = list(skus)
    rows = (await session.execute(_ALL_POSTGRES_STATEMENTS[skus is not None], params)).all()
    lines: dict[str, dict[str, str]] = defaultdict(dict)
    returns: dict[str, dict[str, list[ReturnRecord]]] = defaultdict(lambda: defaultdict(list))
    feedback: dict[str, dict[str, list[FeedbackRecord]]] = defaultdict(lambda: defaultdict(list))
    stated: dict[str, StatedPreferences] = {}
    repeats: dict[str, list[RepeatOrderRecord]] = defaultdict(list)
    overrides: dict[str, dict[str, list[OverrideRecord]]] = defaultdict(lambda: defaultdict(list))
    for n, (kind, customer, sku, a, b, c, d, e) in enumerate(rows):
        if n % _ROWS_PER_TURN == _ROWS_PER_TURN - 1:
            await asyncio.sleep(0)  # a warm-up's long read holds up no check for long
        if kind == "l":
            lines[customer][sku] = a
        elif kind == "r":
            returns[customer][sku].append((a, int(b), c, _utc(d), _utc(e) if e else None))
        elif kind == "f":
            feedback[customer][sku].append((a, _utc(b), _utc(c)))
        elif kind == "o":
            repeats[customer].append((_utc(a), _utc_or_none(b), _utc_or_none(c)))
        elif kind == "k":
            overrides[customer][sku].append((_utc(a), _utc_or_none(b), _utc_or_none(c)))
        else:
            stated[customer] = StatedPreferences(
                formats=tuple(orjson.loads(a)), sizes=dict(orjson.loads(b)),
                avoid=frozenset(orjson.loads(c)))
    return {
        customer: CustomerRecords(
            lines=FoldedLines(lines.get(customer, {})),
            returns={sku: tuple(rows) for sku, rows in returns.get(customer, {}).items()},
            feedback={sku: tuple(rows) for sku, rows in feedback.get(customer, {}).items()},
            preferences=stated.get(customer, StatedPreferences()),
            repeat_orders=RepeatOrders.of(repeats.get(customer, ())),
            overrides={sku: tuple(rows) for sku, rows in overrides.get(customer, {}).items()},
        )
        for customer in customer_ids
    }


def _utc(value: datetime | str) -> datetime:
    """PostgreSQL gives aware datetimes; SQLite and folded lines give naive UTC text."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _utc_or_none(value: datetime | str | None) -> datetime | None:
    return None if value is None else _utc(value)


def history_at(records: CustomerRecords, skus: Iterable[str], now: datetime) -> History:
    """The `History` of these skus as it stood at `now`: what `load_history` would read."""
    purchases: list[Purchase] = []
    events: list[ReturnEvent] = []
    suppressions: dict[tuple[str, str], datetime] = {}
    routine: dict[str, int] = {}
    for sku in skus:
        if sku in records.overrides and (count := routine_count(records.overrides[sku], now)):
            routine[sku] = count
        returned: dict[str, int] = defaultdict(int)
        for order_id, quantity, reason, at, cancelled_at in records.returns.get(sku, ()):
            if at <= now and (cancelled_at is None or cancelled_at > now):
                events.append(ReturnEvent(order_id, sku, quantity, reason, at))
                returned[order_id] += quantity
        for order_id, placed_at, quantity, cancelled_at in records.lines.get(sku, ()):
            if placed_at <= now and (cancelled_at is None or cancelled_at > now):
                purchases.append(Purchase(order_id, sku, placed_at, quantity,
                                          min(returned.get(order_id, 0), quantity)))
        for code, until, as_of in records.feedback.get(sku, ()):
            if until > now and as_of <= now:
                key = (sku, code)
                if key not in suppressions or suppressions[key] < until:
                    suppressions[key] = until
    return History(purchases=tuple(purchases), returns=tuple(events),
                   preferences=records.preferences, suppressions=suppressions,
                   kept_repeat_orders=records.repeat_orders.kept_by(now),
                   routine=routine)


def routine_count(overrides: Iterable[OverrideRecord], now: datetime) -> int:
    """Times the customer bought the sku anyway despite DUPLICATE_ORDER and kept it a week,
    known by `now`, since the last time they regretted it (gave it back within the week)."""
    count = 0
    for placed_at, cancelled_at, returned_at in sorted(overrides, key=lambda o: o[0]):
        if placed_at > now:
            continue
        settled = placed_at + KEPT_AFTER
        undone = min((at for at in (cancelled_at, returned_at) if at is not None and at <= now),
                     default=None)
        if undone is not None and undone <= settled:
            count = 0  # regretted: the warning was right
        elif undone is None and settled <= now:
            count += 1
    return count
