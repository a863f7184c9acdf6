"""Field types shared by the request and response schemas of every area."""

from datetime import datetime
from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator, AwareDatetime, Field, StringConstraints

IDENTIFIER_PATTERN = r"^[A-Za-z0-9._:\-]{1,128}$"

Identifier = Annotated[
    str, StringConstraints(pattern=IDENTIFIER_PATTERN, min_length=1, max_length=128)
]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=128, strip_whitespace=True)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64, strip_whitespace=True)]


def _plausible(value: datetime) -> datetime:
    # Far-off dates would overflow the windows the rules add and subtract.
    if not 1900 <= value.year <= 2999:
        raise ValueError("timestamps must fall between the years 1900 and 2999")
    return value


Timestamp = Annotated[
    AwareDatetime,
    AfterValidator(_plausible),
    Field(description="RFC 3339 with a zone, between the years 1900 and 2999."),
]

CustomerIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
SkuPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
OrderIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
