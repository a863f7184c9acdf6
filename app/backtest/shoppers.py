"""What the replay has recorded of each customer, in the shapes the check engine reads.

The replay records every order and return as it walks the file, the way the service would
have recorded them, and hands the engine the same `CustomerRecords` the service reads from
its database. A return line goes back against the customer's most recent earlier order of
that sku with quantity left, as `import orders` matches them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.checks.records import CustomerRecords, LineRecord, RepeatOrderRecord, ReturnRecord

RETURN_REASON = "other"  # what `import orders` records for a return invoice


@dataclass
class Order:
    order_id: str
    placed_at: datetime
    first_return: datetime | None = None


@dataclass
class Shopper:
    lines: dict[str, list[LineRecord]] = field(default_factory=lambda: defaultdict(list))
    returns: dict[str, list[ReturnRecord]] = field(default_factory=lambda: defaultdict(list))
    orders: list[Order] = field(default_factory=list)
    by_id: dict[str, Order] = field(default_factory=dict)
    # (order_id, sku) -> quantity not yet returned
    returnable: dict[tuple[str, str], int] = field(default_factory=dict)
    # (order_id, sku) a return gave back exactly, for the backtest's outcomes
    undone: set[tuple[str, str]] = field(default_factory=set)
    _repeats: dict[timedelta, tuple[RepeatOrderRecord, ...]] = field(default_factory=dict)

    def records(self, window: timedelta) -> CustomerRecords:
        repeats = self._repeats.get(window)
        if repeats is None:
            repeats = self._repeats[window] = tuple(
                (order.placed_at, None, order.first_return)
                for previous, order in zip(self.orders, self.orders[1:])
                if order.placed_at - previous.placed_at <= window
            )
        return CustomerRecords(lines=self.lines, returns=self.returns, repeat_orders=repeats)

    def last_bought_before(self, sku: str, at: datetime) -> LineRecord | None:
        """The latest purchase of `sku` placed strictly before `at`."""
        for line in reversed(self.lines.get(sku, ())):
            if line[1] < at:
                return line
        return None

    def undo_exactly(self, sku: str, quantity: int, at: datetime,
                     within: timedelta) -> str | None:
        """The order whose line of `sku` this return gives back exactly: the latest of that
        quantity placed by `at` and at most `within` before it, not given back already."""
        for order_id, placed_at, bought, _ in reversed(self.lines.get(sku, ())):
            if at - placed_at > within:
                return None
            if placed_at <= at and bought == quantity and (order_id, sku) not in self.undone:
                self.undone.add((order_id, sku))
                return order_id
        return None

    def record_order(self, order_id: str, placed_at: datetime,
                     lines: list[tuple[str, int]]) -> None:
        folded: dict[str, int] = {}
        for sku, quantity in lines:
            folded[sku] = folded.get(sku, 0) + quantity
        for sku, quantity in folded.items():
            self.lines[sku].append((order_id, placed_at, quantity, None))
            self.returnable[(order_id, sku)] = quantity
        order = self.by_id[order_id] = Order(order_id, placed_at)
        self.orders.append(order)
        self._repeats.clear()

    def record_return(self, returned_at: datetime, sku: str, quantity: int) -> int:
        """Matches the line to earlier purchases; how much of it none explains."""
        left = quantity
        for order_id, placed_at, _, _ in reversed(self.lines.get(sku, ())):
            if left == 0:
                break
            available = self.returnable.get((order_id, sku), 0)
            if placed_at > returned_at or available == 0:
                continue
            taken = min(left, available)
            self.returnable[(order_id, sku)] = available - taken
            left -= taken
            self.returns[sku].append((order_id, taken, RETURN_REASON, returned_at, None))
            order = self.by_id[order_id]
            if order.first_return is None or returned_at < order.first_return:
                order.first_return = returned_at
                self._repeats.clear()
        return left
