"""data version tokens

Why: read-your-writes with cached snapshots. Every write changes its customer's (or the
catalog's) token in the same transaction; a check trusts a cached snapshot only while the
token it was built under is current. Existing customers start without a token, which
their next write creates.

Revision ID: 0003_data_version
Revises: 0002_support
Create Date: 2026-11-22 23:38:11.158664
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003_data_version'
down_revision: str | None = '0002_support'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('data_version',
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_data_version'))
    )


def downgrade() -> None:
    op.drop_table('data_version')
