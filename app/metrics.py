"""Prometheus measures: request latency by route, checks by verdict, warnings by code.

With `serve --workers N` every worker writes its measures to files in
`PROMETHEUS_MULTIPROC_DIR` (set by `serve`), and `/metrics` sums them, whichever worker
answers the scrape.
"""

import functools
import os
import time
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REGISTRY = CollectorRegistry()


@functools.cache
def labelled(metric: Any, *values: str) -> Any:
    """`metric.labels(*values)`, looked up once: the hot path counts several times per check,
    and each `labels` call takes a lock and checks its arguments."""
    return metric.labels(*values)


REQUEST_SECONDS = Histogram(
    "purchase_guard_request_seconds", "Request latency by route.",
    ["method", "route", "status"], registry=REGISTRY,
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
CHECKS = Counter("purchase_guard_checks_total", "Checks answered, by verdict.", ["verdict"],
                 registry=REGISTRY)
WARNINGS = Counter("purchase_guard_warnings_total", "Warnings raised, by code.", ["code"],
                   registry=REGISTRY)
OUTCOMES = Counter("purchase_guard_warning_outcomes_total",
                   "What customers did with warnings (kept, removed, replaced), from feedback "
                   "and from orders naming their check, by code.", ["code", "outcome"],
                   registry=REGISTRY)
DEGRADED = Counter("purchase_guard_degraded_checks_total",
                   "Checks answered degraded (proceed without history).", registry=REGISTRY)

SNAPSHOTS = Counter("purchase_guard_snapshot_lookups_total",
                    "Customer snapshots by where they were found: process, or miss (the "
                    "check read its cart's records by key).", ["found"], registry=REGISTRY)
SNAPSHOT_ENTRIES = Gauge("purchase_guard_snapshot_entries", "Customer snapshots held in process.",
                         registry=REGISTRY, multiprocess_mode="livesum")
SNAPSHOT_ROWS = Gauge("purchase_guard_snapshot_rows",
                      "Records (order lines, returns, feedback) held in process snapshots.",
                      registry=REGISTRY, multiprocess_mode="livesum")
CATALOG_ENTRIES = Gauge("purchase_guard_catalog_cache_entries",
                        "Products and product lists held in the process catalog cache.",
                        registry=REGISTRY, multiprocess_mode="livesum")
MIRROR_MISSES = Counter("purchase_guard_token_mirror_misses_total",
                        "Checks the Redis token mirror could not answer, by why.", ["reason"],
                        registry=REGISTRY)
TOKEN_READS = Counter("purchase_guard_token_reads_total",
                      "Where a check's key and freshness tokens came from: cache (Redis or "
                      "this process) or database.", ["source"], registry=REGISTRY)
DEPENDENCY_ERRORS = Counter("purchase_guard_dependency_errors_total",
                            "Failed calls to a dependency, by dependency.", ["dependency"],
                            registry=REGISTRY)

router = APIRouter(tags=["health"])


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}})
async def metrics(_request: Request) -> Response:
    """Prometheus text format, summed over every worker; needs no key."""
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", "unmatched")
            REQUEST_SECONDS.labels(scope["method"], path, str(status)).observe(
                time.perf_counter() - started
            )
