"""Counting one speaker's turns fast: the `counts.TextCounts` of all of them, words per
turn, and vocabulary.

Two ways to the same numbers. `counts.profile` is the reference: it applies the rules of
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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import methodcaller

from .. import words as rules
from .. import words_fast
from .counts import TextCounts, profile

#: How many turns of one speaker are counted together.
BATCH = 1024

# Turns are joined with NULs, which end a text for the sentence rule.
_NUL = words_fast.BOUNDARY


@functools.lru_cache(maxsize=1 << 18)
def token_types(token: str) -> tuple[str, ...]:
    """The distinct-word forms (`words.word_type`) of one token's words."""
    return tuple(rules.word_type(word) for word in rules.token_words(token))


def _join(texts: list[str]) -> str:
    return _NUL + _NUL.join(texts) + _NUL


_strip_closers = methodcaller("rstrip", rules.CLOSERS)
_ends_with_question = methodcaller("endswith", tuple(rules.QUESTION_MARKS))


# A question mark that ends a text joined by `_join` (closing quotes, then white space,
# may follow it): `words.is_question` of that text, found in all of them by one scan.
_ENDS_TEXT = {
    mark: re.compile(f"{re.escape(mark)}(?=[{re.escape(rules.CLOSERS)}]*\\s*{_NUL})")
    for mark in rules.QUESTION_MARKS
}


def ends_in_questions(texts: Iterable[str]) -> list[bool]:
    """For each text, does it end in a question mark (`words.is_question`)?"""
    return list(map(_ends_with_question, map(_strip_closers, map(str.rstrip, texts))))


class TokenKinds:
    """What each distinct token of a document is, judged once for all its speakers: one
    plain word or not (`words_fast.is_plain_word`), and its `abbreviation_kind`.

    Every speaker's counter asks about the tokens it meets; without this, a file of
    thousands of speakers judged each common word thousands of times (the cost grew
    with the number of speakers, not the text). Nothing is evicted: the sets hold each
    distinct token of the document once, so no file can make them thrash.
    """

    __slots__ = ("abbreviating", "odd", "plain", "plain_types", "types")

    def __init__(self) -> None:
        self.plain: set[str] = set()
        self.odd: set[str] = set()
        self.abbreviating: dict[str, set[str]] = {"title": set(), "number": set(), "digit": set()}
        #: the one distinct-word form of each plain token (a plain token is one word)
        self.plain_types: dict[str, str] = _PlainTypes()
        #: each token's `token_types`, found once for every speaker who says it
        self.types: dict[str, tuple[str, ...]] = _Types()

    def learn(self, tokens: set[str]) -> None:
        """Judge the tokens not judged before."""
        unknown = tokens - self.plain - self.odd
        for token in unknown:
            if not words_fast.is_plain_word(token):
                self.odd.add(token)
                continue
            self.plain.add(token)
            kind = words_fast.abbreviation_kind(token)
            if kind is not None:
                self.abbreviating[kind].add(token)


class _Types(dict[str, tuple[str, ...]]):
    """`token_types` of each token, computed on first use."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        types = self[token] = token_types(token)
        return types


class _PlainTypes(dict[str, str]):
    """The one `token_types` form of each plain token, computed on first use."""

    def __missing__(self, token: str) -> str:
        (form,) = token_types(token)
        self[token] = form
        return form


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
    The counters of one document share one `TokenKinds` (`kinds`).
    """

    __slots__ = (
        "_last_ends_with_question",
        "abbreviating_tokens",
        "counts",
        "kinds",
        "other_tokens",
        "pending_continued",
        "pending_lines",
        "pending_texts",
        "plain_tokens",
        "turn_lines",
        "turn_words",
    )

    def __init__(self, kinds: TokenKinds | None = None) -> None:
        self.kinds = kinds if kinds is not None else TokenKinds()
        # The batch waiting to be counted; a hot loop may append to these lists directly
        # (they are emptied in place), then call `flush` when `BATCH` texts are waiting.
        self.pending_texts: list[str] = []
        self.pending_lines: list[int] = []
        self.pending_continued: list[int] = []  # indices of continued turns in the batch
        self._last_ends_with_question = False
        self.counts = TextCounts()
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
            words[i] = result.counts.words
            if question_ends is not None:
                question_ends[i] = result.ends_with_question
            if i == len(texts) - 1:
                last_question = result.ends_with_question
            self.counts += result.counts
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
        fresh = seen - self.plain_tokens  # a new set, sized to fit
        if not fresh:
            return fresh
        kinds = self.kinds
        kinds.learn(fresh)
        odd = fresh & kinds.odd
        plain = fresh - odd if odd else fresh
        if self.plain_tokens:
            self.plain_tokens |= plain
        else:  # the speaker's first batch: `plain` is a new set, kept rather than copied
            self.plain_tokens = plain
        for kind, tokens in kinds.abbreviating.items():
            if tokens:
                self.abbreviating_tokens[kind] |= plain & tokens
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
        final_questions = sum(
            len(pattern.findall(plain.joined))
            for mark, pattern in _ENDS_TEXT.items()
            if mark in plain.joined
        )
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
        self.counts += TextCounts(
            words=total,
            sentences=sentences,
            questions=questions,
            question_turns=final_questions,
            utterances=sentences,
            utterance_words=total,
        )

    def _add_turns(self, words: list[int], question_ends: list[bool] | None) -> None:
        """Record per-turn word counts, merging continued parts into their turn; a
        merged turn is a question turn when its last part ends in a question."""
        lines = self.pending_lines
        if question_ends is None:
            self.turn_words += words
            self.turn_lines += lines
            return
        continued = set(self.pending_continued)
        asked_twice = 0  # a turn and its continuation both ending in a question count once
        for i, (count, question) in enumerate(zip(words, question_ends, strict=True)):
            if i in continued and self.turn_words:
                self.turn_words[-1] += count
                asked_twice += self._last_ends_with_question
            else:
                self.turn_words.append(count)
                self.turn_lines.append(lines[i])
            self._last_ends_with_question = question
        if asked_twice:
            self.counts += TextCounts(question_turns=-asked_twice)

    def vocabulary(self) -> set[str]:
        """The distinct words (`words.word_type`) of all turns counted so far."""
        self.flush()
        # A plain token's one form is a dictionary look-up away: most of a speaker's
        # tokens are plain, and a file of thousands of speakers looks up millions.
        result = set(map(self.kinds.plain_types.__getitem__, self.plain_tokens))
        if self.other_tokens:
            result.update(*map(self.kinds.types.__getitem__, self.other_tokens))
        return result

    def merge(self, other: SpeakerCounter) -> None:
        """Add another counter's turns (the same speaker in another file) to this one."""
        self.flush()
        other.flush()
        self.counts += other.counts
        self.turn_words += other.turn_words
        self.turn_lines += other.turn_lines
        self.plain_tokens |= other.plain_tokens
        for kind, tokens in other.abbreviating_tokens.items():
            self.abbreviating_tokens[kind] |= tokens
        self.other_tokens |= other.other_tokens
