"""`roster.candidates_of` gathers, for each label's key, the keys of the labels right
after it, and makes the pairs once at the end: it must gather the pairs the plain
definition (a pair made for each label after another's) gathers."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text.candidates import find_candidates
from transcripts.readers.text.roster import candidates_of

_LABELS = ["Ana", "ANA", "Ben", "Dr. Cruz", "Cruz", "Q", "A"]


def plain_adjacent(keys: list[str]) -> set[frozenset[str]]:
    """The definition: each label's key paired with the key of the label before it,
    where the two differ."""
    return {frozenset((a, b)) for a, b in pairwise(keys) if a != b}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LABELS), max_size=40))
def test_labels_following_one_another_are_paired_as_the_plain_definition_pairs_them(names):
    lines = [f"{name}: something said here.\n" for name in names]
    uses = find_candidates(lines, 0)
    adjacent: set[frozenset[str]] = set()
    candidates_of(uses, adjacent)
    keys = [next(c.key for c in candidates_of([use])) for use in uses]
    assert adjacent == plain_adjacent(keys)
