from typing import Annotated

from fastapi import APIRouter, Query

from app.audit.reads import ReadAuditDep
from app.auth import ReaderKey
from app.deps import CheckLogWritten, SessionDep, SettingsDep
from app.pagination import CursorQuery, LimitQuery
from app.problems import problem_responses
from app.support import profile, timeline
from app.support.schemas import EventType, HistoryPage, Profile
from app.types import IDENTIFIER_PATTERN, CustomerIdPath, Timestamp

router = APIRouter(prefix="/v1/customers", tags=["support"])


@router.get("/{customer_id}/profile", response_model=Profile, responses=problem_responses(404),
            dependencies=[CheckLogWritten])
async def get_profile(
    customer_id: CustomerIdPath, session: SessionDep, settings: SettingsDep,
    audit: ReadAuditDep, _key: ReaderKey,
) -> Profile:
    """What the customer owns, returned and subscribes to, their preferences, and counts."""
    result = await profile.build_profile(session, settings=settings, customer_id=customer_id)
    audit.record("read_profile", customer_id)
    return result


@router.get("/{customer_id}/history", response_model=HistoryPage,
            responses=problem_responses(404), dependencies=[CheckLogWritten])
async def get_history(
    customer_id: CustomerIdPath,
    session: SessionDep,
    audit: ReadAuditDep,
    _key: ReaderKey,
    type: Annotated[
        list[EventType] | None,
        Query(description="Only these event types; repeat the parameter for several."),
    ] = None,
    sku: Annotated[str | None, Query(pattern=IDENTIFIER_PATTERN, max_length=128,
                                     description="Only events that name this sku.")] = None,
    since: Annotated[Timestamp | None, Query(description="Events at or after this.")] = None,
    until: Annotated[Timestamp | None, Query(description="Events before this.")] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> HistoryPage:
    """One timeline of everything the customer did and was told, newest first."""
    await profile.ensure_known(session, customer_id)
    filters = timeline.Filters(customer_id, frozenset(type or ()), sku, since, until)
    page = await timeline.read_page(session, filters, limit=limit, cursor=cursor)
    audit.record("read_history", customer_id)
    return page
