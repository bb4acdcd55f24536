"""Word and sentence rules, checked on hand-counted examples."""

from __future__ import annotations

import pytest

from transcripts.words import count_words, sentences, words


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
