"""support: cart items of checks, audit route, timeline indexes

Why: support agents search a customer's timeline by sku (checks name their skus in
`check_item`, filled from the stored carts) and read cancellations and feedback by time;
erasure cuts audit paths back to their route template, kept in `audit_entry.route`.

Revision ID: 0002_support
Revises: 0001_initial
Create Date: 2026-11-22 23:26:32.680346
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002_support'
down_revision: str | None = '0001_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('check_item',
    sa.Column('check_id', sa.String(length=64), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['check_log.check_id'], name=op.f('fk_check_item_check_id_check_log'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('check_id', 'line_no', name=op.f('pk_check_item'))
    )
    with op.batch_alter_table('check_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_item_customer_id_sku'), ['customer_id', 'sku'], unique=False)
    _fill_check_items()

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('route', sa.String(length=200), nullable=False,
                                      server_default=''))
    op.execute("UPDATE audit_entry SET route = path")
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.alter_column('route', server_default=None)

    with op.batch_alter_table('customer_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_order_customer_id_cancelled_at'), ['customer_id', 'cancelled_at'], unique=False)

    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_customer_id_created_at'), ['customer_id', 'created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_customer_id_created_at'))

    with op.batch_alter_table('customer_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_order_customer_id_cancelled_at'))

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('route')

    with op.batch_alter_table('check_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_item_customer_id_sku'))

    op.drop_table('check_item')


def _fill_check_items() -> None:
    connection = op.get_bind()
    check_log = sa.table("check_log", sa.column("check_id"), sa.column("customer_id"),
                         sa.column("items", sa.JSON()))
    check_item = sa.table("check_item", sa.column("check_id"), sa.column("line_no"),
                          sa.column("customer_id"), sa.column("sku"))
    rows = []
    for check_id, customer_id, items in connection.execute(sa.select(check_log)):
        rows.extend({"check_id": check_id, "line_no": n, "customer_id": customer_id,
                     "sku": item["sku"]} for n, item in enumerate(items or []))
        if len(rows) >= 5000:
            connection.execute(check_item.insert(), rows)
            rows = []
    if rows:
        connection.execute(check_item.insert(), rows)
