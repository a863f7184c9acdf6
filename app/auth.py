"""API keys on every /v1 call: who is calling, and may their role do this."""

import hmac
import logging
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.deadline import within
from app.deps import Runtime, RuntimeDep
from app.errors import DATABASE_ERRORS, Forbidden, ServiceUnavailable, Unauthorized
from app.freshness.mirror import KeyRecord
from app.keys.models import ApiKey
from app.keys.principals import Principal, Role, hash_key

logger = logging.getLogger("purchase_guard.auth")

BOOTSTRAP_KEY_ID = "key_bootstrap_admin"

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <key>`.")


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
    except DATABASE_ERRORS:
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
