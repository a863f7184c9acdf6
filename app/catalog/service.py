from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog import repository
from app.catalog.models import Product
from app.catalog.schemas import ProductBatchItem, ProductBatchResult, ProductKind, ProductUpsert
from app.db import committing, utcnow
from app.errors import InvalidInput, NotFound
from app.freshness import versions


async def upsert_product(
    session: AsyncSession, *, sku: str, product: ProductUpsert
) -> tuple[Product, bool]:
    if product.superseded_by == sku:
        raise InvalidInput(
            "A product cannot supersede itself.", loc=["body", "superseded_by"]
        )
    async with committing(session):
        [(_, created)] = await repository.upsert_products(
            session, [_row(sku, product)], now=utcnow()
        )
        await versions.touch_catalog(session)
    stored = await repository.get_product(session, sku, fresh=True)
    assert stored is not None
    return stored, created


async def upsert_batch(
    session: AsyncSession, *, products: Sequence[ProductBatchItem]
) -> ProductBatchResult:
    seen: dict[str, int] = {}
    for index, item in enumerate(products):
        if item.sku in seen:
            raise InvalidInput(
                f"sku {item.sku} appears twice (items {seen[item.sku]} and {index}).",
                loc=["body", index, "sku"],
            )
        seen[item.sku] = index
        if item.superseded_by == item.sku:
            raise InvalidInput("A product cannot supersede itself.",
                               loc=["body", index, "superseded_by"])
    if not products:
        return ProductBatchResult(created=0, updated=0)
    async with committing(session):
        outcome = await repository.upsert_products(
            session, [_row(p.sku, p) for p in products], now=utcnow()
        )
        await versions.touch_catalog(session)
    created = sum(1 for _, was_new in outcome if was_new)
    return ProductBatchResult(created=created, updated=len(outcome) - created)


async def add_services(session: AsyncSession, services: Sequence[tuple[str, str]]) -> list[str]:
    """Create these (sku, title) as `service` products unless the catalog has them already:
    the shop's own word on a sku always wins. The skus created."""
    if not services:
        return []
    async with committing(session):
        created = await repository.insert_missing(session, [
            {"sku": sku, "title": title, "kind": ProductKind.service.value}
            for sku, title in services
        ], now=utcnow())
        if created:
            await versions.touch_catalog(session)
    return created


async def get_product(session: AsyncSession, *, sku: str) -> Product:
    product = await repository.get_product(session, sku)
    if product is None:
        raise NotFound(f"No product with sku {sku}.")
    return product


def _row(sku: str, product: ProductUpsert) -> dict[str, object]:
    row = product.model_dump(mode="json", exclude={"sku"})
    row["sku"] = sku
    return row
