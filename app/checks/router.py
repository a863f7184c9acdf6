from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.audit.reads import ReadAuditDep
from app.auth import (
    BearerCredentials,
    CheckoutKey,
    CheckReaderKey,
    ReaderKey,
    presented_key,
)
from app.checks import service
from app.checks.schemas import (
    CheckRequest,
    CheckResult,
    FeedbackCreate,
    FeedbackResult,
    WarningStatsPage,
)
from app.deps import CheckerDep, CheckLogWritten, SessionDep, SettingsDep
from app.problems import problem_responses
from app.types import Timestamp

router = APIRouter(tags=["checks"])

CheckIdPath = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_]+$")]


CHECK_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/CheckRequest"}}}}}


@router.post("/v1/checks", response_model=CheckResult, responses=problem_responses(),
             openapi_extra=CHECK_BODY)
async def create_check(
    http: Request, checker: CheckerDep, credentials: BearerCredentials, _key: CheckoutKey
) -> Response:
    """Checkout or admin keys. A well-formed check with a good key is answered before it
    reaches this route (`app/checks/fast_route.py`); this route answers the rest, with the
    errors every route gives, and documents the operation."""
    key = presented_key(credentials)
    raw = await http.body()
    if not raw.strip():
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}])
    try:
        request = CheckRequest.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None
    result = await checker.check(request, key)
    result.count()
    return Response(result.json, media_type="application/json")


@router.get("/v1/checks/{check_id}", response_model=CheckResult, responses=problem_responses(404),
            dependencies=[CheckLogWritten])
async def get_check(
    check_id: CheckIdPath, session: SessionDep, audit: ReadAuditDep, _key: CheckReaderKey,
) -> CheckResult:
    check = await service.get_check(session, check_id=check_id)
    audit.record("read_check", check.customer_id)
    return check


@router.post(
    "/v1/checks/{check_id}/feedback",
    response_model=FeedbackResult,
    responses=problem_responses(404),
    dependencies=[CheckLogWritten],
)
async def record_feedback(
    check_id: CheckIdPath,
    feedback: FeedbackCreate,
    session: SessionDep,
    settings: SettingsDep,
    _key: CheckoutKey,
) -> FeedbackResult:
    return await service.record_feedback(
        session, settings=settings, check_id=check_id, feedback=feedback
    )


@router.get("/v1/stats/warnings", response_model=WarningStatsPage, responses=problem_responses(),
            dependencies=[CheckLogWritten])
async def warning_stats(
    session: SessionDep,
    _key: ReaderKey,
    since: Annotated[Timestamp | None, Query()] = None,
    until: Annotated[Timestamp | None, Query()] = None,
) -> WarningStatsPage:
    return await service.warning_stats(session, since=since, until=until)
