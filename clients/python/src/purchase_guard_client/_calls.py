"""Every contract endpoint as a `Call`: what to send, whether a retry is safe, how to read it.

The sync and async clients only differ in how they send a Call.
"""

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar
from urllib.parse import quote

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_jsonable_python

from purchase_guard_client import models as m

T = TypeVar("T")


@dataclass(frozen=True)
class Call(Generic[T]):
    method: str
    path: str
    parse: Callable[[Any], T]
    json: Any = None
    content: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    # Safe to send again: a retry cannot do twice what the first attempt did.
    idempotent: bool = False
    # The response is text (metrics) or empty (204), not JSON.
    raw: bool = False


def _seg(value: str) -> str:
    return quote(value, safe="")


def body(value: Any) -> Any:
    """A request body as sent: what `record_order` and `OrderRecorder` link and spool."""
    return _body(value)


def _body(value: Any) -> Any:
    """Models and plain dicts alike, with datetimes and decimals as JSON can carry them."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_body(v) for v in value]
    return to_jsonable_python(value)


def _model(cls: type[T]) -> Callable[[Any], T]:
    adapter = TypeAdapter(cls)
    return adapter.validate_python


def _none(_: Any) -> None:
    return None


def _params(**values: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        out[key] = value.isoformat() if isinstance(value, datetime) else value
    return out


# keys
def create_key(role: m.Role | str, name: str) -> Call[m.KeyCreated]:
    return Call("POST", "/v1/keys", _model(m.KeyCreated), json={"role": str(role), "name": name})


def list_keys(limit: int | None = None, cursor: str | None = None) -> Call[m.KeyPage]:
    return Call("GET", "/v1/keys", _model(m.KeyPage), params=_params(limit=limit, cursor=cursor),
                idempotent=True)


def revoke_key(key_id: str) -> Call[None]:
    return Call("DELETE", f"/v1/keys/{_seg(key_id)}", _none, idempotent=True, raw=True)


# catalog
def put_product(sku: str, product: m.ProductIn | Mapping[str, Any]) -> Call[m.Product]:
    return Call("PUT", f"/v1/products/{_seg(sku)}", _model(m.Product), json=_body(product),
                idempotent=True)


def get_product(sku: str) -> Call[m.Product]:
    return Call("GET", f"/v1/products/{_seg(sku)}", _model(m.Product), idempotent=True)


def put_products(products: Iterable[m.ProductBatchItem | Mapping[str, Any]]
                 ) -> Call[m.ProductBatchResult]:
    # An upsert of the whole batch, all or nothing: sending it again changes nothing more.
    return Call("POST", "/v1/products/batch", _model(m.ProductBatchResult),
                json=[_body(p) for p in products], idempotent=True)


# orders
def record_order(order: m.OrderIn | Mapping[str, Any]) -> Call[m.Order]:
    # The order id is its natural key: a retry answers 200 with the stored order.
    return Call("POST", "/v1/orders", _model(m.Order), json=_body(order), idempotent=True)


def import_orders(orders: Iterable[m.OrderIn | Mapping[str, Any]]) -> Call[m.OrderBatchResult]:
    lines = "".join(json.dumps(_body(o), default=str) + "\n" for o in orders)
    return Call("POST", "/v1/orders/batch", _model(m.OrderBatchResult),
                content=lines.encode(), headers={"Content-Type": "application/x-ndjson"},
                idempotent=True)


def get_order(order_id: str) -> Call[m.Order]:
    return Call("GET", f"/v1/orders/{_seg(order_id)}", _model(m.Order), idempotent=True)


def record_return(order_id: str, request: m.ReturnIn | Mapping[str, Any]) -> Call[m.Return]:
    body = _body(request)
    # Only with its own return_id is a return safe to send twice.
    return Call("POST", f"/v1/orders/{_seg(order_id)}/returns", _model(m.Return), json=body,
                idempotent=bool(body.get("return_id")))


def cancel_order(order_id: str, cancelled_at: datetime | None = None) -> Call[m.Order]:
    body = {"cancelled_at": cancelled_at.isoformat()} if cancelled_at else {}
    return Call("POST", f"/v1/orders/{_seg(order_id)}/cancel", _model(m.Order), json=body,
                idempotent=True)


# customers
def put_preferences(customer_id: str, preferences: m.PreferencesIn | Mapping[str, Any]
                    ) -> Call[m.Preferences]:
    return Call("PUT", f"/v1/customers/{_seg(customer_id)}/preferences", _model(m.Preferences),
                json=_body(preferences), idempotent=True)


def get_preferences(customer_id: str) -> Call[m.Preferences]:
    return Call("GET", f"/v1/customers/{_seg(customer_id)}/preferences", _model(m.Preferences),
                idempotent=True)


def get_profile(customer_id: str) -> Call[m.Profile]:
    return Call("GET", f"/v1/customers/{_seg(customer_id)}/profile", _model(m.Profile),
                idempotent=True)


def get_history(customer_id: str, *, types: Iterable[str] | None = None, sku: str | None = None,
                since: datetime | None = None, until: datetime | None = None,
                limit: int | None = None, cursor: str | None = None) -> Call[m.HistoryPage]:
    params = _params(sku=sku, since=since, until=until, limit=limit, cursor=cursor)
    if types:
        params["type"] = list(types)
    return Call("GET", f"/v1/customers/{_seg(customer_id)}/history", _model(m.HistoryPage),
                params=params, idempotent=True)


def erase_customer(customer_id: str) -> Call[None]:
    return Call("DELETE", f"/v1/customers/{_seg(customer_id)}", _none, idempotent=True, raw=True)


# checks
def check(customer_id: str, items: Iterable[m.CartItem | Mapping[str, Any] | str],
          as_of: datetime | None = None) -> Call[m.CheckResult]:
    body: dict[str, Any] = {
        "customer_id": customer_id,
        "items": [{"sku": i} if isinstance(i, str) else _body(i) for i in items],
    }
    if as_of is not None:
        body["as_of"] = as_of.isoformat()
    return Call("POST", "/v1/checks", _model(m.CheckResult), json=body)


def get_check(check_id: str) -> Call[m.CheckResult]:
    return Call("GET", f"/v1/checks/{_seg(check_id)}", _model(m.CheckResult), idempotent=True)


def send_feedback(check_id: str, responses: Iterable[m.FeedbackResponse | Mapping[str, Any]]
                  ) -> Call[m.FeedbackResult]:
    # Feedback is stored per check, sku and code: sending it again overwrites it with itself.
    return Call("POST", f"/v1/checks/{_seg(check_id)}/feedback", _model(m.FeedbackResult),
                json={"responses": [_body(r) for r in responses]}, idempotent=True)


def warning_stats(since: datetime | None = None, until: datetime | None = None
                  ) -> Call[m.WarningStatsPage]:
    return Call("GET", "/v1/stats/warnings", _model(m.WarningStatsPage),
                params=_params(since=since, until=until), idempotent=True)


def list_audit(customer_id: str | None = None, key_id: str | None = None,
               limit: int | None = None, cursor: str | None = None) -> Call[m.AuditPage]:
    return Call("GET", "/v1/audit", _model(m.AuditPage),
                params=_params(customer_id=customer_id, key_id=key_id, limit=limit,
                               cursor=cursor), idempotent=True)


# health
def healthz() -> Call[dict[str, Any]]:
    return Call("GET", "/healthz", _model(dict), idempotent=True)


def readyz() -> Call[dict[str, Any]]:
    return Call("GET", "/readyz", _model(dict), idempotent=True)
