"""Progress of a long run over many files, on stderr when it is a terminal, else nothing.

One line, redrawn at most ten times a second: files done (of how many, when known),
files per second and, with a total, the time left. It is erased when the run ends, so
what a command prints afterwards (a summary, a table) starts on a clean line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

Item = TypeVar("Item")

_INTERVAL = 0.1  # seconds between two redraws


def on_terminal(stream: TextIO | None = None) -> bool:
    """Is progress wanted: is stderr (or `stream`) a terminal?"""
    stream = stream if stream is not None else sys.stderr
    return stream is not None and stream.isatty()


class Progress:
    """A progress line for `label` ("Counting") over `total` files (None: unknown)."""

    def __init__(self, label: str, total: int | None, stream: TextIO) -> None:
        self.label = label
        self.total = total
        self.stream = stream
        self.done = 0
        self._start = time.monotonic()
        self._drawn = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._drawn >= _INTERVAL:
            self._drawn = now
            self.stream.write("\r\x1b[K" + self.line(now - self._start))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        done = f"{self.done:,}" if self.total is None else f"{self.done:,}/{self.total:,}"
        text = f"{self.label}: {done} files, {rate:,.0f} files/s"
        if self.total and rate > 0:
            text += f", {_duration((self.total - self.done) / rate)} left"
        return text

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _duration(seconds: float) -> str:
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def shown(
    items: Iterable[Item],
    label: str,
    total: Callable[[], int] | None = None,
    stream: TextIO | None = None,
) -> Iterator[Item]:
    """`items` as they come, with a progress line drawn for them on a terminal (one item
    a file). `total` counts the files (called only on a terminal: it may walk folders
    a second time, which costs little beside reading the files)."""
    stream = stream if stream is not None else sys.stderr
    if not on_terminal(stream):
        yield from items
        return
    progress = Progress(label, total() if total else None, stream)
    if progress.total is not None and progress.total <= 1:  # one file: nothing to show
        yield from items
        return
    try:
        for item in items:
            yield item
            progress.advance()
    finally:
        progress.close()
