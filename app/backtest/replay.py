"""The walk: every order of the file checked as it would have been asked, then recorded.

Orders and return invoices are taken in the file's order, which must be time order (an
export's usual order; `run.py` sorts a file that is not). Each order is checked by the
service's own engine (`checks.service.decide`) against what the replay has recorded of
its customer by then, with `as_of` its `placed_at`, then recorded; a return invoice is
matched to earlier purchases as `import orders` matches it.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from app.backtest.outcomes import REPEAT_WITHIN, UNDONE_WITHIN, CheckedOrder, Outcomes, RepeatLine
from app.backtest.report import INTERRUPTING, Tally
from app.backtest.shoppers import Shopper
from app.checks import answer
from app.checks.catalog_cache import CatalogCache
from app.checks.facts import CartLine, Catalog, Thresholds
from app.checks.relevance import TraitIndex
from app.checks.rules import Assessment, verdict
from app.checks.service import decide
from app.importer.drafts import OrderDraft, ReturnDraft

CATALOG_TOKEN = "backtest"


class OutOfOrder(Exception):
    """The file is not in time order: `run.py` reads it whole and sorts it."""


@dataclass(frozen=True)
class Options:
    thresholds: Thresholds
    since: datetime | None = None
    until: datetime | None = None
    # Duplicate windows (hours) of the caught-against-nagged curve.
    windows: tuple[float, ...] = (1, 2, 4, 8, 12, 24, 48, 72)
    # False: products of kind `service` are treated as of no known kind (today's rules).
    services: bool = True


@dataclass
class Replayed:
    orders: int = 0
    order_lines: int = 0
    return_invoices: int = 0
    return_lines_unmatched: int = 0
    customers: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {"orders": self.orders, "order_lines": self.order_lines,
                "return_invoices": self.return_invoices,
                "return_lines_unmatched": self.return_lines_unmatched,
                "customers": len(self.customers)}


class Replay:
    def __init__(self, catalog: CatalogCache, traits: TraitIndex, options: Options) -> None:
        self._catalog = catalog
        self._traits = traits
        self._options = options
        self._shoppers: dict[str, Shopper] = defaultdict(Shopper)
        self.tally = Tally(windows=options.windows)
        self.replayed = Replayed()
        self._outcomes = Outcomes(self._settled)
        self._last_at: datetime | None = None

    def run(self, events: Iterable[OrderDraft | ReturnDraft]) -> None:
        until = self._options.until
        for event in events:
            at = event.placed_at if isinstance(event, OrderDraft) else event.returned_at
            if self._last_at is not None and at < self._last_at:
                raise OutOfOrder(f"{_name(event)} at {at} comes after {self._last_at}")
            self._last_at = at
            if until is not None and at > until + UNDONE_WITHIN:
                break
            self._outcomes.advance(at)
            if isinstance(event, OrderDraft):
                self._order(event, checked=until is None or at <= until)
            else:
                self._return(event)
        self._outcomes.close()

    def _order(self, draft: OrderDraft, *, checked: bool) -> None:
        shopper = self._shoppers[draft.customer_id]
        lines = [(line.sku, line.quantity) for line in draft.lines]
        since = self._options.since
        if checked and (since is None or draft.placed_at >= since):
            self._check(draft, shopper, lines)
        shopper.record_order(draft.order_id, draft.placed_at, lines)
        self.replayed.orders += 1
        self.replayed.order_lines += len(lines)
        self.replayed.customers.add(draft.customer_id)

    def _check(self, draft: OrderDraft, shopper: Shopper, lines: list[tuple[str, int]]) -> None:
        options = self._options
        at = draft.placed_at
        cart = tuple(CartLine(n, sku, quantity) for n, (sku, quantity) in enumerate(lines))
        catalog = self._catalog.cached([sku for sku, _ in lines], token=CATALOG_TOKEN)
        assert catalog is not None, "the backtest holds the whole catalog"
        # Services are the catalog's, whether or not this run keeps them quiet.
        services = {sku for sku, _ in lines if (p := catalog.get(sku)) and p.is_service}
        if not options.services:
            catalog = _without_services(catalog)
        found = self._decide(shopper, catalog, cart, at, options.thresholds)
        body = answer.answered(f"bt-{self.tally.checks + 1}", draft.customer_id, found.warnings,
                               at, found.repeats).body
        self.tally.answered(body, len(lines), services)
        interrupting = _interrupting(found)
        repeats = []
        for sku, quantity in lines:
            last = shopper.last_bought_before(sku, at)
            if last is not None and at - last <= REPEAT_WITHIN:
                repeats.append(RepeatLine(sku, quantity, sku in services, sku in interrupting))
        checked = CheckedOrder(draft.order_id, draft.customer_id, at, body,
                               body["verdict"] in INTERRUPTING, repeats)
        if any(not line.service for line in repeats):
            plain = self._decide(shopper, catalog, cart, at,
                                 replace(options.thresholds, routine_after=0))
            checked.interrupted_without_routine = verdict(plain.warnings) in INTERRUPTING
            skus = _interrupting(plain)
            for line in repeats:
                line.interrupted_without_routine = line.sku in skus
            for hours in options.windows:
                window = timedelta(hours=hours)
                other = found if window == options.thresholds.duplicate_window else \
                    self._decide(shopper, catalog, cart, at,
                                 replace(options.thresholds, duplicate_window=window))
                checked.interrupted_at[hours] = verdict(other.warnings) in INTERRUPTING
                skus = _interrupting(other)
                for line in repeats:
                    line.interrupted_at[hours] = line.sku in skus
        for warning in found.warnings:  # the order, recorded next, buys each sku anyway
            if warning.code == "DUPLICATE_ORDER":
                shopper.bought_anyway(warning.sku)
        self._outcomes.add(checked)

    def _settled(self, checked: CheckedOrder) -> None:
        shopper = self._shoppers[checked.customer_id]
        for warning in checked.answer["warnings"]:
            given_back = shopper.first_return(warning["sku"], checked.order_id)
            if given_back is not None and given_back <= checked.placed_at + UNDONE_WITHIN:
                checked.regretted.add((warning["sku"], warning["code"]))
        self.tally.settled(checked)

    def _decide(self, shopper: Shopper, catalog: Catalog, cart: tuple[CartLine, ...],
                at: datetime, thresholds: Thresholds) -> Assessment:
        return decide(shopper.records(thresholds.duplicate_window), catalog, self._traits, cart,
                      at, thresholds)

    def _return(self, draft: ReturnDraft) -> None:
        shopper = self._shoppers[draft.customer_id]
        given_back = [(sku, quantity) for sku, quantity, _ in draft.lines]
        for sku, quantity in given_back:
            order_id = shopper.undo_exactly(sku, quantity, draft.returned_at, UNDONE_WITHIN)
            if order_id is not None:
                self._outcomes.undone(draft.customer_id, order_id, sku)
        for sku, quantity in given_back:
            if shopper.record_return(draft.returned_at, sku, quantity):
                self.replayed.return_lines_unmatched += 1
        self.replayed.return_invoices += 1


def _without_services(catalog: Catalog) -> Catalog:
    """The catalog as today's rules saw it: a service was a product of no known kind."""
    return replace(catalog, products={
        sku: replace(p, kind=None) if p.is_service else p for sku, p in catalog.products.items()})


def _interrupting(found: Assessment) -> set[str]:
    return {w.sku for w in found.warnings if w.severity.value in INTERRUPTING}


def _name(event: OrderDraft | ReturnDraft) -> str:
    return f"order {event.order_id}" if isinstance(event, OrderDraft) else \
        f"return {event.invoice}"


def in_time_order(events: Iterable[OrderDraft | ReturnDraft]) -> Iterator[OrderDraft | ReturnDraft]:
    """The events sorted by their instant (stable: the file's order breaks ties)."""
    return iter(sorted(events, key=lambda e: e.placed_at if isinstance(e, OrderDraft)
                       else e.returned_at))
