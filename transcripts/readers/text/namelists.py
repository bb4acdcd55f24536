"""Lists of names under a heading: who took part, not who spoke.

An earnings call's page ends with "Call participants:" over each person's label alone on
its line ("Daniel Roberts -- Co-Founder and CEO", "Paul Golding -- Analyst"), in the very
shape of the labels above it. Read as labels, they are turns with no words (which `lint`
reports as lost speech) and the last one takes the page's footer as its speech. Under a
heading ending in a colon, three or more labels in a row with nothing between them are a
list: the names are text, and so is what follows up to the next label. Where the labels
end in a colon themselves, as a play's `GHOST OF HASTINGS:` do, a line ending in one
above them ("Ghosts of young Princes:") is one more of them, not a heading.

A run of labels with no speech in the dialogue itself (a parliament's record that gives
members' names without their speeches) has no such heading over it, and stays turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count, islice
from operator import itemgetter

from ...model import Kind
from .paragraphs_scan import Paragraph

LISTED_AT_LEAST = 3  # labels in a row under the heading (two may be one lost speech)
_HEADING_WIDTH = 60  # a line introducing a list is short ("Call participants:")
_INTRODUCES = (":", "：")
_bare = itemgetter(5)  # `Paragraph.bare`, by position: a C call a paragraph


def mark_name_lists(paragraphs: list[Paragraph], lines: Sequence[str]) -> set[int]:
    """Make the labels listed under a heading ending in a colon, and the text after them
    up to the next label, text of no one's (in place); the lines of those labels."""
    listed: set[int] = set()
    for start, end in _runs(paragraphs):
        if _introduces_list(paragraphs, start - 1, lines) and not any(
            _ends_in_colon(lines[paragraphs[i].start]) for i in range(start, end)
        ):
            listed.update(paragraphs[index].start for index in range(start, end))
            _as_text(paragraphs, start, end)
    return listed


def _runs(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """The runs (first, past the last) of `LISTED_AT_LEAST` or more speakers' labels in a
    row, each alone on its line with no speech under it."""
    runs = []
    for start, end in _runs_alone(paragraphs):
        first = start
        for index in range(start, end + 1):
            if index == end or not _is_label_alone(paragraphs[index]):
                if index - first >= LISTED_AT_LEAST:
                    runs.append((first, index))
                first = index + 1
    return runs


def _runs_alone(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """The runs (first, past the last) of `LISTED_AT_LEAST` or more paragraphs in a row
    whose label stands alone on its line. (The paragraphs with such a label are picked
    out at C speed, and the runs found by their numbers alone: where labels have their
    speech under them, as most such documents' do, no run is long enough to be asked
    about further.)"""
    alone = list(compress(count(), map(_bare, paragraphs)))
    least = LISTED_AT_LEAST
    # (the first of `least` in a row: numbers in order, so the one `least - 1` on is
    # `least - 1` more only when every one between is there)
    ahead = islice(alone, least - 1, None)
    firsts = [a for a, c in zip(alone, ahead, strict=False) if c - a == least - 1]
    runs: list[tuple[int, int]] = []
    for first in firsts:
        if runs and first <= runs[-1][1]:  # the run goes on
            runs[-1] = (runs[-1][0], first + least)
        else:
            runs.append((first, first + least))
    return runs


def _is_label_alone(paragraph: Paragraph) -> bool:
    """A speaker's label alone on its line, the paragraph's one line (whether speech
    follows is the next paragraph's to say: in a run, another such label does)."""
    return paragraph.speaker and paragraph.start == paragraph.last


def _introduces_list(paragraphs: Sequence[Paragraph], index: int, lines: Sequence[str]) -> bool:
    """Is the paragraph one short line ending in a colon, no speaker's ("Call
    participants:", "Speakers:")?"""
    if index < 0:
        return False
    paragraph = paragraphs[index]
    if paragraph.speaker or paragraph.start != paragraph.last or paragraph.kind is not None:
        return False
    text = lines[paragraph.start].strip()
    return len(text) < _HEADING_WIDTH and text.endswith(_INTRODUCES)


def _ends_in_colon(line: str) -> bool:
    return line.rstrip().endswith(_INTRODUCES)


def _as_text(paragraphs: list[Paragraph], start: int, end: int) -> None:
    """The listed labels `paragraphs[start:end]`, and the unlabelled paragraphs after
    them up to the next speaker's label, as text."""
    for index in range(start, end):
        paragraphs[index] = _text(paragraphs[index])
    index = end
    while index < len(paragraphs) and not paragraphs[index].speaker:
        if paragraphs[index].kind is None:
            paragraphs[index] = _text(paragraphs[index])
        index += 1


def _text(paragraph: Paragraph) -> Paragraph:
    return paragraph._replace(label=None, speaker=False, bare=False, rule=None, kind=Kind.PROSE)
