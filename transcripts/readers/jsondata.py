"""JSON text as data, for every reader of a JSON format: parsed once, errors in one line.

The JSON readers (the document model, JSON Lines, the podcast transcript and the
speech-to-text dialects) share this module instead of importing one another.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name


def load_json(source: SourceText) -> Any:
    """The JSON data of the source's text, parsed once (and kept on the source); every
    failure is one line naming the place.

    orjson parses several times faster than the standard library; what it refuses and
    the standard library reads (NaN, integers beyond 64 bits, lone surrogates) is read by
    the standard library, which also words the errors.
    """
    if source.parsed is not None:
        return source.parsed[0]
    try:
        data = fast_loads(source.text)
    except ValueError:
        data = _loads(source)
    source.parsed = (data,)
    return data


def _loads(source: SourceText) -> Any:
    return loads(source.text, display_name(source.path))


def loads(text: str, name: str, line: int | None = None) -> Any:
    """JSON text read by the standard library (what orjson refused, or one line of JSON
    Lines, `line`), every failure one line naming the place. A lone surrogate (an escape
    such as `\\ud800`, half of a character) is refused: it is not text, and no output
    could hold it."""
    at = f" on line {line}" if line is not None else ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = at or f" at line {error.lineno}, column {error.colno}"
        raise TranscriptError(f"invalid JSON{where}: {error.msg}", name) from None
    except RecursionError:
        raise TranscriptError(f"JSON{at} is nested too deeply to read", name) from None
    except ValueError:  # the standard library's limit on integer digits
        raise TranscriptError(
            f"invalid JSON{at}: a number of more than {sys.get_int_max_str_digits()} digits",
            name,
        ) from None
    if _SURROGATE_ESCAPE.search(text):
        found = lone_surrogate(data)
        if found is not None:
            raise TranscriptError(
                f"invalid JSON{at}: a lone surrogate ({found}) in a string; it is half of a "
                "character, not text",
                name,
            )
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(data: Any) -> str | None:
    """The first lone surrogate in any string of `data` (keys too), as an escape, or None."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = None if item.isascii() else _SURROGATE.search(item)
            if found:
                return f"\\u{ord(found.group()):04x}"
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


#: JSON text parsed fast (orjson) where the standard library's words on an error are
#: not needed: it raises ValueError for anything it refuses
fast_loads: Callable[[str | bytes], Any]
try:
    from orjson import loads as fast_loads
except ImportError:  # pragma: no cover - orjson is a declared dependency
    fast_loads = json.loads


def is_json_lines(text: str) -> bool:
    """JSON Lines: the first line is a whole JSON object and the next opens another."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) < 2 or not lines[0].startswith("{") or not lines[1].startswith("{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def is_json(text: str) -> bool:
    """JSON text (not JSON Lines) opens with an object or an array."""
    return text.lstrip().startswith(("{", "[")) and not is_json_lines(text)


class UnknownJSON(TranscriptError):
    """JSON of no kind this tool reads; the registry adds which JSON formats it reads."""


def describe(data: Any) -> str:
    """What JSON data looks like, in a few words: "an object with keys 'a', 'b'"."""
    if isinstance(data, dict):
        keys = ", ".join(repr(str(key))[:40] for key in list(data)[:6])
        more = ", ..." if len(data) > 6 else ""
        return f"an object with keys {keys}{more}" if data else "an empty object"
    if isinstance(data, list):
        kinds = {type(item).__name__ for item in data[:20]}
        if len(kinds) == 1 and isinstance(data[0], dict):
            if not data[0]:
                return f"a list of {len(data)} objects, the first empty"
            keys = describe(data[0]).removeprefix("an object with keys ")
            return f"a list of {len(data)} objects, the first with keys {keys}"
        return f"a list of {len(data)} values" if data else "an empty list"
    return {str: "a string", bool: "a boolean", type(None): "null"}.get(type(data), "a number")


def first_items(data: Any, key: str, count: int = 3) -> list[Any]:
    """The first items of the list at `data[key]` (for recognising a dialect by keys)."""
    if not isinstance(data, dict):
        return []
    items = data.get(key)
    return items[:count] if isinstance(items, list) else []


def has_keys(item: Any, *keys: str) -> bool:
    """Is `item` an object holding all of `keys`?"""
    return isinstance(item, dict) and all(key in item for key in keys)
