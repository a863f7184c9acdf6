"""API keys on every /v1 call: who is calling, and may their role do this."""

import hashlib
import hmac
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from app.deadline import within
from app.deps import Runtime, RuntimeDep
from app.errors import DEPENDENCY_DOWN, Forbidden, ServiceUnavailable, Unauthorized
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


BOOTSTRAP_KEY_ID = "key_bootstrap_admin"

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <key>`.")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KnownKeys:
    """Keys this process has verified lately, by hash: used only while the database is away.

    Every request looks its key up in the database, so a revoked key is refused at once.
    When that lookup fails, a key verified before lets a check still answer (degraded,
    with nothing of the customer in it) instead of failing the checkout.
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

    def get(self, digest: str) -> Principal | None:
        return self._principals.get(digest)


async def authenticate(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    request.state.received_at = time.monotonic()
    if credentials is None or not credentials.credentials:
        raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
    key = credentials.credentials
    admin_key = runtime.settings.admin_key
    if admin_key is not None and hmac.compare_digest(
        key.encode(), admin_key.get_secret_value().encode()
    ):
        principal = Principal(BOOTSTRAP_KEY_ID, "bootstrap admin", Role.admin)
    else:
        principal = await _look_up(runtime, hash_key(key))
    request.state.principal = principal
    return principal


async def _look_up(runtime: Runtime, digest: str) -> Principal:
    # Looked up by its SHA-256: the comparison never touches the plaintext.
    async def find(session: AsyncSession) -> Any:
        return (
            await session.execute(
                select(ApiKey.key_id, ApiKey.name, ApiKey.role).where(
                    ApiKey.key_hash == digest, ApiKey.revoked_at.is_(None)
                )
            )
        ).first()

    try:
        row = await within(runtime.settings.check_budget_ms / 1000 / 2, runtime.sessionmaker, find)
    except (SQLAlchemyError, *DEPENDENCY_DOWN):
        known = runtime.known_keys.get(digest)
        if known is None:
            raise ServiceUnavailable("The key cannot be verified right now.") from None
        return known
    if row is None:
        runtime.known_keys.forget(digest)
        raise Unauthorized("This API key is unknown or revoked.")
    principal = Principal(row.key_id, row.name, Role(row.role))
    runtime.known_keys.remember(digest, principal)
    return principal


def require(*roles: Role) -> object:
    allowed = frozenset(roles) | {Role.admin}

    async def dependency(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if principal.role not in allowed:
            raise Forbidden(f"A {principal.role} key may not do this.")
        return principal

    return Depends(dependency)


CheckoutKey = Annotated[Principal, require(Role.checkout)]
ReaderKey = Annotated[Principal, require(Role.support)]
CheckReaderKey = Annotated[Principal, require(Role.checkout, Role.support)]
AdminKey = Annotated[Principal, require()]
