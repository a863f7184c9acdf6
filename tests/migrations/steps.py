from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from app.migrate import alembic_config


async def migrate(url: str, to: str, *, down: bool = False) -> None:
    """Upgrade (or downgrade) the database at `url` to revision `to`."""
    engine = create_async_engine(url)

    def run(sync_connection: object) -> None:
        config = alembic_config()
        config.attributes["connection"] = sync_connection
        (command.downgrade if down else command.upgrade)(config, to)

    async with engine.connect() as connection:
        await connection.run_sync(run)
        await connection.commit()
    await engine.dispose()
