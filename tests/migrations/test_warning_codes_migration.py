"""Migration 0009 moves each logged check's warning codes from `check_warning` onto its log
row: the measures must count the warnings raised before the upgrade, and a downgrade must
give the rows back."""

import json
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.migrations.steps import migrate

BEFORE = "0008_order_line_key"
AT = datetime(2026, 12, 1, 10, tzinfo=UTC)
WARNINGS = [{"sku": "sku-a", "code": "DUPLICATE_ORDER", "severity": "confirm"},
            {"sku": "sku-b", "code": "ALREADY_OWNED", "severity": "confirm"}]


async def test_warnings_logged_before_the_upgrade_are_still_counted(empty_database: str) -> None:
    await migrate(empty_database, BEFORE)
    engine = create_async_engine(empty_database)
    async with engine.begin() as conn:
        for check_id, warnings in (("chk_1", WARNINGS), ("chk_2", [])):
            await conn.execute(text(
                "INSERT INTO check_log (check_id, customer_id, created_at, as_of, verdict, "
                "response, items, skus) VALUES (:id, 'c-1', :at, :at, 'confirm', :response, "
                "'[]', ' sku-a sku-b ')"),
                {"id": check_id, "at": AT, "response": json.dumps({"warnings": warnings})})
            for w in warnings:
                await conn.execute(text(
                    "INSERT INTO check_warning (check_id, customer_id, sku, code, severity, "
                    "created_at) VALUES (:id, 'c-1', :sku, :code, :severity, :at)"),
                    {"id": check_id, "at": AT, **w})
    await migrate(empty_database, "head")
    async with engine.connect() as conn:
        codes = {check_id: json.loads(value) for check_id, value in (await conn.execute(text(
            "SELECT check_id, codes FROM check_log"))).all()}
    assert codes == {"chk_1": ["DUPLICATE_ORDER", "ALREADY_OWNED"], "chk_2": []}

    await migrate(empty_database, BEFORE, down=True)
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT check_id, sku, code, severity FROM check_warning ORDER BY sku"))).all()
    await engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("chk_1", "sku-a", "DUPLICATE_ORDER", "confirm"),
        ("chk_1", "sku-b", "ALREADY_OWNED", "confirm")]
