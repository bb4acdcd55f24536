"""`runaway_paragraphs` counts each turn's run of unlabelled paragraphs as a number and
collects starts only where a run is runaway: it must find the paragraphs the plain
definition (a list of starts per turn) finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text.assemble import (
    RUNAWAY_FACTOR,
    RUNAWAY_LEAST,
    RUNAWAY_TURNS,
    runaway_paragraphs,
)
from transcripts.readers.text.paragraphs_scan import Paragraph


def plain_runaway(paragraphs: list[Paragraph]) -> set[int]:
    """The definition, a list of starts per turn (as `assemble.py` first wrote it)."""
    runs: list[list[int]] = []
    for paragraph in paragraphs:
        if paragraph.speaker:
            runs.append([])
        elif paragraph.label is not None or paragraph.kind is not None:
            if runs:
                runs.append([])
        elif runs:
            runs[-1].append(paragraph.start)
    lengths = sorted(len(run) for run in runs)
    if len(lengths) < RUNAWAY_TURNS:
        return set()
    usual = lengths[len(lengths) // 2]
    longest = lengths[min(len(lengths) - 1, len(lengths) * 99 // 100)]
    limit = max(RUNAWAY_LEAST, RUNAWAY_FACTOR * longest)
    return {start for run in runs if len(run) > limit for start in run[usual:]}


_TURN = Paragraph(0, 0, "Ana", 5, True)
_NOTE = Paragraph(0, 0, "Note", 6, False)
_HEADING = Paragraph(0, 0, kind="heading")
_TEXT = Paragraph(0, 0)


def _document(pieces: list[tuple[Paragraph, int]]) -> list[Paragraph]:
    """Each piece repeated its count of times, numbered line by line."""
    paragraphs = [piece for piece, count in pieces for _ in range(count)]
    return [p._replace(start=index, last=index) for index, p in enumerate(paragraphs)]


_PIECES = st.lists(
    st.tuples(
        st.sampled_from([_TURN, _NOTE, _HEADING, _TEXT]),
        st.one_of(st.integers(1, 3), st.integers(40, 400)),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_the_counted_runs_find_the_paragraphs_the_plain_definition_finds(pieces):
    paragraphs = _document(pieces)
    assert runaway_paragraphs(paragraphs) == plain_runaway(paragraphs)


def test_a_raw_copy_pasted_after_the_last_turn_is_found():
    pieces = [(_TURN, 1), (_TEXT, 1)] * 150 + [(_TURN, 1), (_TEXT, 200), (_NOTE, 1), (_TEXT, 30)]
    paragraphs = _document(pieces)
    found = runaway_paragraphs(paragraphs)
    assert len(found) == 199  # all but the usual one paragraph after the last turn
    assert found == plain_runaway(paragraphs)
