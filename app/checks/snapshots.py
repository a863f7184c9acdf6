"""Customer snapshots: built once per customer version, kept in the process and in the cache.

A check asks for the basis of one customer under the tokens it read from the database.
Lookup order: this process (no I/O), the shared cache (one round trip), the database
(several queries, then written back to both). A basis is used only if it was built under
exactly the current tokens, so a stale or foreign entry is a miss, never a wrong answer.
"""

import asyncio
import logging
from collections import OrderedDict
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.cache import Cache
from app.checks import history, snapshot_codec
from app.checks.customer import CustomerBasis, build_basis
from app.freshness.versions import Tokens
from app.metrics import SNAPSHOTS

logger = logging.getLogger("purchase_guard.snapshots")

SNAPSHOT_TTL_S = 24 * 3600


def snapshot_key(customer_id: str) -> str:
    # The hash tag keeps every key of one customer in one Redis Cluster slot.
    return f"snap:{{{customer_id}}}"


class SnapshotStore:
    def __init__(
        self, cache: Cache, sessionmaker: async_sessionmaker[AsyncSession], *,
        max_local: int = 5_000,
    ) -> None:
        self._cache = cache
        self._sessionmaker = sessionmaker
        self._building: dict[tuple[str, tuple[str | None, str | None]],
                             asyncio.Future[CustomerBasis]] = {}
        self._local: OrderedDict[str, tuple[tuple[str | None, str | None], CustomerBasis]] = (
            OrderedDict()
        )
        self._max_local = max_local

    async def basis(self, customer_id: str, *, tokens: Tokens, now: datetime) -> CustomerBasis:
        key = (tokens.customer, tokens.catalog)
        local = self._local.get(customer_id)
        if local is not None and local[0] == key and local[1].valid_at(now):
            self._local.move_to_end(customer_id)
            SNAPSHOTS.labels("process").inc()
            return local[1]
        raw = await self._cache.get(snapshot_key(customer_id))
        if raw is not None:
            shared = self._decode(raw, key)
            if shared is not None and shared.valid_at(now):
                SNAPSHOTS.labels("shared").inc()
                self._remember(customer_id, key, shared)
                return shared
        SNAPSHOTS.labels("miss").inc()
        # One build per customer and version, however many checks wait for it; shielded, so
        # a check that gives up at its deadline does not cancel the build the others need.
        flight = (customer_id, key)
        build = self._building.get(flight)
        if build is None:
            build = asyncio.ensure_future(self._build_and_keep(customer_id, key, now))
            self._building[flight] = build
            build.add_done_callback(lambda done: self._finished(flight, done))
        return await asyncio.shield(build)

    def _finished(self, flight: tuple[str, tuple[str | None, str | None]],
                  build: asyncio.Future[CustomerBasis]) -> None:
        self._building.pop(flight, None)
        # Every waiter may have given up at its deadline: the failure is still seen here.
        if not build.cancelled() and (error := build.exception()) is not None:
            logger.warning("snapshot build failed: %r", error)

    async def _build_and_keep(
        self, customer_id: str, key: tuple[str | None, str | None], now: datetime
    ) -> CustomerBasis:
        async with self._sessionmaker() as session:
            built = await self._build(session, customer_id, now)
        self._remember(customer_id, key, built)
        await self._cache.set(snapshot_key(customer_id), snapshot_codec.encode(built, tokens=key),
                              ttl_s=SNAPSHOT_TTL_S)
        return built

    async def forget(self, customer_id: str) -> None:
        """After an erasure: drop the copies (the new token already makes them unusable)."""
        self._local.pop(customer_id, None)
        try:
            await self._cache.delete(snapshot_key(customer_id))
        except Exception as exc:  # noqa: BLE001 - the token protects; the TTL cleans up
            logger.warning("could not delete the cached snapshot of an erased customer: %s", exc)

    def _decode(self, raw: bytes, key: tuple[str | None, str | None]) -> CustomerBasis | None:
        try:
            return snapshot_codec.decode(raw, tokens=key)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            logger.warning("unreadable snapshot ignored: %s", exc)
            return None

    def _remember(
        self, customer_id: str, key: tuple[str | None, str | None], basis: CustomerBasis
    ) -> None:
        self._local[customer_id] = (key, basis)
        self._local.move_to_end(customer_id)
        while len(self._local) > self._max_local:
            self._local.popitem(last=False)

    @staticmethod
    async def _build(session: AsyncSession, customer_id: str, now: datetime) -> CustomerBasis:
        past = await history.load_history(session, customer_id, as_of=now)
        products = await history.load_products(session, {p.sku for p in past.purchases})
        valid_until = await history.first_event_after(session, customer_id, now)
        return build_basis(past, products, at=now, valid_until=valid_until)
