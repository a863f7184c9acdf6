from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from app.auth import AdminKey
from app.deps import KnownKeysDep, SessionDep
from app.keys import service
from app.keys.principals import Principal, hash_key
from app.keys.schemas import KeyCreate, KeyCreated, KeyPage
from app.pagination import CursorQuery, LimitQuery
from app.problems import problem_responses

router = APIRouter(prefix="/v1/keys", tags=["keys"])

KeyIdPath = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_]+$")]


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=KeyCreated,
    responses=problem_responses(),
)
async def create_key(
    body: KeyCreate, session: SessionDep, known_keys: KnownKeysDep, _key: AdminKey
) -> KeyCreated:
    created = await service.create_key(session, role=body.role, name=body.name)
    known_keys.remember(hash_key(created.key),
                        Principal(created.key_id, created.name, created.role))
    return created


@router.get("", response_model=KeyPage, responses=problem_responses())
async def list_keys(
    session: SessionDep, _key: AdminKey, limit: LimitQuery = 50, cursor: CursorQuery = None
) -> KeyPage:
    return await service.list_keys(session, limit=limit, cursor=cursor)


@router.delete(
    "/{key_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
    responses=problem_responses(404),
)
async def revoke_key(
    key_id: KeyIdPath, session: SessionDep, known_keys: KnownKeysDep, _key: AdminKey
) -> Response:
    await service.revoke_key(session, key_id=key_id)
    known_keys.forget_key(key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
