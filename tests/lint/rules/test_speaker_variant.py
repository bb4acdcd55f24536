"""speaker-variant: one person under several labels."""

from __future__ import annotations

from tests.lint.conftest import lint_text
from transcripts.linter.rules.speaker_variant import _misspelt

RULE = "speaker-variant"


def _dialogue(*labels: str) -> str:
    lines = []
    for number, label in enumerate(labels):
        other = "Interviewer" if number % 2 == 0 else label
        lines.append(f"Interviewer: Question number {number} is about the talks?")
        lines.append(f"{label}: Answer number {number}, given at some length.")
        _ = other
    return "\n".join(lines) + "\n"


def test_a_label_without_its_space_is_the_same_speaker():
    text = _dialogue("Speaker 4", "Speaker 4", "Speaker 4", "Speaker4")
    (finding,) = lint_text(text, RULE)
    assert finding.line == 8
    assert "“Speaker4” (1 turn) and “Speaker 4” (3 turns)" in finding.message
    assert "the same name written differently" in finding.message
    assert [r.line for r in finding.related] == [2]


def test_a_one_letter_misspelling_of_a_frequent_label_is_reported():
    text = _dialogue("Lukashenko", "Lukashenko", "Lukashenko", "Lukashenka")
    (finding,) = lint_text(text, RULE)
    assert "“Lukashenka”" in finding.message and "a misspelling" in finding.message


def test_a_full_name_used_again_after_the_surname_is_reported():
    text = _dialogue("Lukashenko", "Lukashenko", "Alexander Lukashenko")
    (finding,) = lint_text(text, RULE)
    assert "full name and by surname" in finding.message


def test_a_full_name_that_only_introduces_the_speaker_is_the_news_convention():
    text = _dialogue("Alexander Lukashenko", "Lukashenko", "Lukashenko", "Lukashenko")
    assert lint_text(text, RULE) == []


def test_numbered_speakers_and_honorifics_name_different_people():
    assert not _misspelt("Speaker 1", "Speaker 2")
    assert not _misspelt("Speaker 10", "Speaker 11")
    assert not _misspelt("Mr. Smithson", "Ms. Smithson")
    assert not _misspelt("J. Robertson", "K. Robertson")


def test_two_labels_both_in_regular_use_are_two_people():
    text = _dialogue("Mr. Hansen", "Mr. Hanson", "Mr. Hansen", "Mr. Hanson") * 2
    assert lint_text(text, RULE) == []


def test_different_names_are_not_variants():
    text = _dialogue("Rob Pike", "Robert Griesemer", "Rob Pike", "Carmen Andoh")
    assert lint_text(text, RULE) == []


def test_ordinal_and_qualified_roles_are_different_people():
    text = """
        First Citizen: Before we proceed any further, hear me speak.
        Second Citizen: Speak, speak.
        Fifth Citizen: We are resolved.
        Sixth Citizen: Resolved, resolved.
        Messenger: News, my lord.
        Fourth Messenger: More news.
        Messenger: And more.
        Young Marcius: I will not be trod upon.
        Marcius: Nor I.
        Marcius: Away.
    """
    assert lint_text(text, "speaker-variant") == []


def test_group_labels_and_plurals_are_not_variants_of_one_speaker():
    text = """
        Hamlet: Swear.
        ALL: We swear.
        Hamlet: Again.
        All: We swear, my lord.
        Mariner: All lost!
        Mariners: To prayers, to prayers!
        Mariner: All lost!
    """
    assert lint_text(text, "speaker-variant") == []
