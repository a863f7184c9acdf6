"""API keys on every /v1 call: who is calling, and may their role do this."""

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from app.deps import RuntimeDep, SessionDep
from app.errors import Forbidden, Unauthorized
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


async def authenticate(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
    key = credentials.credentials
    admin_key = runtime.settings.admin_key
    if admin_key is not None and hmac.compare_digest(
        key.encode(), admin_key.get_secret_value().encode()
    ):
        principal = Principal(BOOTSTRAP_KEY_ID, "bootstrap admin", Role.admin)
    else:
        # Looked up by its SHA-256: the comparison never touches the plaintext.
        row = (
            await session.execute(
                select(ApiKey.key_id, ApiKey.name, ApiKey.role).where(
                    ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None)
                )
            )
        ).first()
        if row is None:
            raise Unauthorized("This API key is unknown or revoked.")
        principal = Principal(row.key_id, row.name, Role(row.role))
    request.state.principal = principal
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
