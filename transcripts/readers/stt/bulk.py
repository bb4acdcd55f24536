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

import bisect
import math
import re
from collections.abc import Callable, Sequence
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, ge, itemgetter, mul, not_, sub, truediv
from typing import Any, TypeVar, cast

from ...model import Word
from ...spacing import is_spaced
from ...timecode import MAX_SECONDS
from ..jsondata import fast_loads
from ..turns import Part
from ..wordparts import Spoken
from .common import plain_seconds, speaker_label

_new = tuple.__new__  # a named tuple made in C, without its Python `__new__`

#: Off, every list is read word by word by the readers' reference code (the tests that
#: pit the two paths against each other turn it off).
ENABLED = True


#: Lists are read at once in chunks of about this many items: each pass over a chunk
#: finds its objects still in the processor's cache (over all of a 10 MB file's words
#: at once, every pass costs about a third more)
CHUNK = 2048

T = TypeVar("T")


def in_chunks(
    items: list[Any],
    read: Callable[[list[Any], int], list[T] | None],
    weight: Callable[[Any], int] | None = None,
    opens: Callable[[Any], bool] | None = None,
) -> list[T] | None:
    """`read(chunk, start)` of `items` a chunk at a time, joined (None when any chunk
    gives None). A chunk holds about `CHUNK` items, or items weighing as much (`weight`:
    a segment weighs its words), and opens with an item that `opens` accepts (one that
    does not lean on the one before it, as punctuation attaches to the word before)."""
    found: list[T] = []
    start = 0
    while start < len(items):
        end = start + 1
        if weight is None:
            end = start + CHUNK
        else:
            held = weight(items[start])
            while end < len(items) and held < CHUNK:
                held += weight(items[end])
                end += 1
        while opens is not None and end < len(items) and not opens(items[end]):
            end += 1
        part = read(items[start:end], start)
        if part is None:
            return None
        found.extend(part)
        start = end
    return found


def not_punctuation(item: Any) -> bool:
    """Can a chunk of items open with this one (for `in_chunks`)? Not when its "type"
    is "punctuation" (AWS, Speechmatics), which attaches to the word before."""
    return type(item) is dict and item.get("type") != "punctuation"


def length_at(key: str) -> Callable[[Any], int]:
    """The weight of an object holding a list of words at `key` (for `in_chunks`)."""

    def weight(item: Any) -> int:
        words = item.get(key) if type(item) is dict else None
        return len(words) if type(words) is list else 1

    return weight


def usual(raw: Any) -> bool:
    """Is `raw` a list of objects, to be read at once (and the fast path on)?"""
    return ENABLED and type(raw) is list and bool(raw) and all_are(raw, dict)


def timed_words(
    raw: Any,
    text_keys: Sequence[str],
    start_keys: Sequence[str],
    end_keys: Sequence[str],
    scale: float = 1.0,
    confidence_keys: Sequence[str] = (),
) -> list[Word] | None:
    """`make_word` of each word of the list `raw`: its text at the first of `text_keys`
    (the others are where a service may write it instead), times at the first of
    `start_keys` and of `end_keys`, in units of `scale` seconds, its confidence at the
    first of `confidence_keys` (as `word.get(first, word.get(second, ...))` reads them).
    None when any word is unusual (see the module docstring)."""
    if not usual(raw):
        return None

    def read(chunk: list[dict[str, Any]], _: int) -> list[Word] | None:
        texts = first_of(chunk, text_keys)
        try:  # joining them tells that every one is text, and whether any needs stripping
            stripped = is_spaced(" ".join(texts))
        except TypeError:
            return None
        timed = starts_and_ends(chunk, start_keys, end_keys, scale)
        if timed is None:
            return None
        found = confidences(
            first_of(chunk, confidence_keys)
            if any_holds(chunk, confidence_keys)
            else [None] * len(chunk)  # (no pass over the words to find them all None)
        )
        if found is None:
            return None
        return make_words(texts, *timed, found, stripped)

    return read(raw, 0) if len(raw) <= CHUNK else in_chunks(raw, read)


