"""GuardClient (sync) and AsyncGuardClient: one method per endpoint of the contract.

Checks fail open by default: if purchase-guard does not answer within the check budget
(300 ms unless set), cannot be reached, or answers 5xx, `check()` returns `proceed` marked
`degraded` (with `degraded_reason`) and calls `on_degraded`; `fail_open=False` raises
instead. Other calls raise the typed errors of `purchase_guard_client.errors`. Idempotent
calls are retried on connection errors, timeouts and 502/503/504, with jittered backoff
and the server's Retry-After, never past the call's own time budget.
"""

import asyncio
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

import httpx

from purchase_guard_client import _calls as calls
from purchase_guard_client import _linking as linking
from purchase_guard_client import _policy as policy
from purchase_guard_client import errors
from purchase_guard_client import models as m

T = TypeVar("T")


class _Base:
    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        key: str | None = None,  # the older name of `api_key`
        check_budget_s: float = 0.3,
        timeout_s: float = 10.0,
        retries: int = 3,
        backoff_s: float = 0.1,
        fail_open: bool = True,
        on_degraded: policy.DegradedHook | None = None,
        link_orders_within_s: float = 3600.0,
    ) -> None:
        self.config = policy.settings(
            base_url, api_key or key, check_budget_s=check_budget_s, timeout_s=timeout_s,
            retries=retries, backoff_s=backoff_s, fail_open=fail_open, on_degraded=on_degraded,
        )
        self._links = linking.RecentChecks(within_s=link_orders_within_s)

    def link_order(self, order: m.OrderIn | Mapping[str, Any]) -> dict[str, Any]:
        """The order's body, naming the customer's latest check through this client (within
        `link_orders_within_s`) unless it names one already: so the guard learns what the
        customer did with each warning without the shop writing a line."""
        return self._links.link(calls.body(order))

    def _checked(self, result: m.CheckResult) -> m.CheckResult:
        self._links.remember(result)
        return result

    def _request(self, call: calls.Call[Any], remaining_s: float) -> dict[str, Any]:
        return {
            "method": call.method, "url": call.path, "json": call.json,
            "content": call.content, "params": call.params, "headers": dict(call.headers),
            "timeout": httpx.Timeout(max(remaining_s, 0.001)),
        }

    def _pause_before_retry(self, call: calls.Call[Any], error: errors.GuardError,
                            attempt: int, deadline: float) -> float | None:
        """How long to wait before sending `call` again, or None when it must not be."""
        if not (call.idempotent and policy.retryable(error) and attempt < self.config.retries):
            return None
        pause = policy.backoff(self.config, attempt, error)
        return None if time.monotonic() + pause >= deadline else pause

    @staticmethod
    def _read(call: calls.Call[T], response: httpx.Response) -> T:
        if response.status_code >= 400:
            raise errors.from_response(response)
        if call.raw:
            return call.parse(response.text)
        return call.parse(response.json())

    def _degraded(self, customer_id: str, error: errors.GuardError) -> m.CheckResult:
        reason = policy.fail_open_reason(error, self.config.check_budget_s)
        if reason is None or not self.config.fail_open:
            raise error
        if self.config.on_degraded is not None:
            self.config.on_degraded(reason, error)
        return policy.proceed(customer_id, reason)


