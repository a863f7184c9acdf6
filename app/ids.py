"""Opaque, time-ordered identifiers for the records we create ourselves."""

import secrets
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def created_at_ms(identifier: str) -> int | None:
    """When an id made by `new_id` was made (epoch milliseconds), or None if it is not one."""
    _, _, body = identifier.rpartition("_")
    if len(body) != 26:
        return None
    try:
        return sum(_ALPHABET.index(c) << shift for c, shift in zip(body[:10], range(45, -5, -5),
                                                                   strict=True))
    except ValueError:
        return None


def new_id(prefix: str) -> str:
    """`prefix_` + 10 characters of milliseconds + 16 random ones: sorts by creation time."""
    millis = int(time.time() * 1000)
    head = "".join(_ALPHABET[(millis >> shift) & 31] for shift in range(45, -5, -5))
    # 80 random bits in one call, 5 to a character (16 calls to `secrets.choice` cost more
    # than the rest of a warm check's bookkeeping).
    bits = secrets.randbits(80)
    tail = "".join(_ALPHABET[(bits >> shift) & 31] for shift in range(75, -5, -5))
    return f"{prefix}_{head}{tail}"
