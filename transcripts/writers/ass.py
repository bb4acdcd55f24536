"""The ASS writer (Advanced SubStation Alpha, `.ass`): a Dialogue event a cue, the speaker
in its Name field, times kept to the hundredth of a second.

A turn's pieces (the cues it was read from) are written back with their own times and
line breaks (`\\N`), each as one event named for its speaker; a turn without pieces is
cut into cues as in the other caption formats. Unattributed text and stage directions
are events without a name. One `Default` style, so Aegisub, mpv (libass) and pysubs2
show it as it is. What ASS cannot hold is said (`losses`): milliseconds (it counts
hundredths), a comma in a speaker's name (the field would end there: written `;`, as
Aegisub does), and braces or a backslash before `N`, `n` or `h` in what was said
(markup to every reader: written as their full-width forms). Estimated times are said
in a `;` comment, which the ass reader turns back into the mark.
"""

from __future__ import annotations

import re

from ..losses import note
from ..model import Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timing import ESTIMATE_NOTE, estimated
from .timed import cues, note_metadata, note_timings, timed_blocks

WIDTH = 42  # characters a line, as in WebVTT: renderers wrap longer lines themselves
HEIGHT = 2  # lines a cue

_HEADER = """\
[Script Info]
; Written by transcripts
{title}ScriptType: v4.00+
WrapStyle: 0
ScaledBorderAndShadow: yes
PlayResX: 384
PlayResY: 288
{estimate}
[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, \
BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, \
BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,\
0,0,1,2,2,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""

_MARKUP = re.compile(r"[{}]|\\(?=[Nnh])")  # what a reader takes for markup
_FULL_WIDTH = {"{": "\uff5b", "}": "\uff5d", "\\": "\uff3c"}


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as an ASS script."""
    options = options or WriteOptions()
    losses = options.losses
    blocks = timed_blocks(transcript, "ass", losses)
    note_metadata(transcript, losses, keeps=frozenset({"title"}))
    note_timings(blocks, losses, keeps_pieces=True)
    title = clean_spaces(transcript.title or "")
    mark = estimated(transcript)
    rate = mark.get("words_per_minute", "?") if mark else None
    parts = [
        _HEADER.format(
            title=f"Title: {title}\n" if title else "",
            estimate=f"; {ESTIMATE_NOTE.format(rate=rate)}\n" if mark else "",
        )
    ]
    counts = _Counts()
    for cue in cues(blocks, WIDTH, HEIGHT, losses=losses):
        speaker = cue.speaker if cue.block.kind == Kind.TURN else None
        text = "\\N".join(counts.text(line) for line in cue.lines)
        parts.append(
            f"Dialogue: 0,{counts.clock(cue.start)},{counts.clock(cue.end)},Default,"
            f"{counts.name(speaker)},0,0,0,,{text}\n"
        )
    counts.note(options)
    return "".join(parts)


class _Counts:
    """Fields as ASS holds them, with what was changed to fit counted."""

    __slots__ = ("commas", "markup", "rounded")

    def __init__(self) -> None:
        self.rounded = self.commas = self.markup = 0

    def clock(self, seconds: float) -> str:
        """`H:MM:SS.cc`, rounded to the hundredth."""
        hundredths = round(seconds * 100)
        self.rounded += abs(seconds * 100 - hundredths) > 1e-6
        whole, fraction = divmod(hundredths, 100)
        minutes, secs = divmod(whole, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}.{fraction:02d}"

    def name(self, speaker: str | None) -> str:
        """The Name field: one line, no comma (a comma ends the field)."""
        if not speaker:
            return ""
        name = clean_spaces(speaker)
        self.commas += "," in name
        return name.replace(",", ";")

    def text(self, line: str) -> str:
        """A line of the Text field: no markup, no line break, no-break spaces as `\\h`."""
        line, found = _MARKUP.subn(lambda match: _FULL_WIDTH[match.group()], line)
        self.markup += found
        return line.replace("\r", " ").replace("\xa0", "\\h")

    def note(self, options: WriteOptions) -> None:
        losses = options.losses
        note(losses, "the milliseconds of {n} time{s} (ASS counts hundredths)", self.rounded)
        note(losses, "the commas of {n} speaker name{s} (written ;)", self.commas)
        note(
            losses,
            "{n} markup character{s} in text (braces, \\ before N, n, h: written full-width)",
            self.markup,
        )
