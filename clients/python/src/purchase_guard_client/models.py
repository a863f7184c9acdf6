"""Typed request and response models for every object of the purchase-guard contract.

Responses accept fields this SDK does not know yet (a newer service may add some).
"""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Response(BaseModel):
    model_config = ConfigDict(extra="allow")


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WarningCode(StrEnum):
    ALREADY_OWNED = "ALREADY_OWNED"
    OWNED_OTHER_FORMAT = "OWNED_OTHER_FORMAT"
    DUPLICATE_ORDER = "DUPLICATE_ORDER"
    DUPLICATE_IN_CART = "DUPLICATE_IN_CART"
    PREVIOUSLY_PURCHASED = "PREVIOUSLY_PURCHASED"
    EARLY_REPURCHASE = "EARLY_REPURCHASE"
    RETURNED_BEFORE = "RETURNED_BEFORE"
    INCOMPATIBLE = "INCOMPATIBLE"
    PREFERENCE_CONFLICT = "PREFERENCE_CONFLICT"
    PREFERRED_FORMAT = "PREFERRED_FORMAT"
    ALREADY_SUBSCRIBED = "ALREADY_SUBSCRIBED"
    INCLUDED_IN_SUBSCRIPTION = "INCLUDED_IN_SUBSCRIPTION"
    NEWER_VERSION = "NEWER_VERSION"


class Severity(StrEnum):
    info = "info"
    confirm = "confirm"
    block = "block"


class Verdict(StrEnum):
    proceed = "proceed"
    info = "info"
    confirm = "confirm"
    block = "block"


class Role(StrEnum):
    checkout = "checkout"
    support = "support"
    admin = "admin"


class ReturnReason(StrEnum):
    too_small = "too_small"
    too_large = "too_large"
    defective = "defective"
    not_as_described = "not_as_described"
    duplicate_order = "duplicate_order"
    incompatible = "incompatible"
    no_longer_needed = "no_longer_needed"
    other = "other"


class FeedbackAction(StrEnum):
    kept = "kept"
    removed = "removed"
    replaced = "replaced"


# --- catalog -------------------------------------------------------------------------------

class ProductIn(_Request):
    title: str
    kind: Literal["durable", "consumable", "digital", "subscription", "service"] | None = None
    work_id: str | None = None
    format: str | None = None
    category: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)
    provides: list[str] = Field(default_factory=list)
    requires_any: list[str] = Field(default_factory=list)
    contains: list[str] = Field(default_factory=list)
    included_in: list[str] = Field(default_factory=list)
    superseded_by: str | None = None
    replenish_days: int | None = None
    duration_days: int | None = None
    active: bool = True


class ProductBatchItem(ProductIn):
    sku: str


class Product(_Response):
    sku: str
    title: str
    kind: str | None = None
    work_id: str | None = None
    format: str | None = None
    category: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)
    provides: list[str] = Field(default_factory=list)
    requires_any: list[str] = Field(default_factory=list)
    contains: list[str] = Field(default_factory=list)
    included_in: list[str] = Field(default_factory=list)
    superseded_by: str | None = None
    replenish_days: int | None = None
    duration_days: int | None = None
    active: bool = True


class ProductBatchResult(_Response):
    created: int
    updated: int


# --- history -------------------------------------------------------------------------------

class OrderLineIn(_Request):
    sku: str
    quantity: int = 1
    unit_price: Decimal | None = None


class OrderIn(_Request):
    order_id: str
    customer_id: str
    placed_at: datetime
    lines: list[OrderLineIn]
    check_id: str | None = None


class OrderLine(_Response):
    sku: str
    quantity: int
    unit_price: Decimal | None = None


class ReturnLine(_Response):
    sku: str
    quantity: int


class ReturnLineIn(_Request):
    sku: str
    quantity: int = 1


class ReturnIn(_Request):
    lines: list[ReturnLineIn]
    reason: ReturnReason
    returned_at: datetime | None = None
    return_id: str | None = None


class Return(_Response):
    return_id: str
    order_id: str
    customer_id: str
    lines: list[ReturnLine]
    reason: ReturnReason
    returned_at: datetime
    created_at: datetime


class Order(_Response):
    order_id: str
    customer_id: str
    placed_at: datetime
    lines: list[OrderLine]
    cancelled_at: datetime | None = None
    returns: list[Return] = Field(default_factory=list)
    created_at: datetime
    check_id: str | None = None


class BatchLineError(_Response):
    line: int
    detail: str


class OrderBatchResult(_Response):
    created: int
    unchanged: int
    conflicts: int
    errors: list[BatchLineError]


# --- preferences ---------------------------------------------------------------------------

class PreferencesIn(_Request):
    formats: list[str] = Field(default_factory=list)
    sizes: dict[str, str] = Field(default_factory=dict)
    avoid: list[str] = Field(default_factory=list)


class Preferences(_Response):
    customer_id: str
    formats: list[str] = Field(default_factory=list)
    sizes: dict[str, str] = Field(default_factory=dict)
    avoid: list[str] = Field(default_factory=list)
    updated_at: datetime | None = None


# --- checks --------------------------------------------------------------------------------

class CartItem(_Request):
    sku: str
    quantity: int = 1
    gift: bool = False


