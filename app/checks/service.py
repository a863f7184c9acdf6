import logging
import time
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from app import metrics
from app.auth import KEY_COLUMNS, Role, allow, bootstrap_principal, hash_key, known_principal, principal_from
from app.checks import history, repository
from app.checks.customer import build_view, view_at
from app.checks.facts import CartLine, Code, Thresholds, Warning
from app.checks.log_writer import LoggedCheck, answered_lately, pause
from app.checks.models import Check
from app.checks.rules import NEVER_SUPPRESSED, Context, evaluate, verdict
from app.checks.schemas import (
    CheckRequest,
    CheckResult,
    FeedbackCreate,
    FeedbackRecorded,
    FeedbackResult,
    WarningOut,
    WarningStats,
    WarningStatsPage,
)
from app.db import committing, utcnow
from app.deadline import within
from app.deps import Runtime
from app.errors import DEPENDENCY_DOWN, InvalidInput, NotFound
from app.freshness import versions
from app.ids import new_id
from app.settings import Settings

logger = logging.getLogger("purchase_guard.checks")

# What a check may meet when the database is slow or gone: it answers degraded instead.
DEPENDENCY_ERRORS = (SQLAlchemyError, *DEPENDENCY_DOWN)


# Everything a warm check needs from the database, in one statement.
CHECK_READ = select(*versions.TOKEN_COLUMNS, *KEY_COLUMNS)


async def run_check(*, runtime: Runtime, request: CheckRequest, key: str) -> CheckResult:
    """Authorize and decide in one database round trip when the snapshot is warm.

    The key, the customer's and the catalog's tokens are read in one statement; the rest
    comes from the snapshot and catalog caches. All of it within the check budget; past it,
    or with the database away, the answer is `proceed`, degraded (for a key this process
    has verified before; otherwise 503).
    """
    settings = runtime.settings
    deadline = time.monotonic() + settings.check_budget_ms / 1000
    now = utcnow()
    as_of = request.as_of or now
    cart = tuple(
        CartLine(index, item.sku, item.quantity, item.gift)
        for index, item in enumerate(request.items)
    )
    check_id = new_id("chk")
    digest = hash_key(key)
    bootstrap = bootstrap_principal(runtime, key)

    async def decide(session: AsyncSession) -> list[Warning]:
        customer_token, catalog_token, *key_row = (await session.execute(CHECK_READ, {
            "customer_scope": versions.customer_scope(request.customer_id), "key_hash": digest,
        })).one()
        allow(bootstrap or principal_from(runtime, digest, *key_row), Role.checkout)
        # Give the connection back: a warm check needs nothing more from the database, and
        # one waiting for a snapshot build must not hold a connection the build needs.
        await session.close()
        tokens = versions.Tokens(customer_token, catalog_token)
        if request.as_of is not None:
            return await _replay(session, runtime, request.customer_id, cart, as_of, tokens)
        return await _decide(session, runtime, request.customer_id, cart, now, tokens)

    try:
        warnings = await within(deadline - time.monotonic(), runtime.read_sessionmaker, decide)
    except DEPENDENCY_ERRORS as exc:
        allow(bootstrap or known_principal(runtime, digest), Role.checkout)
        metrics.DEPENDENCY_ERRORS.labels("database").inc()
        logger.warning("check %s degraded: %s", check_id, type(exc).__name__)
        return CheckResult(
            check_id=check_id, customer_id=request.customer_id, verdict="proceed",
            warnings=[], degraded=True, as_of=as_of,
            degraded_reason="history unavailable within the time budget",
        )
    result = CheckResult(
        check_id=check_id,
        customer_id=request.customer_id,
        verdict=verdict(warnings),
        warnings=[_to_out(w) for w in warnings],
        degraded=False,
        as_of=as_of,
    )
    runtime.check_log.record(_logged(result, request, created_at=now))
    return result


async def _decide(
    session: AsyncSession, runtime: Runtime, customer_id: str,
    cart: tuple[CartLine, ...], now: datetime, tokens: versions.Tokens,
) -> list[Warning]:
    """Now: from the snapshot of the customer's current version, cached where possible."""
    basis = await runtime.snapshots.basis(customer_id, tokens=tokens, now=now)
    catalog = await runtime.catalog.for_cart(
        session, [line.sku for line in cart], token=tokens.catalog
    )
    view = view_at(basis, now=now, thresholds=_thresholds(runtime.settings))
    return evaluate(Context(customer=view, catalog=catalog, cart=cart, now=now))


def _thresholds(settings: Settings) -> Thresholds:
    return Thresholds(duplicate_window=timedelta(hours=settings.duplicate_window_hours))


