"""The CSV reader: a transcript held as a table, one row per turn or block.

Two kinds of table are read, told apart by their header row:

- **Our own** (`transcripts convert -t csv`): the columns `kind`, `speaker`, `label`,
  `line`, `end_line`, `start`, `end`, `text`. Each row is one block of its kind, so a
  document written as CSV reads back to the same blocks, speakers, labels and times.
- **Any other tool's export** (Descript, Sonix, Trint, Otter, a spreadsheet kept by
  hand): a header naming a text column (`Text`, `Transcript`, `Utterance`, ...) and
  usually a speaker column (`Speaker`, `Name`, `Participant`, ...) and times (`Start`,
  `End`, `Start Time`, `In`, `Timecode`, ...). Each row is a piece of its speaker's turn;
  consecutive rows of one speaker make one turn, as cues do.

Columns are matched by name, whatever their order, case, spacing or punctuation
(`Start Time`, `start_time`, `START (ms)`); other columns are ignored. Times are seconds
(`12.5`), milliseconds in a column named so (`start_ms`), or clock times (`00:01:02`,
`1:02.500`, `00:01:02,500`). The delimiter is the comma, or the semicolon or tab when the
header row holds more of those (a spreadsheet saved in a locale that writes decimal
commas). Line numbers point into the CSV file: a block's rows, a quoted cell's line
breaks included. A table without a text column, or a time or kind that cannot be read,
is a one-line error naming the row.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator, Sequence
from itertools import chain, islice

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import KINDS, Block, Kind, Speaker, Transcript
from ..options import ReadOptions
from ..timecode import (
    as_seconds,
    frame_rate_of,
    parse_clock,
    parse_timecode,
    timecode_frame,
)
from .document import declare_speakers
from .turns import Part, assemble

# Header names of each column, as `_column_key` writes them (lower case, letters and
# digits only). A millisecond column is one of these followed by "ms".
_TEXT = ("text", "transcript", "transcription", "utterance", "content", "caption")
_TEXT_MORE = ("dialogue", "dialog", "speech", "sentence", "subtitle", "phrase", "body")
TEXT_COLUMNS = _TEXT + _TEXT_MORE
SPEAKER_COLUMNS = (
    "speaker",
    "speakername",
    "speakerlabel",
    "name",
    "participant",
    "person",
    "character",
    "who",
)
START_COLUMNS = (
    "start",
    "starttime",
    "startseconds",
    "begin",
    "begintime",
    "in",
    "timein",
    "timecodein",
    "from",
    "timestamp",
    "timecode",
    "time",
    "offset",
)
END_COLUMNS = ("end", "endtime", "endseconds", "stop", "out", "timeout", "timecodeout", "to")
# The columns only our own writer gives (with "kind", they mark its table).
_OWN_COLUMNS = ("kind", "speaker", "label", "text")

_DELIMITERS = (",", ";", "\t")
_NOT_KEY = re.compile(r"[^0-9a-z]+")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a CSV table of turns or blocks (see the module docstring)."""
    options = options or ReadOptions()
    name = display_name(source.path)
    with _cells_up_to(len(source.text)):  # a monologue may fill a cell of megabytes
        rows = _rows(source.text, name)
        header = next(rows, None)
        if header is None:
            raise TranscriptError("is empty (a CSV transcript needs a header row)", name)
        columns = Columns.of(header[1], name)
        if columns.kind is None:  # another tool's table: consecutive rows of one speaker
            columns.frame_rate = _frame_rate(source.text, columns, name)
            parts = [part for part in _parts(rows, columns, name) if part.text]
            return assemble(parts, source, options, inferred=False)
        transcript = _own_table(rows, columns, name)
    transcript.source = source.path
    if options.speakers:
        transcript = declare_speakers(transcript, options.speakers)
    return transcript


def is_transcript_table(text: str) -> bool:
    """Does the first row name a text column (what a folder's walk asks of a `.csv`, so
    that a table of figures, a `stats --format csv` output, is passed over)?"""
    rows = _opening_rows(text, 1)
    return bool(rows) and Columns(rows[0]).text is not None


