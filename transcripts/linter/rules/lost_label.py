"""A question glued to the turn before it: its label (and its first words) lost.

In a transcript of one line per turn, a line without a label is taken as more of the
turn above it. When that line starts in lower case, mid-sentence, and asks a question
("... worth it.\\nabout the budget cuts you mentioned?"), it is a question that lost its
label and its first words in editing, and is now credited to the speaker it was asked
of. Only the line is reported; the asker is guessed as the speaker who asked most of
the questions (when one did).

Checked only where nearly every turn is one line (`one-line-share` of the turns, and
five turns at least): in hard-wrapped transcripts a turn's later lines are ordinary. The
line before it must end a sentence: a line that stops mid-sentence was wrapped.

Options:
  one-line-share: share of one-line turns that makes a transcript one line per turn
    (default 0.9)

Example:
  Guest: It was long, but worth it.
  about the budget cuts you mentioned last week?
  Guest: They were painful.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ... import words
from ...model import Block, Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..text import locate, quote

CODE = "TR108"
NAME = "lost-label"
SEVERITY = "warning"
OPTIONS = {"one-line-share": 0.9}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    turns = [transcript.blocks[index] for index in options.context.turn_indices()]
    several = [turn for turn in turns if "\n" in turn.text]
    # (The glued line itself makes one turn two lines long: one is not held against it.)
    one_line = len(turns) - len(several) + 1
    if len(turns) < 5 or one_line < options["one-line-share"] * len(turns):
        return
    askers = Counter(turn.speaker for turn in turns if turn.speaker and "?" in turn.text)
    for turn in several:
        offset = turn.text.index("\n") + 1
        before = turn.text[: offset - 1]
        for line in turn.text[offset:].split("\n"):
            text = line.strip()
            if text[:1].islower() and words.ends_sentence(before) and words.is_question(text):
                yield _problem(turn, offset + line.find(text), text, askers)
            offset += len(line) + 1
            before = line


def _problem(turn: Block, offset: int, text: str, askers: Counter[str]) -> Problem:
    line, column = locate(turn, offset)
    guess = ""
    if askers:
        (asker, count), *_ = askers.most_common(1)
        if asker and asker != turn.speaker and count >= 2 * (sum(askers.values()) - count):
            guess = f"; probably {asker}'s"
    return Problem(
        line,
        f"{quote(text)} is a question glued to {turn.speaker}'s turn: its label and first "
        f"words are probably lost{guess}",
        column,
    )
