"""The `purchase-guard` command: serve, migrate, keys, import, backtest, demo, openapi."""

import argparse
import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.importer.mapping import PRESETS as _PRESETS
from app.importer.reading import detect_format
from app.settings import Settings

PRESET_NAMES = tuple(_PRESETS)

if TYPE_CHECKING:
    from datetime import datetime

    from app.importer.mapping import ColumnMapping


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    result: int = args.run(args)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="purchase-guard", description=__doc__)
    commands = parser.add_subparsers(title="commands")

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser("migrate", help="bring the database to the newest schema")
    migrate.set_defaults(run=_migrate)

    keys = commands.add_parser("keys", help="manage API keys").add_subparsers(title="keys")
    create = keys.add_parser("create", help="create a key and print it (shown once)")
    create.add_argument("--role", required=True, choices=["checkout", "support", "admin"])
    create.add_argument("--name", required=True)
    create.set_defaults(run=_create_key)

    imports = commands.add_parser("import", help="bulk-load history").add_subparsers(
        title="import")
    orders = imports.add_parser(
        "orders", help="load orders (and returns) from NDJSON or CSV, gzip or not",
        description="Idempotent: re-running skips what is already there. CSV rows are "
        "order lines, grouped by order id; NDJSON lines are orders as for POST /v1/orders.",
    )
    _add_file_arguments(orders)
    orders.add_argument("--chunk-lines", type=int, default=20_000,
                        help="lines per transaction (default 20000)")
    orders.add_argument("--no-progress", action="store_true", help="no progress bar")
    orders.set_defaults(run=_import_orders)

    backtest = commands.add_parser(
        "backtest", help="replay a file of orders through the guard and report what it "
        "would have said",
        description="Each order is checked as it would have been asked at its instant, then "
        "recorded; nothing is written to the service's database.",
    )
    _add_file_arguments(backtest)
    backtest.add_argument("--since", type=_instant, help="check orders from this instant "
                          "(earlier ones are history)")
    backtest.add_argument("--until", type=_instant, help="check orders up to this instant")
    backtest.add_argument("--set", dest="overrides", action="append", default=[],
                          metavar="KEY=VALUE", help="what-if: " + ", ".join(BACKTEST_KEYS))
    backtest.add_argument("--windows", default="1,2,4,8,12,24,48,72", metavar="HOURS,...",
                          help="duplicate windows of the caught-against-nagged curve")
    backtest.add_argument("--database-url", help="an empty scratch database for the "
                          "replay's catalog (default: a temporary SQLite file)")
    backtest.add_argument("--json", dest="json_path", type=Path, help="write the report here")
    backtest.add_argument("--html", dest="html_path", type=Path,
                          help="write the report as one self-contained HTML page here")
    backtest.set_defaults(run=_backtest)

    demo = commands.add_parser("demo", help="load demo data and print example checks")
    demo.add_argument("--base-url", default="http://127.0.0.1:8000")
    demo.add_argument("--served-next", action="store_true",
                      help="say that the service starts next (as `dev.py demo` does)")
    demo.set_defaults(run=_demo)

    openapi = commands.add_parser("openapi", help="print the OpenAPI spec")
    openapi.add_argument("--output", help="write to this file instead of stdout")
    openapi.set_defaults(run=_openapi)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = Settings()
    if settings.is_sqlite:
        _run_migrations(settings)
    if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Each worker writes its measures here; /metrics sums them (app/metrics.py).
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="purchase-guard-metrics-")
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level,
    )
    return 0


def _run_migrations(settings: Settings) -> None:
    from app.migrate import upgrade_to_head

    asyncio.run(upgrade_to_head(settings.database_url))


def _migrate(_args: argparse.Namespace) -> int:
    settings = Settings()
    _run_migrations(settings)
    print(f"database is at the newest schema: {_safe_url(settings.database_url)}")
    return 0


def _with_session(work: Callable[[Any], Awaitable[Any]]) -> Any:
    from app.db import create_engine, create_sessionmaker

    async def run() -> Any:
        engine = create_engine(Settings())
        try:
            async with create_sessionmaker(engine)() as session:
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _add_file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=["csv", "ndjson"],
                        help="default: from the file name (.ndjson/.jsonl, else csv)")
    parser.add_argument("--preset", choices=sorted(PRESET_NAMES),
                        help="column mapping of a known dataset (online-retail: the UCI "
                        "Online Retail data; invoices starting with C are returns; its "
                        "postage and fee codes are added to the catalog as services)")
    parser.add_argument("--map", dest="mapping", metavar="FIELD=COLUMN,...",
                        help="CSV columns for order_id, customer_id, placed_at, sku, "
                        "quantity, unit_price, check_id (default: the field names)")
    parser.add_argument("--timezone", help="zone of timestamps without one (default UTC, "
                        "or the preset's)")
    parser.add_argument("--return-prefix", help="order ids starting with this are returns "
                        "of earlier lines, with negative quantities")