def is_table_in_plain_text(text: str) -> bool:
    """Is a file named as plain text (`.txt`) unmistakably a transcript table: a header row
    naming a speaker and a text column, and a first row of as many cells? A transcript's
    first line is never that."""
    rows = _opening_rows(text, 2)
    if len(rows) < 2 or len(rows[0]) != len(rows[1]):
        return False
    columns = Columns(rows[0])
    return columns.text is not None and columns.speaker is not None


def _opening_rows(text: str, count: int) -> list[list[str]]:
    """The first `count` non-blank rows of a table (fewer when it has fewer; none when
    the text is no CSV), read from its opening only."""
    try:
        return [row for _, row in islice(_rows(text[:_HEADER_SAMPLE], "-"), count)]
    except TranscriptError:  # not CSV at all
        return []


_HEADER_SAMPLE = 65_536  # characters enough to hold a header row and the row under it


class Columns:
    """Where each column the reader uses is in a row (None: the table has none)."""

    def __init__(self, header: Sequence[str]) -> None:
        keys = [_column_key(cell) for cell in header]
        self.text = _find(keys, TEXT_COLUMNS)
        self.speaker = _find(keys, SPEAKER_COLUMNS)
        self.start, self.start_ms = _time_column(keys, START_COLUMNS)
        self.end, self.end_ms = _time_column(keys, END_COLUMNS)
        own = all(key in keys for key in _OWN_COLUMNS)
        self.kind = keys.index("kind") if own else None
        self.label = keys.index("label") if own else None
        self.frame_rate: int | None = None  # of the table's timecodes, if it has them

    @classmethod
    def of(cls, header: list[str], name: str) -> Columns:
        """The columns a header row names; an error when it names no text column."""
        columns = cls(header)
        if columns.text is None:
            shown = ", ".join(repr(cell.strip()[:30]) for cell in header[:8])
            raise TranscriptError(
                f"row 1: no text column in the header ({shown}); a CSV transcript needs a "
                "header naming its text (text, transcript, utterance, ...) and, usually, its "
                "speaker and start time (plain text is read with -f text)",
                name,
            )
        return columns

    def times(self, row: list[str], where: str, name: str) -> tuple[float | None, float | None]:
        """A row's start and end; an end before the start is taken as the start (as the
        speech-to-text readers take it)."""
        start = self.time(row, self.start, self.start_ms, where, name)
        end = self.time(row, self.end, self.end_ms, where, name)
        if start is not None and end is not None and end < start:
            end = start
        return start, end

    def time(self, row: list[str], at: int | None, ms: bool, where: str, name: str) -> float | None:
        """The time in a row's cell (None: no such column, or the cell is empty)."""
        if at is None or at >= len(row) or not row[at].strip():
            return None
        written = row[at].strip()
        seconds = read_time(written, ms)
        if seconds is None and self.frame_rate is not None:
            seconds = parse_timecode(written, self.frame_rate)
        if seconds is None:
            raise TranscriptError(
                f"{where}: {written[:30]!r} is not a time (seconds, or a clock time such as "
                "00:01:02.5)",
                name,
            )
        return seconds


def _frame_rate(text: str, columns: Columns, name: str) -> int | None:
    """The frame rate of a table whose times are video timecodes (`00;00;03;12`, as
    Premiere Pro exports a transcript), from the highest frame number in its time
    columns (a second pass over the table, made only when its first row has one); None
    for any other table."""
    at = [column for column in (columns.start, columns.end) if column is not None]
    rows = _rows(text, name)
    next(rows, None)  # the header
    first = next(rows, None)
    if first is None or not any(
        column < len(first[1]) and timecode_frame(first[1][column]) is not None for column in at
    ):
        return None
    highest, drop_frame = 0, False
    for _, row in chain([first], rows):
        for column in at:
            found = timecode_frame(row[column]) if column < len(row) else None
            if found is not None:
                highest, drop_frame = max(highest, found[0]), drop_frame or found[1]
    return frame_rate_of(highest, drop_frame)


