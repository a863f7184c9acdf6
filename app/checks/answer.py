"""A check's answer, built once as plain data and serialised once with orjson.

The same bytes go to the checkout and the same dict to the check log, shaped exactly as
`CheckResult` serialises (the schema the spec publishes; a test holds the two together),
without building pydantic models on the hot path.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from app.checks.facts import CartWarning, RepeatedOrder
from app.checks.rules import verdict
from app.metrics import CHECKS, DEGRADED, WARNINGS, labelled

# `Evidence`'s fields in its order: what the schema publishes, absent ones left out.
EVIDENCE_FIELDS = ("order_id", "sku", "at", "quantity", "reason", "tag", "ends_at", "line",
                   "size", "category", "format", "source")


@dataclass(frozen=True, slots=True)
class CheckAnswer:
    body: dict[str, Any]
    json: bytes  # the body serialised once: what the checkout gets and the log keeps
    warnings: tuple[CartWarning, ...] = ()

    @property
    def degraded(self) -> bool:
        return bool(self.body["degraded"])

    def count(self) -> None:
        """The answer in /metrics: by verdict, degraded, and each warning by code."""
        labelled(CHECKS, self.body["verdict"]).inc()
        if self.degraded:
            DEGRADED.inc()
        for warning in self.warnings:
            labelled(WARNINGS, warning.code.value).inc()


def answered(check_id: str, customer_id: str, warnings: list[CartWarning],
             at: datetime, repeats: RepeatedOrder | None = None) -> CheckAnswer:
    return _answer({
        "check_id": check_id,
        "customer_id": customer_id,
        "verdict": verdict(warnings),
        "warnings": [_warning(w) for w in warnings],
        "degraded": False,
        "as_of": timestamp(at),
        "degraded_reason": None,
        "repeats_order": None if repeats is None else {
            "order_id": repeats.order_id,
            "placed_at": timestamp(repeats.placed_at),
            "matched_lines": repeats.matched_lines,
            "message": repeats.message,
        },
    }, tuple(warnings))


def degraded(check_id: str, customer_id: str, at: datetime, reason: str) -> CheckAnswer:
    return _answer({
        "check_id": check_id, "customer_id": customer_id, "verdict": "proceed",
        "warnings": [], "degraded": True, "as_of": timestamp(at), "degraded_reason": reason,
        "repeats_order": None,
    })


def _answer(body: dict[str, Any], warnings: tuple[CartWarning, ...] = ()) -> CheckAnswer:
    return CheckAnswer(body, orjson.dumps(body), warnings)


def timestamp(at: datetime) -> str:
    """As pydantic writes a datetime: ISO 8601, `Z` for UTC, the offset kept otherwise."""
    text = at.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _warning(warning: CartWarning) -> dict[str, Any]:
    suggestion = warning.suggestion
    return {
        "code": warning.code.value,
        "severity": warning.severity.value,
        "sku": warning.sku,
        "message": warning.message,
        "evidence": [_evidence(e) for e in warning.evidence],
        "suggestion": None if suggestion is None else {
            "action": suggestion.action, "sku": suggestion.sku, "message": suggestion.message,
        },
    }


def _evidence(entry: Any) -> dict[str, Any]:
    return {name: entry[name] for name in EVIDENCE_FIELDS if entry.get(name) is not None}
