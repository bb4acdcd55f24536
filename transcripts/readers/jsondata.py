"""JSON text as data, for every reader of a JSON format: parsed once, errors in one line.

The JSON readers (the document model, JSON Lines, the podcast transcript and the
speech-to-text dialects) share this module instead of importing one another.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name


def load_json(source: SourceText) -> Any:
    """Parse JSON text, turning every failure into one line naming the place."""
    name = display_name(source.path)
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as error:
        raise TranscriptError(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}", name
        ) from None
    except RecursionError:
        raise TranscriptError("JSON is nested too deeply to read", name) from None


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
