"""Orders name the check that preceded them, without the shop writing a line.

The client remembers each customer's latest answered check; an order recorded through it
for that customer soon after names that check (`check_id`), unless it names one already.
Should the service refuse the link (the check was erased, say), the order is sent again
without it: an order is never lost for the sake of a link.
"""

import threading
import time
from collections import OrderedDict
from typing import Any

from purchase_guard_client import errors
from purchase_guard_client import models as m

MAX_CUSTOMERS = 10_000


class RecentChecks:
    def __init__(self, *, within_s: float) -> None:
        self._within_s = within_s
        self._latest: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, result: m.CheckResult) -> None:
        if result.check_id is None:  # answered by the SDK itself: there is no check
            return
        with self._lock:
            self._latest[result.customer_id] = (result.check_id, time.monotonic())
            self._latest.move_to_end(result.customer_id)
            while len(self._latest) > MAX_CUSTOMERS:
                self._latest.popitem(last=False)

    def link(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("check_id") or self._within_s <= 0:
            return body
        with self._lock:
            found = self._latest.pop(str(body.get("customer_id")), None)
        if found is None or time.monotonic() - found[1] > self._within_s:
            return body
        return {**body, "check_id": found[0]}


def refused_link(body: dict[str, Any], error: errors.ValidationError) -> bool:
    return bool(body.get("check_id")) and any(
        list(e.loc) == ["body", "check_id"] for e in error.errors)


def unlinked(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != "check_id"}
