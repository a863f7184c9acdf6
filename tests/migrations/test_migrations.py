"""The migrations, not create_all, make the schema: autogenerate must find nothing to add."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from app.models import Base


async def test_migrations_match_the_models(database_url: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await engine.dispose()
    assert diff == []


async def test_every_customer_table_is_indexed_by_customer() -> None:
    for table in Base.metadata.sorted_tables:
        if "customer_id" not in table.c:
            continue
        leading = {tuple(ix.columns)[0].name for ix in table.indexes}
        assert "customer_id" in leading, table.name
