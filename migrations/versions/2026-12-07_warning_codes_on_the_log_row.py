"""warning codes on the log row

Why: each check wrote its log row and a `check_warning` row per warning raised, each with a
surrogate key and three index entries. COPYing the log of 20,000 checks with three warnings
each took 0.80-0.88 s with those rows and 0.25-0.29 s without: the warning rows were two
thirds of the log's work, which under load cost the checks 0.15 of a bare endpoint's
throughput (bench/checks.py, log on and off). The answer on the log row already names each
warning with its sku; the measures need only the codes, which now ride on the row
(`check_log.codes`, a JSON array), counted through a partial index of the checks that raised
any.

Revision ID: 0009_warning_codes
Revises: 0008_order_line_key
Create Date: 2026-12-07 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = '0009_warning_codes'
down_revision: str | None = '0008_order_line_key'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RAISED = "codes <> '[]'"

_FILL = {
    "postgresql": """
        UPDATE check_log c SET codes = w.codes
        FROM (SELECT check_id, json_agg(code ORDER BY id)::text AS codes
              FROM check_warning GROUP BY check_id) w
        WHERE w.check_id = c.check_id""",
    "sqlite": """
        UPDATE check_log SET codes = (
            SELECT json_group_array(code) FROM (
                SELECT code FROM check_warning w WHERE w.check_id = check_log.check_id
                ORDER BY w.id))
        WHERE check_id IN (SELECT check_id FROM check_warning)""",
}

_UNFOLD = {
    "postgresql": """
        INSERT INTO check_warning (check_id, customer_id, sku, code, severity, created_at)
        SELECT c.check_id, c.customer_id, w->>'sku', w->>'code', w->>'severity', c.created_at
        FROM check_log c, json_array_elements(c.response->'warnings') w""",
    "sqlite": """
        INSERT INTO check_warning (check_id, customer_id, sku, code, severity, created_at)
        SELECT c.check_id, c.customer_id, json_extract(w.value, '$.sku'),
               json_extract(w.value, '$.code'), json_extract(w.value, '$.severity'), c.created_at
        FROM check_log c, json_each(c.response, '$.warnings') w""",
}


def upgrade() -> None:
    with op.batch_alter_table("check_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("codes", sa.Text(), server_default="[]", nullable=False))
    op.execute(_FILL[op.get_bind().dialect.name])
    op.create_index("ix_check_log_warned_at", "check_log", ["created_at"], unique=False,
                    postgresql_where=sa.text(_RAISED), sqlite_where=sa.text(_RAISED))
    op.drop_table("check_warning")


def downgrade() -> None:
    op.create_table(
        "check_warning",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("check_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=128), nullable=False),
        sa.Column("sku", sa.String(length=128), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_warning")),
    )
    with op.batch_alter_table("check_warning", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_warning_check_id"), ["check_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_warning_created_at_code"),
                              ["created_at", "code"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_warning_customer_id_sku"),
                              ["customer_id", "sku"], unique=False)
    op.execute(_UNFOLD[op.get_bind().dialect.name])
    op.drop_index("ix_check_log_warned_at", table_name="check_log")
    with op.batch_alter_table("check_log", schema=None) as batch_op:
        batch_op.drop_column("codes")
