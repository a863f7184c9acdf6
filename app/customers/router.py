from fastapi import APIRouter, Request

from app.audit import service as audit
from app.auth import CheckoutKey, ReaderKey
from app.customers import service
from app.customers.schemas import Preferences, PreferencesUpdate
from app.deps import SessionDep
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
    customer_id: CustomerIdPath, request: Request, session: SessionDep, key: ReaderKey
) -> Preferences:
    preferences = await service.get_preferences(session, customer_id=customer_id)
    await audit.record_read(session, principal=key, action="read_preferences",
                            customer_id=customer_id, path=request.url.path)
    return preferences