def make_words(
    texts: list[str],
    starts: list[float],
    ends: list[float],
    confidences: Sequence[float | None],
    stripped: bool = False,
) -> list[Word]:
    """`make_word` of each text, times and confidence (times and confidences as
    `starts_and_ends` and `confidences` read them; the texts `stripped` already)."""
    ends = not_before(ends, starts)
    words = texts if stripped else map(str.strip, texts)
    return list(map(_new, repeat(Word), zip(words, starts, ends, confidences, strict=True)))


def not_before(ends: list[float], starts: list[float]) -> list[float]:
    """Each end, or its start where the end is before it (as `make_word` and
    `segment_part` keep them; a tie keeps the end): the list itself when no end is."""
    return ends if all(map(ge, ends, starts)) else list(map(max, ends, starts))


def starts_and_ends(
    raw: list[dict[str, Any]],
    start_keys: Sequence[str],
    end_keys: Sequence[str],
    scale: float = 1.0,
) -> tuple[list[float], list[float]] | None:
    """Each item's times at the first of `start_keys` and at the first of `end_keys` (or
    a length), as `seconds` reads them, when every one is a plain time (`plain_seconds`);
    None when any is not. Both lists are read as one (one pattern, one JSON array for
    times written as text)."""
    # The usual list: every item holds the first keys (where one does not, its None
    # makes the list unusual, and each item's times are looked for at every key)
    times = _times(at_key(raw, start_keys[0]) + at_key(raw, end_keys[0]), scale)
    if times is None and (len(start_keys) > 1 or len(end_keys) > 1):
        times = _times(first_of(raw, start_keys) + first_of(raw, end_keys), scale)
    if times is None:
        return None
    return times[: len(raw)], times[len(raw) :]


def timed_words_of(
    holders: Any,
    key: str,
    text_keys: Sequence[str],
    start_keys: Sequence[str],
    end_keys: Sequence[str],
    scale: float = 1.0,
    confidence_keys: Sequence[str] = (),
) -> list[list[Word]] | None:
    """`timed_words` of the list at `key` of each of `holders` (a service's segments or
    utterances), read as one list: None unless every holder is an object with a list
    there and every word is usual."""
    if not usual(holders):
        return None

    def read(chunk: list[Any], start: int) -> list[list[Word]] | None:
        found = flattened(chunk, key)
        if found is None:
            return None
        raw, bounds = found
        words = timed_words(raw, text_keys, start_keys, end_keys, scale, confidence_keys)
        return None if words is None else cut(words, bounds)

    return in_chunks(holders, read, length_at(key))


def flattened(holders: Any, key: str) -> tuple[list[Any], list[int]] | None:
    """The lists at `key` of each of `holders` as one list, and where each list starts
    in it (and where the last ends); None unless every holder is an object with a list
    there."""
    if not usual(holders):
        return None
    lists = at_key(holders, key)
    if not all_are(lists, list):
        return None
    return list(chain.from_iterable(lists)), list(accumulate(map(len, lists), initial=0))


def cut(items: list[Any], bounds: list[int]) -> list[list[Any]]:
    """`items` cut back into the lists `flattened` made them from."""
    return [items[start:end] for start, end in pairwise(bounds)]


def first_alternatives(raw: list[Any], key: str = "alternatives") -> list[dict[str, Any]] | None:
    """Each item's first alternative (AWS, Google, Speechmatics; Azure's at "nBest"): None
    unless every item is an object whose `key` is a list opening with an object."""
    if not usual(raw):
        return None
    alternatives = at_key(raw, key)
    if not all_are(alternatives, list) or not all(alternatives):
        return None
    firsts = list(map(itemgetter(0), alternatives))
    return firsts if all_are(firsts, dict) else None


