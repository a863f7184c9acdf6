"""A `CustomerBasis` to JSON bytes and back, for the shared cache.

JSON, not pickle: whoever can write to Redis must not be able to run code in the service.
Purchases are written once and referred to by position; times are epoch microseconds.
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from app.checks.customer import CustomerBasis, LearnedSize, Owned, TagSource
from app.checks.facts import ProductFacts, Purchase, ReturnEvent

FORMAT = 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _ts(at: datetime) -> int:
    delta = at - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _at(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def _product(p: ProductFacts) -> list[Any]:
    return [p.sku, p.title, p.kind, p.work_id, p.format, p.category, dict(p.attributes),
            list(p.provides), list(p.requires_any), list(p.contains), list(p.included_in),
            p.superseded_by, p.replenish_days, p.duration_days, p.active]


def _product_from(row: list[Any]) -> ProductFacts:
    (sku, title, kind, work_id, fmt, category, attributes, provides, requires_any, contains,
     included_in, superseded_by, replenish_days, duration_days, active) = row
    return ProductFacts(sku, title, kind, work_id, fmt, category, attributes, tuple(provides),
                        tuple(requires_any), tuple(contains), tuple(included_in), superseded_by,
                        replenish_days, duration_days, active)


def encode(basis: CustomerBasis, *, tokens: tuple[str | None, str | None]) -> bytes:
    purchases = [p for item in basis.owned.values() for p in item.purchases]
    index = {id(p): n for n, p in enumerate(purchases)}
    products: dict[str, ProductFacts] = {}
    for product, _ in basis.subscription_purchases:
        products[product.sku] = product
    for sources in basis.owned_tags.values():
        for source in sources:
            products[source.product.sku] = source.product
    doc = {
        "format": FORMAT,
        "tokens": list(tokens),
        "built_at": _ts(basis.built_at),
        "valid_until": None if basis.valid_until is None else _ts(basis.valid_until),
        "purchases": [[p.order_id, p.sku, _ts(p.at), p.quantity, p.returned] for p in purchases],
        "returns": [[r.order_id, r.sku, r.quantity, r.reason, _ts(r.at)]
                    for events in basis.returns.values() for r in events],
        "products": [_product(p) for p in products.values()],
        "subscriptions": [[p.sku, index[id(purchase)]]
                          for p, purchase in basis.subscription_purchases],
        "tags": [[s.tag, s.product.sku, index[id(s.purchase)]]
                 for sources in basis.owned_tags.values() for s in sources],
        "learned_sizes": [[category, learned.size, [index[id(p)] for p in learned.purchases]]
                          for category, learned in basis.learned_sizes.items()],
        "stated_sizes": dict(basis.stated_sizes),
        "formats": list(basis.formats),
        "avoid": sorted(basis.avoid),
        "suppressions": [[sku, code, _ts(until)]
                         for (sku, code), until in basis.suppressions.items()],
    }
    return json.dumps(doc, separators=(",", ":")).encode()


def decode(raw: bytes, *, tokens: tuple[str | None, str | None]) -> CustomerBasis | None:
    """The basis, or None when it was built under other tokens (or by another format)."""
    doc = json.loads(raw)
    if doc.get("format") != FORMAT or tuple(doc["tokens"]) != tokens:
        return None
    purchases = [Purchase(o, s, _at(at), q, r) for o, s, at, q, r in doc["purchases"]]
    by_sku: dict[str, list[Purchase]] = {}
    for p in purchases:
        by_sku.setdefault(p.sku, []).append(p)
    returns: dict[str, list[ReturnEvent]] = {}
    for o, s, q, reason, at in doc["returns"]:
        returns.setdefault(s, []).append(ReturnEvent(o, s, q, reason, _at(at)))
    products = {row[0]: _product_from(row) for row in doc["products"]}
    tags: dict[str, list[TagSource]] = {}
    for tag, sku, n in doc["tags"]:
        tags.setdefault(tag, []).append(TagSource(tag, products[sku], purchases[n]))
    return CustomerBasis(
        built_at=_at(doc["built_at"]),
        valid_until=None if doc["valid_until"] is None else _at(doc["valid_until"]),
        owned={sku: Owned(sku, sum(p.kept for p in ps), tuple(ps)) for sku, ps in by_sku.items()},
        kept_newest_first=tuple(sorted(purchases, key=lambda p: (p.at, p.order_id),
                                       reverse=True)),
        returns={sku: tuple(rs) for sku, rs in returns.items()},
        subscription_purchases=tuple((products[sku], purchases[n])
                                     for sku, n in doc["subscriptions"]),
        owned_tags={tag: tuple(s) for tag, s in tags.items()},
        stated_sizes=doc["stated_sizes"],
        learned_sizes={category: LearnedSize(size, tuple(purchases[n] for n in ns))
                       for category, size, ns in doc["learned_sizes"]},
        formats=tuple(doc["formats"]),
        avoid=frozenset(doc["avoid"]),
        suppressions={(sku, code): _at(until) for sku, code, until in doc["suppressions"]},
    )
