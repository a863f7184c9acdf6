from datetime import datetime

from pydantic import BaseModel, Field

from app.keys.principals import Role
from app.pagination import Page


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    key_id: str
    key_name: str
    role: Role
    action: str = Field(description="`read_profile`, `read_history`, `read_order`, "
                        "`read_preferences`, `read_check` or `erase_customer`.")
    customer_id: str | None
    path: str = Field(description="The path read; after an erasure, only its route template.")


class AuditPage(Page[AuditEntryOut]):
    pass
