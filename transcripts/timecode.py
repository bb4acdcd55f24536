"""Clock times (`1:02`, `00:01:02`, `00:01:02,500`, Teams' `0:0:0.570`) as seconds, and back.

The one definition of a clock time for every reader and writer. A clock time is
`[hours:]minutes:seconds[.fraction]`:

* hours have one to eight digits (a recording may run past 99 hours), and are optional;
* minutes and seconds have one or two digits (Teams writes `0:0:0.570`); seconds are
  below 60, and so are minutes when hours are written. With no hours, minutes may pass 59
  (`75:30` is 75 minutes 30 seconds: a clock that counts minutes only);
* the fraction has 1 to 9 digits after a full stop (WebVTT) or a comma (SubRip), and is
  read as a decimal fraction (`.5`, `.500` and `.5000` are all half a second).

`CLOCK_PATTERN` is that shape as a regular expression, for readers that look for times
inside larger patterns; `parse_clock` reads one, `format_clock` writes one in a caption
format's style.

A video editor's timecode (SMPTE) is `hours:minutes:seconds:frames` (`00:00:03:12`; with
semicolons, `00;00;03;12`, drop-frame at 29.97 frames a second), as Premiere Pro and
Avid export a transcript's times: `parse_timecode` reads one at a frame rate, which
`frame_rate_of` infers from the highest frame number a file writes.

A time of day is a clock time with the half of the day after it (`9:14 AM`, `10:02 p.m.`),
as chat and meeting apps write when a message was sent: a moment of a day, never a time
into a recording. `MERIDIEM_PATTERN` is that mark; `parse_time_of_day` reads one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from .compiled import kept

#: A clock time, as a regular-expression source with no capture groups (so it can be
#: embedded, even twice, in a larger pattern). It matches exactly what `parse_clock`
#: accepts once stripped, ranges included: `1:75` and `1:60:00` do not match.
CLOCK_PATTERN = r"(?:\d{1,8}:[0-5]?\d|\d{1,2}):[0-5]?\d(?:[.,]\d{1,9})?"

#: The half of the day after a clock time ("10:02 AM", "10:02pm", "10:02 p.m."), as a
#: regular-expression source with no capture groups; never the opening of a word ("9:14
#: Amy").
MERIDIEM_PATTERN = r"[ ]?[AaPp]\.?[Mm]\.?(?![^\W\d_])"

#: A date as chat and meeting exports write it before a time of day ("12/01/2023",
#: "2023-01-12", "3.12.24"), as a regular-expression source with no capture groups.
DATE_PATTERN = r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}"

#: The English months as dates are written with them ("May 17, 2022", "Jan 5, 2024"):
#: their first three letters, which a message export's stamp opens with.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: The same as a set, asked of a line's first three characters.
MONTH_OPENINGS = frozenset(MONTHS)

#: A date written with its month's name, as message exports stamp a message ("May 17,
#: 2022", "Sept. 5 2024"), as a regular-expression source with no capture groups.
WRITTEN_DATE_PATTERN = rf"(?:{'|'.join(MONTHS)})[a-z]{{0,6}}\.?[ ]\d{{1,2}},?[ ]\d{{4}}"

#: A time into a recording written out in words, as a screen reader hears it ("0 minutes
#: 3 seconds", "1 hour 2 minutes 3 seconds": Teams' transcript pane), as a
#: regular-expression source with no capture groups.
SPOKEN_TIME_PATTERN = r"(?:\d{1,3}[ ]hours?[ ])?\d{1,3}[ ]minutes?[ ]\d{1,2}[ ]seconds?"
_SPOKEN_TIME = kept(SPOKEN_TIME_PATTERN)
_SPOKEN_UNITS = {"hour": 3600, "hours": 3600, "minute": 60, "minutes": 60}


def parse_spoken_time(text: str) -> float | None:
    """Seconds in the first time written out in words in `text` (`SPOKEN_TIME_PATTERN`),
    None when it holds none."""
    found = _SPOKEN_TIME.search(text)
    if found is None:
        return None
    words = found.group().split()  # number, unit, number, unit, ...
    pairs = zip(words[::2], words[1::2], strict=True)
    return float(sum(int(number) * _SPOKEN_UNITS.get(unit, 1) for number, unit in pairs))


#: A clock time standing on its own in a line, not a piece of a longer number or time
#: (`(09:14 AM) Maria:`, `Ana Ruiz  14:02`, but not the `1:2` inside `11:22:33.4`).
CLOCK_IN_TEXT = kept(r"(?<![\d:.,])" + CLOCK_PATTERN + r"(?![\d:.,]\d)")

_CLOCK = kept(
    r"(?:(?P<hours>\d{1,8}):(?=\d+:))?(?P<minutes>\d{1,2}):(?P<seconds>\d{1,2})"
    r"(?:[.,](?P<fraction>\d{1,9}))?"
)


def parse_clock(text: str) -> float | None:
    """Seconds in a clock time (see the module docstring), or None when `text`, stripped,
    is not one. Fractions are kept to the microsecond."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        return None
    hours, minutes, seconds, fraction = found.group("hours", "minutes", "seconds", "fraction")
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        scale: int = 10 ** len(fraction)
        return round(value + int(fraction) / scale, 6)
    return float(value)


