"""What a document that is a chat is known by, and what that changes in reading it.

A chat's labels say so: a chat log's `<nick>`, a user's name in lower case (`ana`,
`agent:`), the time of day a message was sent with the name (`Ana Ruiz  9:14 AM`) or
under it, a date in the stamp before it (WhatsApp's `12/03/2024, 09:15 - Ana:`), a
meeting chat's `From Ana to Everyone`. A chat writes a message a line, so
its short lines are no hard-wrapped paragraphs; and the times with its labels
(`[10:00] <alice>`, `ana  14:02`) stamp when a message was sent, not a time into a
recording (the document decides: `timecode.read_as_times_of_day`, with a chat's
labels, or messages that would be said faster than anyone speaks, as evidence). Where they do, they
are dropped from the labels, as a time of day with its half (`9:14 AM`) already is: a
turn then has no start rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ...compiled import kept
from ...timecode import (
    CLOCK_IN_TEXT,
    DATE_PATTERN,
    hours_and_minutes,
    parse_time_of_day,
    read_as_times_of_day,
)
from ...words import count_words
from .evidence import Inference, Use
from .shapes import BELOW, CLOCK, LOWER, Shape


def is_chat(inference: Inference, lines: Sequence[str]) -> bool:
    """Are the document's labels a chat's (see the module docstring)?"""
    for convention in inference.conventions:
        signature = convention.signature
        if (
            signature.wrapper == "angle"
            or signature.case == LOWER
            or signature.time == CLOCK
            or signature.marker == "from"
        ):
            return True
    use = next((use for use in inference.uses if use.accepted), None)  # the first label
    if use is None:
        return False
    if use.shape.signature.time == "before":  # a date with the time: when it was sent
        return _DATE.search(lines[use.line], 0, use.shape.rest_at) is not None
    return (
        use.shape.signature.time == BELOW
        and 0 <= use.next_line < len(lines)
        and parse_time_of_day(lines[use.next_line]) is not None
    )


# A date in the stamp before a label (WhatsApp's "12/03/2024, 09:15 - Ana:", an iPhone's
# "[12/03/2024, 09:15:10] Ana:"): a recording's times never carry one.
_DATE = kept(DATE_PATTERN)


def drop_times_of_day(inference: Inference, lines: Sequence[str], chat: bool) -> bool:
    """Take the times off the accepted labels when they read as times of day (and say
    whether they did: a document stamped so is a chat)."""
    # (the few labels with a time asked whether they were taken, not every candidate)
    timed = [use for use in inference.uses if use.shape.time is not None and use.accepted]
    times = []
    for use in timed:
        written = _written_time(lines[use.line], use.shape)
        if written is None or hours_and_minutes([written]) is None:
            return False  # seconds, or hours past 23: a recording's times (the first says)
        times.append(written)
    if not times:
        return False
    stamped = chat or _faster_than_speech(timed, lines)  # (counts the words: asked last)
    if not read_as_times_of_day(times, chat=stamped):
        return False
    untimed: dict[Shape, Shape] = {}  # (one shape for the labels of one shape)
    for use in timed:
        shape = untimed.get(use.shape)
        if shape is None:
            shape = untimed[use.shape] = use.shape._replace(time=None)
        use.shape = shape
    return True


# Words a second that no one keeps up over a conversation (speech runs at two or three):
# messages read at this rate were sent minutes apart, not said seconds apart.
_FASTEST_SPEECH = 6.0


def _faster_than_speech(timed: Sequence[Use], lines: Sequence[str]) -> bool:
    """Would the labels' times, read as seconds into a recording, have the speakers say
    their words faster than anyone speaks (`ana  14:02` over a message of twenty words,
    `tom  14:03` under it)? Counted over the whole document, from the first label's time
    to the last's, so a short reply sent a minute later says nothing either way."""
    first, last = timed[0].shape.time, timed[-1].shape.time
    if first is None or last is None or last <= first:
        return False
    said = 0
    for use, after in pairwise(timed):
        said += count_words(lines[use.line][use.shape.rest_at :])
        said += sum(count_words(line) for line in lines[use.line + 1 : after.line])
    return said / (last - first) > _FASTEST_SPEECH


def _written_time(line: str, shape: Shape) -> str | None:
    """The one clock time written in a label (a span's two, or none found, give None)."""
    times = CLOCK_IN_TEXT.findall(line, 0, shape.rest_at)
    return times[0] if len(times) == 1 else None
