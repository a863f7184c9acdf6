"""`POST /v1/orders/batch`: NDJSON read as it streams in, stored a chunk at a time."""

from collections.abc import AsyncIterator, Awaitable, Callable

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import InvalidInput
from app.orders.schemas import BatchLineError, OrderBatchResult, OrderCreate

# Stores a chunk: (created, unchanged, conflicting) order ids and the refused ones with why.
Record = Callable[[AsyncSession, list[OrderCreate]],
                  Awaitable[tuple[list[str], list[str], list[str], dict[str, str]]]]

MAX_LINES = 100_000
CHUNK_ORDERS = 500


async def ndjson_lines(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    pending = b""
    async for chunk in stream:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line
    if pending:
        yield pending


def describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    more = f" (+{error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}" if where else f"{first['msg']}{more}"


async def import_ndjson(session: AsyncSession, stream: AsyncIterator[bytes], *,
                        record: Record) -> OrderBatchResult:
    result = OrderBatchResult(created=0, unchanged=0, conflicts=0, errors=[])
    chunk: dict[str, tuple[int, OrderCreate]] = {}

    async def flush() -> None:
        created, unchanged, conflicts, refused = await record(
            session, [order for _, order in chunk.values()]
        )
        result.created += len(created)
        result.unchanged += len(unchanged)
        result.conflicts += len(conflicts)
        for order_id in conflicts:
            _report(result, chunk[order_id][0],
                    f"order {order_id} was already recorded with a different body")
        for order_id, why in refused.items():
            _report(result, chunk[order_id][0], f"check_id: {why}")
        chunk.clear()

    number = 0
    received = False
    async for raw in ndjson_lines(stream):
        received = True
        number += 1
        if number > MAX_LINES:
            _report(result, number, f"a batch holds at most {MAX_LINES:,} lines; this line "
                                    "and the ones after it were not read")
            break
        if not raw.strip():
            continue
        try:
            order = OrderCreate.model_validate_json(raw)
        except ValidationError as error:
            _report(result, number, describe(error))
            continue
        if order.order_id in chunk or len(chunk) >= CHUNK_ORDERS:
            await flush()
        chunk[order.order_id] = (number, order)
    if not received:
        raise InvalidInput("The body is empty: send one order per line.", loc=["body"])
    if chunk:
        await flush()
    result.errors.sort(key=lambda e: e.line)
    return result


def _report(result: OrderBatchResult, line: int, detail: str) -> None:
    result.errors.append(BatchLineError(line=line, detail=detail))
