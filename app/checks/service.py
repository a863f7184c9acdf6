import functools
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import metrics
from app.checks import answer, repository
from app.checks.answer import CheckAnswer
from app.checks.catalog_cache import CatalogCache
from app.checks.customer import build_view
from app.checks.facts import CartLine, Catalog, Thresholds, WarningCode
from app.checks.log_writer import CheckLogWriter, LoggedCheck, answered_lately, pause
from app.checks.models import Check
from app.checks.records import CustomerRecords, history_at, load_records
from app.checks.relevance import TraitIndex, relevant_skus, view_catalog
from app.checks.rules import Assessment, Context, assess
from app.checks.schemas import (
    CheckRequest,
    CheckResult,
    FeedbackCreate,
    FeedbackRecorded,
    FeedbackResult,
    WarningStats,
    WarningStatsPage,
)
from app.checks.snapshots import SnapshotStore
from app.checks.suppression import suppress_until
from app.db import committing, utcnow
from app.deadline import within
from app.errors import DATABASE_ERRORS, InvalidInput, NotFound
from app.freshness import versions
from app.freshness.mirror import KeyRecord, TokenMirror
from app.ids import new_id
from app.keys.principals import Principal, Role, hash_key
from app.keys.verifier import KEY_COLUMNS, KeyVerifier, allow
from app.metrics import TOKEN_READS, labelled
from app.settings import Settings

logger = logging.getLogger("purchase_guard.checks")



# Everything a check needs from the database when the mirror cannot answer: one statement.
CHECK_READ = select(*versions.TOKEN_COLUMNS, *KEY_COLUMNS)


@dataclass
class Checker:
    """Answers checks: what a check reads (the mirror, the process's caches, the database)
    and where its answer goes (the check log)."""

    settings: Settings
    keys: KeyVerifier
    read_sessionmaker: async_sessionmaker[AsyncSession]
    mirror: TokenMirror | None
    catalog: CatalogCache
    snapshots: SnapshotStore
    check_log: CheckLogWriter

    async def check(self, request: CheckRequest, key: str) -> CheckAnswer:
        """Authorize and decide; with a warm snapshot and the Redis mirror, with no database I/O.

        The key and the customer's and catalog's tokens come from the mirror in one Redis
        round trip, or else from the database in one statement. A warm check then finds the
        customer's snapshot and the cart's products in the process; a cold one reads only the
        records its cart can touch. All of it within the check budget; past it, or with the
        database away, the answer is `proceed`, degraded (for a key this process has verified
        before; otherwise 503).
        """
        deadline = time.monotonic() + self.settings.check_budget_ms / 1000
        now = utcnow()
        at = request.as_of or now
        cart = tuple(
            CartLine(index, item.sku, item.quantity, item.gift)
            for index, item in enumerate(request.items)
        )
        check_id = new_id("chk")
        digest = hash_key(key)
        bootstrap = self.keys.bootstrap(key)
        scope = versions.customer_scope(request.customer_id)
        evaluation = Evaluation(self, request.customer_id, cart, at,
                                snapshot=request.as_of is None)

        mirrored = None
        if self.mirror is not None:
            mirrored = await self.mirror.read(scope, digest, need_key=bootstrap is None)
        found: Assessment | None = None
        if mirrored is not None:
            labelled(TOKEN_READS, "cache").inc()
            allow(bootstrap or self.keys.from_mirror(digest, mirrored.key), Role.checkout)
            found = evaluation.cached(mirrored.tokens)

        async def decide(session: AsyncSession) -> Assessment:
            tokens = mirrored.tokens if mirrored is not None else await self._read_tokens(
                session, scope, digest, bootstrap)
            return await evaluation.loading(session, tokens)

        if found is None:
            try:
                found = await within(deadline - time.monotonic(), self.read_sessionmaker,
                                     decide)
            except DATABASE_ERRORS as exc:  # slow or gone: the answer is degraded
                allow(bootstrap or self.keys.known_before(digest), Role.checkout)
                metrics.DEPENDENCY_ERRORS.labels("database").inc()
                logger.warning("check %s degraded: %s", check_id, type(exc).__name__)
        result = answer.degraded(check_id, request.customer_id, at,
                                 "history unavailable within the time budget") \
            if found is None else answer.answered(check_id, request.customer_id,
                                                  found.warnings, at, found.repeats)
        # Degraded ones too: they are the checks support will be asked about, and their
        # `check_id` must be readable like any other.
        self.check_log.record(_logged(result, request, created_at=now))
        return result

    async def _read_tokens(self, session: AsyncSession, scope: str, digest: str,
                           bootstrap: Principal | None) -> versions.Tokens:
        customer, catalog, keys, epoch, *key_row = (await session.execute(CHECK_READ, {
            "customer_scope": scope, "key_hash": digest,
        })).one()
        TOKEN_READS.labels("database").inc()
        principal = allow(bootstrap or self.keys.from_row(digest, *key_row), Role.checkout)
        # Give the connection back before anything else: a warm check needs nothing more
        # from the database, and the records a cold one reads come by key, on a fresh
        # connection.
        await session.close()
        tokens = versions.Tokens(customer, catalog, keys)
        if self.mirror is not None:
            self.mirror.fill(scope, tokens, digest, None if bootstrap else KeyRecord(
                principal.key_id, principal.name, principal.role.value), int(epoch or 0))
        return tokens


