from fastapi import APIRouter, Request, Response, status

from app import erasure
from app.audit.reads import ReadAuditDep, caller_of
from app.auth import AdminKey, CheckoutKey, ReaderKey
from app.customers import service
from app.customers.schemas import Preferences, PreferencesUpdate
from app.deps import AuditWritten, CheckLogWritten, SessionDep, SnapshotsDep
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
    customer_id: CustomerIdPath, session: SessionDep, audit: ReadAuditDep, _key: ReaderKey,
) -> Preferences:
    preferences = await service.get_preferences(session, customer_id=customer_id)
    audit.record("read_preferences", customer_id)
    return preferences


@router.delete(
    "/{customer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(),
    # Buffered rows are written first: reads so their paths are cut, checks so they go too.
    dependencies=[AuditWritten, CheckLogWritten],
)
async def erase_customer(
    customer_id: CustomerIdPath, request: Request, session: SessionDep,
    snapshots: SnapshotsDep, key: AdminKey,
) -> Response:
    """Erase everything held about the customer; the audit keeps only that it happened."""
    await erasure.erase_customer(session, caller_of(request, key), customer_id=customer_id,
                                 snapshots=snapshots)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