def _mapping(args: argparse.Namespace, command: str) -> "ColumnMapping | None":
    """The file's column mapping, or None (said on stderr) when the arguments are wrong."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from app.importer.mapping import PRESETS, ColumnMapping

    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return None
    try:
        mapping = (PRESETS[args.preset] if args.preset else ColumnMapping()).with_overrides(
            args.mapping)
        if args.timezone:
            mapping = replace(mapping, timezone=ZoneInfo(args.timezone))
    except (ValueError, ZoneInfoNotFoundError) as exc:
        print(f"purchase-guard {command}: {exc}", file=sys.stderr)
        return None
    if args.return_prefix:
        mapping = replace(mapping, return_prefix=args.return_prefix)
    return mapping


def _import_orders(args: argparse.Namespace) -> int:
    from app.db import create_engine, create_sessionmaker
    from app.importer.run import import_orders, render

    mapping = _mapping(args, "import")
    if mapping is None:
        return 2
    settings = Settings()
    if settings.is_sqlite:
        _run_migrations(settings)

    async def run() -> Any:
        engine = create_engine(settings)
        try:
            return await import_orders(
                create_sessionmaker(engine), args.file,
                file_format=args.format or detect_format(args.file), mapping=mapping,
                settings=settings, chunk_lines=max(args.chunk_lines, 1),
                progress=not args.no_progress,
            )
        finally:
            await engine.dispose()

    try:
        summary = asyncio.run(run())
    except ValueError as exc:
        print(f"purchase-guard import: {exc}", file=sys.stderr)
        return 2
    print(render(summary))
    return 0 if summary.errors == 0 and summary.conflicts == 0 else 1


# What `backtest --set` may change: the settings a check's rules read, and whether products
# of kind `service` are quiet (false: today's rules before the kind existed).
BACKTEST_KEYS = ("duplicate_window_hours", "habit_after", "routine_after", "repeat_order_share",
                 "services")


def _instant(text: str) -> "datetime":
    from datetime import UTC, datetime

    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _backtest(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from app.backtest import render
    from app.backtest.replay import Options
    from app.backtest.run import NotScratch, backtest
    from app.checks.service import thresholds

    mapping = _mapping(args, "backtest")
    if mapping is None:
        return 2
    overrides: dict[str, str] = {}
    for item in args.overrides:
        key, _, value = item.partition("=")
        if key not in BACKTEST_KEYS or not value:
            print(f"purchase-guard backtest: --set {item!r}: use KEY=VALUE with KEY one of "
                  f"{', '.join(BACKTEST_KEYS)}", file=sys.stderr)
            return 2
        overrides[key] = value
    services = overrides.pop("services", "true").lower()
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        windows = tuple(float(w) for w in args.windows.split(","))
    except (ValidationError, ValueError) as exc:
        print(f"purchase-guard backtest: {exc}", file=sys.stderr)
        return 2
    if services not in ("true", "false"):
        print("purchase-guard backtest: --set services=true or services=false", file=sys.stderr)
        return 2
    options = Options(thresholds=thresholds(settings), since=args.since, until=args.until,
                      windows=windows, services=services == "true")
    try:
        report = asyncio.run(backtest(
            args.file, file_format=args.format or detect_format(args.file), mapping=mapping,
            settings=settings, options=options, database_url=args.database_url))
    except (ValueError, NotScratch) as exc:
        print(f"purchase-guard backtest: {exc}", file=sys.stderr)
        return 2
    print(render.text(report))
    if args.json_path:
        args.json_path.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    if args.html_path:
        args.html_path.write_text(render.html(report), encoding="utf-8")
    return 0


def _create_key(args: argparse.Namespace) -> int:
    from app.keys import service
    from app.keys.principals import Role

    created = _with_session(
        lambda session: service.create_key(session, role=Role(args.role), name=args.name)
    )
    print(json.dumps(created.model_dump(mode="json"), indent=2))
    print("Store the key now: it is not shown again.", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app import demo

    settings = Settings()
    _run_migrations(settings)
    keys = _with_session(demo.load)
    by_role = {k.role.value: k.key for k in keys}
    print(f"Demo shop loaded into {_safe_url(settings.database_url)}; customer {demo.CUSTOMER}.")
    print("\nDemo keys (shown once; each run revokes the previous run's):")
    for key in keys:
        print(f"  {key.role.value:9} {key.key}")
    if args.served_next:
        print("\nThe service starts below and keeps this terminal. In a second terminal, try:")
    else:
        print("\nStart the service (purchase-guard serve), then, in a second terminal, try:")
    for title, items in demo.EXAMPLE_CARTS:
        body = json.dumps({"customer_id": demo.CUSTOMER, "items": items})
        print(f"\n# {title}\ncurl -s {args.base_url}/v1/checks "
              f"-H 'Authorization: Bearer {by_role['checkout']}' "
              f"-H 'Content-Type: application/json' -d '{body}'")
    print(f"\n# Her whole order, as support sees it\ncurl -s {args.base_url}/v1/orders/o-1002 "
          f"-H 'Authorization: Bearer {by_role['support']}'")
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from app.openapi_spec import render_spec

    text = render_spec()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _safe_url(url: str) -> str:
    """The database URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


if __name__ == "__main__":
    raise SystemExit(main())
