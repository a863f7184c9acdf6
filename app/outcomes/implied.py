"""What an order says the customer did with each warning of the check it names."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Implied:
    sku: str
    code: str
    action: str  # kept | removed | replaced
    replacement_sku: str | None = None


def implied(warnings: Iterable[dict[str, Any]], ordered: set[str]) -> list[Implied]:
    """A warned sku bought anyway was kept; its suggested sku bought instead, replaced;
    neither, removed. One outcome per (sku, code)."""
    found: dict[tuple[str, str], Implied] = {}
    for warning in warnings:
        sku, code = warning["sku"], warning["code"]
        if (sku, code) in found:
            continue
        suggested = (warning.get("suggestion") or {}).get("sku")
        if sku in ordered:
            outcome = Implied(sku, code, "kept")
        elif suggested and suggested != sku and suggested in ordered:
            outcome = Implied(sku, code, "replaced", suggested)
        else:
            outcome = Implied(sku, code, "removed")
        found[(sku, code)] = outcome
    return list(found.values())
