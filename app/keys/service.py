import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import committing, utcnow
from app.errors import NotFound
from app.freshness import versions
from app.ids import new_id
from app.keys.models import ApiKey
from app.keys.principals import Role, hash_key
from app.keys.schemas import Key, KeyCreated, KeyPage
from app.pagination import decode_cursor, first_of


async def create_key(session: AsyncSession, *, role: Role, name: str) -> KeyCreated:
    """A new key; its plaintext exists only in this return value."""
    plaintext = "pgk_" + secrets.token_urlsafe(32)
    row = ApiKey(
        key_id=new_id("key"),
        name=name,
        role=role.value,
        key_hash=hash_key(plaintext),
        created_at=utcnow(),
    )
    async with committing(session):
        session.add(row)
    return KeyCreated(
        key_id=row.key_id, key=plaintext, role=role, name=name, created_at=row.created_at
    )


async def list_keys(session: AsyncSession, *, limit: int, cursor: str | None) -> KeyPage:
    stmt = select(ApiKey).order_by(ApiKey.key_id).limit(limit + 1)
    if cursor:
        [after] = decode_cursor(cursor, size=1)
        stmt = stmt.where(ApiKey.key_id > str(after))
    rows, next_cursor = first_of((await session.scalars(stmt)).all(), limit,
                                 lambda r: [r.key_id])
    return KeyPage(items=[Key.model_validate(r) for r in rows], next_cursor=next_cursor)


async def revoke_key(session: AsyncSession, *, key_id: str) -> None:
    async with committing(session):
        row = await session.get(ApiKey, key_id)
        if row is None:
            raise NotFound(f"No key {key_id}.")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            await versions.touch_keys(session)
