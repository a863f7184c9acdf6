"""Freshness tokens and live keys mirrored in Redis: a warm check reads no database.

The database stays the truth. Every write publishes the tokens it changed to Redis after
its commit and before it answers, so a check that starts after the write was acknowledged
reads the new token from Redis. The mirror lives under an *epoch* kept in the database
(`data_version` row `epoch`): a writer that cannot reach Redis raises the epoch, and a
worker trusts Redis only while Redis holds the epoch the worker last read from the
database. Redis flushed, restarted from an old dump, or missing a write: the epochs
differ, the check reads the database (as every check did before), and refills the mirror
under the current epoch. Every worker re-reads the epoch after any Redis failure it sees
and at least every `EPOCH_REFRESH_S`, which bounds the one case it cannot see: a write
that failed to reach a Redis that this worker still reaches.
"""

import asyncio
import logging
import time
from collections.abc import Coroutine
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.cache import RedisCache
from app.db import committing
from app.errors import DATABASE_ERRORS
from app.freshness.models import DataVersion
from app.freshness.versions import CATALOG, EPOCH, KEYS, Tokens, raise_epoch
from app.metrics import MIRROR_MISSES

logger = logging.getLogger("purchase_guard.freshness")

TOKEN_TTL_S = 24 * 3600
KEY_TTL_S = 600
EPOCH_REFRESH_S = 5.0
ANNOUNCE_RETRY_S = 0.05
REVERIFY_S = 0.1
CLOSE_GRACE_S = 1.0
_EPOCH_KEY = "fresh:epoch"
_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class KeyRecord:
    key_id: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class Mirrored:
    tokens: Tokens
    key: KeyRecord | None  # None for the bootstrap admin key, which is never mirrored


