"""The same speaker in two turns in a row.

Two turns by one speaker with nothing but non-speech between them (a stage direction,
a page break, a heading, a note) usually mean the other person's label was dropped, and
their words were run into one of the turns, or a turn was split in two by mistake. A
turn the parser marked as `continued` (the same speaker resuming after an interruption,
without a new label) is one turn, not two, and is not reported.

Not reported either:
- text that belongs to no speaker between the two turns: that is the likely lost turn,
  and orphaned-passage reports it;
- a stage direction between them ("(Applause.)", "(Commercial break begins.)",
  "[crosstalk]"), or closing the first turn as a paragraph of its own: something
  happened, and the speaker starts again after it;
- turns that each carry their own time (`Name (00:01:02):`, or a chat's time of day,
  `(09:14 AM) Maria:`): exports from Rev, Otter and the like label every paragraph,
  and a chat stamps every message, so one speaker's paragraphs follow each other;
- labels that stand for several people (`Q`, `AUDIENCE MEMBER`, `Caller`, `Reporter`,
  `Unidentified Speaker`...), since two turns in a row may well be two people; the list
  is the `several-people` option;
- two labels that name one speaker in two ways (`THE WITNESS:` then `A.` in a court
  transcript, `WOLF BLITZER, CNN ANCHOR:` then `BLITZER:`): a change of role or form,
  not a label repeated by mistake;
- a turn after an empty one (empty-turn reports that);
- any of them when they are common: if five or more turns, and more than `max-share`
  of all turns, repeat the speaker before them, relabelling is the transcript's
  convention (the Congressional Record's "Mr. X. I yield back the balance of my time.")
  or its labels are being misread, not labels dropped by accident.

Options:
  max-share: share of the turns above which repeats are a convention (default 0.05)
  several-people: labels (case-insensitive) that name more than one person

A turn that repeats the one before it word for word (a pasting mistake) is removed by
`lint --fix --unsafe-fixes` (unsafe: it changes what was said).

Example:
  Joe R Biden: He's been a ...
  Joe R Biden: The fact is that ...
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from operator import attrgetter

from ...model import Block, Kind, Transcript
from ...timecode import CLOCK_IN_TEXT
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..text import raw_lines

CODE = "TR104"
NAME = "consecutive-speaker"
SEVERITY = "warning"
# Blocks between two turns of one speaker that explain why the label is repeated.
_EXPLAINED_BY = frozenset({Kind.UNATTRIBUTED, Kind.STAGE_DIRECTION})

# Fewest repeats that can be a convention rather than accidents.
_CONVENTION_AT = 5

OPTIONS = {
    "max-share": 0.05,
    "several-people": [
        "q",
        "question",
        "audience",
        "audience member",
        "audience members",
        "crowd",
        "caller",
        "reporter",
        "reporters",
        "press",
        "participant",
        "participants",
        "unidentified",
        "unidentified speaker",
        "unidentified male",
        "unidentified female",
        "unknown",
        "unknown speaker",
        "voice",
        "voices",
        "male voice",
        "female voice",
        "multiple speakers",
        "several speakers",
        "all",
        "members",
        "students",
    ],
}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    # Most transcripts never give one speaker two turns in a row: find out at C speed.
    turns = list(map(transcript.blocks.__getitem__, options.context.turn_indices()))
    speakers = list(map(attrgetter("speaker"), turns))
    if not any(map(operator.eq, speakers, speakers[1:])):
        return
    several = {label.casefold() for label in options["several-people"]}
    problems = []
    previous: Block | None = None
    between: set[str] = set()  # kinds of the blocks since the previous turn
    for block in transcript.blocks:
        if block.kind != Kind.TURN:
            between.add(block.kind)
            continue
        if (
            not block.continued
            and previous is not None
            and block.speaker == previous.speaker
            and not between & _EXPLAINED_BY
            and not _ends_with_aside(previous.text)
            and not (_timed(block) and _timed(previous))
            and previous.text.strip()  # an empty turn is empty-turn's to report
            and _label(block).casefold() == _label(previous).casefold()
            and _label(block).casefold() not in several
            and _label(previous).casefold() not in several
        ):
            problems.append(_problem(block, previous))
        previous = block
        between = set()
    # A dropped label is an accident; when many turns repeat the speaker before them,
    # relabelling is this transcript's convention ("Mr. X. I yield back the balance
    # of my time." in the Congressional Record) or its labels are being misread.
    if len(problems) >= _CONVENTION_AT and len(problems) > options["max-share"] * len(turns):
        return
    yield from problems


def _timed(turn: Block) -> bool:
    """Does the turn carry its own time: a start, or a time of day written with its
    label (`(09:14 AM) Maria:`, `[3/12/24, 9:15 AM] Tom:`, `Ana Ruiz  14:02`), which the
    reader keeps in the raw text only? A chat stamps every message so, and one person's
    messages follow each other."""
    if turn.start is not None:
        return True
    if not turn.raw:  # (a transcript built in code keeps no source)
        return False
    first_raw = turn.raw.split("\n", 1)[0]
    said = turn.text.split("\n", 1)[0].strip()
    at = first_raw.find(said) if said else -1
    return CLOCK_IN_TEXT.search(first_raw, 0, at if at >= 0 else len(first_raw)) is not None


def _ends_with_aside(text: str) -> bool:
    """The turn's last paragraph is a stage direction the parser kept in the turn
    ("...\n\n[_VON RETTENMAYER halts before LILY..._"): the same reason to relabel as
    a stage direction of its own."""
    last = text.rstrip().rpartition("\n\n")[2].lstrip()
    return last.startswith(("[", "(")) and "\n\n" in text.rstrip()


def _label(block: Block) -> str:
    return " ".join((block.label or block.speaker or "").split())


def _problem(block: Block, previous: Block) -> Problem:
    label = block.label or block.speaker or ""
    first_line = raw_lines(block.raw)[0] if block.raw else ""
    column = first_line.find(label) + 1 if label and label in first_line else 1
    return Problem(
        block.line,
        f"{block.speaker} speaks again right after their turn at line {previous.line}; "
        "is a label missing or wrong?",
        column,
        related=((previous.line, 1),),
        fix=_remove_repeat(block, previous),
    )


def _remove_repeat(block: Block, previous: Block) -> Fix | None:
    """A turn that says word for word what the turn before it said (a pasting mistake)
    is removed, with the blank lines after it (unsafe: it changes what was said)."""
    if block.raw is None or " ".join(block.text.split()) != " ".join(previous.text.split()):
        return None
    lines = raw_lines(block.raw)
    end = Edit(block.line, 1, block.line + len(lines) - 1, len(lines[-1]) + 1, "")
    return Fix(f"remove the repeated turn at line {block.line}", (end,), safe=False)
