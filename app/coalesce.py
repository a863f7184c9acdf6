"""Reads that arrive in the same turn of the event loop share one round trip.

Every warm check reads the same few keys (the epoch, the catalog and keys tokens) plus its
own two. Under load many checks are ready in one turn of the loop; sending one MGET for all
of them costs the client library's per-call overhead once instead of once per check.

A read joins the batch that has not been sent yet, so it always sees Redis as it was after
the read began: read-your-writes holds exactly as with one call per read.
"""

import asyncio
from collections.abc import Awaitable, Callable

Fetch = Callable[[list[str]], Awaitable[list[bytes | None] | None]]


class _Batch:
    __slots__ = ("keys", "done")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.keys: dict[str, int] = {}
        self.done: asyncio.Future[list[bytes | None] | None] = loop.create_future()


class CoalescedReads:
    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._open: _Batch | None = None
        self._sending: set[asyncio.Task[None]] = set()

    async def get_many(self, keys: list[str]) -> list[bytes | None] | None:
        batch = self._open
        if batch is None:
            loop = asyncio.get_running_loop()
            batch = self._open = _Batch(loop)
            loop.call_soon(self._send, batch)
        positions = [batch.keys.setdefault(key, len(batch.keys)) for key in keys]
        # Shielded: one caller giving up must not cancel the read for the others.
        values = await asyncio.shield(batch.done)
        if values is None:
            return None
        return [values[at] for at in positions]

    def _send(self, batch: _Batch) -> None:
        self._open = None
        task = asyncio.get_running_loop().create_task(self._run(batch))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _run(self, batch: _Batch) -> None:
        try:
            values = await self._fetch(list(batch.keys))
        except asyncio.CancelledError:
            batch.done.cancel()
            raise
        except Exception as exc:
            batch.done.set_exception(exc)
            return
        batch.done.set_result(values)
