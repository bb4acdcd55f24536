"""Where each block of a document (JSON, JSON Lines, YAML) is in the document's own text.

Readers build a `Transcript` without positions: a block read from `x.txt.json` carries
the line it had in `x.txt`. To report a finding where it is in the file linted, the
document is read again for positions, only when there is something to report: JSON
with `jsonpositions` (C-speed `raw_decode`), JSON Lines by counting its lines, YAML with
PyYAML's composer (nodes with marks, no values built).
"""

from __future__ import annotations

from typing import Any

from .. import safeyaml


def is_document(format_name: str) -> bool:
    """Is a file of this format a document of blocks, whose lines `block_lines` finds?"""
    return format_name in _FINDERS


def block_lines(format_name: str, text: str) -> list[int] | None:
    """The 1-based line of `text` where each block starts, in the order of the blocks;
    None for a format that is no document of blocks, or a text that cannot say."""
    finder = _FINDERS.get(format_name)
    if finder is None:
        return None
    try:
        return finder(text)
    except (ValueError, RecursionError):
        return None


def _json(text: str) -> list[int] | None:
    # Imported for JSON documents only: linting text needs no JSON module at start-up.
    from .jsonpositions import LineIndex, member_offsets

    spans = member_offsets(text, "blocks")
    if spans is None:
        stripped = text.lstrip()
        if stripped.startswith("["):  # the one-document list `parse` writes
            offset = len(text) - len(stripped) + 1
            spans = member_offsets(text[offset:], "blocks")
            if spans is not None:
                spans = [(start + offset, end + offset) for start, end in spans]
    if spans is None:
        return None
    index = LineIndex(text)
    return [index.line(start) for start, _ in spans]


def _jsonl(text: str) -> list[int]:
    import json

    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            if isinstance(record, dict) and "kind" in record:
                lines.append(number)
    return lines


def _yaml(text: str) -> list[int] | None:
    import yaml

    loader: Any = safeyaml._core_loader()
    root = yaml.compose(text, Loader=loader)
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "blocks" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return None


_FINDERS = {"json": _json, "jsonl": _jsonl, "yaml": _yaml}
