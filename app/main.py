"""The application: create_app() wires settings, database, cache, routes and errors."""

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from app.admission import Admission
from app.audit.router import router as audit_router
from app.audit.writer import audit_writer
from app.cache import RedisCache, create_cache
from app.catalog.router import router as catalog_router
from app.checks.catalog_cache import CatalogCache
from app.checks.fast_route import CheckFirstApp
from app.checks.log_writer import check_log_sink, check_log_writer
from app.checks.router import router as checks_router
from app.checks.schemas import CheckRequest
from app.checks.service import Checker
from app.checks.snapshots import SnapshotStore
from app.customers.router import router as customers_router
from app.db import MIRROR, create_engine, create_sessionmaker
from app.deps import Runtime
from app.errors import DATABASE_ERRORS, install_error_handlers
from app.freshness import versions
from app.freshness.mirror import TokenMirror
from app.health.router import router as health_router
from app.keys.principals import KnownKeys
from app.keys.router import router as keys_router
from app.keys.verifier import KeyVerifier
from app.last_resort import LastResort
from app.metrics import MetricsMiddleware
from app.metrics import router as metrics_router
from app.orders.router import router as orders_router
from app.problems import Problem
from app.settings import Settings
from app.support.router import router as support_router

API_VERSION = "0.1.0"

logger = logging.getLogger("purchase_guard.main")

SNAPSHOT_POOL_SIZE = 4
GC_YOUNG_THRESHOLD = 10_000
PREOPENED_REDIS_CONNECTIONS = 32

DESCRIPTION = """Checks a cart against what the customer already bought, returned and told
us, and answers with the warnings a careful shop assistant would give. Every `/v1` call
needs `Authorization: Bearer <key>`; errors are RFC 9457 problem details."""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        cache = create_cache(settings)
        sessionmaker = create_sessionmaker(engine)
        reads = create_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
        # Snapshots load on a small pool of their own: a burst of cold checks cannot starve
        # them of connections, so the process warms up however hard it is pressed.
        loads_engine = create_engine(settings, pool_size=SNAPSHOT_POOL_SIZE, pool_timeout_s=30)
        loads = create_sessionmaker(loads_engine.execution_options(isolation_level="AUTOCOMMIT"))
        mirror = TokenMirror(cache, sessionmaker) if isinstance(cache, RedisCache) else None
        if mirror is not None:
            sessionmaker.configure(info={MIRROR: mirror})
        audit = audit_writer(sessionmaker)
        check_log = check_log_writer(check_log_sink(settings, sessionmaker))
        snapshots = SnapshotStore(loads, max_entries=settings.snapshot_max_entries,
                                  max_rows=settings.snapshot_max_rows,
                                  duplicate_window=settings.duplicate_window)
        catalog = CatalogCache(reads, max_entries=settings.catalog_cache_max_entries)
        known_keys = KnownKeys()
        keys = KeyVerifier(settings.admin_key, known_keys, reads,
                           budget_s=settings.check_budget_ms / 1000)
        app.state.runtime = Runtime(
            settings=settings, engine=engine, sessionmaker=sessionmaker,
            read_sessionmaker=reads, cache=cache, audit=audit, snapshots=snapshots,
            catalog=catalog, keys=keys, check_log=check_log,
            mirror=mirror,
            checker=Checker(settings, keys, reads, mirror, catalog, snapshots, check_log),
        )
        await _open_database_connections(engine, settings.db_pool_size,
                                         timeout_s=settings.db_connect_timeout_s + 1)
        await known_keys.preload(reads, timeout_s=settings.db_connect_timeout_s + 1)
        await _preload_catalog(reads, catalog, timeout_s=settings.db_connect_timeout_s + 1)
        if mirror is not None:
            await cache.open_connections(PREOPENED_REDIS_CONNECTIONS)
            await mirror.start()
        warming = asyncio.ensure_future(
            snapshots.warm_up(limit=settings.snapshot_warm_up_customers))
        # What start-up loaded (catalog, snapshots, code) lives as long as the process: out
        # of the collector's full passes, which otherwise stall every request for 0.1-0.2 s
        # on a warm worker (measured under the open-loop benchmark).
        warming.add_done_callback(lambda _: gc.freeze())
        # A worker that took checks while its snapshots loaded answered them from the
        # database, 64 at a time, and missed their budget: on this 2-core machine 3-50% of
        # a fresh server's first 5 s of checks were degraded (bench/fresh_start.py). Until
        # its listener opens, the other workers (or the load balancer) take the traffic.
        await asyncio.wait({warming}, timeout=settings.snapshot_warm_up_s)
        # A check leaves almost nothing behind, yet at the default threshold (700) the young
        # generation was collected every few requests and the whole heap every few seconds:
        # 6% of a worker under load, 0.85 s per 20 s; at 10,000 it is 0.1 s (py-spy and
        # gc.callbacks under bench/checks.py's Zipf mix).
        gc.set_threshold(GC_YOUNG_THRESHOLD)
        audit.start()
        check_log.start()
        try:
            yield
        finally:
            if mirror is not None:
                await mirror.close()
            await snapshots.close()
            await asyncio.wait({warming}, timeout=1.0)
            await check_log.close()
            await audit.close()
            await cache.close()
            await engine.dispose()
            await loads_engine.dispose()

    app = CheckFirstApp(
        body_limit=settings.max_body_bytes,
        title="purchase-guard",
        version=API_VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
        separate_input_output_schemas=False,
        generate_unique_id_function=_operation_id,
    )
    routers = (health_router, metrics_router, keys_router, catalog_router, orders_router,
               customers_router, support_router, checks_router, audit_router)
    for router in routers:
        app.include_router(router)
    install_error_handlers(app)
    app.add_middleware(
        Admission,
        routes=[route for router in routers for route in router.routes
                if isinstance(route, APIRoute)],
        default_limit=settings.max_body_bytes,
        streamed_limits={"/v1/orders/batch": settings.max_batch_body_bytes},
    )
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(LastResort)  # outermost
    _register_problem_schema(app)
    return app


