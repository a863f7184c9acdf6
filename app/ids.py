"""Opaque, time-ordered identifiers for the records we create ourselves."""

import secrets
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
# Every 10 bits as their two characters: an id is 13 lookups.
_PAIRS = tuple(_ALPHABET[n >> 5] + _ALPHABET[n & 31] for n in range(1024))


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
    # 50 bits of milliseconds, then 80 random ones drawn in one call.
    value = (int(time.time() * 1000) & (1 << 50) - 1) << 80 | secrets.randbits(80)
    return prefix + "_" + "".join([_PAIRS[(value >> shift) & 1023]
                                   for shift in range(120, -10, -10)])
