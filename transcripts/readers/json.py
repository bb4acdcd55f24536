"""The JSON reader: the document's dict form (what `parse` and `convert -t json` write)."""

from __future__ import annotations

from ..io import SourceText
from ..model import Transcript
from ..options import ReadOptions
from .document import transcript_from_data
from .jsondata import is_json, load_json


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a JSON document."""
    return transcript_from_data(load_json(source), source, options or ReadOptions())


def sniff(text: str) -> bool:
    """JSON text opens with an object or an array (and is not JSON Lines)."""
    return is_json(text)