class GuardClient(_Base):
    """Blocking client; one connection pool per instance (share it, close it at exit)."""

    def __init__(self, base_url: str | None = None, api_key: str | None = None,
                 **options: Any) -> None:
        super().__init__(base_url, api_key, **options)
        self._http = httpx.Client(base_url=self.config.base_url,
                                  headers=policy.headers(self.config),
                                  limits=httpx.Limits(max_keepalive_connections=20))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "GuardClient":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def send(self, call: calls.Call[T], *, budget_s: float | None = None) -> T:
        budget = self.config.timeout_s if budget_s is None else budget_s
        deadline = time.monotonic() + budget
        attempt = 0
        while True:
            try:
                try:
                    response = self._http.request(**self._request(call, deadline - time.monotonic()))
                except httpx.HTTPError as exc:
                    raise policy.transport_error(exc) from exc
                return self._read(call, response)
            except errors.GuardError as error:
                pause = self._pause_before_retry(call, error, attempt, deadline)
                if pause is None:
                    raise
                time.sleep(pause)
                attempt += 1

    # checks
    def check(self, customer_id: str, items: Iterable[m.CartItem | Mapping[str, Any] | str],
              *, as_of: datetime | None = None) -> m.CheckResult:
        try:
            return self._checked(self.send(calls.check(customer_id, items, as_of),
                                           budget_s=self.config.check_budget_s))
        except errors.GuardError as error:
            return self._degraded(customer_id, error)

    def get_check(self, check_id: str) -> m.CheckResult:
        return self.send(calls.get_check(check_id))

    def send_feedback(self, check_id: str,
                      responses: Iterable[m.FeedbackResponse | Mapping[str, Any]]) -> m.FeedbackResult:
        return self.send(calls.send_feedback(check_id, responses))

    def warning_stats(self, since: datetime | None = None, until: datetime | None = None
                      ) -> m.WarningStatsPage:
        return self.send(calls.warning_stats(since, until))

    # history
    def record_order(self, order: m.OrderIn | Mapping[str, Any]) -> m.Order:
        body = self.link_order(order)
        try:
            return self.send(calls.record_order(body))
        except errors.ValidationError as error:
            if not linking.refused_link(body, error):
                raise
            return self.send(calls.record_order(linking.unlinked(body)))

    def import_orders(self, orders: Iterable[m.OrderIn | Mapping[str, Any]]) -> m.OrderBatchResult:
        return self.send(calls.import_orders(orders))

    def get_order(self, order_id: str) -> m.Order:
        return self.send(calls.get_order(order_id))

    def record_return(self, order_id: str, request: m.ReturnIn | Mapping[str, Any]) -> m.Return:
        return self.send(calls.record_return(order_id, request))

    def cancel_order(self, order_id: str, cancelled_at: datetime | None = None) -> m.Order:
        return self.send(calls.cancel_order(order_id, cancelled_at))

    # catalog
    def put_product(self, sku: str, product: m.ProductIn | Mapping[str, Any]) -> m.Product:
        return self.send(calls.put_product(sku, product))

    def get_product(self, sku: str) -> m.Product:
        return self.send(calls.get_product(sku))

    def put_products(self, products: Iterable[m.ProductBatchItem | Mapping[str, Any]]
                     ) -> m.ProductBatchResult:
        return self.send(calls.put_products(products))

    # customers
    def put_preferences(self, customer_id: str, preferences: m.PreferencesIn | Mapping[str, Any]
                        ) -> m.Preferences:
        return self.send(calls.put_preferences(customer_id, preferences))

    def get_preferences(self, customer_id: str) -> m.Preferences:
        return self.send(calls.get_preferences(customer_id))

    def get_profile(self, customer_id: str) -> m.Profile:
        return self.send(calls.get_profile(customer_id))

    def get_history(self, customer_id: str, **filters: Any) -> m.HistoryPage:
        return self.send(calls.get_history(customer_id, **filters))

    def iter_history(self, customer_id: str, **filters: Any) -> Iterator[Any]:
        """Every event, newest first, following `next_cursor` page after page."""
        cursor = None
        while True:
            page = self.get_history(customer_id, cursor=cursor, **filters)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def erase_customer(self, customer_id: str) -> None:
        self.send(calls.erase_customer(customer_id))

    # keys, audit, health
    def create_key(self, role: m.Role | str, name: str) -> m.KeyCreated:
        return self.send(calls.create_key(role, name))

    def list_keys(self, limit: int | None = None, cursor: str | None = None) -> m.KeyPage:
        return self.send(calls.list_keys(limit, cursor))

    def revoke_key(self, key_id: str) -> None:
        self.send(calls.revoke_key(key_id))

    def list_audit(self, customer_id: str | None = None, key_id: str | None = None,
                   limit: int | None = None, cursor: str | None = None) -> m.AuditPage:
        return self.send(calls.list_audit(customer_id, key_id, limit, cursor))

    def healthz(self) -> dict[str, Any]:
        return self.send(calls.healthz())

    def readyz(self) -> dict[str, Any]:
        return self.send(calls.readyz())


