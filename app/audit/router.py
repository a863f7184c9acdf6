from typing import Annotated

from fastapi import APIRouter, Query

from app.audit import service
from app.audit.schemas import AuditPage
from app.auth import AdminKey
from app.deps import AuditWritten, SessionDep
from app.pagination import CursorQuery, LimitQuery
from app.problems import problem_responses
from app.types import IDENTIFIER_PATTERN

router = APIRouter(prefix="/v1/audit", tags=["audit"])


# This process's buffered rows are written first, so an admin sees the reads just made.
@router.get("", response_model=AuditPage, responses=problem_responses(),
            dependencies=[AuditWritten])
async def list_audit_entries(
    session: SessionDep,
    _key: AdminKey,
    customer_id: Annotated[str | None, Query(pattern=IDENTIFIER_PATTERN, max_length=128)] = None,
    key_id: Annotated[str | None, Query(pattern=IDENTIFIER_PATTERN, max_length=64)] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> AuditPage:
    """Who read or erased which customer's data, newest first."""
    return await service.list_entries(
        session, customer_id=customer_id, key_id=key_id, limit=limit, cursor=cursor
    )
