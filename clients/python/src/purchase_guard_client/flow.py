"""The common checkout flow: check, show the warnings, tell us what the customer did;
and a recorder that never loses a placed order when purchase-guard is away.
"""

import json
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from purchase_guard_client import errors
from purchase_guard_client import models as m
from purchase_guard_client.client import AsyncGuardClient, GuardClient


@dataclass
class Review:
    """A check's answer, with what to show and the feedback for what the customer did."""

    result: m.CheckResult

    @property
    def must_confirm(self) -> bool:
        return self.result.verdict in (m.Verdict.confirm, m.Verdict.block)

    def warnings_for(self, sku: str) -> list[m.CheckWarning]:
        return [w for w in self.result.warnings if w.sku == sku]

    def feedback(self, *, kept: Iterable[str] = (), removed: Iterable[str] = (),
                 replaced: Mapping[str, str] | None = None) -> list[m.FeedbackResponse]:
        """One response per warning of each sku the customer kept, removed or replaced."""
        responses = []
        for action, skus in ((m.FeedbackAction.kept, kept), (m.FeedbackAction.removed, removed)):
            for sku in skus:
                responses += [m.FeedbackResponse(sku=sku, code=w.code, action=action)
                              for w in self.warnings_for(sku)]
        for sku, new_sku in (replaced or {}).items():
            responses += [m.FeedbackResponse(sku=sku, code=w.code, action=m.FeedbackAction.replaced,
                                             replacement_sku=new_sku)
                          for w in self.warnings_for(sku)]
        return responses


class Checkout:
    def __init__(self, client: GuardClient) -> None:
        self.client = client

    def review(self, customer_id: str, items: Iterable[m.CartItem | Mapping[str, Any] | str]
               ) -> Review:
        return Review(self.client.check(customer_id, items))

    def decided(self, review: Review, **actions: Any) -> m.FeedbackResult | None:
        """Send what the customer did with each warned sku; nothing to send, nothing sent."""
        responses = review.feedback(**actions)
        if not responses or review.result.check_id is None:
            return None
        return self.client.send_feedback(review.result.check_id, responses)


class AsyncCheckout:
    def __init__(self, client: AsyncGuardClient) -> None:
        self.client = client

    async def review(self, customer_id: str,
                     items: Iterable[m.CartItem | Mapping[str, Any] | str]) -> Review:
        return Review(await self.client.check(customer_id, items))

    async def decided(self, review: Review, **actions: Any) -> m.FeedbackResult | None:
        responses = review.feedback(**actions)
        if not responses or review.result.check_id is None:
            return None
        return await self.client.send_feedback(review.result.check_id, responses)


class OrderRecorder:
    """Records placed orders; what cannot be sent now waits in a spool file for `flush()`.

    Orders are idempotent by `order_id`, so sending one twice is harmless.
    """

    def __init__(self, client: GuardClient, spool: Path | str | None = None) -> None:
        self.client = client
        self.spool = Path(spool) if spool else None
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        if self.spool and self.spool.exists():
            self._pending = [json.loads(line) for line in self.spool.read_text().splitlines()
                             if line.strip()]

    @property
    def pending(self) -> int:
        return len(self._pending)

    def placed(self, order: m.OrderIn | Mapping[str, Any]) -> m.Order | None:
        """Record a placed order (naming the customer's latest check, kept in the spool too)."""
        body = self.client.link_order(order)
        try:
            return self.client.record_order(body)
        except errors.GuardUnavailableError:
            self._keep(body)
        except errors.APIError as error:
            if error.status < 500:
                raise  # the order itself is wrong: spooling would not fix it
            self._keep(body)
        return None

    def flush(self) -> int:
        """Send what waits; returns how many went. Stops at the first that still cannot."""
        sent = 0
        with self._lock:
            while self._pending:
                try:
                    self.client.record_order(self._pending[0])
                except (errors.GuardUnavailableError, errors.ServerError,
                        errors.ServiceUnavailableError):
                    break
                self._pending.pop(0)
                sent += 1
            self._save()
        return sent

    def _keep(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._pending.append(body)
            self._save()

    def _save(self) -> None:
        if self.spool is not None:
            self.spool.write_text("".join(json.dumps(b, default=str) + "\n" for b in self._pending))
