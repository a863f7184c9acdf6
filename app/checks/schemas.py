from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints, model_serializer

from app.checks.facts import Severity, WarningCode
from app.types import Identifier, NoControlCharacters, TextPattern, Timestamp


class CheckItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sku: Identifier
    quantity: Annotated[StrictInt, Field(ge=1, le=10_000)] = 1
    gift: StrictBool = Field(default=False, description="For someone else: only DUPLICATE_ORDER.")


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: Identifier
    items: Annotated[list[CheckItem], Field(min_length=1, max_length=100)]
    as_of: Timestamp | None = Field(
        default=None,
        description="Evaluate as if now were this instant; history after it is ignored.",
    )


class Evidence(BaseModel):
    """What a warning rests on; which fields are present depends on the code."""

    order_id: str | None = None
    sku: str | None = None
    at: datetime | None = None
    quantity: int | None = None
    reason: str | None = None
    tag: str | None = None
    ends_at: datetime | None = None
    line: int | None = Field(default=None, description="Index of the cart line.")
    size: str | None = None
    category: str | None = None
    format: str | None = None
    source: str | None = Field(default=None, description="`preferences` when stated by them.")

    @model_serializer(mode="wrap")
    def _without_absent_fields(self, handler):  # type: ignore[no-untyped-def]
        # Only the fields a warning rests on are sent; absent ones are left out, not null.
        return {k: v for k, v in handler(self).items() if v is not None}


class SuggestionAction(StrEnum):
    remove = "remove"
    replace = "replace"  # type: ignore[assignment]  # the member, not str.replace
    keep = "keep"


class Suggestion(BaseModel):
    action: SuggestionAction
    sku: str | None = None
    message: str


class CheckWarning(BaseModel):
    code: WarningCode
    severity: Severity
    sku: str
    message: str
    evidence: list[Evidence]
    suggestion: Suggestion | None


class Verdict(StrEnum):
    proceed = "proceed"
    info = "info"
    confirm = "confirm"
    block = "block"


class RepeatsOrder(BaseModel):
    """The recent order most of the cart repeats: ask once, not once per line."""

    order_id: str
    placed_at: datetime
    matched_lines: int = Field(description="How many cart lines repeat it.")
    message: str


class CheckResult(BaseModel):
    check_id: str
    customer_id: str
    verdict: Verdict
    warnings: list[CheckWarning]
    degraded: bool
    as_of: datetime
    degraded_reason: str | None = Field(
        default=None, description="Why the history could not be read, when degraded."
    )
    repeats_order: RepeatsOrder | None = Field(
        default=None,
        description="The order placed within the duplicate window that most of the cart "
                    "repeats; null when none is.",
    )


class FeedbackAction(StrEnum):
    kept = "kept"
    removed = "removed"
    replaced = "replaced"


class FeedbackResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sku: Identifier
    code: WarningCode
    action: FeedbackAction
    replacement_sku: Identifier | None = None
    reason: Annotated[str, NoControlCharacters,
                      StringConstraints(max_length=500), TextPattern] | None = None


class FeedbackCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    responses: Annotated[list[FeedbackResponse], Field(min_length=1, max_length=200)]


class FeedbackRecorded(FeedbackResponse):
    suppressed_until: datetime | None = Field(
        description="Until when this warning stays quiet for the customer (kept only)."
    )


class FeedbackResult(BaseModel):
    check_id: str
    responses: list[FeedbackRecorded]


class WarningStats(BaseModel):
    code: WarningCode
    raised: int
    kept: int
    removed: int
    replaced: int
    regretted: int = Field(description="Kept, then cancelled or returned within 7 days: the "
                                       "warning was right.")
    with_outcome: int = Field(description="Raised warnings whose outcome is known (kept, "
                                          "removed or replaced): the coverage.")


class WarningStatsPage(BaseModel):
    since: datetime | None
    until: datetime
    items: list[WarningStats]
