"""swallowed-label: a roster speaker's label inside another turn's text."""

from __future__ import annotations

from tests.lint.conftest import lint_text

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
