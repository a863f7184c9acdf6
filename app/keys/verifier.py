"""Whose key is this, and may its role do this: the bootstrap admin key, the database, and
the keys this process verified before (while the database is away)."""

import hmac
from dataclasses import dataclass
from typing import Any

from pydantic import SecretStr
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.deadline import within
from app.errors import DATABASE_ERRORS, Forbidden, ServiceUnavailable, Unauthorized
from app.freshness.mirror import KeyRecord
from app.keys.models import ApiKey
from app.keys.principals import KnownKeys, Principal, Role, hash_key

BOOTSTRAP_KEY_ID = "key_bootstrap_admin"

_LIVE_KEY = (ApiKey.key_hash == bindparam("key_hash"), ApiKey.revoked_at.is_(None))
# The key's id, name and role as scalar subqueries (NULL when unknown or revoked), bound to
# `key_hash`: looked up by its SHA-256, the comparison never touches the plaintext. Built
# once, so SQLAlchemy reuses the compiled statement.
KEY_COLUMNS = (select(ApiKey.key_id).where(*_LIVE_KEY).scalar_subquery(),
               select(ApiKey.name).where(*_LIVE_KEY).scalar_subquery(),
               select(ApiKey.role).where(*_LIVE_KEY).scalar_subquery())
KEY_LOOKUP = select(*KEY_COLUMNS)


def allow(principal: Principal, *roles: Role) -> Principal:
    if principal.role not in frozenset(roles) | {Role.admin}:
        raise Forbidden(f"A {principal.role} key may not do this.")
    return principal


@dataclass
class KeyVerifier:
    admin_key: SecretStr | None
    known: KnownKeys
    read_sessionmaker: async_sessionmaker[AsyncSession]
    budget_s: float

    def bootstrap(self, key: str) -> Principal | None:
        if self.admin_key is not None and hmac.compare_digest(
            key.encode(), self.admin_key.get_secret_value().encode()
        ):
            return Principal(BOOTSTRAP_KEY_ID, "bootstrap admin", Role.admin)
        return None

    def from_row(self, digest: str, key_id: str | None, name: str | None,
                 role: str | None) -> Principal:
        """The key as the database has it (`KEY_COLUMNS`): NULLs when unknown or revoked."""
        if key_id is None or name is None or role is None:
            self.known.forget(digest)
            raise Unauthorized("This API key is unknown or revoked.")
        principal = Principal(key_id, name, Role(role))
        self.known.remember(digest, principal)
        return principal

    def from_mirror(self, digest: str, key: KeyRecord | None) -> Principal:
        """A key the token mirror vouches for (live when it was mirrored, none revoked since)."""
        if key is None:
            raise Unauthorized("This API key is unknown or revoked.")
        principal = Principal(key.key_id, key.name, Role(key.role))
        if self.known.get(digest) is None:
            self.known.remember(digest, principal)
        return principal

    def known_before(self, digest: str) -> Principal:
        """While the database is away: a key this process verified before, or 503."""
        known = self.known.get(digest)
        if known is None:
            raise ServiceUnavailable("The key cannot be verified right now.")
        return known

    async def authenticate(self, key: str, roles: frozenset[Role]) -> Principal:
        """The key's principal if its role is among `roles` (admin always is): else 401 or 403."""
        return allow(await self.principal(key), *roles)

    async def principal(self, key: str) -> Principal:
        return self.bootstrap(key) or await self._look_up(hash_key(key))

    async def _look_up(self, digest: str) -> Principal:
        async def find(session: AsyncSession) -> Any:
            return (await session.execute(KEY_LOOKUP, {"key_hash": digest})).one()

        try:
            row = await within(self.budget_s, self.read_sessionmaker, find)
        except DATABASE_ERRORS:
            return self.known_before(digest)
        return self.from_row(digest, *row)
