"""A turn that repeats the turn right before it, word for word: pasted twice.

Compared after folding case, spacing, quotes and punctuation, whatever their length:
a short turn pasted twice ("Ana: Where were you on Monday? / Ana: Where were you on
Monday?") is as much a defect as a long one, and duplicate-passage leaves short
sentences and a speaker's own repeats alone.

Not reported: two speakers saying the same short thing in a row (a backchannel, "Yes." /
"Yes.", an echo, a toast); only a turn of `min-length` characters or more counts when
the speakers differ (a long turn under two labels is one turn pasted with the wrong
label). Turns with a stage direction or a note between them are not "in a row".

Options:
  min-length: shortest turn, in folded characters, that counts as repeated when the
    speakers differ (default 40)

Example:
  12 Lukashenko: Deploying foreign troops would indeed heighten tensions.
  13 Lukashenko: Deploying foreign troops would indeed heighten tensions.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..sentence_keys import folded
from ..text import locate, quote

CODE = "TR204"
NAME = "repeated-turn"
SEVERITY = "warning"
OPTIONS = {"min-length": 40}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    blocks = transcript.blocks
    turns = options.context.turn_indices()
    shortest = options["min-length"]
    for earlier, later in pairwise(turns):
        if later != earlier + 1 or blocks[later].continued:
            continue
        before, after = blocks[earlier], blocks[later]
        if not 0.5 <= (len(before.text) + 1) / (len(after.text) + 1) <= 2:
            continue  # most pairs differ in length; folding is for those that may not
        key = folded(after.text)
        if not key or key != folded(before.text):
            continue
        if before.speaker != after.speaker and len(key) < shortest:
            continue
        line, column = locate(after, 0)
        start_line, start_column = locate(before, 0)
        yield Problem(
            line,
            f"repeats the turn before it (line {start_line}) word for word: {quote(after.text)}",
            column,
            end_line=after.end_line,
            related=((start_line, start_column),),
        )
