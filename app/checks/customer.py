"""What a customer's history means at one instant: owned items, subscriptions, tags, sizes.

Derived once per check from `History` and `Catalog`; every rule reads the result.
"""

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.checks.facts import Catalog, History, ProductFacts, Purchase, ReturnEvent, Thresholds


@dataclass(frozen=True, slots=True)
class Owned:
    sku: str
    quantity: int
    purchases: tuple[Purchase, ...]  # kept purchases, oldest first

    @property
    def first(self) -> Purchase:
        return self.purchases[0]

    @property
    def last(self) -> Purchase:
        return self.purchases[-1]


@dataclass(frozen=True, slots=True)
class ActiveSubscription:
    product: ProductFacts
    purchase: Purchase
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class TagSource:
    """Why the customer has a tag: the product that provides it and how they got it."""

    tag: str
    product: ProductFacts
    purchase: Purchase


@dataclass(frozen=True, slots=True)
class LearnedSize:
    size: str
    purchases: tuple[Purchase, ...]


@dataclass(frozen=True, slots=True)
class CustomerView:
    now: datetime
    owned: Mapping[str, Owned] = field(default_factory=dict)
    # sku -> purchases within the duplicate window, newest first
    recent: Mapping[str, tuple[Purchase, ...]] = field(default_factory=dict)
    # sku -> returns, newest first
    returns: Mapping[str, tuple[ReturnEvent, ...]] = field(default_factory=dict)
    subscriptions: tuple[ActiveSubscription, ...] = ()
    tags: Mapping[str, tuple[TagSource, ...]] = field(default_factory=dict)
    stated_sizes: Mapping[str, str] = field(default_factory=dict)
    learned_sizes: Mapping[str, LearnedSize] = field(default_factory=dict)
    formats: tuple[str, ...] = ()
    avoid: frozenset[str] = frozenset()
    suppressions: Mapping[tuple[str, str], datetime] = field(default_factory=dict)

    def owns(self, sku: str) -> bool:
        return sku in self.owned

    def tags_of_kind(self, kind: str) -> list[TagSource]:
        return [s for tag, sources in self.tags.items() if tag_kind(tag) == kind for s in sources]

    def is_suppressed(self, sku: str, code: str) -> bool:
        until = self.suppressions.get((sku, code))
        return until is not None and self.now < until


def tag_kind(tag: str) -> str:
    """`printer:oj-8010` is of kind `printer`; a tag without a colon is its own kind."""
    return tag.split(":", 1)[0]


def size_key(size: str) -> str:
    return size.strip().casefold()


def build_view(
    history: History, catalog: Catalog, *, now: datetime, thresholds: Thresholds
) -> CustomerView:
    kept_by_sku: dict[str, list[Purchase]] = defaultdict(list)
    recent: dict[str, list[Purchase]] = defaultdict(list)
    window_start = now - thresholds.duplicate_window
    for purchase in sorted(history.purchases, key=lambda p: (p.at, p.order_id)):
        if purchase.kept > 0 and purchase.at <= now:
            kept_by_sku[purchase.sku].append(purchase)
            if window_start <= purchase.at <= now:
                recent[purchase.sku].append(purchase)
    owned = {
        sku: Owned(sku, sum(p.kept for p in purchases), tuple(purchases))
        for sku, purchases in kept_by_sku.items()
    }
    returns: dict[str, list[ReturnEvent]] = defaultdict(list)
    for event in sorted(history.returns, key=lambda r: r.at, reverse=True):
        if event.at <= now:
            returns[event.sku].append(event)

    subscriptions = _active_subscriptions(owned, catalog, now)
    return CustomerView(
        now=now,
        owned=owned,
        recent={sku: tuple(reversed(ps)) for sku, ps in recent.items()},
        returns={sku: tuple(rs) for sku, rs in returns.items()},
        subscriptions=subscriptions,
        tags=_provided_tags(owned, subscriptions, catalog),
        stated_sizes={cat: size for cat, size in history.preferences.sizes.items()},
        learned_sizes=_learned_sizes(owned, catalog),
        formats=history.preferences.formats,
        avoid=history.preferences.avoid,
        suppressions=history.suppressions,
    )


def _active_subscriptions(
    owned: Mapping[str, Owned], catalog: Catalog, now: datetime
) -> tuple[ActiveSubscription, ...]:
    active = []
    for sku, item in owned.items():
        product = catalog.get(sku)
        if product is None or product.kind != "subscription" or not product.duration_days:
            continue
        latest = item.last
        ends_at = latest.at + timedelta(days=product.duration_days)
        if now < ends_at:
            active.append(ActiveSubscription(product, latest, ends_at))
    return tuple(sorted(active, key=lambda s: s.product.sku))


def _provided_tags(
    owned: Mapping[str, Owned],
    subscriptions: tuple[ActiveSubscription, ...],
    catalog: Catalog,
) -> dict[str, tuple[TagSource, ...]]:
    sources: dict[str, list[TagSource]] = defaultdict(list)
    for sku, item in owned.items():
        product = catalog.get(sku)
        # A subscription provides its tags only while it runs (added below).
        if product is None or product.kind == "subscription":
            continue
        for tag in product.provides:
            sources[tag].append(TagSource(tag, product, item.last))
    for sub in subscriptions:
        for tag in sub.product.provides:
            sources[tag].append(TagSource(tag, sub.product, sub.purchase))
    return {tag: tuple(s) for tag, s in sources.items()}


def _learned_sizes(owned: Mapping[str, Owned], catalog: Catalog) -> dict[str, LearnedSize]:
    """A size per category, once two or more kept purchases agree on it and none tie."""
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[tuple[str, str], list[Purchase]] = defaultdict(list)
    shown: dict[tuple[str, str], str] = {}
    for sku, item in owned.items():
        product = catalog.get(sku)
        if product is None or not product.category or not product.size:
            continue
        key = (product.category, size_key(product.size))
        shown.setdefault(key, product.size)
        by_category[product.category][key[1]] += len(item.purchases)
        evidence[key].extend(item.purchases)
    learned = {}
    for category, counts in by_category.items():
        ranked = counts.most_common(2)
        (size, count) = ranked[0]
        if count >= 2 and (len(ranked) == 1 or ranked[1][1] < count):
            purchases = sorted(evidence[(category, size)], key=lambda p: p.at)
            learned[category] = LearnedSize(shown[(category, size)], tuple(purchases))
    return learned
