"""check log rows without foreign keys

Why: every check writes its cart items and warnings next to its log row. Each of those rows
carried a foreign key to `check_log`, so PostgreSQL ran a lookup per row; under load that
was most of the database's work on the check path (COPY into `check_item` was the busiest
statement while checks ran). The rows are written in the same transaction as their log
row, by one writer, and erasure deletes them by customer explicitly, so the constraint
guarded nothing the code does not already guarantee.

Revision ID: 0005_check_log_without_fks
Revises: 0004_check_log_json
Create Date: 2026-11-30 05:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005_check_log_without_fks'
down_revision: str | None = '0004_check_log_json'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FOREIGN_KEYS = {"check_item": "fk_check_item_check_id_check_log",
                 "check_warning": "fk_check_warning_check_id_check_log"}


def upgrade() -> None:
    for table, name in _FOREIGN_KEYS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(name, type_="foreignkey")


def downgrade() -> None:
    for table, name in _FOREIGN_KEYS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_foreign_key(name, "check_log", ["check_id"], ["check_id"],
                                        ondelete="CASCADE")
