"""What later became of each checked order: the history's own word on whether a warning helped.

Each order follows its own check, so every warning of it was kept (the order bought the
warned sku); a kept warning whose sku that order gives back within 7 days was regretted.

A purchase line is a *repeat* when the same customer bought the same sku at a strictly
earlier time within the previous 24 hours, and a *likely double* when, besides, a return
(cancellation) invoice of that customer within the next 7 days gives back exactly that
quantity of that sku. Each returned line undoes one purchase: the latest of that sku and
quantity before it, within the 7 days, not undone already. An order is a likely double
order when it has a likely double line on a sku that is not a service. A checked order is
settled once its 7 days have passed (or the file ends): then it is counted, and dropped.
"""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

REPEAT_WITHIN = timedelta(hours=24)
UNDONE_WITHIN = timedelta(days=7)


@dataclass
class RepeatLine:
    sku: str
    quantity: int
    service: bool
    # A confirm or block warning on this line's sku, in the check as answered, and under
    # each duplicate window of the curve.
    interrupted: bool
    interrupted_at: dict[float, bool] = field(default_factory=dict)
    interrupted_without_routine: bool = False
    double: bool = False


@dataclass
class CheckedOrder:
    order_id: str
    customer_id: str
    placed_at: datetime
    answer: dict[str, Any]
    interrupted: bool
    repeat_lines: list[RepeatLine]
    interrupted_at: dict[float, bool] = field(default_factory=dict)
    interrupted_without_routine: bool = False
    # (sku, code) of kept warnings the customer gave back within 7 days: set when settled
    regretted: set[tuple[str, str]] = field(default_factory=set)

    @property
    def goods_repeats(self) -> list[RepeatLine]:
        return [line for line in self.repeat_lines if not line.service]

    @property
    def likely_double(self) -> bool:
        return any(line.double for line in self.goods_repeats)


class Outcomes:
    """Checked orders with a repeat, waiting the 7 days that tell what became of them."""

    def __init__(self, settle: Callable[[CheckedOrder], None]) -> None:
        self._settle = settle
        self._waiting: deque[CheckedOrder] = deque()
        self._by_customer: dict[str, list[CheckedOrder]] = {}

    def add(self, checked: CheckedOrder) -> None:
        if not checked.repeat_lines and not checked.answer["warnings"]:
            self._settle(checked)
            return
        self._waiting.append(checked)
        self._by_customer.setdefault(checked.customer_id, []).append(checked)

    def undone(self, customer_id: str, order_id: str, sku: str) -> None:
        """A return gave back this order's whole line of `sku`: if it was a repeat, it was
        likely a double."""
        for checked in self._by_customer.get(customer_id, ()):
            if checked.order_id == order_id:
                for line in checked.repeat_lines:
                    if line.sku == sku:
                        line.double = True

    def advance(self, now: datetime) -> None:
        while self._waiting and self._waiting[0].placed_at + UNDONE_WITHIN < now:
            self._finish(self._waiting.popleft())

    def close(self) -> None:
        while self._waiting:
            self._finish(self._waiting.popleft())

    def _finish(self, checked: CheckedOrder) -> None:
        mine = self._by_customer[checked.customer_id]
        mine.remove(checked)
        if not mine:
            del self._by_customer[checked.customer_id]
        self._settle(checked)
