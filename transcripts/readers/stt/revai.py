"""Rev.ai's transcript JSON: monologues of elements.

`{"monologues": [{"speaker": 0, "speaker_name"?: "Ana", "elements": [{"type": "text",
"value": "Hi", "ts": 0.3, "end_ts": 0.52, "confidence": 1.0}, {"type": "punct",
"value": ","}, {"type": "punct", "value": " "}]}]}`. Each monologue is one speaker's
stretch, named by `speaker_name` when the job named it, else by its number; it is cut
into sentences of caption size at word times. Punctuation elements attach to the word
before; `unknown` elements (`<inaudible>`) are kept as words without times.
"""

from __future__ import annotations

from itertools import accumulate, chain, compress, pairwise, repeat
from operator import eq, not_
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .common import (
    Spoken,
    attach,
    items,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    speaker_label,
)


def recognise(data: Any) -> bool:
    monologues = first_items(data, "monologues")
    return bool(monologues) and all(has_keys(m, "elements") for m in monologues)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Rev.ai transcript into turns."""
    return read_dialect(source, options, "Rev.ai", parts)


def parts(data: Any) -> list[Part]:
    monologues = items(data, "monologues", "top level")
    units = (
        bulk.in_chunks(monologues, lambda chunk, _: _every_monologue(chunk), _elements)
        if bulk.usual(monologues)
        else None
    )
    if units is not None:
        return parts_from_words(units)
    units = []
    for index, monologue in enumerate(monologues):
        where = f"monologues[{index}]"
        monologue = obj(monologue, where)
        speaker = _speaker(monologue)
        spoken: list[Spoken] = []
        for number, element in enumerate(items(monologue, "elements", where)):
            at = f"{where}.elements[{number}]"
            element = obj(element, at)
            value = element.get("value")
            if not isinstance(value, str):
                continue
            if element.get("type") == "punct":
                attach(spoken, value)
                continue
            start = seconds(element.get("ts"), f"{at}.ts")
            end = seconds(element.get("end_ts"), f"{at}.end_ts")
            for word in value.split() or [value]:
                spoken.append(
                    Spoken(make_word(word, start, end, element.get("confidence")), speaker)
                )
        units.append([entry for entry in spoken if entry.word.text])
    return parts_from_words(units)


def _speaker(monologue: dict[str, Any]) -> str | None:
    return speaker_label(monologue.get("speaker_name")) or speaker_label(monologue.get("speaker"))


_elements = bulk.length_at("elements")


def _every_monologue(monologues: list[Any]) -> list[list[Spoken]] | None:
    """Each monologue's words (punctuation attached), the usual monologues at once
    (`bulk`): None unless every element has a text value, and every element that is
    not punctuation is one word with its times."""
    found = bulk.flattened(monologues, "elements")
    if found is None:
        return None
    raw, bounds = found
    if not bulk.all_are(raw, dict):
        return None
    values = bulk.at_key(raw, "value")
    if not bulk.all_are(values, str):
        return None
    marks = list(map(eq, bulk.at_key(raw, "type"), repeat("punct")))
    if not bulk.single_words(list(compress(values, map(not_, marks)))):
        return None
    read = bulk.punctuated_words(raw, values, marks, "ts", "end_ts", raw, bounds)
    if read is None:
        return None
    words = read[1]
    counts = [marks[start:end].count(False) for start, end in pairwise(bounds)]
    speakers = chain.from_iterable(map(repeat, map(_speaker, monologues), counts))
    spoken = bulk.spoken(words, list(speakers))
    return bulk.cut(spoken, list(accumulate(counts, initial=0)))
