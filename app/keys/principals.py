"""Who a key is (`Principal`, its `Role`), how a key is stored (`hash_key`), and the live
keys a process remembers for when the database is away (`KnownKeys`)."""

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from enum import StrEnum

from cachetools import LRUCache
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.errors import DATABASE_ERRORS
from app.keys.models import ApiKey

logger = logging.getLogger("purchase_guard.auth")


class Role(StrEnum):
    checkout = "checkout"
    support = "support"
    admin = "admin"


@dataclass(frozen=True)
class Principal:
    key_id: str
    name: str
    role: Role


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KnownKeys:
    """Live keys this process knows, by hash: used only while the database is away.

    Filled at start-up, by keys created here and by every successful lookup. Every request
    still looks its key up in the database, so a revoked key is refused at once; only when
    that lookup fails does a known key let a check answer (degraded, with nothing of the
    customer in it) instead of failing the checkout.
    """

    def __init__(self, max_entries: int = 10_000) -> None:
        self._principals: LRUCache[str, Principal] = LRUCache(maxsize=max_entries)
        self._max_entries = max_entries

    def remember(self, digest: str, principal: Principal) -> None:
        self._principals[digest] = principal

    def forget(self, digest: str) -> None:
        self._principals.pop(digest, None)

    def forget_key(self, key_id: str) -> None:
        for digest in [d for d, p in self._principals.items() if p.key_id == key_id]:
            del self._principals[digest]

    async def preload(self, sessionmaker: async_sessionmaker[AsyncSession], *,
                      timeout_s: float) -> None:
        """The live keys, so a check can degrade gracefully from the first request on."""
        try:
            async with asyncio.timeout(timeout_s), sessionmaker() as session:
                rows = (await session.execute(
                    select(ApiKey.key_hash, ApiKey.key_id, ApiKey.name, ApiKey.role)
                    .where(ApiKey.revoked_at.is_(None)).limit(self._max_entries)
                )).all()
        except DATABASE_ERRORS as exc:
            logger.warning("keys not preloaded (database unavailable): %s", exc)
            return
        for digest, key_id, name, role in rows:
            self.remember(digest, Principal(key_id, name, Role(role)))

    def get(self, digest: str) -> Principal | None:
        return self._principals.get(digest)
