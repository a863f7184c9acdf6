"""The rules, in the precedence their modules declare (`app/checks/codes.py`).

A sku gets at most one warning of the ownership family (the first that applies, in the
contract's order); the other rules are independent. A gift gets only DUPLICATE_ORDER, and
a service (postage, fees) neither the ownership family nor DUPLICATE_IN_CART.
A warning the customer kept stays quiet while its suppression lasts, except the two codes
that are never suppressed.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import import_module

from app.checks.codes import DECLARED
from app.checks.facts import SEVERITY_RANK, CartLine, CartWarning, RepeatedOrder, Severity, WarningCode
from app.checks.rules import duplicate_in_cart, duplicate_order, repeated_order
from app.checks.rules.context import Context

Rule = Callable[[CartLine, Context], list[CartWarning]]

_CHECKS: dict[str, Rule] = {d.code: import_module(d.module).check for d in DECLARED}
OWNERSHIP_FAMILY: tuple[Rule, ...] = tuple(_CHECKS[d.code] for d in DECLARED if d.ownership)
INDEPENDENT: tuple[Rule, ...] = tuple(_CHECKS[d.code] for d in DECLARED if not d.ownership)
NEVER_SUPPRESSED = frozenset(WarningCode(d.code) for d in DECLARED if not d.suppressible)


@dataclass(frozen=True, slots=True)
class Assessment:
    warnings: list[CartWarning]
    repeats: RepeatedOrder | None


def assess(ctx: Context) -> Assessment:
    """The warnings, and the recent order the cart repeats (its lines stay `confirm`)."""
    repeats = repeated_order.find(ctx)
    if repeats is not None:
        ctx = replace(ctx, repeats=repeats)
    return Assessment(evaluate(ctx), repeats)


def evaluate(ctx: Context) -> list[CartWarning]:
    """Every warning for the cart, in cart order, each (sku, code, message) once."""
    found: list[CartWarning] = []
    for line in ctx.cart:
        if line.gift:
            found.extend(duplicate_order.check(line, ctx))
            continue
        service = ctx.is_service(line.sku)
        for rule in () if service else OWNERSHIP_FAMILY:
            family = rule(line, ctx)
            if family:
                found.extend(family)
                break
        for rule in INDEPENDENT:
            if not (service and rule is duplicate_in_cart.check):
                found.extend(rule(line, ctx))
    return _dedupe([w for w in found if not _suppressed(w, ctx)])


def verdict(warnings: Sequence[CartWarning]) -> str:
    if not warnings:
        return "proceed"
    return max((w.severity for w in warnings), key=SEVERITY_RANK.__getitem__).value


def _suppressed(warning: CartWarning, ctx: Context) -> bool:
    if warning.code in NEVER_SUPPRESSED:
        return False
    return ctx.customer.is_suppressed(warning.sku, warning.code.value)


_FAMILY_ORDER = {
    WarningCode(d.code): rank for rank, d in enumerate(d for d in DECLARED if d.ownership)
}


def _dedupe(warnings: list[CartWarning]) -> list[CartWarning]:
    """Drop repeats, and keep one ownership warning per sku even across repeated lines."""
    family_pick: dict[str, WarningCode] = {}
    for w in warnings:
        if w.code in _FAMILY_ORDER:
            best = family_pick.get(w.sku)
            if best is None or _FAMILY_ORDER[w.code] < _FAMILY_ORDER[best]:
                family_pick[w.sku] = w.code
    seen: set[tuple[str, WarningCode, str]] = set()
    unique = []
    for w in warnings:
        key = (w.sku, w.code, w.message)
        if key in seen or (w.code in _FAMILY_ORDER and family_pick[w.sku] != w.code):
            continue
        seen.add(key)
        unique.append(w)
    return unique


__all__ = ["NEVER_SUPPRESSED", "Assessment", "Context", "Severity", "assess", "evaluate", "verdict"]
