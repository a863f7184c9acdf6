from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.audit import service as audit
from app.auth import CheckoutKey, CheckReaderKey, ReaderKey
from app.checks import service
from app.checks.schemas import (
    CheckRequest,
    CheckResult,
    FeedbackCreate,
    FeedbackResult,
    WarningStatsPage,
)
from app.deps import RuntimeDep, SessionDep
from app.metrics import CHECKS, DEGRADED, WARNINGS
from app.problems import problem_responses
from app.types import Timestamp

router = APIRouter(tags=["checks"])

CheckIdPath = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_]+$")]


@router.post("/v1/checks", response_model=CheckResult, responses=problem_responses())
async def create_check(
    request: CheckRequest, http: Request, runtime: RuntimeDep, _key: CheckoutKey
) -> CheckResult:
    result = await service.run_check(runtime=runtime, request=request,
                                      received_at=http.state.received_at)
    CHECKS.labels(result.verdict.value).inc()
    if result.degraded:
        DEGRADED.inc()
    for warning in result.warnings:
        WARNINGS.labels(warning.code.value).inc()
    return result


@router.get("/v1/checks/{check_id}", response_model=CheckResult, responses=problem_responses(404))
async def get_check(
    check_id: CheckIdPath, request: Request, session: SessionDep, runtime: RuntimeDep,
    key: CheckReaderKey,
) -> CheckResult:
    check = await service.get_check(session, check_id=check_id)
    audit.record_read(runtime.audit, principal=key, request=request,
                      action="read_check", customer_id=check.customer_id)
    return check


@router.post(
    "/v1/checks/{check_id}/feedback",
    response_model=FeedbackResult,
    responses=problem_responses(404),
)
async def record_feedback(
    check_id: CheckIdPath,
    feedback: FeedbackCreate,
    session: SessionDep,
    runtime: RuntimeDep,
    _key: CheckoutKey,
) -> FeedbackResult:
    return await service.record_feedback(
        session, settings=runtime.settings, check_id=check_id, feedback=feedback
    )


@router.get("/v1/stats/warnings", response_model=WarningStatsPage, responses=problem_responses())
async def warning_stats(
    session: SessionDep,
    _key: ReaderKey,
    since: Annotated[Timestamp | None, Query()] = None,
    until: Annotated[Timestamp | None, Query()] = None,
) -> WarningStatsPage:
    return await service.warning_stats(session, since=since, until=until)
