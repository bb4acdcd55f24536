"""An editor's note under a published interview: the words a note needs are looked for
before its pattern, and that changes no answer for notes in lower case or capitalised
(a note in capitals is not looked for, as before)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import paragraphs
from transcripts.readers.text.paragraphs import is_editorial_note

_PIECES = [
    "This interview ", "The conversation ", "Responses ", "has been ", "was ", "were ",
    "lightly ", "edited", "Edited", "condensed", "Abridged", "shortened", "Shortened",
    " and ", ", ", " for ", "length", "clarity", "brevity", "CLARITY", "readability", "ſpace",
    "style", ".", "*", "_", " ", "\t", "He ", "the film",
    "x" * 100,
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_the_words_looked_for_first_change_no_answer(text):
    quick = paragraphs._mentions_editing(text)
    assert (quick and is_editorial_note(text)) == is_editorial_note(text)


def test_every_way_of_saying_the_interview_was_edited_is_a_note_and_a_sentence_is_not():
    for note in (
        "This interview has been edited and condensed for clarity.",
        "This interview was abridged for length.",
        "Responses have been shortened for clarity.",
    ):
        assert paragraphs.classify(note, in_dialogue=False) == "prose", note
    assert paragraphs.classify("He edited the film.", in_dialogue=False) is None


def test_capitals_that_stay_capitals_in_lower_case_are_asked_once():
    # "𝜦" (a mathematical capital) is upper case and its own lower case: the test for a
    # note in capitals once recursed until the stack ran out on it
    assert not paragraphs._mentions_editing("𝜦 ϒ")
    assert paragraphs._mentions_editing("THIS INTERVIEW HAS BEEN EDITED.")


def test_a_paragraph_of_such_capitals_parses():
    from transcripts import parse

    transcript = parse("Ana: hi\n\n𝜦\n\nBen: hello\n")
    assert [turn.speaker for turn in transcript.turns()] == ["Ana", "Ben"]
