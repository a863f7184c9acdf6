"""`purchase-guard import orders FILE`: stream a file of orders into the database in chunks.

Each chunk is one transaction of whole orders (and the returns in it), so an interrupted
import leaves only complete orders behind and a re-run picks up where it stopped: orders
already there are `unchanged`, the same id with another body is a `conflict`.
"""

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.catalog import service as catalog_service
from app.importer import drafts, pg_copy, reading
from app.importer.mapping import ColumnMapping
from app.importer.progress import Progress
from app.importer.returns import record_returns
from app.orders import service as orders_service
from app.orders.schemas import OrderCreate
from app.outcomes import service as linked_orders
from app.settings import Settings

MAX_REPORTED_ERRORS = 20


@dataclass
class Summary:
    lines: int = 0
    orders_created: int = 0
    orders_unchanged: int = 0
    conflicts: int = 0
    returns_created: int = 0
    returns_unchanged: int = 0
    # Return lines no earlier purchase explains (bought before the data begins, say).
    return_lines_unmatched: int = 0
    first_unmatched: list[str] = field(default_factory=list)
    skipped_without_customer: int = 0
    # Service products (postage, fees) the preset added to the catalog.
    services_created: list[str] = field(default_factory=list)
    errors: int = 0
    first_errors: list[str] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> None:
        self.errors += 1
        if len(self.first_errors) < MAX_REPORTED_ERRORS:
            self.first_errors.append(message if line is None else f"line {line}: {message}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "orders": {"created": self.orders_created, "unchanged": self.orders_unchanged,
                       "conflicts": self.conflicts},
            "returns": {"created": self.returns_created, "unchanged": self.returns_unchanged,
                        "lines_unmatched": self.return_lines_unmatched,
                        "first_unmatched": self.first_unmatched},
            "skipped_without_customer": self.skipped_without_customer,
            "services_created": self.services_created,
            "errors": self.errors,
            "first_errors": self.first_errors,
        }


async def import_orders(
    sessionmaker: async_sessionmaker[AsyncSession],
    path: Path,
    *,
    file_format: str,
    mapping: ColumnMapping,
    settings: Settings,
    chunk_lines: int = 20_000,
    progress: bool = True,
) -> Summary:
    summary = Summary()
    async with sessionmaker() as session:
        summary.services_created = await catalog_service.add_services(session, mapping.services)
        copying = session.get_bind().dialect.name == "postgresql"
    source = reading.open_source(path)
    bar = Progress(source.size, enabled=progress)
    try:
        if file_format == "csv":
            chunks = _csv_chunks(source, mapping, chunk_lines, summary)
        else:
            chunks = _ndjson_chunks(source, chunk_lines, summary)
        batches = (_batch(*chunk, copying=copying) for chunk in chunks)
        # The next batch is read and made ready (in a thread) while this one is written:
        # the database works on one core while Python parses on the other.
        next_batch = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
        while (batch := await next_batch) is not None:
            next_batch = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
            async with sessionmaker() as session:
                await _write(session, batch, summary, settings)
            summary.lines += batch.lines
            bar.update(source.position(), summary.lines)
        bar.finish(source.position(), summary.lines)
    finally:
        source.close()
    return summary


@dataclass
class Batch:
    """One chunk's whole orders, split by the path that writes them."""

    plain: list[OrderCreate]
    # Orders naming their check take the path that checks the link and records outcomes.
    linked: list[OrderCreate]
    returns: list[drafts.ReturnDraft]
    lines: int
    # An order id met again in the same chunk: a conflict, whatever its body.
    repeated: int = 0
    # The plain orders ready for COPY, on PostgreSQL.
    records: pg_copy.Records | None = None


def _batch(orders: list[OrderCreate], returns: list[drafts.ReturnDraft], lines: int, *,
           copying: bool) -> Batch:
    unique: dict[str, OrderCreate] = {}
    for order in orders:
        unique.setdefault(order.order_id, order)
    plain = [o for o in unique.values() if o.check_id is None]
    return Batch(plain=plain, linked=[o for o in unique.values() if o.check_id is not None],
                 returns=returns, lines=lines, repeated=len(orders) - len(unique),
                 records=pg_copy.records(plain) if copying and plain else None)


Chunk = tuple[list[OrderCreate], list[drafts.ReturnDraft], int]


def _csv_chunks(
    source: reading.Source, mapping: ColumnMapping, chunk_lines: int, summary: Summary
) -> Iterator[Chunk]:
    header, rows = reading.csv_rows(source)
    missing = mapping.missing(header)
    if missing:
        raise ValueError(f"{source.path}: no column for {', '.join(missing)}; "
                         f"the header has {', '.join(header) or 'nothing'} (use --map)")
    for chunk in drafts.chunks(header, rows, mapping, chunk_lines=chunk_lines):
        summary.skipped_without_customer += chunk.skipped_without_customer
        for line, message in chunk.errors:
            summary.error(line, message)
        # Every field was checked row by row (drafts.py) as OrderCreate would check it.
        orders = [
            OrderCreate.model_construct(order_id=d.order_id, customer_id=d.customer_id,
                                        placed_at=d.placed_at, lines=d.lines,
                                        check_id=d.check_id)
            for d in chunk.orders
        ]
        yield orders, chunk.returns, chunk.lines


def _ndjson_chunks(source: reading.Source, chunk_lines: int, summary: Summary) -> Iterator[Chunk]:
    orders: list[OrderCreate] = []
    seen = 0
    for number, obj in reading.ndjson_objects(source):
        seen += 1
        if isinstance(obj, ValueError):
            summary.error(number, f"not JSON: {obj}")
            continue
        try:
            orders.append(OrderCreate.model_validate(obj))
        except ValidationError as exc:
            summary.error(number, _first_error(exc))
        if sum(len(o.lines) for o in orders) >= chunk_lines:
            yield orders, [], seen
            orders, seen = [], 0
    if seen:
        yield orders, [], seen


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


async def _write(session: AsyncSession, batch: Batch, summary: Summary,
                 settings: Settings) -> None:
    summary.conflicts += batch.repeated
    if batch.records is not None:
        _count(summary, await pg_copy.record_orders(session, batch.records))
    elif batch.plain:
        _count(summary, await orders_service.record_orders(session, batch.plain))
    if batch.linked:
        created, unchanged, conflicts, refused = await linked_orders.record_orders(
            session, batch.linked, settings=settings)
        _count(summary, (created, unchanged, conflicts))
        for order_id, why in refused.items():
            summary.error(None, f"order {order_id}: check_id: {why}")
    outcome = await record_returns(session, batch.returns)
    summary.returns_created += outcome.created
    summary.returns_unchanged += outcome.unchanged
    for line, message in outcome.unmatched:
        summary.return_lines_unmatched += 1
        if len(summary.first_unmatched) < MAX_REPORTED_ERRORS:
            summary.first_unmatched.append(f"line {line}: {message}")


def _count(summary: Summary, recorded: tuple[list[str], list[str], list[str]]) -> None:
    created, unchanged, conflicts = recorded
    summary.orders_created += len(created)
    summary.orders_unchanged += len(unchanged)
    summary.conflicts += len(conflicts)


def render(summary: Summary) -> str:
    return json.dumps(summary.as_dict(), indent=2)