class AsyncGuardClient(_Base):
    """The same, for asyncio; one connection pool per instance (`await client.aclose()`)."""

    def __init__(self, base_url: str | None = None, api_key: str | None = None,
                 **options: Any) -> None:
        super().__init__(base_url, api_key, **options)
        self._http = httpx.AsyncClient(base_url=self.config.base_url,
                                       headers=policy.headers(self.config),
                                       limits=httpx.Limits(max_keepalive_connections=20))

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> "AsyncGuardClient":
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def send(self, call: calls.Call[T], *, budget_s: float | None = None) -> T:
        budget = self.config.timeout_s if budget_s is None else budget_s
        deadline = time.monotonic() + budget
        attempt = 0
        while True:
            try:
                try:
                    async with asyncio.timeout(max(deadline - time.monotonic(), 0.001)):
                        response = await self._http.request(
                            **self._request(call, deadline - time.monotonic()))
                except TimeoutError as exc:
                    raise errors.TimeoutError(f"no answer within {budget:.3f}s") from exc
                except httpx.HTTPError as exc:
                    raise policy.transport_error(exc) from exc
                return self._read(call, response)
            except errors.GuardError as error:
                pause = self._pause_before_retry(call, error, attempt, deadline)
                if pause is None:
                    raise
                await asyncio.sleep(pause)
                attempt += 1

    async def check(self, customer_id: str, items: Iterable[m.CartItem | Mapping[str, Any] | str],
                    *, as_of: datetime | None = None) -> m.CheckResult:
        try:
            return self._checked(await self.send(calls.check(customer_id, items, as_of),
                                                 budget_s=self.config.check_budget_s))
        except errors.GuardError as error:
            return self._degraded(customer_id, error)

    async def get_check(self, check_id: str) -> m.CheckResult:
        return await self.send(calls.get_check(check_id))

    async def send_feedback(self, check_id: str,
                            responses: Iterable[m.FeedbackResponse | Mapping[str, Any]]
                            ) -> m.FeedbackResult:
        return await self.send(calls.send_feedback(check_id, responses))

    async def warning_stats(self, since: datetime | None = None, until: datetime | None = None
                            ) -> m.WarningStatsPage:
        return await self.send(calls.warning_stats(since, until))

    async def record_order(self, order: m.OrderIn | Mapping[str, Any]) -> m.Order:
        body = self.link_order(order)
        try:
            return await self.send(calls.record_order(body))
        except errors.ValidationError as error:
            if not linking.refused_link(body, error):
                raise
            return await self.send(calls.record_order(linking.unlinked(body)))

    async def import_orders(self, orders: Iterable[m.OrderIn | Mapping[str, Any]]
                            ) -> m.OrderBatchResult:
        return await self.send(calls.import_orders(orders))

    async def get_order(self, order_id: str) -> m.Order:
        return await self.send(calls.get_order(order_id))

    async def record_return(self, order_id: str, request: m.ReturnIn | Mapping[str, Any]
                            ) -> m.Return:
        return await self.send(calls.record_return(order_id, request))

    async def cancel_order(self, order_id: str, cancelled_at: datetime | None = None) -> m.Order:
        return await self.send(calls.cancel_order(order_id, cancelled_at))

    async def put_product(self, sku: str, product: m.ProductIn | Mapping[str, Any]) -> m.Product:
        return await self.send(calls.put_product(sku, product))

    async def get_product(self, sku: str) -> m.Product:
        return await self.send(calls.get_product(sku))

    async def put_products(self, products: Iterable[m.ProductBatchItem | Mapping[str, Any]]
                           ) -> m.ProductBatchResult:
        return await self.send(calls.put_products(products))

    async def put_preferences(self, customer_id: str,
                              preferences: m.PreferencesIn | Mapping[str, Any]) -> m.Preferences:
        return await self.send(calls.put_preferences(customer_id, preferences))

    async def get_preferences(self, customer_id: str) -> m.Preferences:
        return await self.send(calls.get_preferences(customer_id))

    async def get_profile(self, customer_id: str) -> m.Profile:
        return await self.send(calls.get_profile(customer_id))

    async def get_history(self, customer_id: str, **filters: Any) -> m.HistoryPage:
        return await self.send(calls.get_history(customer_id, **filters))

    async def iter_history(self, customer_id: str, **filters: Any) -> AsyncIterator[Any]:
        cursor = None
        while True:
            page = await self.get_history(customer_id, cursor=cursor, **filters)
            for event in page.items:
                yield event
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    async def erase_customer(self, customer_id: str) -> None:
        await self.send(calls.erase_customer(customer_id))

    async def create_key(self, role: m.Role | str, name: str) -> m.KeyCreated:
        return await self.send(calls.create_key(role, name))

    async def list_keys(self, limit: int | None = None, cursor: str | None = None) -> m.KeyPage:
        return await self.send(calls.list_keys(limit, cursor))

    async def revoke_key(self, key_id: str) -> None:
        await self.send(calls.revoke_key(key_id))

    async def list_audit(self, customer_id: str | None = None, key_id: str | None = None,
                         limit: int | None = None, cursor: str | None = None) -> m.AuditPage:
        return await self.send(calls.list_audit(customer_id, key_id, limit, cursor))

    async def healthz(self) -> dict[str, Any]:
        return await self.send(calls.healthz())

    async def readyz(self) -> dict[str, Any]:
        return await self.send(calls.readyz())
