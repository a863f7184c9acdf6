"""Bulk import: NDJSON and CSV (gzip too), mapped columns, returns, idempotent re-runs."""

import gzip
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from app.importer.mapping import PRESETS, ColumnMapping
from app.importer.run import import_orders
from tests.factories import NOW, check, codes, iso, put_product

# The real dataset lives beside the repository (../shared/data), never in it.
REAL_DATA = Path(os.environ.get(
    "PURCHASE_GUARD_RETAIL_DATA",
    Path(__file__).resolve().parents[3] / "shared" / "data" / "online_retail.csv.gz",
))

RETAIL_HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"


def _retail_csv(path: Path) -> Path:
    day = (NOW - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
    later = (NOW - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    rows = [
        f"536365,85123A,WHITE HANGING HEART,6,{day},2.55,17850.0,United Kingdom",
        f"536365,71053,WHITE METAL LANTERN,6,{day},3.39,17850.0,United Kingdom",
        f"536366,22633,HAND WARMER,6,{day},1.85,,United Kingdom",  # no customer: skipped
        f"536367,BANK CHARGES,Bank Charges,1,{day},15,12583,France",  # not a sku we accept
        f"536368,22960,JAM MAKING SET,3,{day},4.25,13047,United Kingdom",
        f"C536379,85123A,WHITE HANGING HEART,-2,{later},2.55,17850,United Kingdom",
        f"C536380,99999,NEVER BOUGHT,-1,{later},1,17850,United Kingdom",
    ]
    with gzip.open(path, "wt") as f:
        f.write(RETAIL_HEADER + "\n".join(rows) + "\n")
    return path


async def _import(client: httpx.AsyncClient, path: Path, **kwargs):  # type: ignore[no-untyped-def]
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    return await import_orders(runtime.sessionmaker, path, progress=False,
                               settings=runtime.settings, **kwargs)


async def test_online_retail_preset_imports_orders_and_matches_returns(
    client: httpx.AsyncClient, keys: dict, tmp_path: Path
) -> None:
    path = _retail_csv(tmp_path / "retail.csv.gz")
    summary = await _import(client, path, file_format="csv", mapping=PRESETS["online-retail"])
    assert (summary.orders_created, summary.orders_unchanged, summary.conflicts) == (2, 0, 0)
    assert summary.skipped_without_customer == 1
    assert summary.errors == 1 and "line 5" in summary.first_errors[0]
    assert summary.returns_created == 1 and summary.return_lines_unmatched == 1

    order = (await client.get("/v1/orders/536365", headers=keys["support"])).json()
    assert order["customer_id"] == "17850"
    assert [(ln["sku"], ln["quantity"], ln["unit_price"]) for ln in order["lines"]] == [
        ("85123A", 6, "2.55"), ("71053", 6, "3.39")]
    assert [(r["return_id"], r["lines"]) for r in order["returns"]] == [
        ("C536379:536365", [{"sku": "85123A", "quantity": 2}])]

    again = await _import(client, path, file_format="csv", mapping=PRESETS["online-retail"])
    assert (again.orders_created, again.orders_unchanged, again.returns_created,
            again.returns_unchanged) == (0, 2, 0, 1)


async def test_online_retail_preset_adds_its_fees_as_services_and_keeps_the_shops_word(
    client: httpx.AsyncClient, keys: dict, tmp_path: Path
) -> None:
    await put_product(client, keys["admin"], "M", title="Mug", kind="durable")
    path = _retail_csv(tmp_path / "retail.csv.gz")
    summary = await _import(client, path, file_format="csv", mapping=PRESETS["online-retail"])
    assert "POST" in summary.services_created and "M" not in summary.services_created
    postage = (await client.get("/v1/products/POST", headers=keys["support"])).json()
    assert (postage["title"], postage["kind"]) == ("Postage", "service")
    mug = (await client.get("/v1/products/M", headers=keys["support"])).json()
    assert mug["kind"] == "durable"
    again = await _import(client, path, file_format="csv", mapping=PRESETS["online-retail"])
    assert again.services_created == []


async def test_imported_history_is_seen_by_the_next_check(
    client: httpx.AsyncClient, keys: dict, tmp_path: Path
) -> None:
    await put_product(client, keys["admin"], "ebook", kind="digital")
    assert codes(await check(client, keys["checkout"], ["ebook"], customer_id="c-1")) == []
    path = tmp_path / "orders.ndjson.gz"
    with gzip.open(path, "wt") as f:
        for n in range(3):
            f.write(json.dumps({"order_id": f"o-{n}", "customer_id": f"c-{n}",
                                "placed_at": iso(NOW - timedelta(days=5)),
                                "lines": [{"sku": "ebook", "quantity": 1}]}) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"order_id": "bad id!", "customer_id": "c-9",
                            "placed_at": iso(NOW), "lines": [{"sku": "a", "quantity": 1}]}) + "\n")
    summary = await _import(client, path, file_format="ndjson", mapping=ColumnMapping())
    assert summary.orders_created == 3 and summary.errors == 2
    assert [e.split(":")[0] for e in summary.first_errors] == ["line 4", "line 5"]
    assert codes(await check(client, keys["checkout"], ["ebook"], customer_id="c-1")) == [
        ("ebook", "ALREADY_OWNED")]


