"""Findings moved into the file linted when that file is a document of blocks.

A transcript read from JSON, JSON Lines or YAML keeps the lines its blocks had in the
text it was parsed from; a finding on it names such a line. `relocate` points each
finding at the line of the linted document where its block is, and keeps the original
line as a related location in the source text the document records (its `source`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import Transcript
from .finding import Finding, Location


def relocate(
    findings: Sequence[Finding], transcript: Transcript, document_lines: Sequence[int]
) -> list[Finding]:
    """`findings` at the document lines (`document_lines[i]`: where block i starts) of
    the blocks that hold their lines, with the source text's line as a related location
    where the document names its source. Fixes are dropped: they are edits of the text
    the document was made from, not of the document."""
    blocks = transcript.blocks
    if len(document_lines) != len(blocks):
        return list(findings)
    order = sorted((b.line, b.end_line, i) for i, b in enumerate(blocks) if b.line > 0)
    starts = [line for line, _, _ in order]

    def document_line(line: int) -> int | None:
        """Where the block holding source line `line` (the last to start at or before
        it) is in the document."""
        index = bisect.bisect_right(starts, line) - 1
        return document_lines[order[index][2]] if index >= 0 else None

    source = transcript.source
    moved = []
    for finding in findings:
        line = document_line(finding.line)
        if line is None:
            moved.append(finding._replace(fix=None))
            continue
        related = [
            r._replace(line=document_line(r.line) or r.line, column=1)
            if r.path == finding.path
            else r  # in another file (already at its own line)
            for r in finding.related
        ]
        if source and source not in ("-", finding.path):
            related.append(Location(source, finding.line, finding.column, "in the source text"))
        moved.append(
            finding._replace(
                line=line,
                column=1,
                end_line=line,
                end_column=None,
                related=tuple(related),
                fix=None,
            )
        )
    moved.sort(key=Finding.sort_key)
    return moved
