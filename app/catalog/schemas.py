from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints, model_validator

from app.types import TEXT_PATTERN, Identifier, NoControlCharacters, ShortText, Tag

AttributeKey = Annotated[str, NoControlCharacters,
                         StringConstraints(min_length=1, max_length=64, pattern=TEXT_PATTERN)]
AttributeValue = Annotated[str, NoControlCharacters,
                           StringConstraints(max_length=256, pattern=TEXT_PATTERN)]
Title = Annotated[str, NoControlCharacters, StringConstraints(
    min_length=1, max_length=500, strip_whitespace=True, pattern=TEXT_PATTERN)]
TagList = Annotated[list[Tag], Field(max_length=100)]


class ProductKind(StrEnum):
    durable = "durable"
    consumable = "consumable"
    digital = "digital"
    subscription = "subscription"


class ProductUpsert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    kind: ProductKind | None = Field(
        default=None, description="Unset means unknown: no kind-specific warnings."
    )
    work_id: Tag | None = None
    format: ShortText | None = None
    category: Tag | None = None
    attributes: Annotated[dict[AttributeKey, AttributeValue], Field(max_length=50)] = {}
    provides: TagList = []
    requires_any: TagList = []
    contains: TagList = []
    included_in: TagList = []
    superseded_by: Identifier | None = None
    replenish_days: Annotated[StrictInt, Field(ge=1, le=3650)] | None = None
    duration_days: Annotated[StrictInt, Field(ge=1, le=36500)] | None = None
    active: StrictBool = True


class ProductBatchItem(ProductUpsert):
    sku: Identifier

    @model_validator(mode="after")
    def _not_own_successor(self) -> "ProductBatchItem":
        if self.superseded_by == self.sku:
            raise ValueError("superseded_by cannot name the product itself")
        return self


class Product(ProductUpsert):
    model_config = ConfigDict(from_attributes=True)

    sku: Identifier
    created_at: datetime
    updated_at: datetime


class ProductBatchResult(BaseModel):
    created: int
    updated: int