async def _open_database_connections(engine: AsyncEngine, count: int, *,
                                     timeout_s: float) -> None:
    """The pool's connections opened before the first check: a fresh worker meeting a burst
    of checks would otherwise open them all at once, each taking its turn at the server's
    authentication, and the first checks would run past their budget (degraded)."""
    if engine.dialect.name != "postgresql":
        return
    opened: list[AsyncConnection] = []

    async def open_one() -> None:
        opened.append(await engine.connect())

    try:
        await asyncio.wait_for(asyncio.gather(*(open_one() for _ in range(count))), timeout_s)
    except DATABASE_ERRORS as exc:
        logger.warning("database connections not opened at start-up: %s", type(exc).__name__)
    finally:
        for connection in opened:
            await connection.close()


async def _preload_catalog(reads: async_sessionmaker[AsyncSession], catalog: CatalogCache, *,
                           timeout_s: float) -> None:
    """The catalog's trait index before the first check, so a fresh worker starts warm."""
    try:
        async with asyncio.timeout(timeout_s):
            token = await versions.catalog_token(reads)
            await catalog.traits(token=token)
    except DATABASE_ERRORS as exc:
        logger.warning("catalog not preloaded (database unavailable): %s", exc)


def _operation_id(route: APIRoute) -> str:
    """`orders-create_order`: ids that survive reordering, for the SDKs' generated code."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"


def _register_problem_schema(app: FastAPI) -> None:
    original = app.openapi

    def openapi() -> dict:  # type: ignore[type-arg]
        if app.openapi_schema is None:
            schema = original()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in (Problem, CheckRequest):
                # Models a route reads itself (not through a parameter) named here.
                for name, definition in model.model_json_schema(
                    ref_template="#/components/schemas/{model}"
                ).pop("$defs", {}).items():
                    components.setdefault(name, definition)
                components.setdefault(model.__name__, {
                    k: v for k, v in model.model_json_schema(
                        ref_template="#/components/schemas/{model}").items() if k != "$defs"
                })
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
