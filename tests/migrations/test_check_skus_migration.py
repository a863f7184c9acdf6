"""Migration 0007 moves each logged check's cart skus from `check_item` onto its log row:
support's search by sku must find the checks logged before the upgrade, and a downgrade
must give the rows back."""

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.migrations.steps import migrate

BEFORE = "0006_outcomes"


async def test_carts_logged_before_the_upgrade_keep_their_skus(empty_database: str) -> None:
    await migrate(empty_database, BEFORE)
    engine = create_async_engine(empty_database)
    async with engine.begin() as conn:
        for check_id, skus in (("chk_1", ["sku-b", "sku-a"]), ("chk_2", ["sku-c"])):
            await conn.execute(text(
                "INSERT INTO check_log (check_id, customer_id, created_at, as_of, verdict, "
                "response, items) VALUES (:id, 'c-1', :at, :at, 'proceed', '{}', '[]')"),
                {"id": check_id, "at": datetime(2026, 12, 1, 10, tzinfo=UTC)})
            for n, sku in enumerate(skus):
                await conn.execute(text(
                    "INSERT INTO check_item (check_id, line_no, customer_id, sku) "
                    "VALUES (:id, :n, 'c-1', :sku)"), {"id": check_id, "n": n, "sku": sku})
    await migrate(empty_database, "head")
    async with engine.connect() as conn:
        carts = dict((await conn.execute(text(
            "SELECT check_id, skus FROM check_log ORDER BY check_id"))).all())
    assert carts == {"chk_1": " sku-b sku-a ", "chk_2": " sku-c "}

    await migrate(empty_database, BEFORE, down=True)
    async with engine.connect() as conn:
        items = (await conn.execute(text(
            "SELECT check_id, line_no, sku FROM check_item ORDER BY check_id, line_no"))).all()
    await engine.dispose()
    assert [tuple(row) for row in items] == [
        ("chk_1", 0, "sku-b"), ("chk_1", 1, "sku-a"), ("chk_2", 0, "sku-c")]
