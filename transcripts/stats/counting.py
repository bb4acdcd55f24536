"""Counting one speaker's turns: words, sentences, questions, utterances, vocabulary.

Two ways to the same numbers. `profile` is the reference: it applies the rules of
`transcripts.words` to one text, plainly. `SpeakerCounter` gets the same numbers for a
whole transcript at close to the speed of reading it, which the rules allow because a
word never spans white space:

* a turn's words are its white-space separated tokens, once every token is known to hold
  exactly one word; each distinct token is checked once per speaker, and a turn holding
  a token that is not one plain word (a bare dash, "well--I", "12:30", a CHAT code), a
  note in brackets or a NUL character is counted by `profile` instead;
* sentence ends are found by a few regular expressions over a batch of turns joined with
  NUL characters, each led by a literal `.`, `?` or `!` so the scan runs at C speed.

The tests check that both ways agree on any text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import methodcaller
from typing import Any

from .. import words as rules

#: How many turns of one speaker are counted together.
BATCH = 1024

# Turns are joined with NULs, which stop every sentence rule (see `SentenceEnds`).
_NUL = "\x00"


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


_PLAIN_ASCII = re.compile(
    r"[^A-Za-z0-9]*([A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+|(?<=[0-9]),[0-9]+)*)[^A-Za-z0-9]*"
)


@functools.lru_cache(maxsize=1 << 18)
def _is_plain_word(token: str) -> bool:
    """Is this white-space free token exactly one word, not a CHAT code, and free of the
    marks that end a sentence with no space after them (so no sentence inside it lacks
    a word)?"""
    if token.isascii():
        # The word rules restricted to ASCII, in `re`: punctuation around one word.
        found = _PLAIN_ASCII.fullmatch(token)
        if found is not None:
            return found.group(1) not in rules.UNINTELLIGIBLE_CODES
    return (
        len(rules.token_words(token)) == 1
        and not rules.is_unintelligible(token)
        and not any(mark in token for mark in rules.CJK_TERMINALS)
    )


@functools.lru_cache(maxsize=1 << 18)
def token_types(token: str) -> tuple[str, ...]:
    """The distinct-word forms (`words.word_type`) of one token's words."""
    return tuple(rules.word_type(word) for word in rules.token_words(token))