class Evidence(_Response):
    order_id: str | None = None
    sku: str | None = None
    at: datetime | None = None
    quantity: int | None = None
    reason: str | None = None
    tag: str | None = None
    ends_at: datetime | None = None
    line: int | None = None
    size: str | None = None
    category: str | None = None
    format: str | None = None
    source: str | None = None


class Suggestion(_Response):
    action: Literal["remove", "replace", "keep"]
    sku: str | None = None
    message: str


class CheckWarning(_Response):
    code: WarningCode
    severity: Severity
    sku: str
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    suggestion: Suggestion | None = None


class RepeatsOrder(_Response):
    """The recent order most of the cart repeats: ask once, not once per line."""

    order_id: str
    placed_at: datetime
    matched_lines: int
    message: str


class CheckResult(_Response):
    # None only when the SDK answered by itself (failed open): no check was made.
    check_id: str | None
    customer_id: str
    verdict: Verdict
    warnings: list[CheckWarning]
    degraded: bool
    as_of: datetime | None = None
    degraded_reason: str | None = None
    repeats_order: RepeatsOrder | None = None

    @property
    def answered_by_sdk(self) -> bool:
        return self.check_id is None


class FeedbackResponse(_Request):
    sku: str
    code: WarningCode
    action: FeedbackAction
    replacement_sku: str | None = None
    reason: str | None = None


class FeedbackRecorded(_Response):
    sku: str
    code: WarningCode
    action: FeedbackAction
    replacement_sku: str | None = None
    reason: str | None = None
    suppressed_until: datetime | None = None


class FeedbackResult(_Response):
    check_id: str
    responses: list[FeedbackRecorded]


class WarningStats(_Response):
    code: WarningCode
    raised: int
    kept: int
    removed: int
    replaced: int
    regretted: int = 0
    with_outcome: int = 0


class WarningStatsPage(_Response):
    since: datetime | None = None
    until: datetime
    items: list[WarningStats]


# --- keys ----------------------------------------------------------------------------------

class Key(_Response):
    key_id: str
    role: Role
    name: str
    created_at: datetime
    revoked_at: datetime | None = None


class KeyCreated(Key):
    key: str


class KeyPage(_Response):
    items: list[Key]
    next_cursor: str | None = None


# --- support -------------------------------------------------------------------------------

class OwnedItem(_Response):
    sku: str
    title: str | None = None
    quantity: int
    first_purchased_at: datetime
    last_purchased_at: datetime


class ReturnedItem(_Response):
    sku: str
    title: str | None = None
    quantity: int
    reasons: list[ReturnReason]
    last_returned_at: datetime


class ActiveSubscription(_Response):
    sku: str
    title: str
    started_at: datetime
    ends_at: datetime


class ProvidedTag(_Response):
    tag: str
    sku: str
    title: str


class LearnedSize(_Response):
    category: str
    size: str
    purchases: int


class CustomerPreferences(_Response):
    stated: Preferences
    learned_sizes: list[LearnedSize]


class CustomerCounts(_Response):
    orders: int
    cancelled_orders: int
    returns: int
    checks: int
    warnings: int
    warnings_kept: int
    warnings_removed: int
    warnings_replaced: int


class OutcomeItem(_Response):
    check_id: str
    sku: str
    code: WarningCode
    outcome: FeedbackAction
    source: Literal["feedback", "order"]
    order_id: str | None = None
    regretted: bool
    at: datetime


class Profile(_Response):
    customer_id: str
    owned: list[OwnedItem]
    returned: list[ReturnedItem]
    subscriptions: list[ActiveSubscription]
    tags: list[ProvidedTag]
    preferences: CustomerPreferences
    counts: CustomerCounts
    as_of: datetime
    outcomes: list[OutcomeItem] = Field(default_factory=list)


class OrderEvent(_Response):
    type: Literal["order"]
    at: datetime
    order_id: str
    lines: list[OrderLine]
    check_id: str | None = None


class ReturnEvent(_Response):
    type: Literal["return"]
    at: datetime
    return_id: str
    order_id: str
    reason: ReturnReason
    lines: list[ReturnLine]


class CancellationEvent(_Response):
    type: Literal["cancellation"]
    at: datetime
    order_id: str


class CheckEvent(_Response):
    type: Literal["check"]
    at: datetime
    check_id: str
    verdict: Verdict
    degraded: bool
    items: list[dict[str, Any]]
    warnings: list[CheckWarning]
    order_id: str | None = None
    outcomes: list[dict[str, Any]] = Field(default_factory=list)


class FeedbackEvent(_Response):
    type: Literal["feedback"]
    at: datetime
    check_id: str
    sku: str
    code: WarningCode
    action: FeedbackAction
    replacement_sku: str | None = None
    reason: str | None = None
    source: Literal["feedback", "order"] = "feedback"
    order_id: str | None = None


class PreferencesEvent(_Response):
    type: Literal["preferences"]
    at: datetime
    formats: list[str]
    sizes: dict[str, str]
    avoid: list[str]


Event = Annotated[
    OrderEvent | ReturnEvent | CancellationEvent | CheckEvent | FeedbackEvent | PreferencesEvent,
    Field(discriminator="type"),
]


class HistoryPage(_Response):
    items: list[Event]
    next_cursor: str | None = None


class AuditEntry(_Response):
    id: int
    at: datetime
    key_id: str
    key_name: str
    role: Role
    action: str
    customer_id: str | None = None
    path: str


class AuditPage(_Response):
    items: list[AuditEntry]
    next_cursor: str | None = None
