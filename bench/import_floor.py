"""The floor under `bench/import_retail.py` on this machine, measured beside it.

    python bench/import_floor.py

Reads the Online Retail year and makes the import's order drafts (timed: the part no
database can save), then COPYs those orders and lines straight into a fresh database at the
newest schema, with its indexes but without staging, body hashes or token updates (timed:
the least any import of these rows can write in).
"""
import asyncio
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
from harness import PG_SERVER, ROOT

sys.path.insert(0, str(ROOT))
from app.importer import drafts, reading  # noqa: E402
from app.importer.mapping import PRESETS  # noqa: E402
from app.migrate import upgrade_to_head  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "online_retail.csv.gz"


ORDER_COLUMNS = ("order_id", "customer_id", "placed_at", "cancelled_at", "body_hash",
                 "created_at")
LINE_COLUMNS = ("order_id", "customer_id", "line_no", "sku", "quantity", "unit_price")


def psql(*statements: str) -> None:
    args = [arg for statement in statements for arg in ("-c", statement)]
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-q", *args], check=True,
                   capture_output=True)


def drafted() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    source = reading.open_source(Path(DATA))
    header, rows = reading.csv_rows(source)
    orders: dict[str, tuple[object, ...]] = {}
    lines: list[tuple[object, ...]] = []
    for chunk in drafts.chunks(header, rows, PRESETS["online-retail"], chunk_lines=20_000):
        for draft in chunk.orders:
            if draft.order_id in orders:
                continue
            orders[draft.order_id] = (draft.order_id, draft.customer_id, draft.placed_at,
                                      None, "-", draft.placed_at)
            lines.extend((draft.order_id, draft.customer_id, n, line.sku, line.quantity, None)
                         for n, line in enumerate(draft.lines))
    source.close()
    return list(orders.values()), lines


async def copy(orders: list[tuple[object, ...]], lines: list[tuple[object, ...]]) -> float:
    await upgrade_to_head(f"{PG_SERVER.replace('postgresql://', 'postgresql+asyncpg://')}"
                          "/copy_floor")
    connection = await asyncpg.connect(f"{PG_SERVER}/copy_floor")
    started = time.perf_counter()
    async with connection.transaction():
        await connection.copy_records_to_table("customer_order", records=orders,
                                               columns=ORDER_COLUMNS)
        await connection.copy_records_to_table("order_line", records=lines,
                                               columns=LINE_COLUMNS)
    spent = time.perf_counter() - started
    await connection.close()
    return spent


def main() -> None:
    started = time.perf_counter()
    orders, lines = drafted()
    print(f"reading and drafting {len(lines):,} lines: {time.perf_counter() - started:.2f} s")
    for _ in range(2):
        psql("DROP DATABASE IF EXISTS copy_floor", "CREATE DATABASE copy_floor")
        spent = asyncio.run(copy(orders, lines))
        print(f"bare COPY of {len(orders):,} orders and {len(lines):,} lines: {spent:.2f} s "
              f"({len(lines) / spent:,.0f} lines/s)")
    psql("DROP DATABASE IF EXISTS copy_floor")


if __name__ == "__main__":
    main()
