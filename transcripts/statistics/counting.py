"""Counting one speaker's turns: words, sentences, questions, utterances, vocabulary.

Two ways to the same numbers. `profile` is the reference: it applies the rules of
`transcripts.words` to one text, plainly. `SpeakerCounter` gets the same numbers for a
whole transcript at close to the speed of reading it, which the rules allow because a
word never spans white space:

* a turn's words are its white-space separated tokens, once every token is known to hold
  exactly one word; each distinct token is checked once per speaker, and a turn holding
  a token that is not one plain word (a bare dash, "well--I", "12:30", a CHAT code), a
  note in brackets or a NUL character is counted by `profile` instead;
* sentence ends are marked in a batch of turns joined with `words_fast.BOUNDARY` by
  `words_fast.mark_sentence_ends`, the fast twin of the sentence rule, and counted.

The tests check that both ways agree on any text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import methodcaller

from .. import words as rules
from .. import words_fast

#: How many turns of one speaker are counted together.
BATCH = 1024

# Turns are joined with NULs, which end a text for the sentence rule.
_NUL = words_fast.BOUNDARY


@dataclass(slots=True)
class TurnProfile:
    """What one text contributes: see `profile`."""

    words: int = 0
    sentences: int = 0
    questions: int = 0
    utterances: int = 0
    utterance_words: int = 0
    ends_with_question: bool = False
    tokens: list[str] = field(default_factory=list)


def profile(text: str) -> TurnProfile:
    """The reference count of one turn's text.

    Notes are removed first (`words.speech`); a sentence is a question when it ends in a
    question mark; an utterance, as in CLAN and pylangacq, is a sentence with at least one
    word and no code for unintelligible speech (`xxx`).
    """
    spoken = rules.speech(text)
    result = TurnProfile(tokens=spoken.split())
    last = None
    for sentence in rules.sentences(spoken):
        count = len(rules.token_words(sentence))
        result.words += count
        result.sentences += 1
        if rules.is_question(sentence):
            result.questions += 1
        if count and not rules.is_unintelligible(sentence):
            result.utterances += 1
            result.utterance_words += count
        last = sentence
    result.ends_with_question = last is not None and rules.is_question(last)
    return result


@functools.lru_cache(maxsize=1 << 18)
def token_types(token: str) -> tuple[str, ...]:
    """The distinct-word forms (`words.word_type`) of one token's words."""
    return tuple(rules.word_type(word) for word in rules.token_words(token))


def _join(texts: list[str]) -> str:
    return _NUL + _NUL.join(texts) + _NUL


_strip_closers = methodcaller("rstrip", rules.CLOSERS)
_ends_with_question = methodcaller("endswith", tuple(rules.QUESTION_MARKS))


def ends_in_questions(texts: Iterable[str]) -> list[bool]:
    """For each text, does it end in a question mark (`words.is_question`)?"""
    return list(map(_ends_with_question, map(_strip_closers, map(str.rstrip, texts))))


@dataclass
class _Plain:
    """The plain texts of a batch: their indices in it, their tokens, the texts joined
    with NULs, and the distinct tokens `seen`."""

    indices: list[int]
    texts: list[str]
    tokens: list[list[str]]
    joined: str
    seen: set[str] = field(default_factory=set)

    def without(self, leave_out: set[int]) -> _Plain:
        keep = [k for k, i in enumerate(self.indices) if i not in leave_out]
        texts = [self.texts[k] for k in keep]
        return _Plain(
            [self.indices[k] for k in keep],
            texts,
            [self.tokens[k] for k in keep] if self.tokens else [],
            _join(texts),
            self.seen,
        )


