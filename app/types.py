"""Field types shared by the request and response schemas of every area."""

import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import Path
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field, StringConstraints

IDENTIFIER_PATTERN = r"^[A-Za-z0-9._:\-]{1,128}$"

Identifier = Annotated[
    str, StringConstraints(pattern=IDENTIFIER_PATTERN, min_length=1, max_length=128)
]
# Other text: anything but control characters (U+0000-U+001F, U+007F), which PostgreSQL
# refuses (NUL) or a shop's screens would show as garbage.
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
# Text that is stripped and must not be empty: something besides white space. White space
# spelled out as the strip sees it (Unicode's White_Space): `\s` differs between Python
# (U+0085 is space) and JSON Schema's regexes (U+FEFF is space).
WHITE_SPACE = r"\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NONBLANK_TEXT_PATTERN = (r"^[^\x00-\x1f\x7f]*[^\x00-\x1f\x7f" + WHITE_SPACE
                         + r"][^\x00-\x1f\x7f]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _no_control_characters(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError("must not contain control characters (U+0000-U+001F, U+007F)")
    return value


# Checked before stripping, with a message that says why; the pattern documents the rule in
# the spec (pydantic leaves a StringConstraints pattern out after a BeforeValidator).
NoControlCharacters = BeforeValidator(_no_control_characters)
TextPattern = Field(json_schema_extra={"pattern": TEXT_PATTERN})
NonBlankTextPattern = Field(json_schema_extra={"pattern": NONBLANK_TEXT_PATTERN})


def _not_blank(value: str) -> str:
    # Pydantic's min_length looks before strip_whitespace strips: " " would pass as "".
    if not value:
        raise ValueError("must hold something besides white space")
    return value


NotBlank = AfterValidator(_not_blank)


def _keys_matching(pattern: str) -> Any:
    def add(schema: dict[str, Any]) -> None:
        schema.setdefault("propertyNames", {})["pattern"] = pattern

    return Field(json_schema_extra=add)


# For a mapping with text keys: pydantic documents the keys' lengths but not their pattern
# (without it, a key outside the value schema's `patternProperties` could hold anything).
TextKeys = _keys_matching(TEXT_PATTERN)
NonBlankTextKeys = _keys_matching(NONBLANK_TEXT_PATTERN)

Tag = Annotated[str, NoControlCharacters, StringConstraints(
    min_length=1, max_length=128, strip_whitespace=True), NotBlank, NonBlankTextPattern]
ShortText = Annotated[str, NoControlCharacters, StringConstraints(
    min_length=1, max_length=64, strip_whitespace=True), NotBlank, NonBlankTextPattern]


def _plausible(value: datetime) -> datetime:
    # Far-off dates would overflow the windows the rules add and subtract.
    if not 1900 <= value.year <= 2999:
        raise ValueError("timestamps must fall between the years 1900 and 2999")
    return value


RFC3339_PATTERN = (r"^(19[0-9]{2}|2[0-9]{3})-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?"
                   r"([Zz]|[+-][0-9]{2}:[0-9]{2})$")
_RFC3339 = re.compile(RFC3339_PATTERN)


def _rfc3339_text(value: Any) -> Any:
    # Pydantic alone reads numbers (and numeric strings) as Unix times: 0 would be 1970.
    if isinstance(value, datetime):  # built in code, not sent
        return value
    if not isinstance(value, str) or not _RFC3339.match(value):
        raise ValueError("must be an RFC 3339 timestamp string with a zone, "
                         "such as 2026-03-02T10:15:00Z")
    return value


Timestamp = Annotated[
    AwareDatetime,
    BeforeValidator(_rfc3339_text),
    AfterValidator(_plausible),
    Field(description="RFC 3339 with a zone, between the years 1900 and 2999.",
          json_schema_extra={"pattern": RFC3339_PATTERN}),
]

# `batch` names the batch endpoints (`/v1/products/batch`, `/v1/orders/batch`): a product or
# an order of that id could be written but never read back at its own path.
RESERVED_ID = "batch"
_NOT_RESERVED_SCHEMA = {"not": {"const": RESERVED_ID}}


def _not_reserved(value: str) -> str:
    if value == RESERVED_ID:
        raise ValueError(f"`{RESERVED_ID}` is reserved: it names the batch endpoint")
    return value


NotReserved = AfterValidator(_not_reserved)
ProductSku = Annotated[Identifier, NotReserved, Field(json_schema_extra=_NOT_RESERVED_SCHEMA)]
OrderId = Annotated[Identifier, NotReserved, Field(json_schema_extra=_NOT_RESERVED_SCHEMA)]

CustomerIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
SkuPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128,
                              json_schema_extra=_NOT_RESERVED_SCHEMA), NotReserved]
OrderIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128,
                                  json_schema_extra=_NOT_RESERVED_SCHEMA), NotReserved]
