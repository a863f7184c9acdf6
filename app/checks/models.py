from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime


class Check(Base):
    __tablename__ = "check_log"
    __table_args__ = (
        Index(None, "customer_id", "created_at"),
        # The measures count warnings raised in a time range: only checks that raised any.
        Index("ix_check_log_warned_at", "created_at", postgresql_where=text("codes <> '[]'"),
              sqlite_where=text("codes <> '[]'")),
    )

    check_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    as_of: Mapped[datetime] = mapped_column(UTCDateTime)
    verdict: Mapped[str] = mapped_column(String(16))
    # The response exactly as answered, and the cart that produced it: plain JSON, only
    # ever read whole, so PostgreSQL need not convert it on every check (`json`, not `jsonb`).
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # The cart's skus, each between spaces (` a b `; ids hold no space): what support's
    # search by sku reads. One row per check is all the log writes for a check without
    # warnings: a row per cart line was most of the database's work on the check path.
    skus: Mapped[str] = mapped_column(Text, server_default="")
    # The codes of the warnings raised, in the answer's order, as a JSON array: what the
    # measures count. A row per warning was two thirds of the log's work (migration 0009).
    codes: Mapped[str] = mapped_column(Text, server_default="[]")


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (
        Index(None, "check_id", "sku", "code", unique=True),
        Index(None, "customer_id", "sku", "code"),
        Index(None, "customer_id", "created_at"),
        Index(None, "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    check_id: Mapped[str] = mapped_column(ForeignKey("check_log.check_id", ondelete="CASCADE"))
    customer_id: Mapped[str] = mapped_column(String(128))
    sku: Mapped[str] = mapped_column(String(128))
    code: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    replacement_sku: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(String(500))
    # A kept warning stays quiet for this customer, sku and code until then.
    suppress_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    check_as_of: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # `feedback`: the shop told us; `order`: implied by the order that named the check
    # (explicit feedback always wins).
    source: Mapped[str] = mapped_column(String(16), server_default="feedback")
    # The order the customer placed after the check, when known: a kept warning whose sku
    # that order gives back within 7 days was regretted.
    order_id: Mapped[str | None] = mapped_column(String(128))
