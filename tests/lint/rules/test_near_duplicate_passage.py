"""near-duplicate-passage: a passage repeated with small edits, found in linear time."""

from __future__ import annotations

from tests.lint.conftest import lint_text
from transcripts.linter.rules.near_duplicate_passage import _expand, _similar

RULE = "near-duplicate-passage"

ORIGINAL = "I don't think anyone in this region wants to see the conflict grow any wider."


def _text(later: str) -> str:
    return (
        f"Lukashenko: {ORIGINAL}\n"
        "Interviewer: What about the talks in Geneva next month?\n"
        "Lukashenko: We will send a delegation, as always.\n"
        "Interviewer: And the sanctions?\n"
        "Lukashenko: They are a mistake.\n"
        "Interviewer: Why?\n"
        "Lukashenko: Because they hurt ordinary people most.\n"
        "Interviewer: And the border?\n"
        f"Lukashenko: {later}\n"
    )


def test_contractions_expanded_make_a_near_duplicate():
    later = "I do not think anyone in this region wants to see the conflict grow any wider."
    (finding,) = lint_text(_text(later), RULE)
    assert finding.line == 9 and finding.related[0].line == 1
    assert finding.message.startswith("nearly repeats line 1:")


def test_one_word_changed_makes_a_near_duplicate():
    later = "I don't think anyone in this region wants to see the war grow any wider."
    assert [f.line for f in lint_text(_text(later), RULE)] == [9]


def test_a_different_sentence_is_not_a_near_duplicate():
    later = "I don't think anyone in Minsk expects the border to open again this year."
    assert lint_text(_text(later), RULE) == []


def test_an_exact_copy_is_left_to_duplicate_passage():
    assert lint_text(_text(ORIGINAL), RULE) == []


def test_a_question_quoting_earlier_words_is_not_a_copy():
    later = "You said nobody in this region wants to see the conflict grow any wider, right?"
    assert lint_text(_text(later), RULE) == []


def test_the_threshold_is_an_option():
    later = "I don't think anyone in this region wants to see the war spread any further."
    assert lint_text(_text(later), RULE) == []
    assert [f.line for f in lint_text(_text(later), RULE, threshold=0.7)] == [9]


def test_sentences_that_differ_in_numbers_only_are_a_template():
    assert not _similar(
        "mr chairman i yield 2 minutes to the gentleman from new jersey mr smith",
        "mr chairman i yield 5 minutes to the gentleman from new jersey mr smith",
        0.85,
        10,
    )


def test_contractions_are_written_out_for_comparison():
    assert _expand("i don t think it s true and we re sure".split()) == (
        "i do not think it is true and we are sure".split()
    )
    assert _expand("they won t and can t".split()) == "they will not and can not".split()