class TokenMirror:
    def __init__(self, cache: RedisCache, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._cache = cache
        self._sessionmaker = sessionmaker
        self._epoch: int | None = None  # None: Redis is not trusted until the database is read
        self._epoch_read_at = 0.0
        self._tasks: set[asyncio.Task[None]] = set()
        self._refresher: asyncio.Future[None] | None = None
        self._stopping = asyncio.Event()

    @staticmethod
    def _token_key(epoch: int, scope: str) -> str:
        return f"fresh:{epoch}:{{{scope}}}"

    @staticmethod
    def _key_key(epoch: int, digest: str) -> str:
        return f"fresh:{epoch}:key:{digest}"

    async def read(self, scope: str, digest: str, *, need_key: bool = True) -> Mirrored | None:
        """The tokens and the key from one round trip, or None: then read the database."""
        epoch = self._epoch
        if epoch is None or time.monotonic() - self._epoch_read_at > EPOCH_REFRESH_S:
            MIRROR_MISSES.labels("epoch unverified").inc()
            return None
        values = await self._cache.get_many([
            _EPOCH_KEY, self._token_key(epoch, scope), self._token_key(epoch, CATALOG),
            self._token_key(epoch, KEYS), self._key_key(epoch, digest),
        ])
        if values is None:
            MIRROR_MISSES.labels("redis failed").inc()
            self._epoch = None
            return None
        held, customer, catalog, keys, key = values
        if held is None or int(held) != epoch:
            MIRROR_MISSES.labels("epoch moved").inc()
            self._epoch = None
            return None
        if customer is None or catalog is None or keys is None:
            MIRROR_MISSES.labels("token absent").inc()
            return None
        tokens = Tokens(_decode(customer), _decode(catalog), _decode(keys))
        if not need_key:
            return Mirrored(tokens, None)
        if key is None:
            MIRROR_MISSES.labels("key absent").inc()
            return None
        key_id, name, role, under = key.decode().split(_SEP)
        if under != keys.decode():  # a key was revoked since this record was mirrored
            MIRROR_MISSES.labels("key revoked since").inc()
            return None
        return Mirrored(tokens, KeyRecord(key_id, name, role))

    def fill(self, scope: str, tokens: Tokens, digest: str, key: KeyRecord | None,
             epoch: int) -> None:
        """After a check read the database: mirror what it read, in the background."""
        self._spawn(self._fill(scope, tokens, digest, key, epoch))

    async def _fill(self, scope: str, tokens: Tokens, digest: str, key: KeyRecord | None,
                    epoch: int) -> None:
        if self._epoch != epoch and not await self._agree_on(epoch):
            return
        # Only where absent: a writer's newer token, set meanwhile, must not be overwritten.
        by_key = {self._token_key(epoch, scope): tokens.customer,
                  self._token_key(epoch, CATALOG): tokens.catalog,
                  self._token_key(epoch, KEYS): tokens.keys}
        if not await self._cache.set_many(
                {k: _encode(v) for k, v in by_key.items()}, ttl_s=TOKEN_TTL_S, only_new=True):
            return
        if key is not None:
            record = _SEP.join((key.key_id, key.name, key.role, _encode(tokens.keys).decode()))
            await self._cache.set_many({self._key_key(epoch, digest): record.encode()},
                                       ttl_s=KEY_TTL_S, only_new=False)
        self._epoch = epoch
        self._epoch_read_at = time.monotonic()

    async def publish(self, tokens: dict[str, str]) -> None:
        """After a commit: the new tokens. If Redis cannot take them, the epoch moves on,
        so that no worker trusts what Redis still holds."""
        epoch = self._epoch
        if epoch is None:  # not verified since start-up or since a Redis failure
            try:
                epoch = await self._database_epoch()
            except DATABASE_ERRORS:
                epoch = None
            if epoch is not None and not await self._agree_on(epoch):
                epoch = None
        if epoch is not None and await self._cache.set_many(
                    {self._token_key(epoch, scope): t.encode() for scope, t in tokens.items()},
                    ttl_s=TOKEN_TTL_S, only_new=False):
            return
        self._epoch = None
        try:
            async with self._sessionmaker() as session, committing(session):
                raised = await raise_epoch(session)
        except DATABASE_ERRORS as exc:
            # The write itself is committed; its mirror may lag until the epoch refresh.
            logger.error("could not move the cache epoch after a Redis failure: %s", exc)
            return
        self._spawn(self._announce(raised))

    async def _announce(self, epoch: int) -> None:
        """Tell the other workers, as soon as Redis answers again, that the mirror moved on
        (they also learn it from the database within EPOCH_REFRESH_S)."""
        deadline = time.monotonic() + EPOCH_REFRESH_S
        while time.monotonic() < deadline and not self._stopping.is_set():
            if await self._cache.raise_to(_EPOCH_KEY, epoch) is not None:
                return
            await asyncio.sleep(ANNOUNCE_RETRY_S)

    async def start(self) -> None:
        """Verify the epoch before the first check, then keep it checked against the
        database off the checks' path."""
        await self._refresh()
        self._refresher = asyncio.ensure_future(self._refresh_forever())

    async def close(self) -> None:
        """Stop refreshing; what is still mirroring gets a moment, then is cancelled (the
        database stays the truth, so nothing is lost)."""
        self._stopping.set()
        # Waited for, never cancelled mid-statement: a database call cut off by a
        # cancellation can leave its connection's clean-up waiting.
        running = {t for t in (self._refresher, *self._tasks) if t is not None}
        if running:
            _, pending = await asyncio.wait(running, timeout=CLOSE_GRACE_S)
            for task in pending:
                task.cancel()

    async def _refresh_forever(self) -> None:
        while not self._stopping.is_set():
            # Soon after Redis failed (this worker then trusts it no more), else every while.
            pause = REVERIFY_S if self._epoch is None else EPOCH_REFRESH_S / 3
            try:
                await asyncio.wait_for(self._stopping.wait(), pause)
                return
            except TimeoutError:
                pass
            await self._refresh()

    async def _refresh(self) -> None:
        try:
            epoch = await self._database_epoch()
        except DATABASE_ERRORS as exc:
            logger.warning("cache epoch not refreshed: %s", exc)
            return
        if epoch == self._epoch:
            self._epoch_read_at = time.monotonic()
        elif await self._agree_on(epoch):
            self._epoch, self._epoch_read_at = epoch, time.monotonic()
        else:
            self._epoch = None

    async def _agree_on(self, epoch: int) -> bool:
        """Redis holds the database's epoch. A larger one in Redis means the database was
        restored or replaced: the database's epoch moves past it (rare, so a write is fine)."""
        held = await self._cache.raise_to(_EPOCH_KEY, epoch)
        if held is None or held == epoch:
            return held == epoch
        logger.warning("Redis holds cache epoch %d, the database %d: moving past it", held, epoch)
        try:
            async with self._sessionmaker() as session, committing(session):
                await raise_epoch(session, above=held)
        except DATABASE_ERRORS:
            return False
        return False  # the next check reads the new epoch from the database

    async def settled(self) -> None:
        """Wait for the mirror's background work (tests and benchmarks)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _spawn(self, work: Coroutine[None, None, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _database_epoch(self) -> int:
        async with self._sessionmaker() as session:
            return int(await session.scalar(
                select(DataVersion.token).where(DataVersion.scope == EPOCH)) or 0)


# A scope never written has no token (None): mirrored as "-", which no random token equals.
_NO_TOKEN = b"-"


def _encode(token: str | None) -> bytes:
    return _NO_TOKEN if token is None else token.encode()


def _decode(raw: bytes) -> str | None:
    return None if raw == _NO_TOKEN else raw.decode()
