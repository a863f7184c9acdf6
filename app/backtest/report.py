"""The backtest's numbers, counted as the replay goes: plain data, written as JSON as is."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.backtest.outcomes import CheckedOrder

INTERRUPTING = ("confirm", "block")
TOP = 10
EXAMPLES = 10
# Example kinds, in the order the report shows them, and how many of each it keeps.
EXAMPLE_KINDS = {
    "repeats an order": 1,
    "likely double order, interrupted": 2,
    "likely double order, not interrupted": 1,
    "routine re-order, told not asked": 2,
    "kept repeat, asked": 2,
    "other warnings": 2,
}


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Tally:
    """Counts over every checked order, and over those settled after their 7 days."""

    windows: tuple[float, ...]
    checks: int = 0
    lines: int = 0
    interrupted: int = 0
    repeats_order: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    warnings: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    sku_warnings: Counter[str] = field(default_factory=Counter)
    sku_interrupting: Counter[str] = field(default_factory=Counter)
    customer_warnings: Counter[str] = field(default_factory=Counter)
    customer_interrupting: Counter[str] = field(default_factory=Counter)
    service_lines: int = 0
    service_lines_warned: int = 0
    # Settled orders: repeats, likely doubles and what the guard said of them.
    repeat_lines: int = 0
    repeat_service_lines: int = 0
    checks_with_repeat: int = 0
    checks_with_repeat_interrupted: int = 0
    double_lines: int = 0
    double_service_lines: int = 0
    double_orders: int = 0
    double_orders_caught: int = 0
    kept_repeat_lines: int = 0
    kept_repeat_lines_interrupted: int = 0
    # The same, had the routine rule been off (checks with a repeat only).
    checks_with_repeat_interrupted_without_routine: int = 0
    double_orders_caught_without_routine: int = 0
    kept_repeat_lines_interrupted_without_routine: int = 0
    # Outcomes of settled checks' warnings, by code: kept (all of them) and regretted.
    kept: Counter[str] = field(default_factory=Counter)
    regretted: Counter[str] = field(default_factory=Counter)
    curve: dict[float, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def answered(self, answer: dict[str, Any], lines: int, services: set[str]) -> None:
        """Every check, as it is answered."""
        self.checks += 1
        self.lines += lines
        self.verdicts[answer["verdict"]] += 1
        interrupting = answer["verdict"] in INTERRUPTING
        self.interrupted += interrupting
        self.repeats_order += answer["repeats_order"] is not None
        customer = answer["customer_id"]
        for warning in answer["warnings"]:
            severity = warning["severity"]
            self.warnings[warning["code"]][severity] += 1
            self.sku_warnings[warning["sku"]] += 1
            self.customer_warnings[customer] += 1
            if severity in INTERRUPTING:
                self.sku_interrupting[warning["sku"]] += 1
                self.customer_interrupting[customer] += 1
        self.service_lines += len(services)
        warned = {w["sku"] for w in answer["warnings"]}
        self.service_lines_warned += len(services & warned)

    def settled(self, checked: CheckedOrder) -> None:
        """A checked order whose 7 days are over: what the history says of its warnings."""
        for warning in checked.answer["warnings"]:
            self.kept[warning["code"]] += 1
        for _, code in checked.regretted:
            self.regretted[code] += 1
        self.repeat_lines += len(checked.repeat_lines)
        goods = checked.goods_repeats
        self.repeat_service_lines += len(checked.repeat_lines) - len(goods)
        self.double_lines += sum(line.double for line in checked.repeat_lines)
        self.double_service_lines += sum(line.double and line.service
                                         for line in checked.repeat_lines)
        if goods:
            self.checks_with_repeat += 1
            self.checks_with_repeat_interrupted += checked.interrupted
            kept = [line for line in goods if not line.double]
            self.kept_repeat_lines += len(kept)
            self.kept_repeat_lines_interrupted += sum(line.interrupted for line in kept)
            self.checks_with_repeat_interrupted_without_routine += \
                checked.interrupted_without_routine
            self.kept_repeat_lines_interrupted_without_routine += sum(
                line.interrupted_without_routine for line in kept)
            if checked.likely_double:
                self.double_orders += 1
                self.double_orders_caught += checked.interrupted
                self.double_orders_caught_without_routine += checked.interrupted_without_routine
            for window in self.windows:
                point = self.curve[window]
                point["checks"] += 1
                point["interrupted"] += checked.interrupted_at[window]
                point["kept_lines"] += len(kept)
                point["kept_interrupted"] += sum(line.interrupted_at[window] for line in kept)
                if checked.likely_double:
                    point["doubles"] += 1
                    point["doubles_caught"] += checked.interrupted_at[window]
        kind = example_kind(checked)
        if kind == "repeats an order":
            self._largest_repeat(checked)
        elif kind is not None and len(self.examples[kind]) < EXAMPLE_KINDS[kind]:
            self.examples[kind].append(_example(kind, checked))

    def _largest_repeat(self, checked: CheckedOrder) -> None:
        held = self.examples["repeats an order"]
        matched = checked.answer["repeats_order"]["matched_lines"]
        if not held or held[0]["answer"]["repeats_order"]["matched_lines"] < matched:
            self.examples["repeats an order"] = [_example("repeats an order", checked)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "checks": self.checks,
            "lines_checked": self.lines,
            "interrupted": self.interrupted,
            "interrupted_share": share(self.interrupted, self.checks),
            "verdicts": {v: self.verdicts.get(v, 0)
                         for v in ("proceed", "info", "confirm", "block")},
            "warnings": {code: dict(sorted(by.items())) for code, by in sorted(self.warnings.items())},
            "repeats_order": self.repeats_order,
            "service_lines": {"checked": self.service_lines, "warned": self.service_lines_warned},
            "top_skus": [{"sku": sku, "warnings": n, "interrupting": self.sku_interrupting[sku]}
                         for sku, n in self.sku_warnings.most_common(TOP)],
            "top_customers": [{"customer_id": c, "warnings": n,
                               "interrupting": self.customer_interrupting[c]}
                              for c, n in self.customer_warnings.most_common(TOP)],
            "repeats": {
                "lines": self.repeat_lines, "service_lines": self.repeat_service_lines,
                "checks": self.checks_with_repeat,
                "checks_interrupted": self.checks_with_repeat_interrupted,
                "checks_interrupted_share": share(self.checks_with_repeat_interrupted,
                                                  self.checks_with_repeat),
            },
            "likely_doubles": {
                "lines": self.double_lines, "service_lines": self.double_service_lines,
                "orders": self.double_orders, "caught": self.double_orders_caught,
                "caught_share": share(self.double_orders_caught, self.double_orders),
            },
            "kept_repeats": {
                "lines": self.kept_repeat_lines,
                "interrupted": self.kept_repeat_lines_interrupted,
                "nagged_share": share(self.kept_repeat_lines_interrupted, self.kept_repeat_lines),
            },
            "outcomes": {code: {"kept": n, "regretted": self.regretted[code]}
                         for code, n in sorted(self.kept.items())},
            "routine_rule": {
                "off": {
                    "checks_with_repeat_interrupted_share": share(
                        self.checks_with_repeat_interrupted_without_routine,
                        self.checks_with_repeat),
                    "caught": self.double_orders_caught_without_routine,
                    "nagged_share": share(self.kept_repeat_lines_interrupted_without_routine,
                                          self.kept_repeat_lines),
                },
                "on": {
                    "checks_with_repeat_interrupted_share": share(
                        self.checks_with_repeat_interrupted, self.checks_with_repeat),
                    "caught": self.double_orders_caught,
                    "nagged_share": share(self.kept_repeat_lines_interrupted,
                                          self.kept_repeat_lines),
                },
            },
            "curve": [
                {"window_hours": window,
                 "caught_share": share(p["doubles_caught"], p["doubles"]),
                 "nagged_share": share(p["kept_interrupted"], p["kept_lines"]),
                 "checks_interrupted_share": share(p["interrupted"], p["checks"])}
                for window, p in sorted(self.curve.items())
            ],
            "examples": [example for kind in EXAMPLE_KINDS for example in self.examples[kind]
                         ][:EXAMPLES],
        }


def example_kind(checked: CheckedOrder) -> str | None:
    """Which of the report's example kinds this checked order shows, if any."""
    answer = checked.answer
    if answer["repeats_order"] is not None:
        return "repeats an order"
    if checked.likely_double:
        return ("likely double order, interrupted" if checked.interrupted
                else "likely double order, not interrupted")
    if any(line.interrupted and not line.double for line in checked.goods_repeats):
        return "kept repeat, asked"
    if any(w["code"] == "DUPLICATE_ORDER" and w["severity"] == "info"
           for w in answer["warnings"]):
        return "routine re-order, told not asked"
    return "other warnings" if answer["warnings"] else None


def _example(kind: str, checked: CheckedOrder) -> dict[str, Any]:
    return {"kind": kind, "order_id": checked.order_id, "answer": checked.answer}
