from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints

from app.types import (
    Identifier,
    NoControlCharacters,
    NonBlankTextPattern,
    NotBlank,
    ProductSku,
    ShortText,
    Tag,
    TextKeys,
    TextPattern,
)

AttributeKey = Annotated[str, NoControlCharacters,
                         StringConstraints(min_length=1, max_length=64), TextPattern]
AttributeValue = Annotated[str, NoControlCharacters,
                           StringConstraints(max_length=256), TextPattern]
Title = Annotated[str, NoControlCharacters, StringConstraints(
    min_length=1, max_length=500, strip_whitespace=True), NotBlank, NonBlankTextPattern]
TagList = Annotated[list[Tag], Field(max_length=100)]


class ProductKind(StrEnum):
    durable = "durable"
    consumable = "consumable"
    digital = "digital"
    subscription = "subscription"
    service = "service"


class ProductUpsert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    kind: ProductKind | None = Field(
        default=None, description="Unset means unknown: no kind-specific warnings."
    )
    work_id: Tag | None = None
    format: ShortText | None = None
    category: Tag | None = None
    attributes: Annotated[dict[AttributeKey, AttributeValue], Field(max_length=50), TextKeys] = {}
    provides: TagList = []
    requires_any: TagList = []
    contains: TagList = []
    included_in: TagList = []
    superseded_by: Identifier | None = Field(
        default=None, description="The newer product's sku; never the product's own.")
    replenish_days: Annotated[StrictInt, Field(ge=1, le=3650)] | None = None
    duration_days: Annotated[StrictInt, Field(ge=1, le=36500)] | None = None
    active: StrictBool = True


class ProductBatchItem(ProductUpsert):
    sku: ProductSku


class Product(ProductUpsert):
    model_config = ConfigDict(from_attributes=True)

    sku: Identifier
    created_at: datetime
    updated_at: datetime


class ProductBatchResult(BaseModel):
    created: int
    updated: int
