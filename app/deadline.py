"""Waiting on the database with a deadline that holds even when the database does not answer.

Cancelling a statement stuck on a silent connection can itself wait for the driver's
command timeout (asyncpg sends a cancel request over the network). So the work runs in
its own task with its own session, and at the deadline the caller stops waiting: the
task is cancelled and left to end in the background, releasing its connection when the
driver gives up.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

logger = logging.getLogger("purchase_guard.deadline")

T = TypeVar("T")

_abandoned: set[asyncio.Task[object]] = set()


async def within(
    seconds: float,
    sessionmaker: async_sessionmaker[AsyncSession],
    work: Callable[[AsyncSession], Awaitable[T]],
) -> T:
    """`work(session)` on a fresh session; TimeoutError if it is not done in `seconds`."""

    async def run() -> T:
        async with sessionmaker() as session:
            return await work(session)

    task = asyncio.ensure_future(run())
    done, _ = await asyncio.wait({task}, timeout=max(seconds, 0))
    if task in done:
        return task.result()
    task.cancel()
    _abandoned.add(task)  # type: ignore[arg-type]
    task.add_done_callback(_forget)
    raise TimeoutError(f"no answer within {seconds * 1000:.0f} ms")


def _forget(task: asyncio.Task[object]) -> None:
    _abandoned.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logger.debug("abandoned database work ended with %r", task.exception())
