"""Word and sentence rules, checked on hand-counted examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts.words import (
    count_words,
    is_question,
    is_unintelligible,
    sentences,
    speech,
    token_words,
    word_type,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't stop", ["Don't", "stop"]),
        ("it’s fine", ["it’s", "fine"]),  # a curly apostrophe stays inside the word
        ("a state-of-the-art idea", ["a", "state-of-the-art", "idea"]),
        ("up to 12,000 soldiers, 3.5 km", ["up", "to", "12,000", "soldiers", "3.5", "km"]),
        ("“Nonsense,” he said — twice.", ["Nonsense", "he", "said", "twice"]),
        ("Лукашенко и Путин", ["Лукашенко", "и", "Путин"]),
        ("José Martí", ["José", "Martí"]),
        ("- -- ... !", []),
    ],
)
def test_words_follow_the_documented_rules(text, expected):
    assert words(text) == expected
    assert count_words(text) == len(expected)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # contractions: I | don't | think | it's | over | y'all | 'cause | ma'am
        ("I don't think it's over, y'all, 'cause ma'am said so.", 10),
        # curly quotes and apostrophes: It’s | the | best | isn’t | it
        ("It’s the ‘best’ – isn’t it?", 5),
        ("“Yes,” she said. «Non», dit-il.", 5),  # Yes | she | said | Non | dit-il
        # hyphenated words are one word; dashes between words are not words
        ("A well-known, 24-hour, state-of-the-art lab", 5),
        ("yes—no -- maybe - ok – fine", 5),  # yes | no | maybe | ok | fine
        ("co\u2011operate", 1),  # a non-breaking hyphen joins too
        # numbers: 12,000 | troops | 3.5 | km | 40 | in | the | 1990s | at | 9 | 30
        ("12,000 troops, 3.5 km, $40 in the 1990s at 9:30", 11),
        ("the U.S. and e.g. Mr. Smith", 6),  # the | U.S | and | e.g | Mr | Smith
        # names in other scripts: Александр | Лукашенко | met | Σωκράτης | and | Ángela
        ("Александр Лукашенко met Σωκράτης and Ángela", 6),
        ("قال الرئيس بوتين", 3),
        ("नमस्ते दुनिया", 2),  # vowel signs are combining marks inside the word
        ("Jose\u0301 Marti\u0301", 2),  # decomposed accents too
        ("김정은 위원장", 2),  # Korean puts spaces between words
        ("习近平说", 4),  # Chinese: one word per character
        ("東京タワー", 5),  # Japanese likewise
        # a URL or an e-mail address is one word
        ("see https://example.com/a?b=1, or write to press@example.org.", 6),
        # notes by the transcriber are not speech
        ("Well (laughs) I [inaudible] said [crosstalk 01:07:27] no \\[04:22\\] (Applause.)", 4),
        ("[Redacted] spoke (me, myself and I)", 6),  # asides that are speech stay
        ("see [the docs](https://example.com) now", 4),  # a link's target is not said
        ("xxx yyy www", 0),  # CHAT codes for unintelligible or untranscribed speech
    ],
)
def test_hand_counted_words(text, count):
    assert count_words(text) == count, words(text)


def test_notes_saying_speech_was_unintelligible_become_the_chat_code():
    assert speech("He said (inaudible) and left").split() == ["He", "said", "xxx", "and", "left"]
    assert is_unintelligible("He said xxx and left.")
    assert not is_unintelligible("He said xxxl and left.")
    assert speech("(Laughter.) Yes") == "  Yes"


def test_word_types_ignore_case_and_the_apostrophe_style():
    assert word_type("It’s") == word_type("it's") == "it's"


def test_sentences_split_at_end_punctuation_followed_by_a_capital():
    text = "Thank you, President Lukashenko. Given this, what do you think? I agree! OK"
    assert sentences(text) == [
        "Thank you, President Lukashenko.",
        "Given this, what do you think?",
        "I agree!",
        "OK",
    ]


def test_sentences_do_not_split_after_abbreviations_and_initials():
    text = "Mr. Smith met Dr. Jones in the U.S. Army. J. Smith left."
    assert sentences(text) == ["Mr. Smith met Dr. Jones in the U.S. Army.", "J. Smith left."]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("He said “Yes.” Then he left.") == ["He said “Yes.”", "Then he left."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I said no. Then No. 5 won.", ["I said no.", "Then No. 5 won."]),
        ("Is it the U.S.? Yes.", ["Is it the U.S.?", "Yes."]),
        ("I was... thinking. Really?! Yes.", ["I was... thinking.", "Really?!", "Yes."]),
        ("Wait… what? (Laughter.) No.", ["Wait… what?", "(Laughter.)", "No."]),
        ("¿Qué? ¡Nada! Bueno.", ["¿Qué?", "¡Nada!", "Bueno."]),
        ("好。你呢？我很好！", ["好。", "你呢？", "我很好！"]),
        ("It ended at 5 p.m. Then we left.", ["It ended at 5 p.m.", "Then we left."]),
        ("no end here", ["no end here"]),
        ("", []),
    ],
)
def test_sentence_ends(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("sentence", "question"),
    [("Why?", True), ("He asked “why?”", True), ("Really?!", False), ("No.", False), ("？", True)],
)
def test_a_question_ends_in_a_question_mark(sentence, question):
    assert is_question(sentence) is question


@given(st.text())
def test_words_never_span_white_space(text):
    assert words(text) == [w for token in speech(text).split() for w in token_words(token)]
