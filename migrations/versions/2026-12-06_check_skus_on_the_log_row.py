"""check skus on the log row

Why: every check wrote its log row and one `check_item` row per cart line, each with two
index entries, all only so that support can find a customer's checks that held a sku.
Under load that was most of the database's work on the check path and a good part of the
service's. The cart's skus now ride on the log row itself (`check_log.skus`, ` a b c `:
ids hold no space), and the search reads the customer's log rows, which it reached by
customer anyway.

Revision ID: 0007_check_skus
Revises: 0006_outcomes
Create Date: 2026-12-06 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_check_skus'
down_revision: str | None = '0006_outcomes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ITEMS = sa.table("check_item", sa.column("check_id"), sa.column("line_no"),
                  sa.column("customer_id"), sa.column("sku"))
_LOG = sa.table("check_log", sa.column("check_id"), sa.column("customer_id"),
                sa.column("skus"))


_FILL_POSTGRES = """
UPDATE check_log c SET skus = ' ' || i.skus || ' '
FROM (SELECT check_id, string_agg(sku, ' ' ORDER BY line_no) AS skus FROM check_item
      GROUP BY check_id) i
WHERE i.check_id = c.check_id"""
_FILL_SQLITE = """
UPDATE check_log SET skus = ' ' || (
    SELECT group_concat(sku, ' ') FROM (SELECT sku FROM check_item i
                                        WHERE i.check_id = check_log.check_id ORDER BY line_no)
) || ' '
WHERE check_id IN (SELECT check_id FROM check_item)"""


def upgrade() -> None:
    with op.batch_alter_table("check_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skus", sa.Text(), nullable=False, server_default=""))
    op.execute(_FILL_POSTGRES if op.get_bind().dialect.name == "postgresql" else _FILL_SQLITE)
    op.drop_table("check_item")


def downgrade() -> None:
    op.create_table(
        "check_item",
        sa.Column("check_id", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(length=128), nullable=False),
        sa.Column("sku", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("check_id", "line_no", name=op.f("pk_check_item")),
    )
    with op.batch_alter_table("check_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_item_customer_id_sku"),
                              ["customer_id", "sku"], unique=False)
    bind = op.get_bind()
    rows = [{"check_id": check_id, "line_no": n, "customer_id": customer_id, "sku": sku}
            for check_id, customer_id, skus in bind.execute(
                sa.select(_LOG.c.check_id, _LOG.c.customer_id, _LOG.c.skus))
            for n, sku in enumerate(skus.split())]
    if rows:
        bind.execute(_ITEMS.insert(), rows)
    with op.batch_alter_table("check_log", schema=None) as batch_op:
        batch_op.drop_column("skus")
