"""Benchmark 3: import the whole Online Retail dataset into PostgreSQL: lines/s, peak memory.

    python bench/import_retail.py

Runs `purchase-guard import orders` under /usr/bin/time on a fresh database, twice: on the
first half of the file and on all of it. Peak memory that does not grow with the input is
what "flat in the file's size" means; lines/s counts order lines written.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PG_SERVER, ROOT, database, machine

DATA = ROOT.parent / "shared" / "data" / "online_retail.csv.gz"


def run(path: Path, url: str) -> dict:
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-c",
         "from app.cli import main; raise SystemExit(main())", "import", "orders", str(path),
         "--preset", "online-retail", "--no-progress"],
        env={**os.environ, "PURCHASE_GUARD_DATABASE_URL": url, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    summary = json.loads(result.stdout)
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))  # type: ignore[union-attr]
    lines = int(subprocess.run(["psql", url.replace("+asyncpg", ""), "-tAc",
                                "select count(*) from order_line"],
                               capture_output=True, text=True).stdout)
    return {"file_lines": summary["lines"], "order_lines_written": lines,
            "seconds": round(elapsed, 2), "order_lines_per_s": round(lines / elapsed),
            "file_lines_per_s": round(summary["lines"] / elapsed),
            "peak_rss_mb": round(peak_kb / 1024, 1), "summary": summary["orders"]}


def main() -> None:
    if not DATA.exists():
        raise SystemExit(f"{DATA} is missing")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        half = Path(tmp) / "half.csv.gz"
        with gzip.open(DATA, "rt") as src, gzip.open(half, "wt") as out:
            for n, line in enumerate(src):
                if n > 270_000:
                    break
                out.write(line)
        for name, path in (("half", half), ("whole", DATA)):
            with database(f"bench_import_{name}") as url:
                results[name] = run(path, url)
    print(json.dumps({"machine": machine(), "postgres": PG_SERVER, **results}, indent=2))


if __name__ == "__main__":
    main()
