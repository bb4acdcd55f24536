"""Label times that are a wall clock's: `[10:00] <alice>` in an IRC log, `ana  14:02` in a
copied Slack channel, stamp when a message was sent, not a time into a recording.

The grammar reads `10:00` after or before a name as a time into the recording, as a
podcast's `Jane Doe  0:34` is; only the document as a whole tells the two apart
(`timecode.read_as_times_of_day`). Where its labels' times read as times of day, they
are dropped from the labels, as a time of day with its half (`9:14 AM`) already is:
a turn then has no start rather than a wrong one.
"""

from __future__ import annotations

import re

from ...timecode import CLOCK_PATTERN, read_as_times_of_day
from .evidence import Inference
from .shapes import LOWER, Shape


def drop_times_of_day(inference: Inference, lines: list[str]) -> None:
    """Take the times off the accepted labels when they read as times of day."""
    timed = [use for use in inference.accepted() if use.shape.time is not None]
    written = [_written_time(lines[use.line], use.shape) for use in timed]
    if not written or None in written:
        return
    chat = any(
        convention.signature.wrapper == "angle" or convention.signature.case == LOWER
        for convention in inference.conventions
    )
    if not read_as_times_of_day([time for time in written if time is not None], chat=chat):
        return
    untimed: dict[Shape, Shape] = {}  # (one shape for the labels of one shape)
    for use in timed:
        shape = untimed.get(use.shape)
        if shape is None:
            shape = untimed[use.shape] = use.shape._replace(time=None)
        use.shape = shape


_CLOCK = re.compile(r"(?<![\d:.,])" + CLOCK_PATTERN + r"(?![\d:.,]\d)")


def _written_time(line: str, shape: Shape) -> str | None:
    """The one clock time written in a label (a span's two, or none found, give None)."""
    times = _CLOCK.findall(line, 0, shape.rest_at)
    return times[0] if len(times) == 1 else None
