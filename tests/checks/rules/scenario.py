"""Builds the frozen facts a rule reads, from a few readable lines per test."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.checks.customer import build_view
from app.checks.facts import (
    CartLine,
    CartWarning,
    Catalog,
    History,
    ProductFacts,
    Purchase,
    ReturnEvent,
    StatedPreferences,
    Thresholds,
)
from app.checks.rules import Assessment, Context, assess

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def product(sku: str, **fields: Any) -> ProductFacts:
    for name in ("provides", "requires_any", "contains", "included_in"):
        if name in fields:
            fields[name] = tuple(fields[name])
    return ProductFacts(sku=sku, title=fields.pop("title", sku.replace("-", " ")), **fields)


@dataclass
class Scenario:
    products: list[ProductFacts] = field(default_factory=list)
    purchases: list[Purchase] = field(default_factory=list)
    returns: list[ReturnEvent] = field(default_factory=list)
    formats: tuple[str, ...] = ()
    sizes: dict[str, str] = field(default_factory=dict)
    avoid: frozenset[str] = frozenset()
    suppressions: dict[tuple[str, str], datetime] = field(default_factory=dict)
    now: datetime = NOW
    window: timedelta = timedelta(hours=24)
    kept_repeat_orders: int = 0
    habit_after: int = Thresholds().habit_after

    def bought(self, sku: str, at: datetime, *, order_id: str | None = None,
               quantity: int = 1, returned: int = 0) -> "Scenario":
        order_id = order_id or f"o-{len(self.purchases) + 1}"
        self.purchases.append(Purchase(order_id, sku, at, quantity, returned))
        return self

    def returned(self, sku: str, at: datetime, reason: str, *, order_id: str) -> "Scenario":
        index = next(i for i, p in enumerate(self.purchases)
                     if p.order_id == order_id and p.sku == sku)
        p = self.purchases[index]
        self.purchases[index] = Purchase(p.order_id, p.sku, p.at, p.quantity, p.returned + 1)
        self.returns.append(ReturnEvent(order_id, sku, 1, reason, at))
        return self

    def catalog(self) -> Catalog:
        by_work: dict[str, list[ProductFacts]] = defaultdict(list)
        by_category: dict[str, list[ProductFacts]] = defaultdict(list)
        for p in self.products:
            if p.work_id:
                by_work[p.work_id].append(p)
            if p.category and p.active:
                by_category[p.category].append(p)
        return Catalog(
            products={p.sku: p for p in self.products},
            by_work={k: tuple(v) for k, v in by_work.items()},
            by_category={k: tuple(v) for k, v in by_category.items()},
        )

    def run(self, cart: Iterable[str | tuple[str, dict[str, Any]]]) -> list[CartWarning]:
        return self.assess(cart).warnings

    def assess(self, cart: Iterable[str | tuple[str, dict[str, Any]]]) -> Assessment:
        lines = []
        for index, item in enumerate(cart):
            sku, extra = (item, {}) if isinstance(item, str) else item
            lines.append(CartLine(index, sku, extra.get("quantity", 1), extra.get("gift", False)))
        history = History(
            purchases=tuple(self.purchases),
            returns=tuple(self.returns),
            preferences=StatedPreferences(self.formats, self.sizes, self.avoid),
            suppressions=self.suppressions,
            kept_repeat_orders=self.kept_repeat_orders,
        )
        catalog = self.catalog()
        thresholds = Thresholds(duplicate_window=self.window, habit_after=self.habit_after)
        view = build_view(history, catalog, now=self.now, thresholds=thresholds)
        return assess(Context(customer=view, catalog=catalog, cart=tuple(lines), now=self.now,
                              thresholds=thresholds))


def codes(warnings: list[CartWarning]) -> list[tuple[str, str]]:
    return [(w.sku, w.code.value) for w in warnings]
