"""Plain-English wording shared by the rules: dates, durations, evidence entries."""

from datetime import UTC, datetime, timedelta
from typing import Any

from app.checks.facts import ProductFacts, Purchase, ReturnEvent

REASON_TEXT = {
    "too_small": "too small",
    "too_large": "too large",
    "defective": "defective",
    "not_as_described": "not as described",
    "duplicate_order": "ordered twice",
    "incompatible": "did not fit your device",
    "no_longer_needed": "no longer needed",
    "other": "other reason",
}


def day(at: datetime) -> str:
    """`2 March 2024`, in UTC."""
    at = at.astimezone(UTC)
    return f"{at.day} {at:%B %Y}"


def ago(elapsed: timedelta) -> str:
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    days = hours // 24
    return f"{days} days ago"


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def noun(product: ProductFacts) -> str:
    return product.format or "item"


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def purchase_evidence(purchase: Purchase, **extra: Any) -> dict[str, Any]:
    return {
        "order_id": purchase.order_id,
        "sku": purchase.sku,
        "at": iso(purchase.at),
        "quantity": purchase.kept,
        **extra,
    }


def return_evidence(event: ReturnEvent) -> dict[str, Any]:
    return {
        "order_id": event.order_id,
        "sku": event.sku,
        "at": iso(event.at),
        "quantity": event.quantity,
        "reason": event.reason,
    }
