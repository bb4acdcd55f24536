"""speakers-not-found: the document's speaker labels were not recognised, or barely."""

from __future__ import annotations

import transcripts
from tests.conftest import corpus_file
from tests.lint.conftest import lint_text

RULE = "speakers-not-found"


def test_text_with_no_speaker_label_is_reported_once_with_the_ways_out():
    text = """
        ana) Where were you on the night of the fourth?
        ben) At home, all evening, with the door locked.
        ana) Alone, with no one else in the house?
        ben) Yes.
    """
    (finding,) = lint_text(text, RULE)
    assert finding.message.startswith("No speaker labels found")
    assert "--explain" in finding.message and "--speaker" in finding.message


def test_a_rejected_label_shape_is_named_where_it_first_occurs():
    text = """
        The notes from the meeting follow.

        Yes. We agreed on the budget.

        Yes. The date is the fourth.

        Yes. Everyone will attend.
    """
    (finding,) = lint_text(text, RULE)
    assert finding.line == 3
    assert "Name. text, 3 of them" in finding.message


def test_a_transcript_whose_labels_are_found_is_quiet():
    text = """
        Ana: Where were you?
        Ben: At home.
        Ana: Alone?
    """
    assert lint_text(text, RULE) == []


def test_a_document_read_from_json_has_no_inference_and_no_finding():
    transcript = transcripts.parse("Ana: hi\nBen: hello\nAna: bye\n")
    again = transcripts.parse(transcripts.write(transcript, "json"), format="json")
    assert again.inference is None
    assert transcripts.lint(again, select=[RULE]) == []


def test_a_page_with_a_raw_copy_below_the_transcript_is_reported_as_barely_attributed():
    # From line 1390 the page holds a second, unlabelled speech-to-text copy of the talk.
    path = corpus_file("podcast-italic-name-time-security-cocktail-hour-21.md")
    (finding,) = transcripts.lint(path, select=[RULE])
    assert "attribute only" in finding.message