class SpeakerCounter:
    """Counts one speaker's turns, a batch at a time (see the module docstring).

    Add each of the speaker's turn texts with `add`, in order; a text with `continued`
    set resumes the speaker's previous turn. Call `flush` before reading the counts.
    """

    __slots__ = (
        "_last_ends_with_question",
        "abbreviating_tokens",
        "other_tokens",
        "pending_continued",
        "pending_lines",
        "pending_texts",
        "plain_tokens",
        "question_turns",
        "questions",
        "sentences",
        "turn_lines",
        "turn_words",
        "utterance_words",
        "utterances",
        "words",
    )

    def __init__(self) -> None:
        # The batch waiting to be counted; a hot loop may append to these lists directly
        # (they are emptied in place), then call `flush` when `BATCH` texts are waiting.
        self.pending_texts: list[str] = []
        self.pending_lines: list[int] = []
        self.pending_continued: list[int] = []  # indices of continued turns in the batch
        self._last_ends_with_question = False
        self.words = 0
        self.sentences = 0
        self.questions = 0
        self.question_turns = 0
        self.utterances = 0
        self.utterance_words = 0
        self.turn_words: list[int] = []  # per turn, continued parts included
        self.turn_lines: list[int] = []  # the line each turn starts on
        self.plain_tokens: set[str] = set()  # tokens known to be one plain word each
        # Plain tokens by `words_fast.abbreviation_kind`: a batch with none that needs
        # them is counted without the abbreviation checks.
        self.abbreviating_tokens: dict[str, set[str]] = {
            "title": set(),
            "number": set(),
            "digit": set(),
        }
        self.other_tokens: set[str] = set()  # tokens of turns counted by `profile`

    def add(self, text: str, line: int = 0, continued: bool = False) -> None:
        if continued:
            self.pending_continued.append(len(self.pending_texts))
        self.pending_texts.append(text)
        self.pending_lines.append(line)
        if len(self.pending_texts) >= BATCH:
            self.flush()

    @property
    def turns(self) -> int:
        return len(self.turn_words)

    def flush(self) -> None:
        """Count the pending texts."""
        texts = self.pending_texts
        if not texts:
            return
        plain, slow = self._sort_out(texts)
        words = [0] * len(texts)
        question_ends = [False] * len(texts) if self.pending_continued else None
        if plain.texts:
            self._count_plain(plain, words, question_ends)
        last_question = rules.is_question(texts[-1])  # unless the last text is slow
        for i in sorted(slow):
            result = profile(texts[i])
            words[i] = result.words
            if question_ends is not None:
                question_ends[i] = result.ends_with_question
            if i == len(texts) - 1:
                last_question = result.ends_with_question
            self.words += result.words
            self.sentences += result.sentences
            self.questions += result.questions
            self.question_turns += result.ends_with_question
            self.utterances += result.utterances
            self.utterance_words += result.utterance_words
            self.other_tokens.update(result.tokens)
        self._add_turns(words, question_ends)
        self._last_ends_with_question = last_question
        texts.clear()
        self.pending_lines.clear()
        self.pending_continued.clear()

    def _sort_out(self, texts: list[str]) -> tuple[_Plain, set[int]]:
        """Split a batch into plain texts (every token one plain word, no notes) and the
        indices of the others, which `profile` counts."""
        joined = _join(texts)
        slow: set[int] = set()
        if "[" in joined or "(" in joined or joined.count(_NUL) != len(texts) + 1:
            slow = {i for i, text in enumerate(texts) if rules.has_notes(text) or _NUL in text}
        plain = _Plain(list(range(len(texts))), texts, [], joined)
        if slow:
            plain = plain.without(slow)
        plain.tokens = list(map(str.split, plain.texts))
        plain.seen.update(*plain.tokens)
        odd = self._learn(plain.seen)
        if odd:
            unusual = {
                i
                for i, parts in zip(plain.indices, plain.tokens, strict=True)
                if not odd.isdisjoint(parts)
            }
            slow |= unusual
            plain = plain.without(unusual)
        return plain, slow

    def _learn(self, seen: set[str]) -> set[str]:
        """Remember which new tokens are one plain word; return the tokens of `seen` that
        are not."""
        fresh = seen - self.plain_tokens
        if not fresh:
            return fresh
        odd = {token for token in fresh if not words_fast.is_plain_word(token)}
        plain = fresh - odd
        self.plain_tokens |= plain
        for token in plain:
            kind = words_fast.abbreviation_kind(token)
            if kind is not None:
                self.abbreviating_tokens[kind].add(token)
        return odd

    def _count_plain(
        self, plain: _Plain, words: list[int], question_ends: list[bool] | None
    ) -> None:
        """Count texts whose every token is one plain word: a word per token, and an
        utterance per sentence (no sentence can lack a word)."""
        abbreviations = words_fast.checks_abbreviations(
            kind
            for kind, tokens in self.abbreviating_tokens.items()
            if not tokens.isdisjoint(plain.seen)
        )
        sentences, questions = words_fast.count_sentences(plain.joined, abbreviations=abbreviations)
        final_questions = sum(ends_in_questions(plain.texts))
        counts = list(map(len, plain.tokens))
        if len(counts) == len(words):
            words[:] = counts
        else:
            for i, count in zip(plain.indices, counts, strict=True):
                words[i] = count
        if question_ends is not None:
            asked = ends_in_questions(plain.texts)
            for i, question in zip(plain.indices, asked, strict=True):
                question_ends[i] = question
        total = sum(counts)
        self.words += total
        self.sentences += sentences
        self.utterances += sentences
        self.utterance_words += total
        self.questions += questions
        self.question_turns += final_questions

    def _add_turns(self, words: list[int], question_ends: list[bool] | None) -> None:
        """Record per-turn word counts, merging continued parts into their turn; a
        merged turn is a question turn when its last part ends in a question."""
        lines = self.pending_lines
        if question_ends is None:
            self.turn_words += words
            self.turn_lines += lines
            return
        continued = set(self.pending_continued)
        for i, (count, question) in enumerate(zip(words, question_ends, strict=True)):
            if i in continued and self.turn_words:
                self.turn_words[-1] += count
                self.question_turns -= self._last_ends_with_question
            else:
                self.turn_words.append(count)
                self.turn_lines.append(lines[i])
            self._last_ends_with_question = question

    def vocabulary(self) -> set[str]:
        """The distinct words (`words.word_type`) of all turns counted so far."""
        self.flush()
        result: set[str] = set()
        for tokens in (self.plain_tokens, self.other_tokens):
            if tokens:
                result.update(*map(token_types, tokens))
        return result

    def merge(self, other: SpeakerCounter) -> None:
        """Add another counter's turns (the same speaker in another file) to this one."""
        self.flush()
        other.flush()
        for name in ("words", "sentences", "questions", "question_turns", "utterances"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.utterance_words += other.utterance_words
        self.turn_words += other.turn_words
        self.turn_lines += other.turn_lines
        self.plain_tokens |= other.plain_tokens
        for kind, tokens in other.abbreviating_tokens.items():
            self.abbreviating_tokens[kind] |= tokens
        self.other_tokens |= other.other_tokens
