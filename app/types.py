"""Field types shared by the request and response schemas of every area."""

from typing import Annotated

from fastapi import Path
from pydantic import AwareDatetime, StringConstraints

IDENTIFIER_PATTERN = r"^[A-Za-z0-9._:\-]{1,128}$"

Identifier = Annotated[
    str, StringConstraints(pattern=IDENTIFIER_PATTERN, min_length=1, max_length=128)
]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=128, strip_whitespace=True)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64, strip_whitespace=True)]
Timestamp = AwareDatetime

CustomerIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
SkuPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
OrderIdPath = Annotated[str, Path(pattern=IDENTIFIER_PATTERN, max_length=128)]
