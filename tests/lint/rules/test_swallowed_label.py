"""swallowed-label: a roster speaker's label inside another turn's text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.conftest import lint_text
from transcripts.linter.rules.swallowed_label import LabelFinder

RULE = "swallowed-label"


def test_a_label_swallowed_after_a_sentence_end_is_found_at_the_label():
    text = """
        Maria: When did you last see her?
        Ana: I saw her at the clinic. Maria: And the date?
        Ana: The third of May.
        Maria: Thank you.
    """
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (2, 31)
    assert "“Maria:” inside Ana's turn" in finding.message


def test_colons_that_are_no_roster_label_or_start_no_turn_are_left_alone():
    text = """
        Maria: When did you last see her?
        Ana: I saw her at the clinic. The answer: no, never again.
        Maria: So as Ana: said, nothing. Ana: yes, that is what I said.
        Ana: Fine.
        Maria: Thank you.
    """
    assert lint_text(text, RULE) == []


def _every_label(text: str, labels: set[str]) -> list[tuple[int, str]]:
    """The plain reference: one alternation of every label, longest first."""
    alternatives = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    pattern = re.compile(rf"(?<=[.?!…\"”])[ \t]+({alternatives}):[ \t]+(?=\w)")
    found = []
    for match in pattern.finditer(text):
        following = text[match.end() : match.end() + 2].lstrip("\"“‘'([")
        if following[:1].isupper() or following[:1].isdigit():
            found.append((match.start(1), match.group(1)))
    return found


_NAMES = st.text(alphabet="AaBb .'-", min_size=1, max_size=6).filter(
    lambda name: name.strip() == name
)


@settings(max_examples=400, deadline=None)
@given(
    labels=st.sets(_NAMES, min_size=1, max_size=5),
    pieces=st.lists(
        st.sampled_from(["A", "a", "B", "b", " ", "\t", ".", "?", "”", ":", "x", "X", "1", "\n"]),
        max_size=40,
    ),
    plants=st.lists(
        st.tuples(
            st.integers(0, 40),
            st.sampled_from([".", "?", "”", '"', "x", ""]),
            st.sampled_from([" ", "\t", "  ", ""]),
            st.sampled_from([" X", " x", "\t1", "X", "  (X"]),
        ),
        max_size=4,
    ),
)
def test_the_label_set_finds_what_an_alternation_of_every_label_finds(labels, pieces, plants):
    ordered = sorted(labels)
    for number, (at, end, space, after) in enumerate(plants):  # labels, mostly after a sentence
        label = ordered[number % len(ordered)]
        pieces.insert(min(at, len(pieces)), f"{end}{space}{label}:{after}")
    text = "".join(pieces)
    assert list(LabelFinder(labels).swallowed(text)) == _every_label(text, labels)
