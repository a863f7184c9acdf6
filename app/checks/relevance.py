"""Which of a customer's skus can matter to a cart: the cart's own, their relatives, and
the products that give the customer traits the cart's rules ask about.

A check reads the customer's records of these skus only, so its cost follows the cart
and the catalog around it, never the length of the history.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.checks.customer import tag_kind
from app.checks.facts import Catalog, ProductFacts


@dataclass(frozen=True, slots=True)
class TraitIndex:
    """Products that give their owner a trait, by what a cart may ask of the customer."""

    products: dict[str, ProductFacts] = field(default_factory=dict)
    # Devices and subscriptions, by the tags they provide and by those tags' kinds.
    providers_by_tag: dict[str, frozenset[str]] = field(default_factory=dict)
    providers_by_kind: dict[str, frozenset[str]] = field(default_factory=dict)
    # Products with a size, by category: what a learned size is learned from.
    sized_by_category: dict[str, frozenset[str]] = field(default_factory=dict)


def index_traits(products: Iterable[ProductFacts]) -> TraitIndex:
    kept: dict[str, ProductFacts] = {}
    by_tag: dict[str, set[str]] = defaultdict(set)
    by_kind: dict[str, set[str]] = defaultdict(set)
    sized: dict[str, set[str]] = defaultdict(set)
    for product in products:
        for tag in product.provides:
            by_tag[tag].add(product.sku)
            by_kind[tag_kind(tag)].add(product.sku)
        if product.category and product.size:
            sized[product.category].add(product.sku)
        if product.provides or product.kind == "subscription" or (
                product.category and product.size):
            kept[product.sku] = product
    return TraitIndex(
        products=kept,
        providers_by_tag={k: frozenset(v) for k, v in by_tag.items()},
        providers_by_kind={k: frozenset(v) for k, v in by_kind.items()},
        sized_by_category={k: frozenset(v) for k, v in sized.items()},
    )


def relevant_skus(cart_skus: Sequence[str], catalog: Catalog, traits: TraitIndex) -> set[str]:
    """Every sku whose records a rule may read for this cart (see `app/checks/rules`)."""
    skus = set(cart_skus)
    kinds: set[str] = set()
    for sku in cart_skus:
        product = catalog.get(sku)
        if product is None:
            continue
        if product.work_id:  # other formats, editions and sizes
            skus.update(p.sku for p in catalog.by_work.get(product.work_id, ()))
        if product.superseded_by:
            skus.add(product.superseded_by)
        if product.requires_any:  # the devices it fits, and the alternatives that fit
            kinds.update(tag_kind(t) for t in product.requires_any)
            for other in catalog.by_category.get(product.category or "", ()):
                skus.add(other.sku)
                kinds.update(tag_kind(t) for t in other.requires_any)
        if product.kind == "subscription":
            for tag in product.provides:
                skus |= traits.providers_by_tag.get(tag, frozenset())
        for tag in product.included_in:
            skus |= traits.providers_by_tag.get(tag, frozenset())
        if product.size and product.category:
            skus |= traits.sized_by_category.get(product.category, frozenset())
    for kind in kinds:
        skus |= traits.providers_by_kind.get(kind, frozenset())
    return skus


def view_catalog(skus: Iterable[str], catalog: Catalog, traits: TraitIndex) -> Catalog:
    """The products the customer's view is derived from: the cart's and the trait-givers'."""
    products = {sku: p for sku in skus if (p := traits.products.get(sku)) is not None}
    products.update(catalog.products)
    return Catalog(products=products)
