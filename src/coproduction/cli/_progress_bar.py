"""A plain progress bar for long batch work (private)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """Shows ``label [#####.....] 12/300`` on a terminal; a line every few seconds otherwise."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 1
        self.interactive = self.stream.isatty()
        self._last = 0.0

    def advance(self, step: int = 1) -> None:
        """Record ``step`` more items done and redraw."""
        self.done += step
        if not self.enabled:
            return
        now = time.monotonic()
        finished = self.done >= self.total
        if self.interactive:
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
            if finished:
                self.stream.write("\n")
        elif finished or now - self._last >= 5:
            self.stream.write(f"{self.label}: {self.done}/{self.total}\n")
            self._last = now
        self.stream.flush()