async def test_a_changed_order_is_a_conflict_not_an_overwrite(
    client: httpx.AsyncClient, keys: dict, tmp_path: Path
) -> None:
    mapping = ColumnMapping().with_overrides("order_id=id,customer_id=who,placed_at=when")
    first = tmp_path / "a.csv"
    first.write_text("id,who,when,sku,quantity\no-1,c-1,2026-01-05T10:00:00,mug,2\n")
    second = tmp_path / "b.csv"
    second.write_text("id,who,when,sku,quantity\no-1,c-1,2026-01-05T10:00:00,mug,3\n"
                      "o-2,c-1,2026-01-06T10:00:00,mug,1\n")
    assert (await _import(client, first, file_format="csv", mapping=mapping)).orders_created == 1
    again = await _import(client, second, file_format="csv", mapping=mapping)
    assert (again.orders_created, again.conflicts) == (1, 1)
    assert await _lines_without_their_order(client) == 0
    order = (await client.get("/v1/orders/o-1", headers=keys["support"])).json()
    assert order["lines"][0]["quantity"] == 2
    assert order["placed_at"] == "2026-01-05T10:00:00Z"


async def _lines_without_their_order(client: httpx.AsyncClient) -> int:
    """Lines carry no foreign key (migration 0008): the writes alone keep them whole."""
    async with client.app.state.runtime.sessionmaker() as session:  # type: ignore[attr-defined]
        return int(await session.scalar(text(
            "SELECT count(*) FROM order_line l LEFT JOIN customer_order o "
            "ON o.order_id = l.order_id WHERE o.order_id IS NULL")) or 0)


async def test_a_missing_column_names_the_mapping_to_fix(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("order,customer,sku\n1,2,3\n")
    with pytest.raises(ValueError, match="order_id .*column 'order_id'.*--map"):
        await _import(client, path, file_format="csv", mapping=ColumnMapping())


def test_the_command_prints_a_summary_and_fails_on_errors(tmp_path: Path) -> None:
    path = _retail_csv(tmp_path / "retail.csv.gz")
    env = {**os.environ, "PURCHASE_GUARD_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'i.db'}"}
    result = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; raise SystemExit(main())",
         "import", "orders", str(path), "--preset", "online-retail"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 1, result.stderr  # one row could not be read
    summary = json.loads(result.stdout)
    assert summary["orders"] == {"created": 2, "unchanged": 0, "conflicts": 0}
    assert "lines/s" in result.stderr and "100.0%" in result.stderr


@pytest.mark.skipif(not REAL_DATA.exists(), reason=f"{REAL_DATA} is not on this machine")
async def test_the_first_lines_of_the_real_dataset(client: httpx.AsyncClient, tmp_path: Path) -> None:
    head = tmp_path / "head.csv"
    with gzip.open(REAL_DATA, "rt") as source, head.open("w") as out:
        for _, line in zip(range(5001), source, strict=False):
            out.write(line)
    summary = await _import(client, head, file_format="csv", mapping=PRESETS["online-retail"])
    assert summary.lines == 5000
    assert summary.orders_created > 150 and summary.conflicts == 0
    assert summary.returns_created > 0


async def test_a_check_id_column_links_imported_orders_to_their_checks(
    client: httpx.AsyncClient, keys: dict, tmp_path: Path
) -> None:
    co = keys["checkout"]
    await put_product(client, keys["admin"], "mug", kind="durable")
    await client.post("/v1/orders", headers=co, json={
        "order_id": "o-1", "customer_id": "c-1", "placed_at": iso(NOW - timedelta(days=9)),
        "lines": [{"sku": "mug", "quantity": 1}]})
    seen = await check(client, co, ["mug"], customer_id="c-1")
    assert codes(seen) == [("mug", "PREVIOUSLY_PURCHASED")]
    at = NOW.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    path = tmp_path / "linked.csv"
    path.write_text("Invoice,Customer,When,Sku,Qty,Check\n"
                    f"o-2,c-1,{at},mug,1,{seen['check_id']}\n"
                    f"o-3,c-2,{at},mug,1,{seen['check_id']}\n"  # another customer's check
                    f"o-4,c-2,{at},lamp,1,\n")
    mapping = ColumnMapping().with_overrides(
        "order_id=Invoice,customer_id=Customer,placed_at=When,sku=Sku,quantity=Qty,"
        "check_id=Check")
    summary = await _import(client, path, file_format="csv", mapping=mapping)
    assert (summary.orders_created, summary.errors) == (2, 1)
    assert "o-3: check_id: Check" in summary.first_errors[0]
    order = (await client.get("/v1/orders/o-2", headers=keys["support"])).json()
    assert order["check_id"] == seen["check_id"]
    stats = (await client.get("/v1/stats/warnings", headers=keys["support"])).json()
    row = next(i for i in stats["items"] if i["code"] == "PREVIOUSLY_PURCHASED")
    assert (row["kept"], row["with_outcome"]) == (1, 1)
