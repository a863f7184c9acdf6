"""The contract's objects, generated from openapi/openapi.json by `clients/python/generate_models.py`:
do not edit; regenerate."""

# ruff: noqa
from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class ActiveSubscription(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    title: Annotated[str, Field(title='Title')]
    started_at: Annotated[AwareDatetime, Field(title='Started At')]
    """
    The purchase that keeps it running.
    """
    ends_at: Annotated[AwareDatetime, Field(title='Ends At')]


class BatchLineError(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    line: Annotated[int, Field(title='Line')]
    detail: Annotated[str, Field(title='Detail')]


class CacheState(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    backend: Annotated[str, Field(title='Backend')]
    status: Annotated[str, Field(title='Status')]


class CancelRequest(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    cancelled_at: Annotated[AwareDatetime | None, Field(title='Cancelled At')] = None
    """
    Defaults to now.
    """


class CancellationEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['cancellation'], Field(title='Type')] = 'cancellation'
    at: Annotated[AwareDatetime, Field(title='At')]
    order_id: Annotated[str, Field(title='Order Id')]


class CheckItem(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    quantity: Annotated[int | None, Field(title='Quantity')] = 1
    gift: Annotated[bool | None, Field(title='Gift')] = False
    """
    For someone else: only DUPLICATE_ORDER.
    """


class CustomerCounts(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    orders: Annotated[int, Field(title='Orders')]
    cancelled_orders: Annotated[int, Field(title='Cancelled Orders')]
    returns: Annotated[int, Field(title='Returns')]
    checks: Annotated[int, Field(title='Checks')]
    warnings: Annotated[int, Field(title='Warnings')]
    warnings_kept: Annotated[int, Field(title='Warnings Kept')]
    warnings_removed: Annotated[int, Field(title='Warnings Removed')]
    warnings_replaced: Annotated[int, Field(title='Warnings Replaced')]


class EventType(StrEnum):
    order = 'order'
    return_ = 'return'
    cancellation = 'cancellation'
    check = 'check'
    feedback = 'feedback'
    preferences = 'preferences'


class Evidence(BaseModel):
    """
    What a warning rests on; which fields are present depends on the code.
    """

    model_config = ConfigDict(
        extra='allow',
    )
    order_id: Annotated[str | None, Field(title='Order Id')] = None
    sku: Annotated[str | None, Field(title='Sku')] = None
    at: Annotated[AwareDatetime | None, Field(title='At')] = None
    quantity: Annotated[int | None, Field(title='Quantity')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None
    tag: Annotated[str | None, Field(title='Tag')] = None
    ends_at: Annotated[AwareDatetime | None, Field(title='Ends At')] = None
    line: Annotated[int | None, Field(title='Line')] = None
    """
    Index of the cart line.
    """
    size: Annotated[str | None, Field(title='Size')] = None
    category: Annotated[str | None, Field(title='Category')] = None
    format: Annotated[str | None, Field(title='Format')] = None
    source: Annotated[str | None, Field(title='Source')] = None
    """
    `preferences` when stated by them.
    """


class FeedbackAction(StrEnum):
    kept = 'kept'
    removed = 'removed'
    replaced = 'replaced'


class FieldError(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    loc: Annotated[list[str | int], Field(title='Loc')]
    msg: Annotated[str, Field(title='Msg')]


class Health(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    status: Annotated[str, Field(title='Status')]


class LearnedSize(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    category: Annotated[str, Field(title='Category')]
    size: Annotated[str, Field(title='Size')]
    purchases: Annotated[int, Field(title='Purchases')]
    """
    How many kept purchases agree on this size.
    """


class OrderBatchResult(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    created: Annotated[int, Field(title='Created')]
    unchanged: Annotated[int, Field(title='Unchanged')]
    conflicts: Annotated[int, Field(title='Conflicts')]
    errors: Annotated[list[BatchLineError], Field(title='Errors')]


class OrderLine(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    quantity: Annotated[int, Field(title='Quantity')]
    unit_price: Annotated[float | str | None, Field(title='Unit Price')] = None


class OrderLineIn(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    quantity: Annotated[int, Field(title='Quantity')]
    unit_price: Annotated[float | str | None, Field(title='Unit Price')] = None


class OutcomeSource(StrEnum):
    """
    Where an outcome was learnt. `feedback`: the shop said so; `order`: the order naming
    the check shows it.
    """

    feedback = 'feedback'
    order = 'order'


class OwnedItem(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    title: Annotated[str | None, Field(title='Title')]
    """
    Null when the sku is not in the catalog.
    """
    quantity: Annotated[int, Field(title='Quantity')]
    """
    Bought minus returned, over orders not cancelled.
    """
    first_purchased_at: Annotated[AwareDatetime, Field(title='First Purchased At')]
    last_purchased_at: Annotated[AwareDatetime, Field(title='Last Purchased At')]


class Preferences(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    formats: Annotated[list[str] | None, Field(title='Formats')] = []
    """
    Formats in order of preference, most preferred first.
    """
    sizes: Annotated[dict[str, Any] | None, Field(max_length=50, title='Sizes')] = {}
    """
    The customer's size per category, e.g. {"shoes": "43"}.
    """
    avoid: Annotated[list[str] | None, Field(title='Avoid')] = []
    """
    Tags matched against a product's `contains`.
    """
    customer_id: Annotated[str, Field(title='Customer Id')]
    updated_at: Annotated[AwareDatetime | None, Field(title='Updated At')]
    """
    Null when nothing was ever stated.
    """


class PreferencesEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['preferences'], Field(title='Type')] = 'preferences'
    at: Annotated[AwareDatetime, Field(title='At')]
    formats: Annotated[list[str], Field(title='Formats')]
    sizes: Annotated[dict[str, str], Field(title='Sizes')]
    avoid: Annotated[list[str], Field(title='Avoid')]


class PreferencesUpdate(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    formats: Annotated[list[str] | None, Field(title='Formats')] = []
    """
    Formats in order of preference, most preferred first.
    """
    sizes: Annotated[dict[str, Any] | None, Field(max_length=50, title='Sizes')] = {}
    """
    The customer's size per category, e.g. {"shoes": "43"}.
    """
    avoid: Annotated[list[str] | None, Field(title='Avoid')] = []
    """
    Tags matched against a product's `contains`.
    """


class Problem(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[str, Field(title='Type')]
    title: Annotated[str, Field(title='Title')]
    status: Annotated[int, Field(title='Status')]
    detail: Annotated[str, Field(title='Detail')]
    errors: Annotated[list[FieldError] | None, Field(title='Errors')] = None


class ProductBatchResult(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    created: Annotated[int, Field(title='Created')]
    updated: Annotated[int, Field(title='Updated')]


class ProductKind(StrEnum):
    durable = 'durable'
    consumable = 'consumable'
    digital = 'digital'
    subscription = 'subscription'
    service = 'service'


class ProductUpsert(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    title: Annotated[str, Field(title='Title')]
    kind: ProductKind | None = None
    """
    Unset means unknown: no kind-specific warnings.
    """
    work_id: Annotated[str | None, Field(title='Work Id')] = None
    format: Annotated[str | None, Field(title='Format')] = None
    category: Annotated[str | None, Field(title='Category')] = None
    attributes: Annotated[
        dict[str, Any] | None, Field(max_length=50, title='Attributes')
    ] = {}
    provides: Annotated[list[str] | None, Field(title='Provides')] = []
    requires_any: Annotated[list[str] | None, Field(title='Requires Any')] = []
    contains: Annotated[list[str] | None, Field(title='Contains')] = []
    included_in: Annotated[list[str] | None, Field(title='Included In')] = []
    superseded_by: Annotated[str | None, Field(title='Superseded By')] = None
    """
    The newer product's sku; never the product's own.
    """
    replenish_days: Annotated[int | None, Field(title='Replenish Days')] = None
    duration_days: Annotated[int | None, Field(title='Duration Days')] = None
    active: Annotated[bool | None, Field(title='Active')] = True


class ProvidedTag(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    tag: Annotated[str, Field(title='Tag')]
    """
    e.g. `printer:oj-8010`: a device or membership they have.
    """
    sku: Annotated[str, Field(title='Sku')]
    title: Annotated[str, Field(title='Title')]


class Readiness(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    status: Annotated[str, Field(title='Status')]
    database: Annotated[str, Field(title='Database')]
    cache: CacheState


class RepeatsOrder(BaseModel):
    """
    The recent order most of the cart repeats: ask once, not once per line.
    """

    model_config = ConfigDict(
        extra='allow',
    )
    order_id: Annotated[str, Field(title='Order Id')]
    placed_at: Annotated[AwareDatetime, Field(title='Placed At')]
    matched_lines: Annotated[int, Field(title='Matched Lines')]
    """
    How many cart lines repeat it.
    """
    message: Annotated[str, Field(title='Message')]


class ReturnLineIn(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    quantity: Annotated[int, Field(title='Quantity')]


class ReturnReason(StrEnum):
    too_small = 'too_small'
    too_large = 'too_large'
    defective = 'defective'
    not_as_described = 'not_as_described'
    duplicate_order = 'duplicate_order'
    incompatible = 'incompatible'
    no_longer_needed = 'no_longer_needed'
    other = 'other'


class ReturnedItem(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    title: Annotated[str | None, Field(title='Title')]
    quantity: Annotated[int, Field(title='Quantity')]
    reasons: Annotated[list[ReturnReason], Field(title='Reasons')]
    """
    Distinct reasons, most recent first.
    """
    last_returned_at: Annotated[AwareDatetime, Field(title='Last Returned At')]


class Role(StrEnum):
    checkout = 'checkout'
    support = 'support'
    admin = 'admin'


class Severity(StrEnum):
    info = 'info'
    confirm = 'confirm'
    block = 'block'


class SuggestionAction(StrEnum):
    remove = 'remove'
    replace_ = 'replace'
    keep = 'keep'


class Verdict(StrEnum):
    proceed = 'proceed'
    info = 'info'
    confirm = 'confirm'
    block = 'block'


class WarningCode(StrEnum):
    """
    The warning codes, in the contract's order.
    """

    ALREADY_OWNED = 'ALREADY_OWNED'
    ALREADY_SUBSCRIBED = 'ALREADY_SUBSCRIBED'
    DUPLICATE_ORDER = 'DUPLICATE_ORDER'
    PREVIOUSLY_PURCHASED = 'PREVIOUSLY_PURCHASED'
    EARLY_REPURCHASE = 'EARLY_REPURCHASE'
    OWNED_OTHER_FORMAT = 'OWNED_OTHER_FORMAT'
    RETURNED_BEFORE = 'RETURNED_BEFORE'
    DUPLICATE_IN_CART = 'DUPLICATE_IN_CART'
    INCOMPATIBLE = 'INCOMPATIBLE'
    PREFERENCE_CONFLICT = 'PREFERENCE_CONFLICT'
    INCLUDED_IN_SUBSCRIPTION = 'INCLUDED_IN_SUBSCRIPTION'
    NEWER_VERSION = 'NEWER_VERSION'
    PREFERRED_FORMAT = 'PREFERRED_FORMAT'


class WarningStats(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    code: WarningCode
    raised: Annotated[int, Field(title='Raised')]
    kept: Annotated[int, Field(title='Kept')]
    removed: Annotated[int, Field(title='Removed')]
    replaced: Annotated[int, Field(title='Replaced')]
    regretted: Annotated[int, Field(title='Regretted')]
    """
    Kept, then cancelled or returned within 7 days: the warning was right.
    """
    with_outcome: Annotated[int, Field(title='With Outcome')]
    """
    Raised warnings whose outcome is known (kept, removed or replaced): the coverage.
    """


class WarningStatsPage(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    since: Annotated[AwareDatetime | None, Field(title='Since')]
    until: Annotated[AwareDatetime, Field(title='Until')]
    items: Annotated[list[WarningStats], Field(title='Items')]


class CheckRequest(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    customer_id: Annotated[str, Field(title='Customer Id')]
    items: Annotated[list[CheckItem], Field(title='Items')]
    as_of: Annotated[AwareDatetime | None, Field(title='As Of')] = None
    """
    Evaluate as if now were this instant; history after it is ignored.
    """


class AuditEntryOut(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    id: Annotated[int, Field(title='Id')]
    at: Annotated[AwareDatetime, Field(title='At')]
    key_id: Annotated[str, Field(title='Key Id')]
    key_name: Annotated[str, Field(title='Key Name')]
    role: Role
    action: Annotated[str, Field(title='Action')]
    """
    `read_profile`, `read_history`, `read_order`, `read_preferences`, `read_check` or `erase_customer`.
    """
    customer_id: Annotated[str | None, Field(title='Customer Id')]
    path: Annotated[str, Field(title='Path')]
    """
    The path read; after an erasure, only its route template.
    """


class AuditPage(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    items: Annotated[list[AuditEntryOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]


class CheckOutcome(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    code: WarningCode
    outcome: FeedbackAction
    """
    What the customer did with the warning.
    """
    source: OutcomeSource


class CustomerPreferences(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    stated: Preferences
    learned_sizes: Annotated[list[LearnedSize], Field(title='Learned Sizes')]


class FeedbackEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['feedback'], Field(title='Type')] = 'feedback'
    at: Annotated[AwareDatetime, Field(title='At')]
    check_id: Annotated[str, Field(title='Check Id')]
    sku: Annotated[str, Field(title='Sku')]
    code: WarningCode
    action: FeedbackAction
    replacement_sku: Annotated[str | None, Field(title='Replacement Sku')]
    reason: Annotated[str | None, Field(title='Reason')]
    source: OutcomeSource | None = OutcomeSource.feedback
    order_id: Annotated[str | None, Field(title='Order Id')] = None


class FeedbackRecorded(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    code: WarningCode
    action: FeedbackAction
    replacement_sku: Annotated[str | None, Field(title='Replacement Sku')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None
    suppressed_until: Annotated[AwareDatetime | None, Field(title='Suppressed Until')]
    """
    Until when this warning stays quiet for the customer (kept only).
    """


class FeedbackResponse(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    sku: Annotated[str, Field(title='Sku')]
    code: WarningCode
    action: FeedbackAction
    replacement_sku: Annotated[str | None, Field(title='Replacement Sku')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None


class FeedbackResult(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    check_id: Annotated[str, Field(title='Check Id')]
    responses: Annotated[list[FeedbackRecorded], Field(title='Responses')]


class Key(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    key_id: Annotated[str, Field(title='Key Id')]
    role: Role
    name: Annotated[str, Field(title='Name')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    revoked_at: Annotated[AwareDatetime | None, Field(title='Revoked At')] = None


class KeyCreate(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    role: Role
    name: Annotated[str, Field(title='Name')]


class KeyCreated(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    key_id: Annotated[str, Field(title='Key Id')]
    key: Annotated[str, Field(title='Key')]
    role: Role
    name: Annotated[str, Field(title='Name')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]


class KeyPage(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    items: Annotated[list[Key], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]


class OrderCreate(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    order_id: Annotated[str, Field(title='Order Id')]
    customer_id: Annotated[str, Field(title='Customer Id')]
    placed_at: Annotated[AwareDatetime, Field(title='Placed At')]
    """
    RFC 3339 with a zone, between the years 1900 and 2999.
    """
    lines: Annotated[list[OrderLineIn], Field(title='Lines')]
    check_id: Annotated[str | None, Field(title='Check Id')] = None
    """
    The check the customer saw before placing this order. It must be a check of the same customer (else 422 naming `check_id`); what they did with each warning is then known.
    """


class OrderEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['order'], Field(title='Type')] = 'order'
    at: Annotated[AwareDatetime, Field(title='At')]
    """
    When it was placed.
    """
    order_id: Annotated[str, Field(title='Order Id')]
    lines: Annotated[list[OrderLine], Field(title='Lines')]
    check_id: Annotated[str | None, Field(title='Check Id')] = None
    """
    The check it named, if any.
    """


class OutcomeItem(BaseModel):
    """
    What the customer did with one warning, and whether they regretted keeping it.
    """

    model_config = ConfigDict(
        extra='allow',
    )
    check_id: Annotated[str, Field(title='Check Id')]
    sku: Annotated[str, Field(title='Sku')]
    code: WarningCode
    outcome: FeedbackAction
    source: OutcomeSource
    order_id: Annotated[str | None, Field(title='Order Id')]
    regretted: Annotated[bool, Field(title='Regretted')]
    """
    Kept, then cancelled or returned within 7 days.
    """
    at: Annotated[AwareDatetime, Field(title='At')]
    """
    When the outcome was learnt.
    """


class Product(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    title: Annotated[str, Field(title='Title')]
    kind: ProductKind | None = None
    """
    Unset means unknown: no kind-specific warnings.
    """
    work_id: Annotated[str | None, Field(title='Work Id')] = None
    format: Annotated[str | None, Field(title='Format')] = None
    category: Annotated[str | None, Field(title='Category')] = None
    attributes: Annotated[
        dict[str, Any] | None, Field(max_length=50, title='Attributes')
    ] = {}
    provides: Annotated[list[str] | None, Field(title='Provides')] = []
    requires_any: Annotated[list[str] | None, Field(title='Requires Any')] = []
    contains: Annotated[list[str] | None, Field(title='Contains')] = []
    included_in: Annotated[list[str] | None, Field(title='Included In')] = []
    superseded_by: Annotated[str | None, Field(title='Superseded By')] = None
    """
    The newer product's sku; never the product's own.
    """
    replenish_days: Annotated[int | None, Field(title='Replenish Days')] = None
    duration_days: Annotated[int | None, Field(title='Duration Days')] = None
    active: Annotated[bool | None, Field(title='Active')] = True
    sku: Annotated[str, Field(title='Sku')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]


class ProductBatchItem(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    title: Annotated[str, Field(title='Title')]
    kind: ProductKind | None = None
    """
    Unset means unknown: no kind-specific warnings.
    """
    work_id: Annotated[str | None, Field(title='Work Id')] = None
    format: Annotated[str | None, Field(title='Format')] = None
    category: Annotated[str | None, Field(title='Category')] = None
    attributes: Annotated[
        dict[str, Any] | None, Field(max_length=50, title='Attributes')
    ] = {}
    provides: Annotated[list[str] | None, Field(title='Provides')] = []
    requires_any: Annotated[list[str] | None, Field(title='Requires Any')] = []
    contains: Annotated[list[str] | None, Field(title='Contains')] = []
    included_in: Annotated[list[str] | None, Field(title='Included In')] = []
    superseded_by: Annotated[str | None, Field(title='Superseded By')] = None
    """
    The newer product's sku; never the product's own.
    """
    replenish_days: Annotated[int | None, Field(title='Replenish Days')] = None
    duration_days: Annotated[int | None, Field(title='Duration Days')] = None
    active: Annotated[bool | None, Field(title='Active')] = True
    sku: Annotated[str, Field(title='Sku')]


class Profile(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    customer_id: Annotated[str, Field(title='Customer Id')]
    owned: Annotated[list[OwnedItem], Field(title='Owned')]
    returned: Annotated[list[ReturnedItem], Field(title='Returned')]
    subscriptions: Annotated[list[ActiveSubscription], Field(title='Subscriptions')]
    tags: Annotated[list[ProvidedTag], Field(title='Tags')]
    preferences: CustomerPreferences
    counts: CustomerCounts
    as_of: Annotated[AwareDatetime, Field(title='As Of')]
    outcomes: Annotated[list[OutcomeItem] | None, Field(title='Outcomes')] = None
    """
    The latest 100 warning outcomes, newest first.
    """


class Return(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    return_id: Annotated[str, Field(title='Return Id')]
    order_id: Annotated[str, Field(title='Order Id')]
    customer_id: Annotated[str, Field(title='Customer Id')]
    lines: Annotated[list[ReturnLineIn], Field(title='Lines')]
    reason: ReturnReason
    returned_at: Annotated[AwareDatetime, Field(title='Returned At')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]


class ReturnCreate(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    lines: Annotated[list[ReturnLineIn], Field(title='Lines')]
    reason: ReturnReason
    returned_at: Annotated[AwareDatetime | None, Field(title='Returned At')] = None
    """
    Defaults to now.
    """
    return_id: Annotated[str | None, Field(title='Return Id')] = None
    """
    Optional natural key: sending the same return again answers 200 with the stored one instead of recording it twice.
    """


class ReturnEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['return'], Field(title='Type')] = 'return'
    at: Annotated[AwareDatetime, Field(title='At')]
    return_id: Annotated[str, Field(title='Return Id')]
    order_id: Annotated[str, Field(title='Order Id')]
    reason: ReturnReason
    lines: Annotated[list[ReturnLineIn], Field(title='Lines')]


class Suggestion(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    action: SuggestionAction
    sku: Annotated[str | None, Field(title='Sku')] = None
    message: Annotated[str, Field(title='Message')]


class CheckWarning(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    code: WarningCode
    severity: Severity
    sku: Annotated[str, Field(title='Sku')]
    message: Annotated[str, Field(title='Message')]
    evidence: Annotated[list[Evidence], Field(title='Evidence')]
    suggestion: Suggestion | None


class FeedbackCreate(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    responses: Annotated[list[FeedbackResponse], Field(title='Responses')]


class Order(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    order_id: Annotated[str, Field(title='Order Id')]
    customer_id: Annotated[str, Field(title='Customer Id')]
    placed_at: Annotated[AwareDatetime, Field(title='Placed At')]
    lines: Annotated[list[OrderLine], Field(title='Lines')]
    cancelled_at: Annotated[AwareDatetime | None, Field(title='Cancelled At')]
    returns: Annotated[list[Return], Field(title='Returns')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    check_id: Annotated[str | None, Field(title='Check Id')] = None
    """
    The check it named, if any.
    """


class CheckEvent(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    type: Annotated[Literal['check'], Field(title='Type')] = 'check'
    at: Annotated[AwareDatetime, Field(title='At')]
    """
    When the check was answered.
    """
    check_id: Annotated[str, Field(title='Check Id')]
    verdict: Verdict
    degraded: Annotated[bool, Field(title='Degraded')]
    items: Annotated[list[CheckItem], Field(title='Items')]
    warnings: Annotated[list[CheckWarning], Field(title='Warnings')]
    order_id: Annotated[str | None, Field(title='Order Id')] = None
    """
    The order that named this check, if any.
    """
    outcomes: Annotated[list[CheckOutcome] | None, Field(title='Outcomes')] = None


class CheckResult(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    check_id: Annotated[str, Field(title='Check Id')]
    customer_id: Annotated[str, Field(title='Customer Id')]
    verdict: Verdict
    warnings: Annotated[list[CheckWarning], Field(title='Warnings')]
    degraded: Annotated[bool, Field(title='Degraded')]
    as_of: Annotated[AwareDatetime, Field(title='As Of')]
    degraded_reason: Annotated[str | None, Field(title='Degraded Reason')] = None
    """
    Why the history could not be read, when degraded.
    """
    repeats_order: RepeatsOrder | None = None
    """
    The order placed within the duplicate window that most of the cart repeats; null when none is.
    """


class HistoryPage(BaseModel):
    model_config = ConfigDict(
        extra='allow',
    )
    items: Annotated[
        list[
            Annotated[
                OrderEvent
                | ReturnEvent
                | CancellationEvent
                | CheckEvent
                | FeedbackEvent
                | PreferencesEvent,
                Field(discriminator='type'),
            ]
        ],
        Field(title='Items'),
    ]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]


__all__ = [
    'ActiveSubscription',
    'AuditEntryOut',
    'AuditPage',
    'BatchLineError',
    'CacheState',
    'CancelRequest',
    'CancellationEvent',
    'CheckEvent',
    'CheckItem',
    'CheckOutcome',
    'CheckRequest',
    'CheckWarning',
    'CustomerCounts',
    'CustomerPreferences',
    'EventType',
    'Evidence',
    'FeedbackAction',
    'FeedbackCreate',
    'FeedbackEvent',
    'FeedbackRecorded',
    'FeedbackResponse',
    'FeedbackResult',
    'FieldError',
    'Health',
    'HistoryPage',
    'Key',
    'KeyCreate',
    'KeyCreated',
    'KeyPage',
    'LearnedSize',
    'Order',
    'OrderBatchResult',
    'OrderCreate',
    'OrderEvent',
    'OrderLine',
    'OrderLineIn',
    'OutcomeItem',
    'OutcomeSource',
    'OwnedItem',
    'Preferences',
    'PreferencesEvent',
    'PreferencesUpdate',
    'Problem',
    'Product',
    'ProductBatchItem',
    'ProductBatchResult',
    'ProductKind',
    'ProductUpsert',
    'Profile',
    'ProvidedTag',
    'Readiness',
    'RepeatsOrder',
    'Return',
    'ReturnCreate',
    'ReturnEvent',
    'ReturnLineIn',
    'ReturnReason',
    'ReturnedItem',
    'Role',
    'Severity',
    'Suggestion',
    'SuggestionAction',
    'Verdict',
    'WarningCode',
    'WarningStats',
    'WarningStatsPage',
]
