"""API keys on every /v1 call, as FastAPI dependencies: who is calling, and may their role
do this. The verifying itself is `app/keys/verifier.py`."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.deps import KeyVerifierDep
from app.errors import Unauthorized
from app.keys.principals import Principal, Role
from app.keys.verifier import allow

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <key>`.")


BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def presented_key(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
    return credentials.credentials


def bearer_key(authorization: str | None) -> str | None:
    """The key in an `Authorization` header, read as FastAPI's HTTPBearer reads it."""
    scheme, _, credentials = (authorization or "").partition(" ")
    return credentials if scheme.lower() == "bearer" and credentials else None


async def authenticate(
    request: Request, keys: KeyVerifierDep, credentials: BearerCredentials
) -> Principal:
    admitted = getattr(request.state, "principal", None)  # app/admission.py looked it up
    if admitted is not None:
        return admitted  # type: ignore[no-any-return]
    principal = await keys.principal(presented_key(credentials))
    request.state.principal = principal
    return principal


CallerDep = Annotated[Principal, Depends(authenticate)]


def require(*roles: Role) -> object:
    allowed = frozenset(roles) | {Role.admin}

    async def dependency(principal: CallerDep) -> Principal:
        return allow(principal, *allowed)

    dependency.roles = allowed  # type: ignore[attr-defined]  # read by app/admission.py
    return Depends(dependency)


CheckoutKey = Annotated[Principal, require(Role.checkout)]
ReaderKey = Annotated[Principal, require(Role.support)]
CheckReaderKey = Annotated[Principal, require(Role.checkout, Role.support)]
AdminKey = Annotated[Principal, require()]
