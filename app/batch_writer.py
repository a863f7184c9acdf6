"""Rows written in batches, off the request's path: the audit log and the check log.

A request appends its rows and answers; a background task hands the buffer to its sink
every `interval_s` (or sooner when it fills). Readers that need the rows (an audit listing,
the feedback on a check) flush first. A failed write keeps its rows for the next attempt,
so a database outage delays them rather than losing them; only a crash of the process
within `interval_s` can. A write whose connection died as it committed may have been
stored after all: the attempts after a failure first ask the sink which rows it does not
hold yet.
"""

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import committing

logger = logging.getLogger("purchase_guard.batch_writer")

T = TypeVar("T")


class Sink(Protocol[T]):
    """Where a batch writer's rows go."""

    async def write(self, rows: list[T]) -> None:
        """Store all of `rows`. When it raises, some may be stored after all: the retry
        asks `unwritten` which are not."""

    async def unwritten(self, rows: list[T]) -> list[T]:
        """The rows of a batch retried after a failure that are not stored yet."""

    async def close(self) -> None: ...


class SessionSink(Generic[T]):
    """Each batch in a transaction of its own, through the ORM's sessions."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession],
                 insert: Callable[[AsyncSession, list[T]], Awaitable[None]], *,
                 unwritten: Callable[[AsyncSession, list[T]], Awaitable[list[T]]] | None = None,
                 ) -> None:
        self._sessionmaker = sessionmaker
        self._insert = insert
        self._unwritten = unwritten

    async def write(self, rows: list[T]) -> None:
        async with self._sessionmaker() as session, committing(session):
            await self._insert(session, rows)

    async def unwritten(self, rows: list[T]) -> list[T]:
        if self._unwritten is None:
            return rows
        async with self._sessionmaker() as session:
            return await self._unwritten(session, rows)

    async def close(self) -> None:
        return None


class BatchWriter(Generic[T]):
    def __init__(
        self,
        name: str,
        sink: Sink[T],
        *,
        interval_s: float = 0.1,
        batch_size: int = 500,
        max_pending: int = 100_000,
    ) -> None:
        self._name = name
        self._sink = sink
        self._after_failure = False
        self._interval_s = interval_s
        self._batch_size = batch_size
        self._pending: deque[T] = deque()
        self._max_pending = max_pending
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._closing = False

    def record(self, row: T) -> None:
        if len(self._pending) >= self._max_pending:
            # Never silently: an operator must see that the database has been away this long.
            logger.error("%s buffer full (%d rows); oldest row dropped", self._name,
                         self._max_pending)
            self._pending.popleft()
        self._pending.append(row)
        if len(self._pending) >= self._batch_size:
            self._wake.set()

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def flush(self) -> None:
        """Write everything buffered so far; raises (keeping the rows) if the database fails."""
        async with self._lock:
            while self._pending:
                batch = [self._pending.popleft()
                         for _ in range(min(self._batch_size, len(self._pending)))]
                try:
                    rows = await self._sink.unwritten(batch) if self._after_failure else batch
                    if rows:
                        await self._sink.write(rows)
                except BaseException:
                    self._pending.extendleft(reversed(batch))
                    self._after_failure = True
                    raise
            self._after_failure = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"{self._name}-writer")

    async def close(self) -> None:
        # Not cancelled: a write cut off mid-statement could leave its transaction open.
        self._closing = True
        self._wake.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        try:
            await self.flush()
        except Exception as exc:
            logger.error("%d %s rows could not be written at shutdown: %s", self.pending,
                         self._name, exc)
        await self._sink.close()

    async def _run(self) -> None:
        while not self._closing:
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self._interval_s)
            except TimeoutError:
                pass
            self._wake.clear()
            try:
                await self.flush()
            except Exception as exc:  # whatever failed, the rows wait for the next attempt
                logger.warning("%s write failed, %d rows kept for retry: %s", self._name,
                               self.pending, exc)
                if self._closing:
                    return
                await asyncio.sleep(self._interval_s)
