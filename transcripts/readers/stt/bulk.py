"""Timed words read a whole list at a time, in C loops (`map`, `zip`, `set`) instead of a
Python loop per word: the usual list of a service that writes tens of thousands of
words, where every word has the same keys and its times are numbers in range.

This is the readers' fast path, and only that. The reference is each reader's
word-at-a-time code: every function here answers None for a list with anything unusual
in it (a missing key, a null, a time in another form or out of range, a confidence that
is not a finite number), and the reader then reads that list word by word, which reads
every form and names the place of an error. Where these answer, they answer what the
word-at-a-time code gives (`tests/readers/test_stt_fast.py` pits the two against each
other on every fixture, the real samples and generated lists).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, pairwise, repeat
from typing import Any

from ...model import Word
from ...timecode import MAX_SECONDS
from ..wordparts import Spoken
from .common import plain_seconds, speaker_label

_new = tuple.__new__  # a named tuple made in C, without its Python `__new__`


def timed_words(
    raw: Any,
    text_keys: Sequence[str],
    start_key: str,
    end_key: str,
    scale: float = 1.0,
    confidence_keys: Sequence[str] = (),
) -> list[Word] | None:
    """`make_word` of each word of the list `raw`: its text at the first of `text_keys`
    (the others are where a service may write it instead), times at `start_key` and
    `end_key` in units of `scale` seconds, confidence at the first of `confidence_keys`
    (as `word.get(first, word.get(second, ...))` reads them). None when any word is
    unusual (see the module docstring)."""
    if type(raw) is not list or not raw or not _all(raw, dict):
        return None
    texts = _first_of(raw, text_keys)
    if texts is None or not _all(texts, str):
        return None
    starts = _times(_values(raw, start_key), scale)
    if starts is None:
        return None
    ends = _times(_values(raw, end_key), scale)
    if ends is None:
        return None
    confidences = _confidences(raw, confidence_keys)
    if confidences is None:
        return None
    ends = list(map(max, ends, starts))  # an end never before its start; a tie keeps the end
    return list(
        map(_new, repeat(Word), zip(map(str.strip, texts), starts, ends, confidences, strict=True))
    )


def timed_words_of(
    holders: Any,
    key: str,
    text_keys: Sequence[str],
    start_key: str,
    end_key: str,
    scale: float = 1.0,
    confidence_keys: Sequence[str] = (),
) -> list[list[Word]] | None:
    """`timed_words` of the list at `key` of each of `holders` (a service's segments or
    utterances), read as one list: None unless every holder is an object with a list
    there and every word is usual."""
    if type(holders) is not list or not holders or not _all(holders, dict):
        return None
    lists = _values(holders, key)
    if not _all(lists, list):
        return None
    words = timed_words(
        list(chain.from_iterable(lists)), text_keys, start_key, end_key, scale, confidence_keys
    )
    if words is None:
        return None
    bounds = pairwise(accumulate(map(len, lists), initial=0))
    return [words[start:end] for start, end in bounds]


def said_by(raw: list[dict[str, Any]], key: str, default: str | None = None) -> list[str | None]:
    """The words' speakers: `speaker_label` of each word's `key`, else `default`, each
    distinct label worked out once."""
    labels = _values(raw, key)
    kinds = set(map(type, labels))
    if kinds <= {str, int, type(None)}:  # hashable, and no True beside 1
        names = {label: speaker_label(label) or default for label in set(labels)}
        return list(map(names.__getitem__, labels))  # type: ignore[arg-type]
    return [speaker_label(label) or default for label in labels]


def spoken(words: list[Word], speakers: list[str | None]) -> list[Spoken]:
    """Each word with its speaker, as `Spoken`."""
    return list(map(_new, repeat(Spoken), zip(words, speakers, strict=True)))


def _first_of(raw: list[dict[str, Any]], keys: Sequence[str]) -> list[Any] | None:
    """Each word's value at the first of `keys` it holds, when every word holds the same
    one (None when they differ); all None when no word holds any."""
    for key in keys:
        held = list(map(dict.__contains__, raw, repeat(key)))
        if all(held):
            return _values(raw, key)
        if any(held):
            return None
    return [None] * len(raw)


def _values(raw: list[dict[str, Any]], key: str) -> list[Any]:
    return list(map(dict.get, raw, repeat(key)))


def _all(values: list[Any], kind: type) -> bool:
    return set(map(type, values)) == {kind}


def _times(values: list[Any], scale: float) -> list[float] | None:
    """`plain_seconds` of each value, or None when any is not a plain time."""
    kinds = set(map(type, values))
    if kinds == {str}:  # services that write numbers as text (AWS, Google)
        times = list(map(plain_seconds, values, repeat(scale)))
        return None if None in times else times  # type: ignore[return-value]
    if not kinds or not kinds <= {float, int}:
        return None
    try:
        if int in kinds:
            values = list(map(float, values))
        if scale != 1.0:
            values = list(map(float.__mul__, values, repeat(scale)))
    except OverflowError:  # an integer beyond any float
        return None
    total = sum(values)
    if total != total or not (min(values) >= 0 and max(values) <= MAX_SECONDS):  # NaN; range
        return None
    return list(map(round, values, repeat(6)))


def _confidences(raw: list[dict[str, Any]], keys: Sequence[str]) -> list[float | None] | None:
    """Each word's confidence as `confidence` reads it, when each is a finite number (or
    none is given: None); None when any is anything else."""
    values = _first_of(raw, keys) if keys else [None] * len(raw)
    if values is None:
        return None
    kinds = set(map(type, values))
    if kinds == {type(None)}:
        return values
    if kinds == {float}:
        total = sum(values)
        if total - total == 0:  # finite: not NaN, not infinite
            return values
    return None
