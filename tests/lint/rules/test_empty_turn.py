"""empty-turn: a turn with no words."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "empty-turn"


def test_a_label_followed_by_punctuation_only_is_reported():
    text = """
        Interviewer: How did the talks go?
        Guest: ...
        Interviewer: I see. What comes next?
        Guest: More talks.
    """
    (finding,) = lint_text(text, RULE)
    assert finding.line == 2
    assert "Guest's turn has no words (only “...”)" in finding.message


def test_a_label_alone_on_its_line_with_the_words_below_is_a_turn():
    text = """
        Interviewer:
        How did the talks go?

        Guest:
        They went well.
    """
    assert lint_text(text, RULE) == []


def test_a_turn_holding_only_a_note_records_that_something_was_said():
    text = """
        Interviewer: How did the talks go?
        Guest: [inaudible]
        Interviewer: Sorry, could you repeat that?
        Guest: They went well.
    """
    assert lint_text(text, RULE) == []


def test_a_label_whose_words_follow_a_stage_direction_is_not_empty():
    text = """
        FARNCOMBE.

        [_Smiling._] I hope so.

        ROPER.

        [_Approaching FARNCOMBE and taking him by the lapel of his coat._]
        What I want to say to you is, doing anything to-night?

        FARNCOMBE.

        I-- I shall be at the theatre.

        ROPER.

        [_Laughing._] Of course you will.

        FARNCOMBE.

        And you?
    """
    assert lint_text(text, RULE) == []


def test_a_chat_reply_of_an_emoji_is_a_whole_message():
    text = """
        Ana Ruiz: Can you bring the recorder on Sunday?
        Tom Becker: 👍
        Ana Ruiz: Thanks!
        Tom Becker: ✅ done
    """
    assert lint_text(text, RULE) == []
