"""Rev.ai's transcript JSON: monologues of elements.

`{"monologues": [{"speaker": 0, "speaker_name"?: "Ana", "elements": [{"type": "text",
"value": "Hi", "ts": 0.3, "end_ts": 0.52, "confidence": 1.0}, {"type": "punct",
"value": ","}, {"type": "punct", "value": " "}]}]}`. Each monologue is one speaker's
stretch, named by `speaker_name` when the job named it, else by its number; it is cut
into sentences of caption size at word times. Punctuation elements attach to the word
before; `unknown` elements (`<inaudible>`) are kept as words without times.
"""

from __future__ import annotations

from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
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
    units = []
    for index, monologue in enumerate(items(data, "monologues", "top level")):
        where = f"monologues[{index}]"
        monologue = obj(monologue, where)
        speaker = speaker_label(monologue.get("speaker_name")) or speaker_label(
            monologue.get("speaker")
        )
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
