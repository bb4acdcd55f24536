"""non-speaker-label: a `Label:` inside the dialogue that is not a speaker."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "non-speaker-label"


def test_a_note_label_between_turns_is_reported_at_its_label():
    text = """
        Interviewer: How did the talks go?
        Guest: They went well, all things considered.
        Editor's note: This interview has been condensed.
        Interviewer: What comes next?
        Guest: More talks.
    """
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (3, 1)
    assert "“Editor's note:” inside the dialogue is not a speaker" in finding.message


def test_notes_before_the_first_turn_and_after_the_last_are_in_place():
    text = """
        Update: This interview was first published on Monday.

        Interviewer: How did the talks go?
        Guest: They went well, all things considered.
        Interviewer: What comes next?
        Guest: More talks.

        Correction: An earlier version misspelled the guest's name.
    """
    assert lint_text(text, RULE) == []


def test_a_field_with_a_value_rather_than_a_note_is_not_reported():
    for field in ("Break: [24:27]", "Date: 17-OCT-1962", "Agenda: <https://example.org/1098>"):
        text = f"""
            Interviewer: How did the talks go?
            Guest: They went well, all things considered.
            {field}
            Interviewer: What comes next?
            Guest: More talks.
        """
        assert lint_text(text, RULE) == [], field


def test_the_seed_question_for_readers_is_reported(seed):
    import transcripts

    findings = [f for f in transcripts.lint(seed) if f.rule == RULE]
    assert [(f.line, f.column) for f in findings] == [(21, 1)]
    assert "Question for Readers" in findings[0].message


def test_a_note_label_the_dialogue_uses_again_and_again_is_the_documents_own():
    note = "Editor's note: The participant smiles and leans back.\n"
    notes = "".join(f"Interviewer: Question {n}?\nE3: Answer {n}.\n{note}" for n in range(1, 4))
    assert lint_text(notes, RULE) == []
    once = f"Interviewer: Question?\nE3: Answer.\n{note}Interviewer: Next?\nE3: Yes.\n"
    assert len(lint_text(once, RULE)) == 1
