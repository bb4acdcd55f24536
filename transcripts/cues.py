"""What caption readers and writers agree on about cues: which are sounds rather than
speech, and whether a file names the speaker on every cue or only where it changes.

The writers ask the same questions as the readers (will an unvoiced cue I write read
back as the previous speaker's?), so both use this one definition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

# A cue that is only a sound or an action: "[laughter]", "(applause)", "♪ music ♪".
_DIRECTION = re.compile(r"(?:\[[^\[\]]*\]|\([^()]*\)|[♪♫][^♪♫]*[♪♫]?)")


#: The characters a stage direction opens with: `text[:1] in DIRECTION_OPENERS` is the
#: quick half of `is_direction`, for loops over a million cues.
DIRECTION_OPENERS = "[(♪♫"


def is_direction(text: str) -> bool:
    """Is this cue text only a bracketed sound or action (a stage direction)?"""
    return bool(text) and text[0] in DIRECTION_OPENERS and _DIRECTION.fullmatch(text) is not None


class CueMark(NamedTuple):
    """How one cue (or a stretch of one) marks its speaker."""

    marked: bool  # the source names the speaker here (or marks a change with `>>`)
    speaker: str | None  # the name, when it gives one
    direction: bool  # the text is a sound, not speech


def marks_every_cue(marks: Sequence[CueMark]) -> bool:
    """Does the file name the speaker on every cue (so an unnamed cue has no speaker)?
    See `MarkTally`."""
    tally = MarkTally()
    for mark in marks:
        tally.add(mark)
    return tally.every_cue()


class MarkTally:
    """`marks_every_cue` counted one cue at a time (a writer need not keep its cues).

    Counted: how often a cue names the same speaker as the cue right before it, against
    how often a named cue is followed (sounds aside) by an unnamed one. Files that mark
    only changes of speaker never repeat a name on adjacent cues; they may repeat it
    after a "[laughter]", which is why a sound in between breaks a repeat.
    """

    __slots__ = ("_before_marked", "_before_speaker", "_spoken_before", "repeats", "unmarked")

    def __init__(self) -> None:
        self.repeats = self.unmarked = 0
        self._before_marked = False  # the cue before names its speaker (none: False)
        self._before_speaker: str | None = None
        self._spoken_before: bool | None = None  # the speech before is marked (none: None)

    def add(self, mark: CueMark) -> None:
        self.count(mark.marked, mark.speaker, mark.direction)

    def count(self, marked: bool, speaker: str | None, direction: bool) -> None:
        """`add` of a mark given by its fields (no `CueMark` made for each of a million)."""
        if self._before_marked and marked and speaker is not None:
            self.repeats += speaker == self._before_speaker
        self._before_marked, self._before_speaker = marked, speaker
        if not direction:
            if self._spoken_before is not None:
                self.unmarked += self._spoken_before and not marked
            self._spoken_before = marked

    def every_cue(self) -> bool:
        return self.repeats >= self.unmarked
