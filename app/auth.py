"""API keys on every /v1 call: who is calling, and may their role do this."""

import asyncio
import hashlib
import hmac
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.deadline import within
from app.deps import Runtime, RuntimeDep
from app.errors import DEPENDENCY_DOWN, Forbidden, ServiceUnavailable, Unauthorized
from app.freshness.mirror import KeyRecord
from app.keys.models import ApiKey


class Role(StrEnum):
    checkout = "checkout"
    support = "support"
    admin = "admin"


@dataclass(frozen=True)
class Principal:
    key_id: str
    name: str
    role: Role


logger = logging.getLogger("purchase_guard.auth")

BOOTSTRAP_KEY_ID = "key_bootstrap_admin"

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <key>`.")


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
        self._principals: dict[str, Principal] = {}
        self._max_entries = max_entries

    def remember(self, digest: str, principal: Principal) -> None:
        if len(self._principals) >= self._max_entries:
            self._principals.pop(next(iter(self._principals)))
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
        except (SQLAlchemyError, *DEPENDENCY_DOWN) as exc:
            logger.warning("keys not preloaded (database unavailable): %s", exc)
            return
        for digest, key_id, name, role in rows:
            self.remember(digest, Principal(key_id, name, Role(role)))

    def get(self, digest: str) -> Principal | None:
        return self._principals.get(digest)


BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def presented_key(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
    return credentials.credentials


def bootstrap_principal(runtime: Runtime, key: str) -> Principal | None:
    admin_key = runtime.settings.admin_key
    if admin_key is not None and hmac.compare_digest(
        key.encode(), admin_key.get_secret_value().encode()
    ):
        return Principal(BOOTSTRAP_KEY_ID, "bootstrap admin", Role.admin)
    return None


_LIVE_KEY = (ApiKey.key_hash == bindparam("key_hash"), ApiKey.revoked_at.is_(None))
# The key's id, name and role as scalar subqueries (NULL when unknown or revoked), bound to
# `key_hash`: looked up by its SHA-256, the comparison never touches the plaintext. Built
# once, so SQLAlchemy reuses the compiled statement.
KEY_COLUMNS = (select(ApiKey.key_id).where(*_LIVE_KEY).scalar_subquery(),
               select(ApiKey.name).where(*_LIVE_KEY).scalar_subquery(),
               select(ApiKey.role).where(*_LIVE_KEY).scalar_subquery())
KEY_LOOKUP = select(*KEY_COLUMNS)


def principal_from(runtime: Runtime, digest: str, key_id: str | None, name: str | None,
                   role: str | None) -> Principal:
    if key_id is None or name is None or role is None:
        runtime.known_keys.forget(digest)
        raise Unauthorized("This API key is unknown or revoked.")
    principal = Principal(key_id, name, Role(role))
    runtime.known_keys.remember(digest, principal)
    return principal


def principal_of(runtime: Runtime, digest: str, key: KeyRecord | None) -> Principal:
    """A key the token mirror vouches for (live when it was mirrored, none revoked since)."""
    if key is None:
        raise Unauthorized("This API key is unknown or revoked.")
    principal = Principal(key.key_id, key.name, Role(key.role))
    if runtime.known_keys.get(digest) is None:
        runtime.known_keys.remember(digest, principal)
    return principal


def known_principal(runtime: Runtime, digest: str) -> Principal:
    """While the database is away: a key this process verified before, or 503."""
    known = runtime.known_keys.get(digest)
    if known is None:
        raise ServiceUnavailable("The key cannot be verified right now.")
    return known


def allow(principal: Principal, *roles: Role) -> Principal:
    if principal.role not in frozenset(roles) | {Role.admin}:
        raise Forbidden(f"A {principal.role} key may not do this.")
    return principal


def bearer_key(authorization: str | None) -> str | None:
    """The key in an `Authorization` header, read as FastAPI's HTTPBearer reads it."""
    scheme, _, credentials = (authorization or "").partition(" ")
    return credentials if scheme.lower() == "bearer" and credentials else None


async def authenticate_key(runtime: Runtime, key: str, roles: frozenset[Role]) -> Principal:
    """The key's principal if its role is among `roles` (admin always is): else 401 or 403."""
    return allow(await _principal(runtime, key), *roles)


async def _principal(runtime: Runtime, key: str) -> Principal:
    return bootstrap_principal(runtime, key) or await _look_up(runtime, hash_key(key))


async def authenticate(
    request: Request, runtime: RuntimeDep, credentials: BearerCredentials
) -> Principal:
    admitted = getattr(request.state, "principal", None)  # app/admission.py looked it up
    if admitted is not None:
        return admitted  # type: ignore[no-any-return]
    principal = await _principal(runtime, presented_key(credentials))
    request.state.principal = principal
    return principal


async def _look_up(runtime: Runtime, digest: str) -> Principal:
    async def find(session: AsyncSession) -> Any:
        return (await session.execute(KEY_LOOKUP, {"key_hash": digest})).one()

    try:
        row = await within(runtime.settings.check_budget_ms / 1000, runtime.read_sessionmaker,
                           find)
    except (SQLAlchemyError, *DEPENDENCY_DOWN):
        return known_principal(runtime, digest)
    return principal_from(runtime, digest, *row)


def require(*roles: Role) -> object:
    allowed = frozenset(roles) | {Role.admin}

    async def dependency(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        return allow(principal, *allowed)

    dependency.roles = allowed  # type: ignore[attr-defined]  # read by app/admission.py
    return Depends(dependency)


CheckoutKey = Annotated[Principal, require(Role.checkout)]
ReaderKey = Annotated[Principal, require(Role.support)]
CheckReaderKey = Annotated[Principal, require(Role.checkout, Role.support)]
AdminKey = Annotated[Principal, require()]
