"""Clock times in transcripts and captions (`1:02`, `00:01:02`, `00:01:02.500`) as seconds."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?")


def parse_clock(text: str) -> float | None:
    """Seconds in `[h:]mm:ss[.fff]`, or None when `text` is not such a time."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        return None
    hours, minutes, seconds, fraction = found.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        value += int(fraction.ljust(3, "0")) / 1000
    return float(value)


def format_clock(seconds: float, always_hours: bool = True, separator: str = ".") -> str:
    """`hh:mm:ss.fff` (caption style) for a time in seconds."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    if hours or always_hours:
        return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"
    return f"{minutes:02d}:{secs:02d}{separator}{millis:03d}"
