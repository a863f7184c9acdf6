from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog.models import Product
from app.db import upsert_insert


async def upsert_products(
    session: AsyncSession, rows: Sequence[dict[str, Any]], *, now: datetime
) -> list[tuple[str, bool]]:
    """Insert or replace products; returns each sku with whether it was new."""
    values = [{**row, "created_at": now, "updated_at": now} for row in rows]
    stmt = upsert_insert(session, Product).values(values)
    updatable = {c: stmt.excluded[c] for c in rows[0] if c != "sku"}
    stmt = stmt.on_conflict_do_update(
        index_elements=["sku"], set_={**updatable, "updated_at": now}
    ).returning(Product.sku, Product.created_at)
    result = await session.execute(stmt)
    return [(sku, created_at == now) for sku, created_at in result.all()]


async def insert_missing(
    session: AsyncSession, rows: Sequence[dict[str, Any]], *, now: datetime
) -> list[str]:
    """Insert the products the catalog lacks, leave the others as they are; the new skus."""
    values = [{**row, "created_at": now, "updated_at": now} for row in rows]
    stmt = upsert_insert(session, Product).values(values).on_conflict_do_nothing(
        index_elements=["sku"]).returning(Product.sku)
    return list((await session.scalars(stmt)).all())


async def get_product(session: AsyncSession, sku: str, *, fresh: bool = False) -> Product | None:
    """`fresh` re-reads a row this session may hold from before a Core-level write."""
    return await session.get(Product, sku, populate_existing=fresh)


async def list_by_skus(session: AsyncSession, skus: Iterable[str]) -> list[Product]:
    wanted = list(set(skus))
    if not wanted:
        return []
    return list((await session.scalars(select(Product).where(Product.sku.in_(wanted)))).all())


async def list_by_work_ids(session: AsyncSession, work_ids: Iterable[str]) -> list[Product]:
    wanted = list(set(work_ids))
    if not wanted:
        return []
    stmt = select(Product).where(Product.work_id.in_(wanted))
    return list((await session.scalars(stmt)).all())


async def list_active_in_categories(
    session: AsyncSession, categories: Iterable[str]
) -> list[Product]:
    wanted = list(set(categories))
    if not wanted:
        return []
    stmt = select(Product).where(Product.category.in_(wanted), Product.active.is_(True))
    return list((await session.scalars(stmt)).all())
