"""The PostgreSQL import path COPYs new orders straight into their tables: an order another
writer stores at the same moment must come out as unchanged (or a conflict), never as an
error and never twice."""

import asyncio
from datetime import UTC, datetime

import asyncpg
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.importer import pg_copy
from app.migrate import upgrade_to_head
from app.orders.schemas import OrderCreate
from app.orders.service import order_body_hash
from tests import services

AT = datetime(2026, 11, 2, 10, tzinfo=UTC)


def _order(order_id: str) -> OrderCreate:
    return OrderCreate.model_validate({"order_id": order_id, "customer_id": "c-1",
                                       "placed_at": AT.isoformat(),
                                       "lines": [{"sku": "mug", "quantity": 1}]})


async def _waiting_on_a_lock(url: str) -> bool:
    # A connection of its own: inside a transaction, pg_stat_activity stays as first read.
    watcher = await asyncpg.connect(url)
    try:
        return bool(await watcher.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"))
    finally:
        await watcher.close()


async def test_an_order_stored_by_another_writer_meanwhile_is_unchanged() -> None:
    async with services.postgres_database("pg_copy") as url:
        await upgrade_to_head(url)
        engine = create_async_engine(url)
        plain_url = url.replace("+asyncpg", "")
        other = await asyncpg.connect(plain_url)
        try:
            same = _order("o-1")
            # The other writer holds o-1 uncommitted when the import looks and COPYs.
            transaction = other.transaction()
            await transaction.start()
            await other.execute(
                "INSERT INTO customer_order (order_id, customer_id, placed_at, body_hash, "
                "created_at) VALUES ('o-1', 'c-1', $1, $2, $1)", AT, order_body_hash(same))
            async with async_sessionmaker(engine)() as session:
                importing = asyncio.create_task(
                    pg_copy.record_orders(session, [same, _order("o-2")]))
                for _ in range(200):
                    if await _waiting_on_a_lock(plain_url):
                        break
                    await asyncio.sleep(0.02)
                assert await _waiting_on_a_lock(plain_url), "the COPY never met o-1"
                await transaction.commit()
                created, unchanged, conflicts = await asyncio.wait_for(importing, 10)
            assert (created, unchanged, conflicts) == (["o-2"], ["o-1"], [])
            assert await other.fetchval("SELECT count(*) FROM order_line") == 1
        finally:
            await other.close()
            await engine.dispose()
