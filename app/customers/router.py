from fastapi import APIRouter, Request, Response, status

from app.audit import service as audit
from app.auth import AdminKey, CheckoutKey, ReaderKey
from app.customers import service
from app.customers.schemas import Preferences, PreferencesUpdate
from app.deps import RuntimeDep, SessionDep
from app.problems import problem_responses
from app.types import CustomerIdPath

router = APIRouter(prefix="/v1/customers", tags=["customers"])


@router.put(
    "/{customer_id}/preferences", response_model=Preferences, responses=problem_responses()
)
async def replace_preferences(
    customer_id: CustomerIdPath, update: PreferencesUpdate, session: SessionDep, _key: CheckoutKey
) -> Preferences:
    return await service.replace_preferences(session, customer_id=customer_id, update=update)


@router.get(
    "/{customer_id}/preferences", response_model=Preferences, responses=problem_responses()
)
async def get_preferences(
    customer_id: CustomerIdPath, request: Request, session: SessionDep, runtime: RuntimeDep,
    key: ReaderKey,
) -> Preferences:
    preferences = await service.get_preferences(session, customer_id=customer_id)
    audit.record_read(runtime.audit, principal=key, request=request,
                      action="read_preferences", customer_id=customer_id)
    return preferences


@router.delete(
    "/{customer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(),
)
async def erase_customer(
    customer_id: CustomerIdPath, request: Request, session: SessionDep, runtime: RuntimeDep,
    key: AdminKey,
) -> Response:
    """Erase everything held about the customer; the audit keeps only that it happened."""
    await service.erase_customer(session, runtime=runtime, principal=key, request=request,
                                 customer_id=customer_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