def punctuated(texts: list[str], marks: list[bool], bounds: list[int] | None = None) -> list[str]:
    """The words' texts (each stripped) with the punctuation among them attached to the
    word before it (`attach`): `marks` says which of `texts` are punctuation. With
    `bounds` (from `flattened`), punctuation attaches only within its own list."""
    words = list(map(str.strip, compress(texts, map(not_, marks))))
    places = list(compress(range(len(texts)), marks))  # where each punctuation mark is
    stripped = list(map(str.strip, compress(texts, marks)))
    for number in compress(range(len(stripped)), stripped):  # marks that are not spaces
        place = places[number]
        before = place - number  # the words before it
        if bounds is not None:  # ... that are in its own list
            opening = bounds[bisect.bisect_right(bounds, place) - 1]
            before -= opening - bisect.bisect_left(places, opening)
        if before > 0:
            words[place - number - 1] += stripped[number]
    return words


def segment_parts(
    texts: list[str],
    starts: list[float],
    ends: list[float],
    speakers: Sequence[str | None],
    words: Sequence[Sequence[Word]] | None = None,
) -> list[Part]:
    """`segment_part` of each segment: its text, times (as `starts_and_ends` reads
    them), speaker and words (none without `words`)."""
    said = words if words is not None else [()] * len(texts)
    return [
        Part(text, start, end, 0, 0, speaker is not None, speaker, tuple(spoken) or None)
        for text, start, end, speaker, spoken in zip(
            spaced(texts), starts, not_before(ends, starts), speakers, said, strict=True
        )
    ]


def spaced(texts: list[str]) -> list[str]:
    """Each text with its white space made single spaces (`" ".join(text.split())`)."""
    stripped = list(map(str.strip, texts))
    if is_spaced("\x00".join(stripped)):  # already spaced once
        return stripped
    return list(map(" ".join, map(str.split, texts)))


def punctuated_words(
    items: list[dict[str, Any]],
    texts: list[str],
    marks: list[bool],
    start_key: str,
    end_key: str,
    scored: list[dict[str, Any]],
    bounds: list[int] | None = None,
) -> tuple[list[dict[str, Any]], list[Word]] | None:
    """The words of items among which some are punctuation (`marks`), attached to the
    word before (`punctuated`): each word spelled by `texts`, timed at `start_key` and
    `end_key` of its item, scored at "confidence" of its object in `scored` (beside
    `items`: the item or its alternative). The items that are words, and their words;
    None when any word is unusual."""
    kept = list(map(not_, marks))
    said = list(compress(items, kept))
    timed = starts_and_ends(said, (start_key,), (end_key,))
    scores = confidences(at_key(compress(scored, kept), "confidence"))
    if timed is None or scores is None:
        return None
    return said, make_words(punctuated(texts, marks, bounds), *timed, scores, stripped=True)


def plain_times(values: list[Any], unit: str = "") -> bool:
    """Is every value a time in plain digits that `plain_seconds` reads (under 10^11,
    at most six after a point), followed by `unit` ("s": Google's seconds)? Checked by
    one pattern, nothing parsed."""
    lines = "\n".join(values) + "\n" if all_are(values, str) else ""
    return (
        bool(lines)
        and lines.count("\n") == len(values)  # no value holds a line break of its own
        and bool(_PLAIN_TIMES[unit].fullmatch(lines))
    )


def _time_lines(whole: str) -> dict[str, re.Pattern[str]]:
    """By unit ("", or "s": Google's seconds), a pattern of lines that each hold a time:
    digits (as many as the quantifier `whole` allows), at most six after a point, the
    unit, a line break. Possessive (`++`): a line that does not match is given up at once."""
    return {
        unit: re.compile(rf"(?:[0-9]{whole}(?:\.[0-9]{{1,6}}+)?+{unit}\n)*+") for unit in ("", "s")
    }


_PLAIN_TIMES = _time_lines("{1,11}+")  # (below `MAX_SECONDS`, 3.6 * 10^11)


