from typing import Annotated

from fastapi import APIRouter, Body, Response, status

from app.auth import AdminKey, ReaderKey
from app.catalog import service
from app.catalog.schemas import Product, ProductBatchItem, ProductBatchResult, ProductUpsert
from app.deps import SessionDep
from app.problems import problem_responses
from app.types import SkuPath

router = APIRouter(prefix="/v1/products", tags=["catalog"])


@router.put(
    "/{sku}",
    response_model=Product,
    responses={201: {"model": Product, "description": "Created"}, **problem_responses(405)},
)
async def upsert_product(
    sku: SkuPath, product: ProductUpsert, session: SessionDep, _key: AdminKey, response: Response
) -> Product:
    stored, created = await service.upsert_product(session, sku=sku, product=product)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return Product.model_validate(stored)


@router.get("/{sku}", response_model=Product, responses=problem_responses(404, 405))
async def get_product(sku: SkuPath, session: SessionDep, _key: ReaderKey) -> Product:
    return Product.model_validate(await service.get_product(session, sku=sku))


@router.post("/batch", response_model=ProductBatchResult, responses=problem_responses())
async def upsert_products_batch(
    products: Annotated[list[ProductBatchItem], Body(max_length=1000)],
    session: SessionDep,
    _key: AdminKey,
) -> ProductBatchResult:
    return await service.upsert_batch(session, products=products)
