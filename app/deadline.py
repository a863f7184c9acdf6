"""Waiting on the database with a deadline that holds even when the database does not answer.

The work runs in its own task with its own session, and at the deadline the caller stops
waiting. The task is *not* cancelled: it ends in the background and gives its connection
back to the pool in good order (or the driver's command timeout ends it). Cancelling it
would cost more than it saves: a statement cut off mid-flight makes SQLAlchemy throw the
connection away, and under load the new connections that replace them (each a TCP, TLS
and authentication handshake) take the very CPU the checks are short of, so more checks
miss their budget: a spiral measured with py-spy under wrk.
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
    _abandoned.add(task)
    task.add_done_callback(_forget)
    raise TimeoutError(f"no answer within {seconds * 1000:.0f} ms")


def _forget(task: asyncio.Task[object]) -> None:
    _abandoned.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logger.debug("abandoned database work ended with %r", task.exception())
