"""Customer snapshots: every record of a customer, kept in the process under its token.

A check asks for the snapshot of one customer under the token it read. A hit answers the
check with no I/O at all. A miss never makes the check wait for the whole history: the
check reads its cart's records by key (`records.load_records` with the cart's skus) and
this store loads the whole snapshot in the background, once per customer and version,
for the checks that follow. A snapshot is used only under exactly the token it was loaded
under, so a stale or foreign entry is a miss, never a wrong answer.

Bounded by entries and by rows held (settings `snapshot_max_entries`, `snapshot_max_rows`),
least recently used first. Two bounds at once are why this is an OrderedDict and not a
`cachetools` cache, which bounds one size.
"""

import asyncio
import logging
import time
from collections import OrderedDict
from datetime import timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.checks.records import CustomerRecords, load_many, load_records
from app.db import utcnow
from app.errors import DATABASE_ERRORS
from app.freshness import versions
from app.metrics import SNAPSHOT_ENTRIES, SNAPSHOT_ROWS, SNAPSHOTS, labelled
from app.orders.models import CustomerOrder

logger = logging.getLogger("purchase_guard.snapshots")

_RECENT_CUSTOMERS = (
    select(CustomerOrder.customer_id).group_by(CustomerOrder.customer_id)
    .order_by(func.max(CustomerOrder.placed_at).desc()).limit(bindparam("limit"))
)

WARM_UP_BATCH = 50
# After a whole load that took t seconds, the customer's next one waits at least this many
# times t: a customer who orders while checking (a wholesaler's day) is read by key in the
# meantime, and on a 2-core machine back-to-back reloads of a 10,000-line history kept the
# database busy enough to double the p99 of the checks after each order (bench/cold.py).
RELOAD_SPACING = 10

# The customer's token: records do not depend on the catalog.
Version = str | None


class SnapshotStore:
    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], *,
        max_entries: int = 20_000, max_rows: int = 5_000_000, load_delay_s: float = 0.05,
        duplicate_window: timedelta = timedelta(hours=24),
    ) -> None:
        self._sessionmaker = sessionmaker
        self._window = duplicate_window
        self._loading: dict[str, asyncio.Task[None]] = {}
        # customer -> when their next whole load may start (dropped once passed).
        self._not_before: dict[str, float] = {}
        self._wanted: dict[str, Version] = {}
        self._delay_s = load_delay_s
        self._stopping = False
        self._local: OrderedDict[str, tuple[Version, CustomerRecords]] = OrderedDict()
        self._rows = 0
        self._max_entries = max_entries
        self._max_rows = max_rows

    def get(self, customer_id: str, version: Version) -> CustomerRecords | None:
        """The whole snapshot under exactly this version; on a miss, start loading it."""
        local = self._local.get(customer_id)
        if local is not None and local[0] == version:
            self._local.move_to_end(customer_id)
            labelled(SNAPSHOTS, "process").inc()
            return local[1]
        labelled(SNAPSHOTS, "miss").inc()
        self._wanted[customer_id] = version
        if customer_id not in self._loading:
            task = asyncio.create_task(self._load(customer_id))
            self._loading[customer_id] = task
            task.add_done_callback(lambda done: self._finished(customer_id, done))
        return None

    async def warm_up(self, *, limit: int) -> None:
        """A fresh worker loads the snapshots of the customers who ordered most recently
        (those likely to check out next), so a restart does not meet its first load cold."""
        try:
            async with self._sessionmaker() as session:
                customers = list((await session.scalars(_RECENT_CUSTOMERS, {"limit": limit})).all())
                tokens = await versions.customer_tokens(session, customers)
        except DATABASE_ERRORS as exc:
            logger.warning("snapshots not warmed up: %s", exc)
            return
        for start in range(0, len(customers), WARM_UP_BATCH):
            batch = customers[start:start + WARM_UP_BATCH]
            if self._stopping:
                return
            try:
                async with self._sessionmaker() as session:
                    loaded = await load_many(session, batch, None, now=utcnow(),
                                             window=self._window)
            except DATABASE_ERRORS as exc:
                logger.warning("snapshots warm-up stopped: %s", exc)
                return
            for customer_id, records in loaded.items():
                if customer_id not in self._local:  # a check may have loaded a newer one
                    self._remember(customer_id, tokens.get(customer_id), records)

    async def settled(self) -> None:
        """Wait for the loads under way (tests and benchmarks)."""
        while self._loading:
            await asyncio.gather(*self._loading.values(), return_exceptions=True)

    async def close(self) -> None:
        """At shutdown: loads under way get a moment, then are dropped (they only save later
        checks work)."""
        self._stopping = True
        if self._loading:
            _, pending = await asyncio.wait(set(self._loading.values()), timeout=1.0)
            for task in pending:
                task.cancel()

    def _finished(self, customer_id: str, task: asyncio.Task[None]) -> None:
        self._loading.pop(customer_id, None)
        self._wanted.pop(customer_id, None)
        self._forget_spacing()
        if not task.cancelled() and (error := task.exception()) is not None:
            logger.warning("snapshot load failed: %r", error)

    async def _load(self, customer_id: str) -> None:
        """One load at a time per customer, a moment after the miss: the check that missed
        (and the next, right after a write) read their carts by key meanwhile, and a burst
        of writes costs one load, under the newest version a check has seen."""
        while True:
            wait = self._not_before.get(customer_id, 0.0) - time.monotonic()
            await asyncio.sleep(max(self._delay_s, wait))
            version = self._wanted[customer_id]
            started = time.monotonic()
            async with self._sessionmaker() as session:
                records = await load_records(session, customer_id, None, now=utcnow(),
                                             window=self._window)
            took = time.monotonic() - started
            self._not_before[customer_id] = started + took * RELOAD_SPACING
            self._remember(customer_id, version, records)
            if self._wanted[customer_id] == version:
                return

    def _forget_spacing(self) -> None:
        """Spacings that have passed: what is left is bounded by the recent loads."""
        if len(self._not_before) > 2 * max(len(self._loading), 512):
            now = time.monotonic()
            self._not_before = {c: t for c, t in self._not_before.items() if t > now}

    def forget(self, customer_id: str) -> None:
        """After an erasure: drop the copy (its token already makes it unusable)."""
        dropped = self._local.pop(customer_id, None)
        if dropped is not None:
            self._rows -= dropped[1].size
            self._publish()

    def _remember(self, customer_id: str, version: Version, records: CustomerRecords) -> None:
        if records.size > self._max_rows:
            return
        self.forget(customer_id)
        self._local[customer_id] = (version, records)
        self._rows += records.size
        while len(self._local) > self._max_entries or self._rows > self._max_rows:
            _, (_, evicted) = self._local.popitem(last=False)
            self._rows -= evicted.size
        self._publish()

    def _publish(self) -> None:
        SNAPSHOT_ENTRIES.set(len(self._local))
        SNAPSHOT_ROWS.set(self._rows)

