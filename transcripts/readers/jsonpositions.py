"""Where things are in JSON text: the source line of each element of a top-level array.

The standard library parses JSON without positions. To name the line of a bad segment
(or to give a podcast transcript's turns their source lines), the structure is walked a
second time with `raw_decode`, value by value, which is still C-speed parsing.
"""

from __future__ import annotations

import bisect
import json
import re

_SPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


class LineIndex:
    """Offsets in a text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(found.end() for found in re.finditer(r"\r\n|\r|\n", text))]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def member_offsets(text: str, key: str) -> list[tuple[int, int]] | None:
    """(start, end) offsets of the elements of the array at `key` in the top-level object."""
    try:
        index = _skip(text, 0)
        if text[index : index + 1] != "{":
            return None
        index = _skip(text, index + 1)
        while index < len(text) and text[index] != "}":
            name, index = _decoder.raw_decode(text, index)
            index = _skip(text, index)
            index = _skip(text, index + 1)  # the colon
            if name == key and text[index : index + 1] == "[":
                return _element_offsets(text, index)
            _, index = _decoder.raw_decode(text, index)
            index = _skip(text, index)
            if text[index : index + 1] == ",":
                index = _skip(text, index + 1)
    except (ValueError, IndexError, RecursionError):
        return None
    return None


def _element_offsets(text: str, index: int) -> list[tuple[int, int]]:
    offsets = []
    index = _skip(text, index + 1)
    while text[index] != "]":
        start = index
        _, index = _decoder.raw_decode(text, index)
        offsets.append((start, index))
        index = _skip(text, index)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return offsets


def _skip(text: str, index: int) -> int:
    found = _SPACE.match(text, index)
    return found.end() if found else index
