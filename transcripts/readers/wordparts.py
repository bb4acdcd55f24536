"""Timed words into parts: runs cut where the speaker changes, and into sentences of
about two caption lines at word times, for sources that time words but give no
caption-sized segments (speech-to-text services, word-level podcast transcripts)."""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple

from ..model import Word
from .turns import Part

#: A part made from words closes at a sentence end once it holds this many characters,
#: and at a word boundary once it would exceed twice as many: two caption lines.
HALF_PIECE = 42
MAX_PIECE = 84


class Spoken(NamedTuple):
    """A word and who said it (None: the service names no one)."""

    word: Word
    speaker: str | None


def parts_from_words(units: Iterable[Iterable[tuple[Word, str | None]]]) -> list[Part]:
    """Parts from runs of words (a service's utterances or segments; one run when it has
    none), each word with who said it (`Spoken`, or any such pair): each run cut where
    the speaker changes, and into sentences of about two caption lines (`HALF_PIECE`,
    `MAX_PIECE`) at word times."""
    parts: list[Part] = []
    for unit in units:
        words: list[Word] = []  # the part being made: its words, their texts, its size
        texts: list[str] = []
        speaker: str | None = None  # the part's speaker
        size = 0
        for word, said_by in unit:
            text = word[0]
            if words and (said_by != speaker or size + len(text) > MAX_PIECE):
                parts.append(_part(words, texts, speaker))
                words, texts, size = [], [], 0
            words.append(word)
            texts.append(text)
            speaker = said_by
            size += len(text) + 1
            if size >= HALF_PIECE and text.endswith((".", "?", "!")):
                parts.append(_part(words, texts, speaker))
                words, texts, size = [], [], 0
        if words:
            parts.append(_part(words, texts, speaker))
    return parts


_START, _END = itemgetter(1), itemgetter(2)


def _part(words: list[Word], texts: list[str], speaker: str | None) -> Part:
    """The part of these words (and their texts), said by `speaker`."""
    try:  # the usual run: every word timed
        start, end = min(map(_START, words)), max(map(_END, words))
    except TypeError:  # some times unknown: the known ones
        starts = [word.start for word in words if word.start is not None]
        ends = [word.end for word in words if word.end is not None]
        start, end = (min(starts) if starts else None), (max(ends) if ends else None)
    said = tuple(words)
    return Part(" ".join(texts), start, end, 0, 0, speaker is not None, speaker, said)


def split_at_ends(spoken: list[Spoken], ends: Iterable[float]) -> list[list[Spoken]]:
    """The words cut into runs at the given end times (a service's segments or
    sentences): a word that starts at or after an end opens the next run."""
    runs: list[list[Spoken]] = []
    run: list[Spoken] = []
    boundaries = iter(sorted(ends))
    boundary = next(boundaries, None)
    for entry in spoken:
        start = entry.word.start
        while boundary is not None and start is not None and start >= boundary:
            if run:
                runs.append(run)
                run = []
            boundary = next(boundaries, None)
        run.append(entry)
    if run:
        runs.append(run)
    return runs