class Evaluation:
    """One check's cart against the customer: from the process when it can, else by key."""

    def __init__(self, checker: Checker, customer_id: str, cart: tuple[CartLine, ...],
                 at: datetime, *, snapshot: bool) -> None:
        self.checker = checker
        self.customer_id = customer_id
        self.cart = cart
        self.skus = [line.sku for line in cart]
        self.at = at
        self.snapshot = snapshot

    def cached(self, tokens: versions.Tokens) -> Assessment | None:
        """The warnings with no I/O at all, or None when something must be read first."""
        catalog = self.checker.catalog.cached(self.skus, token=tokens.catalog)
        traits = self.checker.catalog.cached_traits
        if catalog is None or traits is None or not self.snapshot:
            return None
        records = self.checker.snapshots.get(self.customer_id, tokens.customer)
        if records is None:
            return None
        return self._warnings(records, catalog, traits)

    async def loading(self, session: AsyncSession, tokens: versions.Tokens) -> Assessment:
        checker = self.checker
        catalog = await checker.catalog.for_cart(self.skus, token=tokens.catalog)
        traits = await checker.catalog.traits(token=tokens.catalog)
        records = checker.snapshots.get(self.customer_id, tokens.customer) \
            if self.snapshot else None
        wanted = relevant_skus(self.skus, catalog, traits)
        if records is None:
            records = await load_records(session, self.customer_id, wanted, now=self.at,
                                         window=checker.settings.duplicate_window)
        return self._warnings(records, catalog, traits, wanted)

    def _warnings(self, records: CustomerRecords, catalog: Catalog, traits: TraitIndex,
                  wanted: set[str] | None = None) -> Assessment:
        return decide(records, catalog, traits, self.cart, self.at,
                      thresholds(self.checker.settings), wanted)


def decide(records: CustomerRecords, catalog: Catalog, traits: TraitIndex,
           cart: tuple[CartLine, ...], at: datetime, limits: Thresholds,
           wanted: set[str] | None = None) -> Assessment:
    """The cart against the customer's records at `at`: the engine, with no I/O."""
    if wanted is None:
        wanted = relevant_skus([line.sku for line in cart], catalog, traits)
    history = history_at(records, wanted, at)
    view = build_view(history, view_catalog(wanted, catalog, traits), now=at, thresholds=limits)
    return assess(Context(customer=view, catalog=catalog, cart=cart, now=at, thresholds=limits))


def thresholds(settings: Settings) -> Thresholds:
    return _thresholds_for(settings.duplicate_window_hours, settings.habit_after,
                           settings.repeat_order_share, settings.routine_after)


@functools.cache
def _thresholds_for(duplicate_window_hours: float, habit_after: int,
                    repeat_order_share: float, routine_after: int) -> Thresholds:
    return Thresholds(duplicate_window=timedelta(hours=duplicate_window_hours),
                      habit_after=habit_after, repeat_order_share=repeat_order_share,
                      routine_after=routine_after)


def _logged(result: CheckAnswer, request: CheckRequest, *, created_at: datetime) -> LoggedCheck:
    check_id, customer_id = result.body["check_id"], request.customer_id
    items = request.items
    return LoggedCheck(
        check=(check_id, customer_id, created_at, request.as_of or created_at,
               result.body["verdict"], result.json.decode(),
               orjson.dumps([{"sku": i.sku, "quantity": i.quantity, "gift": i.gift}
                             for i in items]).decode(),
               f" {' '.join(i.sku for i in items)} ",
               orjson.dumps([w.code.value for w in result.warnings]).decode()),
    )


async def find_check(session: AsyncSession, check_id: str) -> Check | None:
    """The logged check. The caller writes this process's buffer first (`CheckLogWritten`);
    a check another worker answered a moment ago is waited for until its buffer is written."""
    while True:
        stored = await repository.get_check(session, check_id)
        if stored is not None or not answered_lately(check_id):
            return stored
        await pause()


async def get_check(session: AsyncSession, *, check_id: str) -> CheckResult:
    stored = await find_check(session, check_id)
    if stored is None:
        raise NotFound(f"No check {check_id}.")
    return CheckResult.model_validate(stored.response)


async def record_feedback(
    session: AsyncSession, *, settings: Settings, check_id: str, feedback: FeedbackCreate
) -> FeedbackResult:
    now = utcnow()
    recorded: list[FeedbackRecorded] = []
    await find_check(session, check_id)
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
                suppressed_until=suppress_until(settings, response.code, response.action.value,
                                                check.as_of),
            ))
        await repository.upsert_feedback(session, [
            {
                "check_id": check_id, "customer_id": check.customer_id,
                "sku": r.sku, "code": r.code.value, "action": r.action.value,
                "replacement_sku": r.replacement_sku, "reason": r.reason,
                "suppress_until": r.suppressed_until, "check_as_of": check.as_of,
                "created_at": now, "source": "feedback",
            }
            for r in recorded
        ])
        await versions.touch_customers(session, [check.customer_id])
    for r in recorded:
        metrics.OUTCOMES.labels(r.code.value, r.action.value).inc()
    return FeedbackResult(check_id=check_id, responses=recorded)


async def warning_stats(
    session: AsyncSession, *, since: datetime | None, until: datetime | None
) -> WarningStatsPage:
    now = utcnow()
    until = until or now
    raised = await repository.count_raised(session, since=since, until=until)
    answered = await repository.count_feedback(session, since=since, until=until)
    regretted = await repository.count_regretted(session, since=since, until=until, now=now)
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
                regretted=regretted.get(code.value, 0),
                with_outcome=sum(answered.get((code.value, a), 0)
                                 for a in ("kept", "removed", "replaced")),
            )
            for code in WarningCode
        ],
    )
