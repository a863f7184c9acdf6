from functools import partial
from typing import Annotated

from fastapi import APIRouter, Body, Request, Response, status

from app.audit.reads import ReadAuditDep
from app.auth import AdminKey, CheckoutKey, ReaderKey
from app.deps import CheckLogDep, SessionDep, SettingsDep
from app.orders import batch, service
from app.orders.schemas import (
    CancelRequest,
    Order,
    OrderBatchResult,
    OrderCreate,
    Return,
    ReturnCreate,
)
from app.outcomes import service as linked_orders
from app.problems import problem_responses
from app.types import OrderIdPath

router = APIRouter(prefix="/v1/orders", tags=["orders"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=Order,
    responses={200: {"model": Order, "description": "Already recorded: the stored order"},
               **problem_responses(409)},
)
async def create_order(
    order: OrderCreate, session: SessionDep, settings: SettingsDep, check_log: CheckLogDep,
    _key: CheckoutKey, response: Response,
) -> Order:
    stored, created = await linked_orders.create_order(
        session, order=order, settings=settings, flush=check_log.flush)
    if not created:
        response.status_code = status.HTTP_200_OK
    return stored


@router.post(
    "/batch",
    response_model=OrderBatchResult,
    responses=problem_responses(),
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "NDJSON: one order (as for `POST /v1/orders`) per line, "
            "up to 100,000 lines.",
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        }
    },
)
async def import_orders(request: Request, session: SessionDep, settings: SettingsDep,
                        check_log: CheckLogDep, _key: AdminKey) -> OrderBatchResult:
    record = partial(linked_orders.record_orders, settings=settings, flush=check_log.flush)
    return await batch.import_ndjson(session, request.stream(), record=record)


@router.get("/{order_id}", response_model=Order, responses=problem_responses(404, 405))
async def get_order(
    order_id: OrderIdPath, session: SessionDep, audit: ReadAuditDep, _key: ReaderKey,
) -> Order:
    order = await service.get_order(session, order_id=order_id)
    audit.record("read_order", order.customer_id)
    return order


@router.post(
    "/{order_id}/returns",
    status_code=status.HTTP_201_CREATED,
    response_model=Return,
    responses={200: {"model": Return, "description": "Already recorded (same `return_id`)"},
               **problem_responses(404, 409)},
)
async def record_return(
    order_id: OrderIdPath,
    request: ReturnCreate,
    session: SessionDep,
    _key: CheckoutKey,
    response: Response,
) -> Return:
    stored, created = await service.record_return(session, order_id=order_id, request=request)
    if not created:
        response.status_code = status.HTTP_200_OK
    return stored


@router.post("/{order_id}/cancel", response_model=Order, responses=problem_responses(404))
async def cancel_order(
    order_id: OrderIdPath,
    session: SessionDep,
    _key: CheckoutKey,
    request: Annotated[CancelRequest | None, Body()] = None,
) -> Order:
    return await service.cancel_order(
        session, order_id=order_id, request=request or CancelRequest()
    )
