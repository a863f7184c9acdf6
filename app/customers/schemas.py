from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.types import NonBlankTextKeys, ShortText, Tag


class PreferencesUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    formats: Annotated[list[ShortText], Field(max_length=20)] = Field(
        default=[], description="Formats in order of preference, most preferred first."
    )
    sizes: Annotated[dict[Tag, ShortText], Field(max_length=50), NonBlankTextKeys] = Field(
        default={}, description="The customer's size per category, e.g. {\"shoes\": \"43\"}."
    )
    avoid: Annotated[list[Tag], Field(max_length=100)] = Field(
        default=[], description="Tags matched against a product's `contains`."
    )

    @field_validator("formats", "avoid")
    @classmethod
    def _once_each(cls, values: list[str]) -> list[str]:
        return list(dict.fromkeys(values))  # a repeat says nothing more: kept once, in order


class Preferences(PreferencesUpdate):
    customer_id: str
    updated_at: datetime | None = Field(description="Null when nothing was ever stated.")
