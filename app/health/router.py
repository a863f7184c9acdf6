from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from app.deps import CacheDep, EngineDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class CacheState(BaseModel):
    backend: str
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    cache: CacheState


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """The process is up; never looks at a dependency."""
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "The database is unreachable"}},
)
async def readyz(engine: EngineDep, cache: CacheDep) -> Any:
    """Ready when the database answers; the cache is reported, never required."""
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        database = "ok"
    except Exception:  # noqa: BLE001 - any failure means not ready
        database = "unreachable"
    cache_ok = await cache.ping()
    body = Readiness(
        status="ok" if database == "ok" else "unavailable",
        database=database,
        cache=CacheState(backend=cache.backend, status="ok" if cache_ok else "down"),
    )
    return JSONResponse(body.model_dump(), status_code=200 if database == "ok" else 503)
