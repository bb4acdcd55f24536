"""The JSON Lines reader: a header record, then one block per line (`parse --to jsonl`)."""

from __future__ import annotations

from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from .document import transcript_from_data
from .jsondata import is_json_lines, loads


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read one document's JSON Lines: records with a `kind` are blocks, the other is the header."""
    name = display_name(source.path)
    header: dict[str, Any] = {}
    blocks: list[Any] = []
    paths: set[Any] = set()
    # Records end at line feeds only: a JSON string may hold U+2028 or a form feed as it is.
    for number, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip():
            continue
        record = loads(line, name, number)
        if not isinstance(record, dict):
            raise TranscriptError(f"line {number}: expected a JSON object", name)
        path = record.pop("path", None)
        if path is not None and not isinstance(path, str):
            raise TranscriptError(f"line {number}: path: expected a string", name)
        paths.add(path)
        if len(paths - {None}) > 1:
            raise TranscriptError(f"line {number} starts another document; give one document", name)
        if "kind" in record:
            blocks.append(record)
        elif header:
            raise TranscriptError(f"line {number}: a second header record", name)
        else:
            header = record
    # Each record names the file it came from: the document's source, as JSON's has.
    named = next(iter(paths - {None}), None)
    if "source" not in header and isinstance(named, str):
        header["source"] = named
    return transcript_from_data({**header, "blocks": blocks}, source, options or ReadOptions())


def sniff(text: str) -> bool:
    """JSON Lines: the first line is a whole JSON object and the next opens another."""
    return is_json_lines(text)
