"""What support agents read: the profile and the timeline's events."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.checks.facts import WarningCode
from app.checks.schemas import CheckItem, CheckWarning, FeedbackAction, Verdict
from app.customers.schemas import Preferences
from app.orders.schemas import OrderLine, ReturnLineIn, ReturnReason
from app.pagination import Page


class OwnedItem(BaseModel):
    sku: str
    title: str | None = Field(description="Null when the sku is not in the catalog.")
    quantity: int = Field(description="Bought minus returned, over orders not cancelled.")
    first_purchased_at: datetime
    last_purchased_at: datetime


class ReturnedItem(BaseModel):
    sku: str
    title: str | None
    quantity: int
    reasons: list[ReturnReason] = Field(description="Distinct reasons, most recent first.")
    last_returned_at: datetime


class ActiveSubscription(BaseModel):
    sku: str
    title: str
    started_at: datetime = Field(description="The purchase that keeps it running.")
    ends_at: datetime


class ProvidedTag(BaseModel):
    tag: str = Field(description="e.g. `printer:oj-8010`: a device or membership they have.")
    sku: str
    title: str


class LearnedSize(BaseModel):
    category: str
    size: str
    purchases: int = Field(description="How many kept purchases agree on this size.")


class CustomerPreferences(BaseModel):
    stated: Preferences
    learned_sizes: list[LearnedSize]


class CustomerCounts(BaseModel):
    orders: int
    cancelled_orders: int
    returns: int
    checks: int
    warnings: int
    warnings_kept: int
    warnings_removed: int
    warnings_replaced: int


class OutcomeSource(StrEnum):
    """Where an outcome was learnt. `feedback`: the shop said so; `order`: the order naming
    the check shows it."""

    feedback = "feedback"
    order = "order"


class OutcomeItem(BaseModel):
    """What the customer did with one warning, and whether they regretted keeping it."""

    check_id: str
    sku: str
    code: WarningCode
    outcome: FeedbackAction
    source: OutcomeSource
    order_id: str | None
    regretted: bool = Field(description="Kept, then cancelled or returned within 7 days.")
    at: datetime = Field(description="When the outcome was learnt.")


class Profile(BaseModel):
    customer_id: str
    owned: list[OwnedItem]
    returned: list[ReturnedItem]
    subscriptions: list[ActiveSubscription]
    tags: list[ProvidedTag]
    preferences: CustomerPreferences
    counts: CustomerCounts
    as_of: datetime
    outcomes: list[OutcomeItem] = Field(
        default_factory=list, description="The latest 100 warning outcomes, newest first.")


class EventType(StrEnum):
    order = "order"
    return_ = "return"
    cancellation = "cancellation"
    check = "check"
    feedback = "feedback"
    preferences = "preferences"


class OrderEvent(BaseModel):
    type: Literal["order"] = "order"
    at: datetime = Field(description="When it was placed.")
    order_id: str
    lines: list[OrderLine]
    check_id: str | None = Field(default=None, description="The check it named, if any.")


class CheckOutcome(BaseModel):
    sku: str
    code: WarningCode
    outcome: FeedbackAction = Field(description="What the customer did with the warning.")
    source: OutcomeSource


class ReturnEvent(BaseModel):
    type: Literal["return"] = "return"
    at: datetime
    return_id: str
    order_id: str
    reason: ReturnReason
    lines: list[ReturnLineIn]


class CancellationEvent(BaseModel):
    type: Literal["cancellation"] = "cancellation"
    at: datetime
    order_id: str


class CheckEvent(BaseModel):
    type: Literal["check"] = "check"
    at: datetime = Field(description="When the check was answered.")
    check_id: str
    verdict: Verdict
    degraded: bool
    items: list[CheckItem]
    warnings: list[CheckWarning]
    order_id: str | None = Field(default=None,
                                 description="The order that named this check, if any.")
    outcomes: list[CheckOutcome] = Field(default_factory=list)


class FeedbackEvent(BaseModel):
    type: Literal["feedback"] = "feedback"
    at: datetime
    check_id: str
    sku: str
    code: WarningCode
    action: FeedbackAction
    replacement_sku: str | None
    reason: str | None
    source: OutcomeSource = OutcomeSource.feedback
    order_id: str | None = None


class PreferencesEvent(BaseModel):
    type: Literal["preferences"] = "preferences"
    at: datetime
    formats: list[str]
    sizes: dict[str, str]
    avoid: list[str]


Event = Annotated[
    OrderEvent | ReturnEvent | CancellationEvent | CheckEvent | FeedbackEvent | PreferencesEvent,
    Field(discriminator="type"),
]
class HistoryPage(Page[Event]):
    pass
