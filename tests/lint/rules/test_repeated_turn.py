"""repeated-turn: a turn pasted twice in a row, whatever its length."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "repeated-turn"


def test_a_short_turn_pasted_twice_is_found_with_the_first_copy_related():
    text = """
        Ana: Where were you on Monday?
        Ana: Where were you on Monday?
        Ben: At home, all day.
    """
    (finding,) = lint_text(text, RULE)
    assert finding.line == 2 and [r.line for r in finding.related] == [1]
    assert "repeats the turn before it (line 1)" in finding.message


def test_copies_differing_in_case_punctuation_and_spacing_are_the_same_turn():
    text = """
        Ana: I told them, “no”, and that was the end of it.
        Ana: i told them no  and that was the end of it
    """
    assert len(lint_text(text, RULE)) == 1


def test_backchannels_by_two_speakers_are_not_a_repeated_turn():
    text = """
        Ana: So we agree on the date?
        Ben: Yes.
        Ana: Yes.
        Ben: Good.
    """
    assert lint_text(text, RULE) == []


def test_a_long_turn_under_two_labels_is_found():
    turn = "The committee will publish its final report in March, after the vote."
    (finding,) = lint_text(f"Ana: {turn}\nBen: {turn}\n", RULE)
    assert finding.line == 2


def test_turns_with_a_stage_direction_between_them_or_different_words_are_left_alone():
    text = """
        Ana: Order, order.
        (Laughter.)
        Ana: Order, order.
        Ben: Where were you on Monday?
        Ben: Where were you on Tuesday?
    """
    assert lint_text(text, RULE) == []
