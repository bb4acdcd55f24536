"""The RTTM reader: a diarisation (pyannote's output), who spoke when, without words.

Each `SPEAKER <file> <channel> <onset> <duration> <NA> <NA> <name> <NA> <NA>` line is a
stretch of one speaker; consecutive stretches of one speaker make one turn, with no
text and each stretch as a piece, so `stats` counts talk time from a diarisation and
`--diarization FILE.rttm` gives its speakers to a transcript (see `diarization.py`).
Other line types (`SPKR-INFO`, `LEXEME`, ...) and `;;` comments are skipped, and so are
fields after the tenth (some tools add their own). An RTTM file may hold the
diarisations of several recordings (an evaluation set's reference, one `<file>` each);
their times are unrelated, so such a file is refused with the recordings it holds
rather than read as one conversation.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Block, Kind, Piece, Speaker, Transcript
from ..options import ReadOptions
from ..timecode import MAX_SECONDS, as_seconds
from .common import LINE_BREAK
from .document import declare_speakers

_FIELDS = 9  # at least: type, file, channel, onset, duration, ortho, subtype, name, conf


class Stretch(NamedTuple):
    """One speaker's stretch of time, and the line that says so."""

    start: float
    end: float
    speaker: str
    line: int


def stretches(text: str, name: str = "-") -> list[Stretch]:
    """The SPEAKER lines of an RTTM text, in time order, or an error naming the line."""
    found = []
    recordings: dict[str, int] = {}  # each recording's first SPEAKER line
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        fields = line.split()
        if not fields or fields[0].startswith(";;") or fields[0] != "SPEAKER":
            if fields and fields[0] not in _TYPES and not fields[0].startswith(";;"):
                raise TranscriptError(
                    f"line {number}: not an RTTM line (expected SPEAKER <file> <channel> "
                    f"<onset> <duration> <NA> <NA> <name> ...), found {line[:40]!r}",
                    name,
                )
            continue
        if len(fields) < _FIELDS:
            raise TranscriptError(f"line {number}: a SPEAKER line needs {_FIELDS} fields", name)
        try:
            onset, duration = float(fields[3]), float(fields[4])
        except ValueError:
            raise TranscriptError(
                f"line {number}: onset and duration must be seconds, found {fields[3]!r} "
                f"and {fields[4]!r}",
                name,
            ) from None
        if as_seconds(onset) is None or as_seconds(onset + duration) is None or duration < 0:
            raise TranscriptError(
                f"line {number}: onset and duration must be seconds from 0 to {MAX_SECONDS:g}",
                name,
            )
        found.append(Stretch(round(onset, 6), round(onset + duration, 6), fields[7], number))
        recordings.setdefault(fields[1], number)
    if len(recordings) > 1:
        names = list(recordings)
        shown = ", ".join(map(repr, names[:3])) + (", ..." if len(names) > 3 else "")
        raise TranscriptError(
            f"line {recordings[names[1]]}: holds the diarisations of {len(names)} recordings "
            f"({shown}), whose times are unrelated; give one recording's SPEAKER lines "
            f"(e.g. awk '$2 == \"{names[0]}\"')",
            name,
        )
    if not found:
        raise TranscriptError("has no SPEAKER lines (not an RTTM diarisation)", name)
    found.sort()
    return found


# The line types RTTM defines (NIST RT-09); only SPEAKER is read.
_TYPES = frozenset(
    "SEGMENT NOSCORE NO_RT_METADATA LEXEME NON-LEX NON-SPEECH FILLER EDIT IP SU CB "
    "A/P NOSCORE SPEAKER SPKR-INFO".split()
)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an RTTM diarisation into turns without words."""
    options = options or ReadOptions()
    blocks: list[Block] = []
    for stretch in stretches(source.text, display_name(source.path)):
        piece = Piece("", stretch.start, stretch.end)
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.speaker == stretch.speaker:
            assert previous.pieces is not None and previous.end is not None
            previous.pieces.append(piece)
            previous.end = max(previous.end, stretch.end)
            previous.end_line = max(previous.end_line, stretch.line)
            continue
        blocks.append(
            Block(
                Kind.TURN,
                "",
                stretch.line,
                stretch.line,
                speaker=stretch.speaker,
                start=stretch.start,
                end=stretch.end,
                pieces=[piece],
            )
        )
    names = dict.fromkeys(block.speaker for block in blocks if block.speaker)
    transcript = Transcript(
        blocks=blocks, speakers=[Speaker(name) for name in names], source=source.path
    )
    if options.speakers:
        transcript = declare_speakers(transcript, options.speakers)
    return transcript


def sniff(text: str) -> bool:
    """RTTM: the first line that is not a comment is a SPEAKER line of enough fields."""
    for line in text.split("\n", 20)[:20]:
        fields = line.split()
        if not fields or fields[0].startswith(";;"):
            continue
        return fields[0] in ("SPEAKER", "SPKR-INFO") and len(fields) >= _FIELDS
    return False
