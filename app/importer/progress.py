"""A one-line progress bar on stderr: done, rate and time left, from the bytes read."""

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total_bytes: int, *, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total = max(total_bytes, 1)
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.started = time.monotonic()
        self._last_line = 0.0
        self._tty = self.stream.isatty()

    def update(self, position: int, lines: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        # On a terminal, redraw often; in a log, a line every 5 seconds is plenty.
        if now - self._last_line < (0.2 if self._tty else 5.0):
            return
        self._last_line = now
        self._write(position, lines, now, final=False)

    def finish(self, position: int, lines: int) -> None:
        if self.enabled:
            self._write(position, lines, time.monotonic(), final=True)

    def _write(self, position: int, lines: int, now: float, *, final: bool) -> None:
        elapsed = max(now - self.started, 1e-9)
        done = min(position / self.total, 1.0)
        rate = lines / elapsed
        eta = elapsed * (1 - done) / done if done > 0 else 0.0
        width = 30
        bar = "#" * int(done * width) + "-" * (width - int(done * width))
        text = (f"[{bar}] {done:6.1%}  {lines:,} lines  {rate:,.0f} lines/s  "
                f"{'done in' if final else 'ETA'} {elapsed if final else eta:,.0f}s")
        end = "\n" if final or not self._tty else ""
        self.stream.write(("\r" if self._tty else "") + text + end)
        self.stream.flush()