_TIMECODE = kept(r"(\d{1,2})([:;])([0-5]\d)[:;]([0-5]\d)[:;](\d{1,3})")

#: The frame rates timecodes count in; a file's is the lowest above its highest frame.
FRAME_RATES = (24, 25, 30, 50, 60, 100, 120)


def timecode_frame(text: str) -> tuple[int, bool] | None:
    """The frame number of a timecode (`00:00:03:12`: 12) and whether it is drop-frame
    (written with semicolons), or None when `text`, stripped, is not one."""
    found = _TIMECODE.fullmatch(text.strip())
    return (int(found.group(5)), found.group(2) == ";") if found else None


def frame_rate_of(highest_frame: int, drop_frame: bool = False) -> int | None:
    """The frame rate of timecodes whose highest frame number is `highest_frame`: 30 for
    drop-frame (29.97 frames a second, counted 0 to 29), else the lowest common rate
    above it; None above every rate."""
    if drop_frame and highest_frame < 30:
        return 30
    return next((rate for rate in FRAME_RATES if highest_frame < rate), None)


def parse_timecode(text: str, frame_rate: float) -> float | None:
    """Seconds in a timecode at `frame_rate` frames a second (a drop-frame timecode's
    clock part is close to the time elapsed, which is what drop-frame is for), or None
    when `text`, stripped, is not one or its frame is not below the rate."""
    found = _TIMECODE.fullmatch(text.strip())
    if found is None or int(found.group(5)) >= frame_rate:
        return None
    hours, minutes, seconds, frames = (int(found.group(n)) for n in (1, 3, 4, 5))
    return round(hours * 3600 + minutes * 60 + seconds + frames / frame_rate, 6)


_TIME_OF_DAY = kept(
    r"(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)(?::(?P<seconds>[0-5]\d))?"
    r"(?P<half>" + MERIDIEM_PATTERN + ")"
)
_DAY = 24 * 3600


def parse_time_of_day(text: str) -> float | None:
    """Seconds since midnight in a time of day (`9:14 AM`, `12:05:30 pm`), or None when
    `text`, stripped, is not one (`13:00 PM` is none)."""
    found = _TIME_OF_DAY.fullmatch(text.strip())
    if found is None:
        return None
    hours = int(found["hours"])
    if not 1 <= hours <= 12:
        return None
    hours = hours % 12 + (12 if found["half"].strip()[:1] in "Pp" else 0)
    return float(hours * 3600 + int(found["minutes"]) * 60 + int(found["seconds"] or 0))


