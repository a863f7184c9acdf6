"""The frozen facts a check is decided from: what we know of the customer and the catalog.

Plain data, no I/O: the service loads it once per check, the rules only read it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from app.checks.codes import WarningCode as WarningCode  # re-exported: the rules' one import of it


class Severity(StrEnum):
    info = "info"
    confirm = "confirm"
    block = "block"


SEVERITY_RANK = {Severity.info: 1, Severity.confirm: 2, Severity.block: 3}


@dataclass(frozen=True, slots=True)
class ProductFacts:
    sku: str
    title: str
    kind: str | None = None
    work_id: str | None = None
    format: str | None = None
    category: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)
    provides: tuple[str, ...] = ()
    requires_any: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    included_in: tuple[str, ...] = ()
    superseded_by: str | None = None
    replenish_days: int | None = None
    duration_days: int | None = None
    active: bool = True

    @property
    def size(self) -> str | None:
        return self.attributes.get("size")

    @property
    def is_service(self) -> bool:
        """Postage, fees, gift wrap: never warned as a repeat, as owned or twice in a cart."""
        return self.kind == "service"


@dataclass(frozen=True, slots=True)
class Purchase:
    """One sku of one order that counts (placed, not cancelled), with what came back of it."""

    order_id: str
    sku: str
    at: datetime
    quantity: int
    returned: int = 0

    @property
    def kept(self) -> int:
        return max(self.quantity - self.returned, 0)


@dataclass(frozen=True, slots=True)
class ReturnEvent:
    order_id: str
    sku: str
    quantity: int
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StatedPreferences:
    formats: tuple[str, ...] = ()
    sizes: Mapping[str, str] = field(default_factory=dict)
    avoid: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class History:
    """What the customer did up to the check's instant: orders, returns, words, feedback."""

    purchases: tuple[Purchase, ...] = ()
    returns: tuple[ReturnEvent, ...] = ()
    preferences: StatedPreferences = StatedPreferences()
    # (sku, code) -> the instant a kept warning may be raised again
    suppressions: Mapping[tuple[str, str], datetime] = field(default_factory=dict)
    # Orders placed within the duplicate window after another order and kept for a week
    # since: how often this customer re-orders on purpose.
    kept_repeat_orders: int = 0
    # sku -> times DUPLICATE_ORDER was overridden and the purchase kept (the routine rule)
    routine: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Catalog:
    """The products a check may need: the cart's, the customer's and their relatives."""

    products: Mapping[str, ProductFacts] = field(default_factory=dict)
    by_work: Mapping[str, tuple[ProductFacts, ...]] = field(default_factory=dict)
    by_category: Mapping[str, tuple[ProductFacts, ...]] = field(default_factory=dict)

    def get(self, sku: str) -> ProductFacts | None:
        return self.products.get(sku)


@dataclass(frozen=True, slots=True)
class CartLine:
    index: int
    sku: str
    quantity: int = 1
    gift: bool = False


@dataclass(frozen=True, slots=True)
class Thresholds:
    duplicate_window: timedelta = timedelta(hours=24)
    # DUPLICATE_ORDER is `info` for a customer with this many kept repeat orders (0: never).
    habit_after: int = 8
    # A cart repeats an order when this share of its lines (and two or more) are in it.
    repeat_order_share: float = 0.8
    # DUPLICATE_ORDER is `info` for a sku the customer overrode it for this often (0: never).
    routine_after: int = 2


# The re-ordering habit is read from the customer's latest orders only: what they do now, at
# a cost that does not grow with a long history.
HABIT_HORIZON = 200
# A repeat order counts as kept once this long has passed without a cancellation or return.
KEPT_AFTER = timedelta(days=7)
# Same quantity again this soon is a double click, whatever the customer's habits.
DOUBLE_CLICK = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Suggestion:
    action: str
    message: str
    sku: str | None = None


@dataclass(frozen=True, slots=True)
class RepeatedOrder:
    """The recent order most of the cart repeats: one question instead of one per line."""

    order_id: str
    placed_at: datetime
    matched_lines: int
    message: str


@dataclass(frozen=True, slots=True)
class CartWarning:
    code: WarningCode
    severity: Severity
    sku: str
    message: str
    evidence: tuple[Mapping[str, Any], ...] = ()
    suggestion: Suggestion | None = None
