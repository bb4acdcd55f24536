"""The runs of labels standing alone that `namelists` asks about, found by their numbers,
held to the plain way of finding them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcripts.readers.text.namelists import LISTED_AT_LEAST, _runs_alone
from transcripts.readers.text.paragraphs_scan import Paragraph


def _plain_runs(bare: list[bool]) -> list[tuple[int, int]]:
    runs, first = [], None
    for index, alone in enumerate([*bare, False]):
        if alone and first is None:
            first = index
        elif not alone and first is not None:
            if index - first >= LISTED_AT_LEAST:
                runs.append((first, index))
            first = None
    return runs


@given(st.lists(st.booleans(), max_size=60))
def test_runs_of_labels_alone_are_found_as_the_plain_walk_finds_them(bare):
    paragraphs = [Paragraph(index, index, bare=flag) for index, flag in enumerate(bare)]
    assert _runs_alone(paragraphs) == _plain_runs(bare)
