"""lost-label: a question glued to the turn before it in a one-line-per-turn transcript."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "lost-label"

ONE_LINE_TURNS = """
    Interviewer: How was the trip to the capital?
    Guest: It was long, but worth it.
    {glued}
    Guest: They were painful.
    Interviewer: Will they last?
    Guest: No.
    Interviewer: Why not?
    Guest: The money is back.
"""


def test_a_lower_case_question_glued_to_an_answer_is_found_and_its_asker_guessed():
    text = ONE_LINE_TURNS.format(glued="about the budget cuts you mentioned last week?")
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (3, 1)
    assert "glued to Guest's turn" in finding.message
    assert finding.message.endswith("probably Interviewer's")


def test_a_capitalised_line_or_a_statement_is_left_alone():
    for glued in ("And the budget cuts you mentioned?", "about the budget cuts, mostly."):
        assert lint_text(ONE_LINE_TURNS.format(glued=glued), RULE) == [], glued


def test_a_question_wrapped_onto_the_next_line_mid_sentence_is_left_alone():
    text = """
        Interviewer: How was the trip to the capital?
        Guest: It was long, but worth it.
        Interviewer: Back on the record. Mr. Doyle, you
        understand you are still under oath?
        Guest: Yes.
        Interviewer: Will they last?
        Guest: No.
        Interviewer: Why not?
        Guest: The money is back.
        Interviewer: And then?
        Guest: Then nothing.
    """
    assert lint_text(text, RULE) == []


def test_hard_wrapped_turns_are_not_checked():
    text = """
        Interviewer: How was the trip to the capital, and what did you
        see there?
        Guest: It was long, but worth it, and I would
        do it again, would you not?
        Interviewer: Will the cuts last, or will the
        money come back?
        Guest: No, they will not, and the
        money is back already.
        Interviewer: Thank you.
    """
    assert lint_text(text, RULE) == []
