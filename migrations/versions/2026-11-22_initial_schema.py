"""initial schema: catalog, order history, preferences, keys, the check log and audit

Why: the foundation every check reads from. Every table holding customer data carries
`customer_id` and an index leading with it, so it can later be partitioned or distributed
by customer (Citus) without a schema change.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-22 22:26:10.286420
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
import app.db
from sqlalchemy.dialects import postgresql

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('api_key',
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', app.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_api_key')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_api_key_key_hash'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=False),
    sa.Column('key_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=True),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_customer_id_id'), ['customer_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_key_id_id'), ['key_id', 'id'], unique=False)

    op.create_table('check_log',
    sa.Column('check_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('as_of', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('response', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('items', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('check_id', name=op.f('pk_check_log'))
    )
    with op.batch_alter_table('check_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_log_customer_id_created_at'), ['customer_id', 'created_at'], unique=False)

    op.create_table('customer_order',
    sa.Column('order_id', sa.String(length=128), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('placed_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', app.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_customer_order'))
    )
    with op.batch_alter_table('customer_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_order_customer_id_placed_at'), ['customer_id', 'placed_at'], unique=False)

    op.create_table('preference_version',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('formats', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('sizes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('avoid', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('changed_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preference_version'))
    )
    with op.batch_alter_table('preference_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_preference_version_customer_id_changed_at'), ['customer_id', 'changed_at'], unique=False)

    op.create_table('product',
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('work_id', sa.String(length=128), nullable=True),
    sa.Column('format', sa.String(length=64), nullable=True),
    sa.Column('category', sa.String(length=128), nullable=True),
    sa.Column('attributes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('provides', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('requires_any', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('contains', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('included_in', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('superseded_by', sa.String(length=128), nullable=True),
    sa.Column('replenish_days', sa.Integer(), nullable=True),
    sa.Column('duration_days', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sku', name=op.f('pk_product'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_work_id'), ['work_id'], unique=False)

    op.create_table('check_warning',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('check_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['check_log.check_id'], name=op.f('fk_check_warning_check_id_check_log'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_warning'))
    )
    with op.batch_alter_table('check_warning', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_warning_check_id'), ['check_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_warning_created_at_code'), ['created_at', 'code'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_warning_customer_id_sku'), ['customer_id', 'sku'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('check_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('replacement_sku', sa.String(length=128), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('suppress_until', app.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('check_as_of', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['check_log.check_id'], name=op.f('fk_feedback_check_id_check_log'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_check_id_sku_code'), ['check_id', 'sku', 'code'], unique=True)
        batch_op.create_index(batch_op.f('ix_feedback_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_customer_id_sku_code'), ['customer_id', 'sku', 'code'], unique=False)

    op.create_table('order_line',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('order_id', sa.String(length=128), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['customer_order.order_id'], name=op.f('fk_order_line_order_id_customer_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_line'))
    )
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_line_customer_id_sku'), ['customer_id', 'sku'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_line_order_id'), ['order_id'], unique=False)

    op.create_table('order_return',
    sa.Column('return_id', sa.String(length=128), nullable=False),
    sa.Column('order_id', sa.String(length=128), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('returned_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['customer_order.order_id'], name=op.f('fk_order_return_order_id_customer_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('return_id', name=op.f('pk_order_return'))
    )
    with op.batch_alter_table('order_return', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_return_customer_id_returned_at'), ['customer_id', 'returned_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_return_order_id'), ['order_id'], unique=False)

    op.create_table('return_line',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('return_id', sa.String(length=128), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=False),
    sa.Column('sku', sa.String(length=128), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['order_return.return_id'], name=op.f('fk_return_line_return_id_order_return'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_line'))
    )
    with op.batch_alter_table('return_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_line_customer_id_sku'), ['customer_id', 'sku'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_line_return_id'), ['return_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('return_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_line_return_id'))
        batch_op.drop_index(batch_op.f('ix_return_line_customer_id_sku'))

    op.drop_table('return_line')
    with op.batch_alter_table('order_return', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_return_order_id'))
        batch_op.drop_index(batch_op.f('ix_order_return_customer_id_returned_at'))

    op.drop_table('order_return')
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_line_order_id'))
        batch_op.drop_index(batch_op.f('ix_order_line_customer_id_sku'))

    op.drop_table('order_line')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_customer_id_sku_code'))
        batch_op.drop_index(batch_op.f('ix_feedback_created_at'))
        batch_op.drop_index(batch_op.f('ix_feedback_check_id_sku_code'))

    op.drop_table('feedback')
    with op.batch_alter_table('check_warning', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_warning_customer_id_sku'))
        batch_op.drop_index(batch_op.f('ix_check_warning_created_at_code'))
        batch_op.drop_index(batch_op.f('ix_check_warning_check_id'))

    op.drop_table('check_warning')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_work_id'))
        batch_op.drop_index(batch_op.f('ix_product_category'))

    op.drop_table('product')
    with op.batch_alter_table('preference_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_preference_version_customer_id_changed_at'))

    op.drop_table('preference_version')
    with op.batch_alter_table('customer_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_order_customer_id_placed_at'))

    op.drop_table('customer_order')
    with op.batch_alter_table('check_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_log_customer_id_created_at'))

    op.drop_table('check_log')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_key_id_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_customer_id_id'))

    op.drop_table('audit_entry')
    op.drop_table('api_key')
