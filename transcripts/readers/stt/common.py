"""What the speech-to-text readers share: times in any unit, words with their speakers,
punctuation attached, words grouped into parts, and errors that name the field."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import attrgetter, is_not
from typing import Any

from ...errors import TranscriptError
from ...io import SourceText, display_name
from ...model import Transcript, Word
from ...options import ReadOptions
from ...plurals import with_article
from ...timecode import MAX_SECONDS, as_seconds
from ..jsondata import load_json
from ..turns import Part, assemble
from ..wordparts import Spoken, parts_from_words, split_at_ends


def read_dialect(
    source: SourceText,
    options: ReadOptions | None,
    dialect: str,
    parts_of: Callable[[Any], list[Part]],
    metadata_of: Callable[[Any], dict[str, Any]] = lambda data: {},
) -> Transcript:
    """Read `source` as `dialect`: its JSON data into parts (by `parts_of`) into turns.

    A field of the wrong shape is a one-line error naming the dialect and the field.
    """
    options = options or ReadOptions()
    name = display_name(source.path)
    data = load_json(source)
    try:
        parts = parts_of(data)
        metadata = metadata_of(data)
    except TranscriptError as error:
        raise TranscriptError(
            f"not {with_article(dialect)} transcript: {error.message}", name
        ) from None
    if any(map(is_not, map(_SPEAKER, parts), repeat(None))):
        for part in parts:  # diarised: a part without a speaker is someone unknown
            part.marked = True
    return assemble(parts, source, options, metadata=metadata, inferred=True)


_SPEAKER = attrgetter("speaker")


def language_at(*keys: str) -> Callable[[Any], dict[str, Any]]:
    """Metadata of a dialect that gives the language at `keys` (nested objects)."""

    def metadata(data: Any) -> dict[str, Any]:
        value = data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return {"language": value} if isinstance(value, str) else {}

    return metadata


# Reading fields: each names where it looked when the data is not what it should be.


def obj(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TranscriptError(f"{where}: expected an object")
    return data


def items(data: Any, key: str, where: str, required: bool = True) -> list[Any]:
    """The list at `data[key]` ([] when absent and not required)."""
    value = obj(data, where).get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise TranscriptError(f"{where}.{key}: expected a list")
    return value


def text(data: Any, key: str, where: str, default: str | None = None) -> str:
    value = obj(data, where).get(key, default)
    if not isinstance(value, str):
        raise TranscriptError(f"{where}.{key}: expected a string")
    return value


_SECONDS_SUFFIX = re.compile(r"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)s")
_ISO_DURATION = re.compile(r"PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?")


def seconds(value: Any, where: str, scale: float = 1.0, required: bool = False) -> float | None:
    """A time in seconds from what services write: a number in some unit (`scale`
    seconds each: 0.001 for milliseconds, 1e-7 for Azure's ticks), a number in a string
    ("0.49"), Google's "1.300s" and `{"seconds", "nanos"}`, ISO 8601's "PT1.59S"."""
    plain = plain_seconds(value, scale)
    if plain is not None:
        return plain
    if value is None:
        if required:
            raise TranscriptError(f"{where}: missing")
        return None
    number: float | None = None
    try:
        if isinstance(value, bool):
            number = None
        elif isinstance(value, (int, float)):
            number = float(value) * scale
        elif isinstance(value, str):
            number = _seconds_in_text(value.strip(), scale)
        elif isinstance(value, dict) and ("seconds" in value or "nanos" in value):
            number = float(value.get("seconds", 0)) + float(value.get("nanos", 0)) / 1e9
    except (TypeError, ValueError, OverflowError):  # not a number, or beyond any float
        number = None
    number = as_seconds(number)
    if number is None:
        raise TranscriptError(f"{where}: expected a time, found {_shown(value)}")
    return round(number, 6)


def plain_seconds(value: Any, scale: float = 1.0) -> float | None:
    """`seconds` of the usual times in one step: a number in range, or a number in a
    string ("0.49", Google's "1.300s"); None for anything else (ask `seconds`, which
    reads the rest and names the place of an error: a caller that asks this first need
    not build that name for every word). Where it answers, it answers as `seconds` does."""
    kind = type(value)
    number: float
    try:
        if kind is float or kind is int:  # not bool: `type`, not isinstance
            number = value * scale
        elif kind is str:
            google = value[-1:] == "s"  # Google's seconds, "1.300s"
            body = value[:-1] if google else value
            if google or scale == 1.0:
                short = _short_decimal(body)
                if short is not None:
                    return short if short <= MAX_SECONDS else None
            if not google:
                number = float(value) * scale
            else:
                found = _SECONDS_SUFFIX.fullmatch(value)
                if found is None:
                    return None
                number = float(found.group(1))
        else:
            return None
    except (ValueError, OverflowError):  # not a number; an integer beyond any float
        return None
    if 0 <= number <= MAX_SECONDS:
        return round(number, 6)
    return None


def _short_decimal(text: str) -> float | None:
    """Digits with at most six after a point ("0.49", "12"), as a float; None for any
    other text. The float nearest such digits is already what rounding to six places
    gives, so `seconds` would read the same."""
    whole, point, fraction = text.partition(".")
    if whole.isdecimal() and len(fraction) <= 6 and (fraction.isdecimal() or not point):
        return float(text)  # isdecimal: the digits `\d` and float() read
    return None


def _shown(value: Any) -> str:
    """A value from the file in a message, cut short (it can be megabytes long)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "a number" if value.bit_length() > 64 else repr(value)
    return repr(str(value)[:30]) if not isinstance(value, (dict, list)) else type(value).__name__


def _seconds_in_text(value: str, scale: float) -> float | None:
    try:
        return float(value) * scale
    except ValueError:
        pass
    found = _SECONDS_SUFFIX.fullmatch(value)
    if found:
        return float(found.group(1))
    found = _ISO_DURATION.fullmatch(value)
    if found and any(found.groups()):
        hours, minutes, secs = (float(group or 0) for group in found.groups())
        return hours * 3600 + minutes * 60 + secs
    return None


def confidence(value: Any) -> float | None:
    """A confidence as a number (AWS writes strings); anything else is unknown."""
    if type(value) is float:  # the usual confidence
        return value if math.isfinite(value) else None
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return value if math.isfinite(value) else None
    except OverflowError:  # an integer beyond any float
        return None


def speaker_label(value: Any) -> str | None:
    """A machine speaker label as written (`spk_0`, `SPEAKER_00`, `A`); a bare number is
    `Speaker N`, as the services' own editors show it. None when absent."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    label = " ".join(str(value).split())
    if label.isdigit():
        return f"Speaker {label}"
    return label or None


def attach(spoken: list[Spoken], punctuation: str) -> None:
    """Attach a punctuation token to the word before it (or drop it when none is)."""
    if spoken and punctuation.strip():
        word, speaker = spoken[-1]
        spoken[-1] = Spoken(word._replace(text=word.text + punctuation.strip()), speaker)


def segment_part(
    text_value: str,
    start: float | None,
    end: float | None,
    speaker: str | None,
    words: Sequence[Word] | None = None,
) -> Part:
    """A part for one segment the service gives with its own text and times."""
    return Part(
        " ".join(text_value.split()),
        start,
        end if end is None or start is None or end >= start else start,
        0,
        0,
        speaker is not None,
        speaker,
        tuple(words) if words else None,
    )


def make_word(
    text_value: str, start: float | None, end: float | None, confidence_value: Any = None
) -> Word:
    """A word as the model holds it: its text without surrounding spaces (Whisper's words
    open with one), an end never before its start."""
    if start is not None and end is not None and end < start:
        end = start
    return Word(text_value.strip(), start, end, confidence(confidence_value))


__all__ = ["Spoken", "parts_from_words", "split_at_ends"]
