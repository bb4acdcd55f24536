"""orphaned-passage: text inside the dialogue that belongs to no speaker."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "orphaned-passage"

INTERVIEW = """
    Interviewer: How did the talks go?
    Guest: They went well, all things considered.
    Interviewer: What comes next for the delegation?
    Guest: We will meet again in the spring.
    Interviewer: Is there a deadline?
    Guest: No deadline has been set.
    Note: the interview was edited for length.
    And what about the sanctions?
    Guest: They remain in place for now.
"""


def test_a_question_between_turns_is_reported_with_its_probable_asker():
    findings = lint_text(INTERVIEW, RULE)
    assert [(f.line, f.column) for f in findings] == [(8, 1)]
    message = findings[0].message
    assert "“And what about the sanctions?”" in message
    assert "a question with no asker" in message
    assert "probably Interviewer: 3 of 3 questions so far are theirs" in message


def test_no_guess_before_enough_questions_were_asked():
    findings = lint_text(INTERVIEW, RULE, guess_after=4)
    assert "probably" not in findings[0].message


def test_no_guess_when_the_questions_are_shared():
    text = """
        Ana: Shall we start with the budget?
        Ben: Why not the schedule first?
        Ana: Because the budget decides the schedule, doesn't it?
        Note: recording resumed.
        Who pays for the overrun?
        Ben: The contractor does.
    """
    findings = lint_text(text, RULE)
    assert len(findings) == 1 and "probably" not in findings[0].message


def test_fragments_are_described_by_how_they_are_cut():
    text = """
        Ana: We looked at the figures.
        Note: audio dropped here.
        and then the second quarter came in much lower than
        Ben: Lower by how much?
    """
    (finding,) = lint_text(text, RULE)
    assert finding.line == 3
    assert "starts mid-sentence" in finding.message


def test_continuation_paragraphs_of_a_turn_are_not_orphans():
    text = """
        Ana: We looked at the figures.

        They were lower than we hoped, and we said so.

        Ben: Lower by how much?
    """
    assert lint_text(text, RULE) == []


def test_prose_before_and_after_the_dialogue_is_not_reported():
    text = """
        The interview took place in Minsk on a cold morning, before the summit.

        Ana: We looked at the figures.
        Ben: Lower by how much?

        This transcript was edited for length and clarity.
    """
    assert lint_text(text, RULE) == []


def test_lists_of_names_and_titles_are_layout_not_lost_speech():
    text = """
        Ana: Who voted for the amendment?
        Ben: These members did.
        Note: roll call follows.
        Abercrombie Ackerman Allen Baca Baldwin Becerra Berman Blumenauer
        Ana: Thank you for the list.
    """
    assert lint_text(text, RULE) == []


def test_the_seed_interview_line_22_is_the_model_case(seed):
    findings = transcripts_lint(seed)
    (finding,) = [f for f in findings if f.rule == RULE]
    assert finding.line == 22
    assert "probably Interviewer: 6 of 6 questions so far are theirs" in finding.message


def transcripts_lint(path):
    import transcripts

    return transcripts.lint(path)
