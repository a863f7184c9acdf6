"""What a customer's history means: owned items, subscriptions, tags, sizes.

`build_basis` derives what does not depend on the instant; `view_at` adds what does.
A check builds both from the records of the skus its cart can touch, not the whole history.
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
    kept_repeat_orders: int = 0
    routine: Mapping[str, int] = field(default_factory=dict)

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


@dataclass(frozen=True, slots=True)
class CustomerBasis:
    """What the history up to `built_at` means, whatever the instant of the check."""

    built_at: datetime
    owned: Mapping[str, Owned] = field(default_factory=dict)
    kept_newest_first: tuple[Purchase, ...] = ()
    returns: Mapping[str, tuple[ReturnEvent, ...]] = field(default_factory=dict)
    # Subscriptions the customer bought, with the purchase that keeps each running.
    subscription_purchases: tuple[tuple[ProductFacts, Purchase], ...] = ()
    # Tags of owned things; subscriptions add theirs only while they run.
    owned_tags: Mapping[str, tuple[TagSource, ...]] = field(default_factory=dict)
    stated_sizes: Mapping[str, str] = field(default_factory=dict)
    learned_sizes: Mapping[str, LearnedSize] = field(default_factory=dict)
    formats: tuple[str, ...] = ()
    avoid: frozenset[str] = frozenset()
    suppressions: Mapping[tuple[str, str], datetime] = field(default_factory=dict)
    kept_repeat_orders: int = 0
    routine: Mapping[str, int] = field(default_factory=dict)


def build_basis(history: History, catalog: Catalog, *, at: datetime) -> CustomerBasis:
    kept_by_sku: dict[str, list[Purchase]] = defaultdict(list)
    for purchase in sorted(history.purchases, key=lambda p: (p.at, p.order_id)):
        if purchase.kept > 0 and purchase.at <= at:
            kept_by_sku[purchase.sku].append(purchase)
    owned = {
        sku: Owned(sku, sum(p.kept for p in purchases), tuple(purchases))
        for sku, purchases in kept_by_sku.items()
    }
    returns: dict[str, list[ReturnEvent]] = defaultdict(list)
    for event in sorted(history.returns, key=lambda r: r.at, reverse=True):
        if event.at <= at:
            returns[event.sku].append(event)
    return CustomerBasis(
        built_at=at,
        owned=owned,
        kept_newest_first=tuple(sorted(
            (p for item in owned.values() for p in item.purchases),
            key=lambda p: (p.at, p.order_id), reverse=True,
        )),
        returns={sku: tuple(rs) for sku, rs in returns.items()},
        subscription_purchases=_subscription_purchases(owned, catalog),
        owned_tags=_owned_tags(owned, catalog),
        stated_sizes=dict(history.preferences.sizes),
        learned_sizes=_learned_sizes(owned, catalog),
        formats=history.preferences.formats,
        avoid=history.preferences.avoid,
        suppressions=history.suppressions,
        kept_repeat_orders=history.kept_repeat_orders,
        routine=history.routine,
    )


def view_at(basis: CustomerBasis, *, now: datetime, thresholds: Thresholds) -> CustomerView:
    """The basis at one instant: what was bought lately and which subscriptions still run."""
    window_start = now - thresholds.duplicate_window
    recent: dict[str, list[Purchase]] = defaultdict(list)
    for purchase in basis.kept_newest_first:
        if purchase.at < window_start:
            break
        if purchase.at <= now:
            recent[purchase.sku].append(purchase)
    subscriptions = tuple(
        ActiveSubscription(product, purchase, ends_at)
        for product, purchase in basis.subscription_purchases
        if now < (ends_at := purchase.at + timedelta(days=product.duration_days or 0))
    )
    tags: dict[str, list[TagSource]] = defaultdict(list)
    for tag, sources in basis.owned_tags.items():
        tags[tag].extend(sources)
    for sub in subscriptions:
        for tag in sub.product.provides:
            tags[tag].append(TagSource(tag, sub.product, sub.purchase))
    return CustomerView(
        now=now,
        owned=basis.owned,
        recent={sku: tuple(ps) for sku, ps in recent.items()},
        returns=basis.returns,
        subscriptions=subscriptions,
        tags={tag: tuple(s) for tag, s in tags.items()},
        stated_sizes=basis.stated_sizes,
        learned_sizes=basis.learned_sizes,
        formats=basis.formats,
        avoid=basis.avoid,
        suppressions=basis.suppressions,
        kept_repeat_orders=basis.kept_repeat_orders,
        routine=basis.routine,
    )


def build_view(
    history: History, catalog: Catalog, *, now: datetime, thresholds: Thresholds
) -> CustomerView:
    return view_at(build_basis(history, catalog, at=now), now=now, thresholds=thresholds)


def _subscription_purchases(
    owned: Mapping[str, Owned], catalog: Catalog
) -> tuple[tuple[ProductFacts, Purchase], ...]:
    found = []
    for sku, item in owned.items():
        product = catalog.get(sku)
        if product is not None and product.kind == "subscription" and product.duration_days:
            found.append((product, item.last))
    return tuple(sorted(found, key=lambda pair: pair[0].sku))


def _owned_tags(owned: Mapping[str, Owned], catalog: Catalog) -> dict[str, tuple[TagSource, ...]]:
    sources: dict[str, list[TagSource]] = defaultdict(list)
    for sku, item in owned.items():
        product = catalog.get(sku)
        if product is None or product.kind == "subscription":
            continue
        for tag in product.provides:
            sources[tag].append(TagSource(tag, product, item.last))
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
            purchases = sorted(evidence[(category, size)], key=lambda p: (p.at, p.order_id, p.sku))
            learned[category] = LearnedSize(shown[(category, size)], tuple(purchases))
    return learned
