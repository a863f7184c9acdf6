"""What the replay has recorded of each customer, in the shapes the check engine reads.

The replay records every order and return as it walks the file, the way the service would
have recorded them, and hands the engine the same `CustomerRecords` the service reads from
its database. Order lines are packed as (order number, quantity) pairs of machine integers,
16 bytes a line, and unpacked only for the skus a cart asks about. A return line goes back
against the customer's most recent earlier order of that sku with quantity left, as
`import orders` matches them.
"""

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise

from app.checks.facts import HABIT_HORIZON
from app.checks.records import (
    CustomerRecords,
    LineRecord,
    OverrideRecord,
    RepeatOrders,
    ReturnRecord,
)

RETURN_REASON = "other"  # what `import orders` records for a return invoice


@dataclass(slots=True)
class Order:
    order_id: str
    placed_at: datetime
    first_return: datetime | None = None


class PackedLines(Mapping[str, tuple[LineRecord, ...]]):
    """sku -> the customer's lines of it, oldest first, as `records.LineRecord`s."""

    def __init__(self, orders: list[Order]) -> None:
        self._orders = orders
        self._packed: dict[str, array[int]] = {}

    def add(self, sku: str, order_number: int, quantity: int) -> None:
        packed = self._packed.get(sku)
        if packed is None:
            packed = self._packed[sku] = array("q")
        packed.extend((order_number, quantity))

    def newest_first(self, sku: str) -> Iterator[tuple[Order, int]]:
        packed = self._packed.get(sku, ())
        for i in range(len(packed) - 2, -1, -2):
            yield self._orders[packed[i]], packed[i + 1]

    def __getitem__(self, sku: str) -> tuple[LineRecord, ...]:
        packed = self._packed[sku]
        orders = self._orders
        return tuple((orders[packed[i]].order_id, orders[packed[i]].placed_at, packed[i + 1], None)
                     for i in range(0, len(packed), 2))

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


class Overrides(Mapping[str, tuple[OverrideRecord, ...]]):
    """sku -> the orders that bought it anyway despite DUPLICATE_ORDER, as the engine reads
    them (`records.OverrideRecord`), from what the replay holds now."""

    def __init__(self, shopper: "Shopper") -> None:
        self._shopper = shopper

    def __getitem__(self, sku: str) -> tuple[OverrideRecord, ...]:
        shopper = self._shopper
        return tuple((order.placed_at, None, shopper.first_return(sku, order.order_id))
                     for order in (shopper.orders[n] for n in shopper.kept_anyway[sku]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._shopper.kept_anyway)

    def __len__(self) -> int:
        return len(self._shopper.kept_anyway)


@dataclass
class Shopper:
    orders: list[Order] = field(default_factory=list)
    lines: PackedLines = field(init=False)
    returns: dict[str, list[ReturnRecord]] = field(default_factory=dict)
    # sku -> numbers of the orders that bought it despite DUPLICATE_ORDER (each order follows
    # its own check in the replay, so every warning of it was kept)
    kept_anyway: dict[str, list[int]] = field(default_factory=dict)
    # (order_id, sku) a return gave back exactly, for the backtest's outcomes
    undone: set[tuple[str, str]] = field(default_factory=set)
    _repeats: dict[timedelta, RepeatOrders] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lines = PackedLines(self.orders)

    def records(self, window: timedelta) -> CustomerRecords:
        repeats = self._repeats.get(window)
        if repeats is None:
            repeats = self._repeats[window] = RepeatOrders.of(
                (order.placed_at, None, order.first_return)
                for previous, order in pairwise(self.orders[-HABIT_HORIZON - 1:])
                if order.placed_at - previous.placed_at <= window
            )
        return CustomerRecords(lines=self.lines, returns=self.returns, repeat_orders=repeats,
                               overrides=Overrides(self))

    def bought_anyway(self, sku: str) -> None:
        """The order about to be recorded buys `sku` despite a DUPLICATE_ORDER warning."""
        self.kept_anyway.setdefault(sku, []).append(len(self.orders))

    def first_return(self, sku: str, order_id: str) -> datetime | None:
        return min((r[3] for r in self.returns.get(sku, ()) if r[0] == order_id), default=None)

    def last_bought_before(self, sku: str, at: datetime) -> datetime | None:
        """When `sku` was last bought strictly before `at`."""
        for order, _ in self.lines.newest_first(sku):
            if order.placed_at < at:
                return order.placed_at
        return None

    def undo_exactly(self, sku: str, quantity: int, at: datetime,
                     within: timedelta) -> str | None:
        """The order whose line of `sku` this return gives back exactly: the latest of that
        quantity placed by `at` and at most `within` before it, not given back already."""
        for order, bought in self.lines.newest_first(sku):
            if at - order.placed_at > within:
                return None
            key = (order.order_id, sku)
            if order.placed_at <= at and bought == quantity and key not in self.undone:
                self.undone.add(key)
                return order.order_id
        return None

    def record_order(self, order_id: str, placed_at: datetime,
                     lines: list[tuple[str, int]]) -> None:
        folded: dict[str, int] = {}
        for sku, quantity in lines:
            folded[sku] = folded.get(sku, 0) + quantity
        number = len(self.orders)
        self.orders.append(Order(order_id, placed_at))
        for sku, quantity in folded.items():
            self.lines.add(sku, number, quantity)
        self._repeats.clear()

    def record_return(self, returned_at: datetime, sku: str, quantity: int) -> int:
        """Matches the line to earlier purchases; how much of it none explains."""
        left = quantity
        returns = self.returns.setdefault(sku, [])
        for order, bought in self.lines.newest_first(sku):
            if left == 0:
                break
            given = sum(r[1] for r in returns if r[0] == order.order_id)
            if order.placed_at > returned_at or given >= bought:
                continue
            taken = min(left, bought - given)
            left -= taken
            returns.append((order.order_id, taken, RETURN_REASON, returned_at, None))
            if order.first_return is None or returned_at < order.first_return:
                order.first_return = returned_at
                self._repeats.clear()
        return left