_HOURS_MINUTES = kept(r"(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)")


def read_as_times_of_day(written: Sequence[str], *, chat: bool) -> bool:
    """Do the clock times a document writes with its labels, in order, read as times of
    day (when each message was sent) rather than as times into a recording?

    `10:00` is ten minutes into a recording or ten in the morning; the document decides.
    They are times of day when every one is hours and minutes (`hours_and_minutes`) and
    either the document is a chat log (`chat`: IRC's `[10:00] <nick>`, usernames in
    lower case), where a client stamps the wall clock, or the times step backwards
    somewhere, as a clock does past midnight and a recording's offsets never do. A time
    of day with its half (`9:14 AM`) needs none of this (`parse_time_of_day`)."""
    minutes = hours_and_minutes(written)
    if not minutes:
        return False
    return chat or any(later < earlier for earlier, later in pairwise(minutes))


def hours_and_minutes(written: Sequence[str]) -> list[int] | None:
    """Each time as minutes into a day, when every one could be a time of day written
    as hours and minutes (`H:MM` or `HH:MM`, no seconds, hours up to 23); else None."""
    minutes = []
    for text in written:
        found = _HOURS_MINUTES.fullmatch(text.strip())
        if found is None or int(found["hours"]) > 23:
            return None
        minutes.append(int(found["hours"]) * 60 + int(found["minutes"]))
    return minutes


def seconds_later(earlier: float, later: float) -> float:
    """How long after `earlier` the time of day `later` is, across midnight if need be."""
    return (later - earlier) % _DAY


#: The latest time read (about 11,400 years): a time beyond it is a mistake in the file,
#: and sums of such times would overflow. It is the last millisecond a clock with eight
#: digits of hours writes (99999999:59:59.999), as `parse_clock` reads them, so every
#: time a reader accepts is one the caption writers can write and their readers read back.
MAX_SECONDS = 359_999_999_999.999


def as_seconds(value: object) -> float | None:
    """`value` as a time in seconds when it can be one: a number (not a boolean), finite,
    not negative and not beyond `MAX_SECONDS`; None otherwise (readers word the error)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        seconds = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return seconds if 0 <= seconds <= MAX_SECONDS else None  # NaN fails both


class ClockStyle(NamedTuple):
    """How a format writes a clock time: hours always or only when there are any, the
    character before the fraction, and how many fraction digits (0: whole seconds)."""

    always_hours: bool
    separator: str
    digits: int


#: The styles of the formats that write clock times: WebVTT `00:01:02.500`, SubRip
#: `00:01:02,500`, and plain `00:01:02` (whole seconds, as text transcripts print times).
STYLES: dict[str, ClockStyle] = {
    "vtt": ClockStyle(always_hours=True, separator=".", digits=3),
    "srt": ClockStyle(always_hours=True, separator=",", digits=3),
    "plain": ClockStyle(always_hours=True, separator=".", digits=0),
}


def format_clock(
    seconds: float,
    always_hours: bool = True,
    separator: str = ".",
    *,
    digits: int = 3,
    style: str | ClockStyle | None = None,
) -> str:
    """`hh:mm:ss.fff` for a time of `seconds` (not negative), rounded to `digits` fraction
    digits; without `always_hours`, `mm:ss.fff` below an hour. `style` ("vtt", "srt",
    "plain" or a `ClockStyle`) sets all three at once. Hours past 99 take more digits."""
    if style is not None:
        chosen = STYLES[style] if isinstance(style, str) else style
        always_hours, separator, digits = chosen.always_hours, chosen.separator, chosen.digits
    scale = 10**digits
    units = round(seconds * scale)  # rounded once, so 59.9996 s carries into the minute
    whole, fraction = divmod(units, scale)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{minutes:02d}:{secs:02d}"
    if hours or always_hours:
        text = f"{hours:02d}:{text}"
    return f"{text}{separator}{fraction:0{digits}d}" if digits else text
