"""What caption readers and writers agree on about cues: which are sounds rather than
speech, and whether a file names the speaker on every cue or only where it changes.

The writers ask the same questions as the readers (will an unvoiced cue I write read
back as the previous speaker's?), so both use this one definition.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

# A cue that is only a sound or an action: "[laughter]", "(applause)", "♪ music ♪".
_DIRECTION = re.compile(r"(?:\[[^\[\]]*\]|\([^()]*\)|[♪♫][^♪♫]*[♪♫]?)")


def is_direction(text: str) -> bool:
    """Is this cue text only a bracketed sound or action (a stage direction)?"""
    return bool(text) and text[0] in "[(♪♫" and _DIRECTION.fullmatch(text) is not None


class CueMark(NamedTuple):
    """How one cue (or a stretch of one) marks its speaker."""

    marked: bool  # the source names the speaker here (or marks a change with `>>`)
    speaker: str | None  # the name, when it gives one
    direction: bool  # the text is a sound, not speech


def marks_every_cue(marks: Sequence[CueMark]) -> bool:
    """Does the file name the speaker on every cue (so an unnamed cue has no speaker)?

    Counted: how often a cue names the same speaker as the cue right before it, against
    how often a named cue is followed (sounds aside) by an unnamed one. Files that mark
    only changes of speaker never repeat a name on adjacent cues; they may repeat it
    after a "[laughter]", which is why a sound in between breaks a repeat.
    """
    repeats = unmarked = 0
    for before, after in itertools.pairwise(marks):
        if before.marked and after.marked and after.speaker is not None:
            repeats += after.speaker == before.speaker
    spoken = [mark for mark in marks if not mark.direction]
    for before, after in itertools.pairwise(spoken):
        unmarked += before.marked and not after.marked
    return repeats >= unmarked
