"""Open an import file (plain or gzip) and read it as CSV rows or NDJSON objects, streaming."""

import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


@dataclass
class Source:
    """The open file and how far into it we are, for the progress bar."""

    path: Path
    raw: IO[bytes]
    text: IO[str]
    size: int

    def position(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        self.text.close()
        self.raw.close()


def open_source(path: Path) -> Source:
    raw = path.open("rb")
    compressed = raw.read(2) == b"\x1f\x8b"
    raw.seek(0)
    binary: IO[bytes] = gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    return Source(path, raw, text, path.stat().st_size)


def detect_format(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".ndjson", ".jsonl", ".json")):
        return "ndjson"
    return "csv"


def csv_rows(source: Source) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, and (line number, fields) for every row after it (the header is line 1)."""
    reader = csv.reader(source.text)
    header = [name.strip() for name in next(reader, [])]

    def rows() -> Iterator[tuple[int, list[str]]]:
        for row in reader:
            if row:
                yield reader.line_num, row

    return header, rows()


def ndjson_objects(source: Source) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(source.text, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            yield number, exc