class SentenceEnds:
    """Counts, in turns joined by NUL characters, the sentence ends that more text of
    their turn follows, how many of them are questions, and how many turns end in a
    question (the rule is `words.sentence_end_pattern`).

    ASCII text, the common case, is scanned by `re` patterns that each begin with a
    literal `.`, `?` or `!`, which `re` finds at C speed; the abbreviation checks run only
    when a batch holds a token that could trigger them.
    """

    def __init__(self) -> None:
        before = r"[\s\x00\"'(\[]"
        after = r"[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"
        titles = "|".join(re.escape(a) for a in sorted(rules.ABBREVIATIONS))
        numbers = "|".join(re.escape(a) for a in sorted(rules.NUMBER_ABBREVIATIONS))
        self._title = re.compile(rf"(?:^|{before})(?:(?i:{titles})|[A-Z])\.")
        self._number = re.compile(rf"(?:^|{before})(?i:{numbers})\.")
        not_abbreviated = "".join(
            rf"(?<!{before}(?i:{'|'.join(group)})\.)"
            for group in _by_length(rules.ABBREVIATIONS).values()
        )
        numbered = "|".join(
            rf"(?<={before}(?i:{'|'.join(group)})\.)"
            for group in _by_length(rules.NUMBER_ABBREVIATIONS).values()
        )
        # Runs led by a full stop: full stops only (captured as ""), where the abbreviation
        # checks apply, or full stops then ? or ! (the run's last mark is captured).
        checks = rf"{not_abbreviated}(?<!{before}[A-Z]\.)(?!(?:{numbered})\.*[\"')\]]*\s+[0-9])"
        dots = r"\.(?<![.?!]\.)(?:{}\.*(?![?!])|\.*(?=[?!])[.?!]*([.?!])){}"
        self._dots_checked = re.compile(dots.format(checks, after))
        self._dots = re.compile(dots.format("", after))
        # Runs led by ? or !: the last mark is captured when the run is longer than one.
        self._question = re.compile(rf"\?(?<![.?!]\?)(?:[.?!]*([.?!]))?{after}")
        self._exclamation = re.compile(rf"!(?<![.?!]!)(?:[.?!]*([.?!]))?{after}")
        self._final_question = re.compile(r"\?[\"')\]]*\s*\x00")

    @functools.cached_property
    def _unicode(self) -> Any:
        import regex

        return regex.compile(rules.sentence_end_pattern(followed_by_text_only=True))

    def token_kinds(self, token: str) -> list[str]:
        """The abbreviation rules a token could take part in: "title" (it holds an
        abbreviation or an initial), "number" ("No."), "digit" (it starts with a digit,
        as a number after "No." does)."""
        kinds = []
        if self._title.search(token):
            kinds.append("title")
        if self._number.search(token):
            kinds.append("number")
        if token[:1].isdigit():
            kinds.append("digit")
        return kinds

    def count(self, joined: str, abbreviations: bool = True) -> tuple[int, int]:
        """(sentence ends, question ends) in `joined` that more text of their turn
        follows; `abbreviations=False` promises that no abbreviation rule can apply (see
        `token_kinds`)."""
        if not joined.isascii():
            found = self._unicode.findall(joined)
            questions = sum(
                1 for end in found if end.rstrip(rules.CLOSERS)[-1:] in rules.QUESTION_MARKS
            )
            return len(found), questions
        marks = (self._dots_checked if abbreviations else self._dots).findall(joined)
        ends = len(marks)
        questions = marks.count("?")
        if "?" in joined:
            marks = self._question.findall(joined)
            ends += len(marks)
            questions += len(marks) - marks.count(".") - marks.count("!")
        if "!" in joined:
            marks = self._exclamation.findall(joined)
            ends += len(marks)
            questions += marks.count("?")
        return ends, questions

    def final_questions(self, joined: str, texts: list[str]) -> int:
        """How many of the joined `texts` end in a question mark (`words.is_question`)."""
        if joined.isascii():
            return len(self._final_question.findall(joined)) if "?" in joined else 0
        return sum(ends_in_questions(texts))


def _by_length(abbreviations: Iterable[str]) -> dict[int, list[str]]:
    """Escaped abbreviations grouped by length: `re` lookbehinds need a fixed width."""
    groups: dict[int, list[str]] = {}
    for abbreviation in sorted(abbreviations):
        groups.setdefault(len(abbreviation), []).append(re.escape(abbreviation))
    return groups


@functools.cache
def _sentence_ends() -> SentenceEnds:
    return SentenceEnds()


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
        "marked_tokens",
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
        self.other_tokens: set[str] = set()  # tokens of turns counted by `profile`
        # Plain tokens that may trigger an abbreviation rule: "title" ("Mr.", "J."),
        # "number" ("No."), and "digit" (starting with a digit, as after "No.").
        self.marked_tokens: dict[str, set[str]] = {"title": set(), "number": set(), "digit": set()}

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
        odd = {token for token in fresh if not _is_plain_word(token)}
        plain = fresh - odd
        self.plain_tokens |= plain
        ends = _sentence_ends()
        for token in plain:
            for kind in ends.token_kinds(token):
                self.marked_tokens[kind].add(token)
        return odd

    def _abbreviations(self, seen: set[str]) -> bool:
        """Might an abbreviation rule apply to this batch's tokens? (If not, the sentence
        scan can skip its checks.)"""
        marked = self.marked_tokens
        return not marked["title"].isdisjoint(seen) or (
            not marked["number"].isdisjoint(seen) and not marked["digit"].isdisjoint(seen)
        )

    def _count_plain(
        self, plain: _Plain, words: list[int], question_ends: list[bool] | None
    ) -> None:
        """Count texts whose every token is one plain word: a word per token, and an
        utterance per sentence (no sentence can lack a word)."""
        ends = _sentence_ends()
        inner, questions = ends.count(plain.joined, self._abbreviations(plain.seen))
        final_questions = ends.final_questions(plain.joined, plain.texts)
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
        sentences = inner + sum(map(bool, counts))  # a text's last sentence needs no end
        total = sum(counts)
        self.words += total
        self.sentences += sentences
        self.utterances += sentences
        self.utterance_words += total
        self.questions += questions + final_questions
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
        self.other_tokens |= other.other_tokens
