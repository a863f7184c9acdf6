"""Ordering sizes, so a return for `too_small` can point one size up."""

from collections.abc import Iterable

from app.checks.customer import size_key
from app.checks.facts import ProductFacts

_LETTER_ORDER = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl"]


def _rank(size: str) -> float | None:
    key = size_key(size)
    try:
        return float(key.replace(",", "."))
    except ValueError:
        pass
    return float(_LETTER_ORDER.index(key)) if key in _LETTER_ORDER else None


def neighbour_size(
    current: ProductFacts, variants: Iterable[ProductFacts], *, step: int
) -> ProductFacts | None:
    """The variant one size up (`step=1`) or down (`step=-1`) of the same work, if any."""
    if not current.size:
        return None
    here = _rank(current.size)
    if here is None:
        return None
    ranked = [
        (rank, v) for v in variants
        if v.size and v.category == current.category and (rank := _rank(v.size)) is not None
    ]
    if step > 0:
        larger = [(r, v) for r, v in ranked if r > here]
        return min(larger, key=lambda rv: (rv[0], rv[1].sku))[1] if larger else None
    smaller = [(r, v) for r, v in ranked if r < here]
    return max(smaller, key=lambda rv: (rv[0], rv[1].sku))[1] if smaller else None


def in_size(variants: Iterable[ProductFacts], size: str) -> ProductFacts | None:
    wanted = size_key(size)
    matches = sorted(
        (v for v in variants if v.size and size_key(v.size) == wanted), key=lambda v: v.sku
    )
    return matches[0] if matches else None