def single_words(texts: list[str]) -> bool:
    """Is every text one word: not empty, and without white space?"""
    joined = "".join(texts)  # spaced (`is_spaced`) and without a space: no white space
    return "" not in texts and " " not in joined and is_spaced(joined)


def said_by(
    raw: Any,
    keys: Sequence[str],
    default: str | None = None,
    nobody: tuple[Any, ...] = (),
) -> list[str | None]:
    """The words' speakers: `labels` of each word's label at the first of `keys`."""
    return labels(first_of(raw, keys), default, nobody)


def labels(
    found: list[Any], default: str | None = None, nobody: tuple[Any, ...] = ()
) -> list[str | None]:
    """`speaker_label` of each label, else `default` (also for a label among `nobody`),
    each distinct label worked out once."""
    kinds = set(map(type, found))
    if kinds <= {str, int, type(None)}:  # hashable, and no True beside 1
        names = {label: _name(label, default, nobody) for label in set(found)}
        return list(map(names.__getitem__, found))
    return [_name(label, default, nobody) for label in found]


def _name(label: Any, default: str | None, nobody: tuple[Any, ...]) -> str | None:
    return (None if label in nobody else speaker_label(label)) or default


def with_texts(words: list[Word], texts: list[str]) -> list[Word]:
    """The words spelled as `texts` (as many), times and confidences kept."""
    if not words:
        return []
    _, starts, ends, confidences = zip(*words, strict=True)
    return list(map(_new, repeat(Word), zip(texts, starts, ends, confidences, strict=True)))


def spoken(words: list[Word], speakers: list[str | None]) -> list[Spoken]:
    """Each word with its speaker, as `Spoken`."""
    return list(map(_new, repeat(Spoken), zip(words, speakers, strict=True)))


def first_of(raw: list[dict[str, Any]], keys: Sequence[str]) -> list[Any]:
    """Each word's value as `word.get(first, word.get(second, ...))` gives it."""
    if len(keys) == 1:
        return at_key(raw, keys[0])
    values = list(map(dict.get, raw, repeat(keys[0]), repeat(_MISSING)))
    if _MISSING not in values:  # the usual list: every word holds the first key
        return values
    rest = first_of(raw, keys[1:])
    if values.count(_MISSING) == len(values):  # no word holds it
        return rest
    return list(map(dict.get, raw, repeat(keys[0]), rest))


_MISSING = object()


def _times(values: list[Any], scale: float) -> list[float] | None:
    """`plain_seconds` of each value, or None when any is not a plain time."""
    if values and type(values[0]) is str:  # services that write numbers as text (AWS, Google)
        return _times_in_text(values, scale)
    kinds = set(map(type, values))
    if not kinds or not kinds <= {float, int}:
        return None
    if kinds == {int} and scale in _INTEGER_SCALES and min(values) >= 0 and max(values) < 2**31:
        # whole units (AssemblyAI's and whisper.cpp's milliseconds): the float nearest
        # the decimal k/1000 is what rounding k * 0.001 to six places gives
        return list(map(truediv, values, repeat(_INTEGER_SCALES[scale])))  # int / int
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
    return rounded(values)


def rounded(values: list[float]) -> list[float]:
    """`round(value, 6)` of each time (none negative, none NaN), without rounding: the
    times of a file are nearly always on a microsecond already, and then rounding gives
    each back as it is. Checked in float steps (`round` with places costs twice as much):
    each time in microseconds, made a whole number (adding and taking away 1.5 * 2**52
    rounds to the nearest whole at that size), divided back. When that gives back every
    time, each is the float nearest some count of microseconds, and below 1e9 seconds a
    float is within 1e-7 of what it stands for, so six places round it to that count and
    back to itself. Otherwise each is rounded."""
    if values and max(values) < 1e9:
        whole = map(sub, map(add, map(mul, values, repeat(1e6)), repeat(_ROUNDS)), repeat(_ROUNDS))
        if list(map(truediv, whole, repeat(1e6))) == values:
            return values
    return list(map(round, values, repeat(6)))


