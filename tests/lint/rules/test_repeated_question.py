"""repeated-question: the interviewer asking the same question again."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "repeated-question"

TEXT = """
    Q: Who was the farm leader of the UK farm at that time?
    A: His name is David Dai.
    Q: How do you spell that last name?
    A: D-A-I.
    Q: Around when was that?
    A: That's February 2022.
    Q: And who was the leader of the UK Farm at the time?
    A: David Dai.
"""


def test_a_reworded_question_with_the_same_content_words_is_reported():
    (finding,) = lint_text(TEXT, RULE)
    assert finding.severity == "info" or str(finding.severity) == "info"
    assert finding.line == 7 and finding.related[0].line == 1
    assert "Q asks again what they asked at line 1" in finding.message


def test_questions_need_enough_content_words():
    assert lint_text(TEXT, RULE, min_words=6) == []


def test_the_other_sides_questions_are_rhetorical():
    text = """
        Interviewer: What will you do about the farm subsidies this year?
        Minister: Who pays for the farm subsidies this year? The taxpayer.
        Interviewer: Is that fair to the taxpayer?
        Minister: Who pays for farm subsidies, this year and every year? The taxpayer.
        Interviewer: And the farmers, what do they get?
        Minister: Less than they think.
    """
    assert lint_text(text, RULE) == []


def test_a_question_asked_word_for_word_again_is_left_to_duplicate_passage():
    text = TEXT.replace(
        "And who was the leader of the UK Farm at the time?",
        "Who was the farm leader of the UK farm at that time?",
    )
    assert lint_text(text, RULE) == []
