"""The CSV writer: one row per block, for spreadsheets and data frames.

Columns, always in this order: kind, speaker, label, line, end_line, start, end, text.
Times are seconds, empty where unknown; text keeps its paragraph breaks (quoted).
The document's metadata has no place in the table (`losses` says so).
"""

from __future__ import annotations

import csv
import io

from ..model import Transcript
from ..options import WriteOptions
from .timed import note_metadata, note_timings

COLUMNS = ("kind", "speaker", "label", "line", "end_line", "start", "end", "text")


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript's blocks as CSV rows under a header row."""
    options = options or WriteOptions()
    note_metadata(transcript, options.losses)
    note_timings(transcript.blocks, options.losses)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for block in transcript.blocks:
        writer.writerow(
            (
                block.kind,
                block.speaker or "",
                block.label or "",
                block.line,
                block.end_line,
                _seconds(block.start),
                _seconds(block.end),
                block.text,
            )
        )
    return buffer.getvalue()


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
