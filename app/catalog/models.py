from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, JSONType, UTCDateTime


class Product(Base):
    __tablename__ = "product"

    sku: Mapped[str] = mapped_column(String(128), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(16))
    work_id: Mapped[str | None] = mapped_column(String(128), index=True)
    format: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(128), index=True)
    attributes: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    provides: Mapped[list[str]] = mapped_column(JSONType, default=list)
    requires_any: Mapped[list[str]] = mapped_column(JSONType, default=list)
    contains: Mapped[list[str]] = mapped_column(JSONType, default=list)
    included_in: Mapped[list[str]] = mapped_column(JSONType, default=list)
    superseded_by: Mapped[str | None] = mapped_column(String(128))
    replenish_days: Mapped[int | None] = mapped_column(Integer)
    duration_days: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

