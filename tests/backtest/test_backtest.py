"""The backtest on a history small enough that every number is known by construction.

c-1 orders a kettle and postage, orders them again 10 minutes later, and an hour after
that cancels one kettle: the second order is a likely double. c-2 orders tea and cups and
orders them again two hours later, and keeps them: a kept repeat of a whole order. c-3
orders a lamp twice, 30 hours apart: no repeat.
"""

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.backtest.replay import Options
from app.backtest.run import NotScratch, backtest
from app.checks.service import thresholds
from app.cli import main
from app.importer.mapping import PRESETS
from app.settings import Settings
from tests import services

HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
T0 = datetime(2011, 3, 1, 9, 0)  # Europe/London, as the dataset's local times are


def row(invoice: str, sku: str, quantity: int, at: datetime, customer: str) -> str:
    return f"{invoice},{sku},{sku.lower()},{quantity},{at:%Y-%m-%dT%H:%M:%S},1.25,{customer},UK"


ROWS = [
    row("A", "KETTLE", 1, T0, "1"), row("A", "POST", 1, T0, "1"),
    row("B", "KETTLE", 1, T0 + timedelta(minutes=10), "1"),
    row("B", "POST", 1, T0 + timedelta(minutes=10), "1"),
    row("C1", "KETTLE", -1, T0 + timedelta(hours=1), "1"),
    row("D", "TEA", 2, T0 + timedelta(hours=3), "2"), row("D", "CUPS", 3, T0 + timedelta(hours=3), "2"),
    row("E", "TEA", 2, T0 + timedelta(hours=5), "2"), row("E", "CUPS", 3, T0 + timedelta(hours=5), "2"),
    row("F", "LAMP", 1, T0 + timedelta(hours=6), "3"),
    row("G", "LAMP", 1, T0 + timedelta(hours=36), "3"),
]


def history(path: Path, rows: list[str] = ROWS) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


async def run(path: Path, **overrides: Any) -> dict[str, Any]:
    services_on = overrides.pop("services", True)
    since = overrides.pop("since", None)
    settings = Settings(**overrides)
    return await backtest(path, file_format="csv", mapping=PRESETS["online-retail"],
                          settings=settings, options=Options(
                              thresholds=thresholds(settings), windows=(1, 24),
                              services=services_on, since=since))


async def test_every_number_of_the_report(tmp_path: Path) -> None:
    report = await run(history(tmp_path / "h.csv"))
    assert report["file_rows"] == {"rows": 11, "without_customer": 0, "with_errors": 0,
                                   "sorted_in_memory": False}
    assert report["replayed"] == {"orders": 6, "order_lines": 10, "return_invoices": 1,
                                  "return_lines_unmatched": 0, "customers": 3}
    assert (report["checks"], report["lines_checked"]) == (6, 10)
    assert report["verdicts"] == {"proceed": 4, "info": 0, "confirm": 2, "block": 0}
    assert (report["interrupted"], report["interrupted_share"]) == (2, round(2 / 6, 4))
    assert report["warnings"] == {"DUPLICATE_ORDER": {"confirm": 3}}
    assert report["repeats_order"] == 1
    assert report["service_lines"] == {"checked": 2, "warned": 0}
    assert report["repeats"] == {"lines": 4, "service_lines": 1, "checks": 2,
                                 "checks_interrupted": 2, "checks_interrupted_share": 1.0}
    assert report["likely_doubles"] == {"lines": 1, "service_lines": 0, "orders": 1,
                                        "caught": 1, "caught_share": 1.0}
    assert report["kept_repeats"] == {"lines": 2, "interrupted": 2, "nagged_share": 1.0}
    # Each order follows its own check: every warning kept; B's kettle went back in an hour.
    assert report["outcomes"] == {"DUPLICATE_ORDER": {"kept": 3, "regretted": 1}}
    assert report["curve"] == [
        {"window_hours": 1, "caught_share": 1.0, "nagged_share": 0.0,
         "checks_interrupted_share": 0.5},
        {"window_hours": 24, "caught_share": 1.0, "nagged_share": 1.0,
         "checks_interrupted_share": 1.0},
    ]
    assert sorted((t["sku"], t["warnings"], t["interrupting"]) for t in report["top_skus"]) == [
        ("CUPS", 1, 1), ("KETTLE", 1, 1), ("TEA", 1, 1)]
    assert [(t["customer_id"], t["warnings"]) for t in report["top_customers"]] == [
        ("2", 2), ("1", 1)]
    repeat, double = report["examples"]
    assert (repeat["kind"], repeat["order_id"]) == ("repeats an order", "E")
    assert repeat["answer"]["repeats_order"]["message"] == "This cart repeats order D, placed 2 hours ago."
    assert (double["kind"], double["order_id"]) == ("likely double order, interrupted", "B")
    assert double["answer"]["warnings"][0]["message"] == (
        "You already ordered this 10 minutes ago (order A).")


