"""What `stats` counts in speech, and the reference count of one text.

`TextCounts` is the record of those numbers; counts of several texts (or speakers, or
files) add up with `+`. A new count is a field here, computed by `profile` (the
reference) and by `counting.SpeakerCounter` (the fast path, tested against it), and
reported by a measure in `measures`; sums, merges and totals follow from the field.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from .. import words as rules


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Numbers counted in speech. Sentences are `words.sentences`; a question is a
    sentence that `words.is_question`; an utterance, as in CLAN and pylangacq, is a
    sentence with at least one word and no code for unintelligible speech (`xxx`)."""

    words: int = 0
    sentences: int = 0
    questions: int = 0
    #: turns whose last sentence is a question
    question_turns: int = 0
    utterances: int = 0
    #: words in utterances, for the mean length of utterance
    utterance_words: int = 0

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(*map(operator.add, _values(self), _values(other)))

    @staticmethod
    def summed(counts: Iterable[TextCounts]) -> TextCounts:
        """The sum of many counts, field by field (`sum` would make one per addition)."""
        return TextCounts(*map(sum, zip(*map(_values, counts), strict=True)))

    def as_dict(self) -> dict[str, int]:
        return dict(zip(_NAMES, _values(self), strict=True))


_NAMES = tuple(f.name for f in fields(TextCounts))
_values = operator.attrgetter(*_NAMES)


@dataclass(slots=True)
class Profile:
    """What one text contributes (see `profile`)."""

    counts: TextCounts
    ends_with_question: bool = False
    tokens: list[str] = field(default_factory=list)


def profile(text: str) -> Profile:
    """The reference count of one turn's text, notes removed first (`words.speech`)."""
    spoken = rules.speech(text)
    words = sentences = questions = utterances = utterance_words = 0
    last = None
    for sentence in rules.sentences(spoken):
        count = len(rules.token_words(sentence))
        words += count
        sentences += 1
        questions += rules.is_question(sentence)
        if count and not rules.is_unintelligible(sentence):
            utterances += 1
            utterance_words += count
        last = sentence
    asks = last is not None and rules.is_question(last)
    counts = TextCounts(words, sentences, questions, int(asks), utterances, utterance_words)
    return Profile(counts, asks, spoken.split())