async def _replay(
    session: AsyncSession, runtime: Runtime, customer_id: str,
    cart: tuple[CartLine, ...], as_of: datetime, tokens: versions.Tokens,
) -> list[Warning]:
    """At a past or future instant: the history straight from the database, never from a
    snapshot (the catalog has no past, so its cache serves as for any check)."""
    past = await history.load_history(session, customer_id, as_of=as_of)
    bought = await history.load_products(session, {p.sku for p in past.purchases})
    catalog = await runtime.catalog.for_cart(
        session, [line.sku for line in cart], token=tokens.catalog
    )
    view = build_view(past, bought, now=as_of, thresholds=_thresholds(runtime.settings))
    return evaluate(Context(customer=view, catalog=catalog, cart=cart, now=as_of))


def _to_out(warning: Warning) -> WarningOut:
    return WarningOut.model_validate({
        "code": warning.code,
        "severity": warning.severity,
        "sku": warning.sku,
        "message": warning.message,
        "evidence": [dict(e) for e in warning.evidence],
        "suggestion": None if warning.suggestion is None else {
            "action": warning.suggestion.action,
            "sku": warning.suggestion.sku,
            "message": warning.suggestion.message,
        },
    })


def _logged(result: CheckResult, request: CheckRequest, *, created_at: datetime) -> LoggedCheck:
    return LoggedCheck(
        check={
            "check_id": result.check_id,
            "customer_id": result.customer_id,
            "created_at": created_at,
            "as_of": result.as_of,
            "verdict": result.verdict.value,
            "response": result.model_dump(mode="json", exclude_none=False),
            "items": [item.model_dump(mode="json") for item in request.items],
        },
        items=[{"check_id": result.check_id, "customer_id": result.customer_id,
                "line_no": n, "sku": item.sku} for n, item in enumerate(request.items)],
        warnings=[{"check_id": result.check_id, "customer_id": result.customer_id,
                   "sku": w.sku, "code": w.code.value, "severity": w.severity.value,
                   "created_at": created_at} for w in result.warnings],
    )


async def find_check(session: AsyncSession, runtime: Runtime, check_id: str) -> Check | None:
    """The logged check: this process's buffer is written first, and a check another worker
    answered a moment ago is waited for until its buffer is written too."""
    await runtime.check_log.flush()
    while True:
        stored = await repository.get_check(session, check_id)
        if stored is not None or not answered_lately(check_id):
            return stored
        await pause()


async def get_check(session: AsyncSession, *, runtime: Runtime, check_id: str) -> CheckResult:
    stored = await find_check(session, runtime, check_id)
    if stored is None:
        raise NotFound(f"No check {check_id}.")
    return CheckResult.model_validate(stored.response)


async def record_feedback(
    session: AsyncSession, *, runtime: Runtime, check_id: str, feedback: FeedbackCreate
) -> FeedbackResult:
    settings = runtime.settings
    now = utcnow()
    recorded: list[FeedbackRecorded] = []
    await find_check(session, runtime, check_id)
    async with committing(session):
        check = await repository.get_check(session, check_id)
        if check is None:
            raise NotFound(f"No check {check_id}.")
        raised = await repository.raised_in_check(session, check_id)
        seen: set[tuple[str, str]] = set()
        for index, response in enumerate(feedback.responses):
            key = (response.sku, response.code.value)
            if key not in raised:
                raise InvalidInput(
                    f"Check {check_id} raised no {response.code.value} for {response.sku}.",
                    loc=["body", "responses", index, "code"],
                )
            if key in seen:
                raise InvalidInput(
                    f"{response.code.value} for {response.sku} is answered twice.",
                    loc=["body", "responses", index],
                )
            seen.add(key)
            recorded.append(FeedbackRecorded(
                **response.model_dump(),
                suppressed_until=_suppress_until(settings, response.code, response.action.value,
                                                 check.as_of),
            ))
        await repository.upsert_feedback(session, [
            {
                "check_id": check_id, "customer_id": check.customer_id,
                "sku": r.sku, "code": r.code.value, "action": r.action.value,
                "replacement_sku": r.replacement_sku, "reason": r.reason,
                "suppress_until": r.suppressed_until, "check_as_of": check.as_of,
                "created_at": now,
            }
            for r in recorded
        ])
        await versions.touch_customers(session, [check.customer_id])
    return FeedbackResult(check_id=check_id, responses=recorded)


def _suppress_until(
    settings: Settings, code: Code, action: str, check_as_of: datetime
) -> datetime | None:
    if action != "kept" or code in NEVER_SUPPRESSED or settings.suppress_days <= 0:
        return None
    return check_as_of + timedelta(days=settings.suppress_days)


async def warning_stats(
    session: AsyncSession, *, since: datetime | None, until: datetime | None
) -> WarningStatsPage:
    until = until or utcnow()
    raised = await repository.count_raised(session, since=since, until=until)
    answered = await repository.count_feedback(session, since=since, until=until)
    return WarningStatsPage(
        since=since,
        until=until,
        items=[
            WarningStats(
                code=code,
                raised=raised.get(code.value, 0),
                kept=answered.get((code.value, "kept"), 0),
                removed=answered.get((code.value, "removed"), 0),
                replaced=answered.get((code.value, "replaced"), 0),
            )
            for code in Code
        ],
    )