def read_time(written: str, milliseconds: bool = False) -> float | None:
    """Seconds in a table's time cell: a number (of milliseconds when `milliseconds`) or a
    clock time; None when it is neither or out of range."""
    if _NUMBER.fullmatch(written):
        number = float(written.replace(",", "."))
        seconds = as_seconds(number / 1000 if milliseconds else number)
        return None if seconds is None else round(seconds, 6)
    return None if milliseconds else parse_clock(written)


_NUMBER = re.compile(r"\d{1,15}(?:[.,]\d+)?(?:[eE][+-]?\d{1,3})?")


def _time_column(keys: Sequence[str], names: Sequence[str]) -> tuple[int | None, bool]:
    """Where a time column is (by the first of `names` found), and whether it counts
    milliseconds (`start_ms`, `Start (milliseconds)`: only where no plain one is)."""
    found = _find(keys, names)
    if found is not None:
        return found, False
    found = _find(keys, [f"{name}{unit}" for unit in ("ms", "milliseconds") for name in names])
    return found, found is not None


def _find(keys: Sequence[str], wanted: Sequence[str]) -> int | None:
    """The first column whose key is the first of `wanted` found (a header with both
    `Start` and `Timestamp` uses `Start`)."""
    for key in wanted:
        if key in keys:
            return keys.index(key)
    return None


def _column_key(cell: str) -> str:
    """A header cell as the reader matches it: lower case, letters and digits only."""
    return _NOT_KEY.sub("", cell.strip().lower())


def _rows(text: str, name: str) -> Iterator[tuple[tuple[int, int], list[str]]]:
    """Each non-blank row with its first and last line in the file."""
    # Split at line breaks only (not at U+2028 and the like, as `str.splitlines` would).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise TranscriptError(f"line {reader.line_num}: not CSV: {error}", name) from None
        first, last = last + 1, reader.line_num
        if any(cell.strip() for cell in row):
            yield (first, last), row


@contextlib.contextmanager
def _cells_up_to(size: int) -> Iterator[None]:
    """The `csv` module's limit on a cell's size (128 KiB by default, for the whole
    process) raised to `size` while a table is read, and put back after."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, size))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _delimiter(text: str) -> str:
    """The comma, unless the header row holds more semicolons or tabs."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count) if any(map(header.count, ";\t")) else ","


def _cell(row: list[str], at: int | None) -> str:
    return row[at] if at is not None and at < len(row) else ""


def _parts(
    rows: Iterator[tuple[tuple[int, int], list[str]]], columns: Columns, name: str
) -> Iterator[Part]:
    """Each row of another tool's table as a part of its speaker's turn."""
    for (first, last), row in rows:
        where = f"row at line {first}"
        speaker = _cell(row, columns.speaker).strip() or None
        start, end = columns.times(row, where, name)
        yield Part(
            _cell(row, columns.text).strip(),
            start,
            end,
            first,
            last,
            marked=speaker is not None,
            speaker=speaker,
        )


def _own_table(
    rows: Iterator[tuple[tuple[int, int], list[str]]], columns: Columns, name: str
) -> Transcript:
    """Our own table: each row one block of its kind."""
    blocks: list[Block] = []
    for (first, last), row in rows:
        where = f"row at line {first}"
        kind = _cell(row, columns.kind).strip()
        if kind not in KINDS:
            raise TranscriptError(
                f"{where}: unknown kind {kind[:30]!r} (one of {', '.join(sorted(KINDS))})", name
            )
        speaker = _cell(row, columns.speaker).strip() or None
        start, end = columns.times(row, where, name)
        blocks.append(
            Block(
                kind,
                _cell(row, columns.text),
                first,
                last,
                speaker=speaker if kind == Kind.TURN else None,
                label=_cell(row, columns.label) or None,
                start=start,
                end=end,
            )
        )
    names = dict.fromkeys(block.speaker for block in blocks if block.speaker)
    return Transcript(blocks=blocks, speakers=[Speaker(name, inferred=False) for name in names])
