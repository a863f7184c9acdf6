"""`purchase-guard backtest FILE`: what the guard would have said on a shop's own history.

The replay runs in this process. Its catalog lives in a scratch database: a temporary
SQLite file by default, or an empty database given with `--database-url` (one a shop has
loaded its catalog into); the preset's services are added to it as `import orders` adds
them. The replayed orders are kept in memory, never written to any database, so the
service's own data is never touched.
"""

import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.backtest.replay import CATALOG_TOKEN, Options, OutOfOrder, Replay, in_time_order
from app.catalog import service as catalog_service
from app.checks.catalog_cache import CatalogCache
from app.db import create_engine, create_sessionmaker
from app.importer import drafts, reading
from app.importer.drafts import OrderDraft, ReturnDraft
from app.importer.mapping import ColumnMapping
from app.migrate import upgrade_to_head
from app.orders.models import CustomerOrder
from app.orders.schemas import OrderCreate
from app.settings import Settings


class NotScratch(Exception):
    """The database given holds orders: it may be a service's own."""


@dataclass
class FileCounts:
    rows: int = 0
    rows_without_customer: int = 0
    rows_with_errors: int = 0
    sorted_in_memory: bool = False


async def backtest(path: Path, *, file_format: str, mapping: ColumnMapping, settings: Settings,
                   options: Options, database_url: str | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="purchase-guard-backtest-") as scratch:
        url = database_url or f"sqlite+aiosqlite:///{scratch}/backtest.db"
        catalog = await _scratch_catalog(url, settings, mapping)
        traits = await catalog.traits(token=CATALOG_TOKEN)
        counts = FileCounts()
        replay = Replay(catalog, traits, options)
        try:
            replay.run(_events(path, file_format, mapping, counts))
        except OutOfOrder:
            counts = FileCounts(sorted_in_memory=True)
            replay = Replay(catalog, traits, options)
            replay.run(in_time_order(list(_events(path, file_format, mapping, counts))))
    seconds = time.perf_counter() - started
    tally = replay.tally
    return {
        "file": str(path),
        "settings": {
            "duplicate_window_hours": options.thresholds.duplicate_window.total_seconds() / 3600,
            "habit_after": options.thresholds.habit_after,
            "routine_after": options.thresholds.routine_after,
            "repeat_order_share": options.thresholds.repeat_order_share,
            "services": options.services,
        },
        "since": options.since.isoformat() if options.since else None,
        "until": options.until.isoformat() if options.until else None,
        "seconds": round(seconds, 1),
        "checks_per_second": round(tally.checks / seconds) if seconds else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "file_rows": {"rows": counts.rows, "without_customer": counts.rows_without_customer,
                      "with_errors": counts.rows_with_errors,
                      "sorted_in_memory": counts.sorted_in_memory},
        "replayed": replay.replayed.as_dict(),
        **tally.as_dict(),
    }


async def _scratch_catalog(url: str, settings: Settings, mapping: ColumnMapping) -> CatalogCache:
    await upgrade_to_head(url)
    engine = create_engine(settings.model_copy(update={"database_url": url}))
    try:
        sessions = create_sessionmaker(engine)
        async with sessions() as session:
            if await session.scalar(select(func.count()).select_from(CustomerOrder)):
                raise NotScratch(
                    "the database holds orders: the backtest never touches a service's data; "
                    "give it an empty one (with your catalog loaded, if you like)")
            await catalog_service.add_services(session, mapping.services)
        catalog = CatalogCache(sessions, max_entries=10_000_000)
        await catalog.traits(token=CATALOG_TOKEN)
        return catalog
    finally:
        await engine.dispose()


def _events(path: Path, file_format: str, mapping: ColumnMapping,
            counts: FileCounts) -> Iterator[OrderDraft | ReturnDraft]:
    source = reading.open_source(path)
    try:
        if file_format == "ndjson":
            yield from _ndjson_events(source, counts)
            return
        header, rows = reading.csv_rows(source)
        missing = mapping.missing(header)
        if missing:
            raise ValueError(f"{path}: no column for {', '.join(missing)}; "
                             f"the header has {', '.join(header) or 'nothing'} (use --map)")
        for chunk in drafts.chunks(header, rows, mapping, chunk_lines=5_000):
            counts.rows += chunk.lines
            counts.rows_without_customer += chunk.skipped_without_customer
            counts.rows_with_errors += len(chunk.errors)
            for order in chunk.orders:  # answers speak UTC, as the service's do
                order.placed_at = order.placed_at.astimezone(UTC)
            for given_back in chunk.returns:
                given_back.returned_at = given_back.returned_at.astimezone(UTC)
            events: list[OrderDraft | ReturnDraft] = [*chunk.orders, *chunk.returns]
            # A chunk keeps orders and returns apart: put them back in the file's order.
            events.sort(key=lambda e: e.first_line if isinstance(e, OrderDraft)
                        else e.lines[0][2])
            yield from events
    finally:
        source.close()


def _ndjson_events(source: reading.Source, counts: FileCounts) -> Iterator[OrderDraft]:
    for _, obj in reading.ndjson_objects(source):
        counts.rows += 1
        try:
            order = OrderCreate.model_validate(obj)
        except (ValueError, TypeError):
            counts.rows_with_errors += 1
            continue
        yield OrderDraft(order.order_id, order.customer_id, order.placed_at.astimezone(UTC), 0,
                         [drafts.Line(line.sku, line.quantity, line.unit_price)
                          for line in order.lines])
