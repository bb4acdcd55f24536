"""The podcast namespace's HTML transcript writer: `<cite>`, `<time>`, `<p>`.

One `<cite>Speaker:</cite>` where the speaker changes, a `<time>` before each
paragraph that has a start, one `<p>` per turn (text escaped). The document is a small
complete HTML page, as the podcast namespace's example is; the podcasthtml reader
reads it back with its speakers and starts (ends come from the next start).
"""

from __future__ import annotations

from html import escape

from ..losses import EMPTY_BLOCKS, note
from ..model import Kind, Transcript
from ..options import WriteOptions
from ..timecode import format_clock
from .timed import note_metadata, note_timings, note_unmarked

_SPEECH = frozenset({Kind.TURN, Kind.UNATTRIBUTED})


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a podcast HTML transcript."""
    options = options or WriteOptions()
    note_metadata(transcript, options.losses, keeps=frozenset({"title"}))
    note_timings(transcript.blocks, options.losses)
    title = escape(" ".join((transcript.title or "Transcript").split()))
    out = [
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n"
    ]
    speaker: str | None = None
    dropped = ends = empty = 0
    for block in transcript.blocks:
        if not block.text.strip():
            empty += block.kind != Kind.FRONT_MATTER  # a <p> of nothing reads back as nothing
            continue
        if block.kind not in _SPEECH and block.kind != Kind.STAGE_DIRECTION:
            dropped += 1
            continue
        who = block.speaker if block.kind == Kind.TURN else None
        if who is not None and who != speaker:
            out.append(f"<cite>{escape(who)}:</cite>\n")
        speaker = who if who is not None else speaker
        if block.start is not None:
            out.append(f"<time>{format_clock(block.start, always_hours=False)}</time>\n")
            ends += block.end is not None
        out.append(f"<p>{escape(' '.join(block.text.split()))}</p>\n")
    out.append("</body>\n</html>\n")
    note(options.losses, "{n} block{s} of other kinds than speech", dropped)
    note(options.losses, EMPTY_BLOCKS, empty)
    spoken = [b for b in transcript.blocks if b.kind in _SPEECH and b.text.strip()]
    note_unmarked(spoken, options.losses)  # no <cite> for them: read back as the speaker's
    note(options.losses, "the end times of {n} block{s}", ends)
    return "".join(out)
