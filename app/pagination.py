"""Opaque cursors and the `{items, next_cursor}` page shape shared by every list."""

import base64
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from app.errors import InvalidInput

T = TypeVar("T")
R = TypeVar("R")

LimitQuery = Annotated[int, Query(ge=1, le=500, description="Page size (default 50, max 500).")]
CursorQuery = Annotated[
    str | None, Query(max_length=512, pattern=r"^[A-Za-z0-9_-]+$",
                       description="Opaque cursor from `next_cursor`.")
]


class Page(BaseModel, Generic[T]):
    """Every list's page; each list names its own (`class KeyPage(Page[Key])`), which is the
    name the spec and the SDKs give it."""

    items: list[T]
    next_cursor: str | None


def first_of(rows: Sequence[R], limit: int,
             position: Callable[[R], list[Any]]) -> tuple[Sequence[R], str | None]:
    """The page among `limit + 1` rows read in the list's order: its first `limit`, and the
    cursor after them when there were more."""
    page = rows[:limit]
    return page, encode_cursor(position(page[-1])) if len(rows) > limit else None


def encode_cursor(position: list[Any]) -> str:
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, size: int) -> list[Any]:
    """The position a cursor names; a 422 naming `cursor` when it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except ValueError:
        position = None
    if not isinstance(position, list) or len(position) != size:
        raise bad_cursor()
    return position


def bad_cursor() -> InvalidInput:
    return InvalidInput("This cursor was not issued by this list.", loc=["query", "cursor"])
