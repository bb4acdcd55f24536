"""The JSON reader: the document's dict form (what `parse` and `convert -t json` write).

It is the general JSON format: JSON that no more specific format (a podcast transcript,
a speech-to-text service's output) recognises comes here, and is refused with a word
on what it looks like unless it is a document.
"""

from __future__ import annotations

from typing import Any

from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from .document import transcript_from_data
from .jsondata import UnknownJSON, describe, is_json, load_json


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a JSON document."""
    data = load_json(source)
    if not is_document(data):
        raise UnknownJSON(f"is JSON of no known kind: {describe(data)}", display_name(source.path))
    return transcript_from_data(data, source, options or ReadOptions())


def is_document(data: Any) -> bool:
    """Our dict form (or the list `parse` writes for several files): it has one of the
    document's own keys; a partial one is read, so its errors name the missing field."""
    if isinstance(data, list):
        return bool(data) and all(is_document(item) for item in data[:3])
    return isinstance(data, dict) and not _DOCUMENT_KEYS.isdisjoint(data)


_DOCUMENT_KEYS = frozenset({"blocks", "schema_version", "speakers", "metadata"})


def sniff(text: str) -> bool:
    """JSON text opens with an object or an array (and is not JSON Lines)."""
    return is_json(text)


def recognise(data: Any) -> bool:
    """Any JSON: the general JSON format (asked after the specific ones)."""
    return True
