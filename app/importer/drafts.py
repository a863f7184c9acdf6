"""CSV rows to orders and returns, grouped by order id, in chunks of whole orders.

Rows of one order must be consecutive (as exports write them). A row that cannot be read
is reported with its line number and left out; its order is imported without it.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from app.importer.mapping import ColumnMapping
from app.types import IDENTIFIER_PATTERN

_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)


class Line(NamedTuple):
    """An order line as `orders.service.order_rows` reads one, without a model's cost."""

    sku: str
    quantity: int
    unit_price: Decimal | None


@dataclass
class OrderDraft:
    order_id: str
    customer_id: str
    placed_at: datetime
    first_line: int = 0
    lines: list["Line"] = field(default_factory=list)
    check_id: str | None = None


@dataclass
class ReturnDraft:
    """Lines given back: matched later to the customer's earlier purchases of each sku."""

    invoice: str
    customer_id: str
    returned_at: datetime
    lines: list[tuple[str, int, int]] = field(default_factory=list)  # (sku, quantity, line no)


@dataclass
class Chunk:
    orders: list[OrderDraft] = field(default_factory=list)
    returns: list[ReturnDraft] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    lines: int = 0
    skipped_without_customer: int = 0


class RowError(ValueError):
    pass


MAX_QUANTITY = 1_000_000
MAX_LINES = 1000


def _identifier(value: str | None, name: str) -> str:
    value = (value or "").strip()
    if not _IDENTIFIER.match(value):
        raise RowError(f"{name} {value!r} is not an identifier (1-128 of A-Z a-z 0-9 . _ : -)")
    return value


@functools.lru_cache(maxsize=100_000)
def _sku(value: str) -> str:
    # Cached: a catalog has far fewer skus than a history has lines.
    return _identifier(value, "sku")


def _customer(value: str | None) -> str | None:
    value = (value or "").strip()
    # Spreadsheet exports write numeric ids as floats: 17850.0 is customer 17850.
    return value[:-2] if value.endswith(".0") and value[:-2].isdigit() else value or None


def _check_id(row: list[str], column: int | None) -> str | None:
    value = row[column].strip() if column is not None else ""
    return _identifier(value, "check_id") if value else None


def _timestamp(value: str | None, mapping: ColumnMapping) -> datetime:
    try:
        at = datetime.fromisoformat((value or "").strip())
    except ValueError:
        raise RowError(f"placed_at {value!r} is not an ISO 8601 timestamp") from None
    at = at.replace(tzinfo=mapping.timezone) if at.tzinfo is None else at
    if not 1900 <= at.year <= 2999:
        raise RowError(f"placed_at {value!r} is not between the years 1900 and 2999")
    return at


def _quantity(value: str | None) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        raise RowError(f"quantity {value!r} is not a whole number") from None


@functools.lru_cache(maxsize=100_000)
def _price(text: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        price = Decimal(text)
    except InvalidOperation:
        raise RowError(f"unit_price {text!r} is not a number") from None
    if not price.is_finite() or price < 0:
        raise RowError(f"unit_price {text} is not a price")
    exponent = int(price.as_tuple().exponent)
    if -exponent > 6 or len(price.as_tuple().digits) > 18:
        raise RowError(f"unit_price {text} has more than 18 digits or 6 decimals")
    return price


def _key(draft: OrderDraft | ReturnDraft) -> str:
    return draft.order_id if isinstance(draft, OrderDraft) else draft.invoice


def chunks(
    header: list[str], rows: Iterator[tuple[int, list[str]]], mapping: ColumnMapping, *,
    chunk_lines: int,
) -> Iterator[Chunk]:
    at = {name: header.index(column) for name, column in mapping.columns.items()
          if column in header}
    i_order, i_customer, i_placed = at["order_id"], at["customer_id"], at["placed_at"]
    i_sku, i_quantity, i_price = at["sku"], at["quantity"], at.get("unit_price")
    i_check = at.get("check_id")
    width = max(at.values()) + 1
    return_prefix = mapping.return_prefix
    chunk = Chunk()
    current: OrderDraft | ReturnDraft | None = None

    def close_current() -> None:
        if isinstance(current, OrderDraft) and current.lines:
            chunk.orders.append(current)
        elif isinstance(current, ReturnDraft) and current.lines:
            chunk.returns.append(current)

    for number, row in rows:
        chunk.lines += 1
        if len(row) < width:
            row = row + [""] * (width - len(row))
        order_id = row[i_order].strip()
        if current is None or order_id != _key(current):
            close_current()
            current = None
            if len(chunk.orders) + len(chunk.returns) and chunk.lines > chunk_lines:
                chunk.lines -= 1
                yield chunk
                chunk = Chunk(lines=1)
        customer_id = _customer(row[i_customer])
        if customer_id is None:
            chunk.skipped_without_customer += 1
            continue
        try:
            if current is None:
                _identifier(order_id, "order_id")
                _identifier(customer_id, "customer_id")
                when = _timestamp(row[i_placed], mapping)
                current = (ReturnDraft(order_id, customer_id, when)
                           if return_prefix and order_id.startswith(return_prefix)
                           else OrderDraft(order_id, customer_id, when, number,
                                           check_id=_check_id(row, i_check)))
            sku = _sku(row[i_sku])
            quantity = _quantity(row[i_quantity])
            if abs(quantity) > MAX_QUANTITY:
                raise RowError(f"quantity {quantity} is over {MAX_QUANTITY:,}")
            if isinstance(current, ReturnDraft):
                if quantity >= 0:
                    raise RowError(f"a return line needs a negative quantity, not {quantity}")
                current.lines.append((sku, -quantity, number))
            else:
                if quantity <= 0:
                    raise RowError(f"quantity {quantity} is not positive")
                if len(current.lines) >= MAX_LINES:
                    raise RowError(f"order {current.order_id} has more than {MAX_LINES} lines")
                price = _price(row[i_price]) if i_price is not None else None
                current.lines.append(Line(sku, quantity, price))
        except RowError as exc:
            chunk.errors.append((number, str(exc)))
    close_current()
    if chunk.lines:
        yield chunk
