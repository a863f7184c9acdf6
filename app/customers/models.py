from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, JSONType, UTCDateTime


class PreferenceVersion(Base):
    """Every PUT of preferences, kept so a check `as_of` sees what was stated then."""

    __tablename__ = "preference_version"
    __table_args__ = (Index(None, "customer_id", "changed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(128))
    formats: Mapped[list[str]] = mapped_column(JSONType)
    sizes: Mapped[dict[str, str]] = mapped_column(JSONType)
    avoid: Mapped[list[str]] = mapped_column(JSONType)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
