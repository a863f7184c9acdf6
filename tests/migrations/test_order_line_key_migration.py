"""Migration 0008 keys order lines by (order_id, line_no): the lines stored before it
keep their order, and a downgrade gives back the numbered table."""

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.migrations.steps import migrate

BEFORE = "0007_check_skus"
AT = datetime(2026, 12, 1, 10, tzinfo=UTC)


async def test_lines_stored_before_the_upgrade_keep_their_order(empty_database: str) -> None:
    await migrate(empty_database, BEFORE)
    engine = create_async_engine(empty_database)
    async with engine.begin() as conn:
        await conn.execute(text(
            "INSERT INTO customer_order (order_id, customer_id, placed_at, body_hash, created_at) "
            "VALUES ('o-1', 'c-1', :at, 'h', :at)"), {"at": AT})
        for n, sku in enumerate(["sku-b", "sku-a", "sku-c"]):
            await conn.execute(text(
                "INSERT INTO order_line (order_id, customer_id, line_no, sku, quantity) "
                "VALUES ('o-1', 'c-1', :n, :sku, 1)"), {"n": n, "sku": sku})
    await migrate(empty_database, "head")
    async with engine.connect() as conn:
        lines = (await conn.execute(text(
            "SELECT order_id, line_no, sku FROM order_line ORDER BY order_id, line_no"))).all()
    assert [tuple(row) for row in lines] == [
        ("o-1", 0, "sku-b"), ("o-1", 1, "sku-a"), ("o-1", 2, "sku-c")]

    await migrate(empty_database, BEFORE, down=True)
    async with engine.begin() as conn:
        numbered = (await conn.execute(text(
            "SELECT id, line_no FROM order_line ORDER BY line_no"))).all()
        await conn.execute(text(
            "INSERT INTO order_line (order_id, customer_id, line_no, sku, quantity) "
            "VALUES ('o-1', 'c-1', 3, 'sku-d', 1)"))
        count = await conn.scalar(text("SELECT count(DISTINCT id) FROM order_line"))
    await engine.dispose()
    assert all(row[0] is not None for row in numbered) and count == 4
