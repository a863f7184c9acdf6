import re
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, WithJsonSchema

from app.types import Identifier, OrderId, Timestamp

Quantity = Annotated[StrictInt, Field(ge=1, le=1_000_000)]
# Up to 12 digits before the point and 6 after, as a JSON number or a decimal string; the
# generated schema of a Decimal would admit any string and any number.
UNIT_PRICE_PATTERN = r"^[0-9]{1,12}(\.[0-9]{1,6})?$"
_UNIT_PRICE_TEXT = re.compile(UNIT_PRICE_PATTERN)


def _price_text(value: Any) -> Any:
    if isinstance(value, str) and not _UNIT_PRICE_TEXT.match(value):
        raise ValueError("must be a decimal such as 12.50 (up to 12 digits, 6 decimals)")
    return value


UnitPrice = Annotated[
    Decimal, BeforeValidator(_price_text), Field(ge=0, max_digits=18, decimal_places=6),
    WithJsonSchema({"anyOf": [
        {"type": "number", "minimum": 0, "maximum": 999_999_999_999, "multipleOf": 0.000001},
        {"type": "string", "pattern": UNIT_PRICE_PATTERN},
    ]}),
]


class ReturnReason(StrEnum):
    too_small = "too_small"
    too_large = "too_large"
    defective = "defective"
    not_as_described = "not_as_described"
    duplicate_order = "duplicate_order"
    incompatible = "incompatible"
    no_longer_needed = "no_longer_needed"
    other = "other"


class OrderLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sku: Identifier
    quantity: Quantity
    unit_price: UnitPrice | None = None


class OrderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    order_id: OrderId
    customer_id: Identifier
    placed_at: Timestamp
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=1000)]
    check_id: Identifier | None = Field(
        default=None,
        description="The check the customer saw before placing this order. It must be a "
                    "check of the same customer (else 422 naming `check_id`); what they did "
                    "with each warning is then known.",
    )


class OrderLine(BaseModel):
    sku: str
    quantity: int
    unit_price: Decimal | None = None


class ReturnLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sku: Identifier
    quantity: Quantity


class ReturnCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: Annotated[list[ReturnLineIn], Field(min_length=1, max_length=1000)]
    reason: ReturnReason
    returned_at: Timestamp | None = Field(default=None, description="Defaults to now.")
    return_id: Identifier | None = Field(
        default=None,
        description="Optional natural key: sending the same return again answers 200 "
        "with the stored one instead of recording it twice.",
    )


class Return(BaseModel):
    return_id: str
    order_id: str
    customer_id: str
    lines: list[ReturnLineIn]
    reason: ReturnReason
    returned_at: datetime
    created_at: datetime


class CancelRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cancelled_at: Timestamp | None = Field(default=None, description="Defaults to now.")


class Order(BaseModel):
    order_id: str
    customer_id: str
    placed_at: datetime
    lines: list[OrderLine]
    cancelled_at: datetime | None
    returns: list[Return]
    created_at: datetime
    check_id: str | None = Field(default=None, description="The check it named, if any.")


class BatchLineError(BaseModel):
    line: int
    detail: str


class OrderBatchResult(BaseModel):
    created: int
    unchanged: int
    conflicts: int
    errors: list[BatchLineError]
