"""The endpoints every check benchmark is measured against, in the same run.

`bare`: FastAPI parsing the same cart into the same model and answering a fixed verdict:
the framework's ceiling on this machine. `naive`: what a team would write instead of the
guard: one SQL query for the cart's skus in the customer's orders, answered as warnings.
"""

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.checks.schemas import CheckRequest

OWNED = text("""
SELECT l.sku, max(o.placed_at) FROM order_line l
JOIN customer_order o ON o.order_id = l.order_id
WHERE l.customer_id = :customer AND l.sku = ANY(:skus) AND o.cancelled_at IS NULL
GROUP BY l.sku
""")


def bare() -> FastAPI:
    app = FastAPI()

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.post("/v1/checks")
    async def check(request: CheckRequest) -> dict:
        return {"customer_id": request.customer_id, "verdict": "proceed", "warnings": [],
                "degraded": False}

    return app


def naive() -> FastAPI:
    app = FastAPI()
    engine = create_async_engine(os.environ["PURCHASE_GUARD_DATABASE_URL"], pool_size=10,
                                 max_overflow=10)

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.post("/v1/checks")
    async def check(request: CheckRequest) -> dict:
        async with engine.connect() as connection:
            rows = (await connection.execute(OWNED, {
                "customer": request.customer_id,
                "skus": [item.sku for item in request.items]})).all()
        return {"customer_id": request.customer_id,
                "verdict": "confirm" if rows else "proceed",
                "warnings": [{"code": "PREVIOUSLY_PURCHASED", "sku": sku,
                              "message": f"You bought this on {at:%d %B %Y}."}
                             for sku, at in rows],
                "degraded": False}

    return app


def guard_without_log() -> FastAPI:
    """The guard with its check log switched off: what the log costs, in the same run."""
    from app.main import create_app

    app = create_app()
    lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def without_log(app_: FastAPI) -> AsyncIterator[None]:
        async with lifespan(app_):
            app_.state.runtime.check_log.record = lambda _entry: None
            yield

    app.router.lifespan_context = without_log
    return app


def guard_with_pooled_log() -> FastAPI:
    """The guard with its check log written as before 2026-12-07 (session 8): each batch in
    a transaction of a pooled session (BEGIN, SET LOCAL synchronous_commit, COPY, COMMIT)."""
    from app.batch_writer import SessionSink
    from app.checks.log_writer import _CHECK_COLUMNS, LoggedCheck
    from app.db import driver_connection
    from app.main import create_app

    async def copy(session: Any, batch: list[LoggedCheck]) -> None:
        connection = await session.connection()
        await connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        raw = await driver_connection(session)
        await raw.copy_records_to_table("check_log", records=[e.check for e in batch],
                                        columns=_CHECK_COLUMNS)

    app = create_app()
    lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def with_pooled_log(app_: FastAPI) -> AsyncIterator[None]:
        async with lifespan(app_):
            runtime = app_.state.runtime
            runtime.check_log._sink = SessionSink(runtime.sessionmaker, copy)
            yield

    app.router.lifespan_context = with_pooled_log
    return app


def bare_with_redis() -> FastAPI:
    """The bare endpoint plus the one Redis read a warm check makes (five keys, two of them
    its own, through the same cache client, so reads of one loop turn share an MGET): the
    floor under a check that reads no database."""
    from app.cache import RedisCache

    app = bare()
    client = RedisCache(os.environ["PURCHASE_GUARD_REDIS_URL"], prefix="floor:", timeout_s=1.0)
    check = next(r for r in app.router.routes if getattr(r, "path", "") == "/v1/checks")
    app.router.routes.remove(check)

    @app.post("/v1/checks")
    async def check_with_redis(request: CheckRequest) -> dict:
        await client.get_many(["epoch", "catalog", "keys", f"customer:{request.customer_id}",
                               f"key:{request.customer_id}"])
        return {"customer_id": request.customer_id, "verdict": "proceed", "warnings": [],
                "degraded": False}

    return app
