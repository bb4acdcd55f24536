"""A speaker's label inside another turn's text: two turns run together.

"Ana: I saw her at the clinic. Maria: And the date?": when a line break is lost (in
copying, in a speech-to-text export), the next turn's label ends up in the middle of the
turn before, and its words are credited to the wrong speaker. Reported: the label of a
roster speaker (as the turns spell it, followed by a colon and a word) right after the
end of a sentence inside a turn.

Not reported: a colon after a word that is not a roster speaker's label ("The answer:
no."), a label at the start of a line (that is a turn of its own), a label that
does not follow a sentence's end ("as Maria: said") or is not followed by the capital
or digit a turn starts with ("Go: fresh horses!" where "Go" misread as a label names a
speaker).

Example:
  Ana: I saw her at the clinic. Maria: And the date?
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..text import locate

CODE = "TR107"
NAME = "swallowed-label"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    labels = {
        label
        for speaker in transcript.speakers
        for label in (speaker.name, *speaker.aliases)
        if label and ":" not in label
    }
    if not labels:
        return
    finder = LabelFinder(labels)
    blocks = transcript.blocks
    for index in options.context.turn_indices():
        block = blocks[index]
        if ":" not in block.text:
            continue
        for start, label in finder.swallowed(block.text):
            line, column = locate(block, start)
            yield Problem(
                line,
                f"“{label}:” inside {block.speaker}'s turn: two turns run "
                "together; start a new line before the label",
                column,
            )


class LabelFinder:
    """Finds labels (none holding a colon) swallowed by a text.

    Since a label holds no colon, the text from a sentence's end to the next colon is the
    one label that can stand there: it is looked up in the set, not tried against each
    label in turn (a caption file may have thousands). A match takes only the spaces
    before it, so a label further on is still found.
    """

    def __init__(self, labels: set[str]) -> None:
        self.labels = labels
        longest = max(map(len, labels))
        self.pattern = re.compile(rf"(?<=[.?!…\"”])[ \t]+(?=([^:\n]{{1,{longest}}}):([ \t]+)\w)")

    def swallowed(self, text: str) -> Iterator[tuple[int, str]]:
        """Where each swallowed label starts, and the label: after a sentence's end, and
        followed by a colon and the capital or digit a turn starts with."""
        taken = -1  # the colon of the last label found: one colon ends one label
        for found in self.pattern.finditer(text):
            label = found.group(1)
            if label not in self.labels or found.end(1) == taken:
                continue  # ". A: X" with labels ". A" and "A": the longer one only
            following = text[found.end(2) : found.end(2) + 2].lstrip("\"“‘'([")
            if not following[:1].isupper() and not following[:1].isdigit():
                continue  # "Farewell: go, say I": a colon in a sentence, not a new turn
            taken = found.end(1)
            yield found.start(1), label