async def test_set_chooses_todays_rules_where_postage_was_warned(tmp_path: Path) -> None:
    report = await run(history(tmp_path / "h.csv"), services=False)
    assert report["service_lines"] == {"checked": 2, "warned": 1}
    assert report["warnings"] == {"DUPLICATE_ORDER": {"confirm": 4}}
    assert report["settings"]["services"] is False


async def test_the_window_setting_changes_what_is_caught(tmp_path: Path) -> None:
    report = await run(history(tmp_path / "h.csv"), duplicate_window_hours=1)
    assert report["likely_doubles"]["caught"] == 1
    assert report["kept_repeats"] == {"lines": 2, "interrupted": 0, "nagged_share": 0.0}


async def test_since_checks_later_orders_against_the_whole_history(tmp_path: Path) -> None:
    since = (T0 + timedelta(hours=4)).replace(tzinfo=UTC)  # 09:00 GMT in March is 09:00 UTC
    report = await run(history(tmp_path / "h.csv"), since=since)
    assert report["checks"] == 3  # E, F and G; D is history
    assert report["repeats_order"] == 1


async def test_a_file_out_of_time_order_is_sorted_and_gives_the_same_answers(
    tmp_path: Path,
) -> None:
    shuffled = ROWS[5:] + ROWS[:5]
    report = await run(history(tmp_path / "h.csv", shuffled))
    assert report["file_rows"]["sorted_in_memory"] is True
    in_order = await run(history(tmp_path / "o.csv"))
    for key in ("verdicts", "warnings", "repeats", "likely_doubles", "kept_repeats", "curve"):
        assert report[key] == in_order[key], key


async def test_a_database_holding_orders_is_refused(tmp_path: Path) -> None:
    import sqlite3

    from app.migrate import upgrade_to_head

    url = f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    await upgrade_to_head(url)
    with sqlite3.connect(tmp_path / "live.db") as db:
        db.execute("INSERT INTO customer_order (order_id, customer_id, placed_at, body_hash, "
                   "created_at) VALUES ('o-1', 'c-1', '2024-01-01 00:00:00', 'x', "
                   "'2024-01-01 00:00:00')")
    settings = Settings()
    with pytest.raises(NotScratch):
        await backtest(history(tmp_path / "h.csv"), file_format="csv",
                       mapping=PRESETS["online-retail"], settings=settings,
                       options=Options(thresholds=thresholds(settings)), database_url=url)


def test_the_command_writes_json_and_a_page_whose_charts_a_browser_draws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    chromium = services.require_chromium()
    path = history(tmp_path / "h.csv")
    code = main(["backtest", str(path), "--preset", "online-retail", "--windows", "1,24",
                 "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html")])
    assert code == 0
    printed = capsys.readouterr().out
    assert "likely double orders      1" in printed and "caught 1 (100.0%)" in printed
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["checks"] == 6
    page = (tmp_path / "r.html").as_uri()
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                          "--dump-dom", page], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    assert dom.count("<svg") == 2
    assert dom.count('class="bar confirm"') == 1  # one code, all of it confirm
    assert dom.count('class="point"') == 2  # the curve: one point per window
    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "backtest-report.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=1000,1600", f"--screenshot={shot}",
                    page], capture_output=True, timeout=60, check=True)
    assert shot.stat().st_size > 10_000


def test_a_wrong_set_key_is_refused_with_the_keys_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["backtest", str(history(tmp_path / "h.csv")), "--preset", "online-retail",
                 "--set", "colour=blue"])
    assert code == 2
    assert "duplicate_window_hours" in capsys.readouterr().err


async def test_the_routine_rule_learns_from_the_orders_that_follow_their_checks(
    tmp_path: Path,
) -> None:
    """c-4 orders paper twice 90 minutes apart on three days; the first two second orders
    bought it despite DUPLICATE_ORDER and kept it, so on the third day it is routine."""
    rows = []
    for n, day in enumerate((10, 12, 30)):
        first = T0 + timedelta(days=day)
        rows.append(row(f"P{n}a", "PAPER", 5, first, "4"))
        rows.append(row(f"P{n}b", "PAPER", 5, first + timedelta(minutes=90), "4"))
    report = await run(history(tmp_path / "h.csv", rows))
    assert report["warnings"] == {"DUPLICATE_ORDER": {"confirm": 2, "info": 1}}
    assert report["outcomes"] == {"DUPLICATE_ORDER": {"kept": 3, "regretted": 0}}
    assert report["routine_rule"] == {
        "off": {"checks_with_repeat_interrupted_share": 1.0, "caught": 0, "nagged_share": 1.0},
        "on": {"checks_with_repeat_interrupted_share": round(2 / 3, 4), "caught": 0,
               "nagged_share": round(2 / 3, 4)},
    }
    [routine] = [e for e in report["examples"] if e["order_id"] == "P2b"]
    assert routine["answer"]["warnings"][0]["message"] == (
        "You often re-order this; last ordered 1 hour ago (order P2a).")
    off = await run(history(tmp_path / "h.csv", rows), routine_after=0)
    assert off["warnings"] == {"DUPLICATE_ORDER": {"confirm": 3}}