_ROUNDS = 1.5 * 2**52  # a float this size holds no fractions: adding it rounds to whole


_INTEGER_SCALES = {1.0: 1, 0.001: 1000}


def _times_in_text(values: list[Any], scale: float) -> list[float] | None:
    """`_times` of values of which the first is text: None unless every one is text
    (joining them tells, without a pass over their types)."""
    try:
        lines = "\n".join(values) + "\n"
    except TypeError:  # a value that is not text
        return None
    found = _short_decimals(lines, len(values), scale)
    if found is None:
        loose = list(map(plain_seconds, values, repeat(scale)))
        if None in loose:
            return None
        found = cast(list[float], loose)
    return found


def _short_decimals(lines: str, count: int, scale: float) -> list[float] | None:
    """Times written as short decimals ("0.49", or Google's "1.300s"), one a line,
    checked all at once by one pattern and read as one JSON array (orjson reads numbers
    several times faster than `float`, to the same float); None when any is another
    text. The pattern allows eleven digits before a point, so every time is below
    `MAX_SECONDS` (longer ones, leading zeros and all, are read one by one)."""
    if scale == 1.0 and _PLAIN_TIMES[""].fullmatch(lines):
        return _numbers(lines, count)
    if _PLAIN_TIMES["s"].fullmatch(lines):
        return _numbers(lines, count, "s")
    return None


def _numbers(lines: str, count: int, unit: str = "") -> list[float] | None:
    """The numbers of `count` values, each a line of plain digits and then `unit`
    (checked by the caller), as floats, read as one JSON array; None unless there are
    `count` lines (a value held a line break of its own)."""
    if lines.count("\n") != count:
        return None
    body = lines[: -1 - len(unit)]  # the last number's digits end it
    try:
        numbers = fast_loads("[" + body.replace(unit + "\n", ",") + "]")
    except ValueError:  # leading zeros, which JSON refuses: one at a time
        return list(map(float, body.split(unit + "\n")))
    # a number with a point is a float already; one without it an int, made a float
    return numbers if lines.count(".") == count else list(map(float, numbers))


_NUMBER_TEXTS = re.compile(r"(?:[0-9]++(?:\.[0-9]++)?+\n)*+")


def confidences(values: list[Any]) -> Sequence[float | None] | None:
    """Each confidence as `confidence` reads it, when each is a finite number or a
    number in plain digits (AWS), or none is given: None when any is anything else."""
    kinds = set(map(type, values))
    if kinds == {float}:
        total = sum(values)
        if total - total == 0:  # finite: not NaN, not infinite
            return values
    elif kinds == {type(None)} or not kinds:
        return values
    elif kinds == {str} and _NUMBER_TEXTS.fullmatch(lines := "\n".join(values) + "\n"):
        found = _numbers(lines, len(values))
        total = sum(found) if found is not None else math.nan
        if total - total == 0:  # finite (a float of many digits can be infinite)
            return found
    return None


def at_key(raw: Any, key: str) -> list[Any]:
    """Each item's value at `key` (`dict.get`)."""
    return list(map(dict.get, raw, repeat(key)))


def any_holds(raw: list[dict[str, Any]], keys: Sequence[str]) -> bool:
    """Does any object hold any of `keys`?"""
    return any(any(map(dict.__contains__, raw, repeat(key))) for key in keys)


def all_hold_text(raw: list[Any], key: str) -> bool:
    """Is every item (and at least one) an object holding text at `key`? (One pass:
    joining the values fails on an item that is not an object, and on a value that is
    not text.)"""
    values: Any = map(dict.get, raw, repeat(key))
    try:
        "".join(values)
    except TypeError:
        return False
    return bool(raw)


def all_are(items: list[Any], kind: type) -> bool:
    """Is every item (and at least one) of exactly this type?"""
    return set(map(type, items)) == {kind}
