"""outcomes from orders: an order names its check; feedback says where it came from

Why: most checkouts never call feedback, so the guard knew almost nothing of what happened
after a warning. An order may now name the check before it (`customer_order.check_id`);
the outcomes it implies are stored beside explicit feedback, marked `source = 'order'`
with the order they came from (`feedback.order_id`), so that a cancellation or return of
that order can show a kept warning was regretted.

Revision ID: 0006_outcomes
Revises: 0005_check_log_without_fks
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_outcomes'
down_revision: str | None = '0005_check_log_without_fks'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("check_id", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_customer_order_check_id"), ["check_id"])
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=16), nullable=False,
                                      server_default="feedback"))
        batch_op.add_column(sa.Column("order_id", sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_column("order_id")
        batch_op.drop_column("source")
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_order_check_id"))
        batch_op.drop_column("check_id")
