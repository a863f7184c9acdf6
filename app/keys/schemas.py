from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from app.keys.principals import Role
from app.pagination import Page
from app.types import NoControlCharacters, NonBlankTextPattern, NotBlank


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role
    name: Annotated[str, NoControlCharacters, StringConstraints(
        min_length=1, max_length=200, strip_whitespace=True), NotBlank, NonBlankTextPattern]


class Key(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key_id: str
    role: Role
    name: str
    created_at: datetime
    revoked_at: datetime | None = None


class KeyCreated(BaseModel):
    key_id: str
    key: str
    role: Role
    name: str
    created_at: datetime


class KeyPage(Page[Key]):
    pass
