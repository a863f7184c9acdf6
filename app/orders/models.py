from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime


class CustomerOrder(Base):
    __tablename__ = "customer_order"
    __table_args__ = (
        Index(None, "customer_id", "placed_at"),
        Index(None, "customer_id", "cancelled_at"),
    )

    order_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(128))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The check the customer saw before placing it, when the shop names it.
    check_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # Hash of the canonical body: tells a retry (200) from a different order (409).
    body_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrderLine(Base):
    __tablename__ = "order_line"
    __table_args__ = (Index(None, "customer_id", "sku"),)

    # No foreign key and no surrogate id: a line is written only with its order, erasure
    # deletes lines by customer, and each index entry is paid on every line written
    # (migration 0008 says how much).
    order_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    customer_id: Mapped[str] = mapped_column(String(128))
    sku: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer)
    # Decimal text: exact on both databases, whatever the currency.
    unit_price: Mapped[str | None] = mapped_column(String(32))


class OrderReturn(Base):
    __tablename__ = "order_return"
    __table_args__ = (Index(None, "customer_id", "returned_at"),)

    return_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    order_id: Mapped[str] = mapped_column(
        ForeignKey("customer_order.order_id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(String(32))
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReturnLine(Base):
    __tablename__ = "return_line"
    __table_args__ = (Index(None, "customer_id", "sku"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    return_id: Mapped[str] = mapped_column(
        ForeignKey("order_return.return_id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[str] = mapped_column(String(128))
    sku: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer)
