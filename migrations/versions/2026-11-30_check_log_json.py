"""check log as json

Why: the check log is written on every check, by COPY, on the same machine as the service.
Stored as JSONB, PostgreSQL converts each answer into its binary form on the way in, work
that is never used: the log is only ever read whole (a check by its id, the history
timeline). Plain `json` keeps the text as sent, checked but not converted. SQLite is
unchanged (JSON is text there either way).

Revision ID: 0004_check_log_json
Revises: 0003_data_version
Create Date: 2026-11-30 04:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004_check_log_json'
down_revision: str | None = '0003_data_version'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in ("response", "items"):
            op.execute(f"ALTER TABLE check_log ALTER COLUMN {column} TYPE json USING {column}::json")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in ("response", "items"):
            op.execute(f"ALTER TABLE check_log ALTER COLUMN {column} TYPE jsonb USING {column}::jsonb")
