"""Applying the fixes rules declare: edits of a transcript's source text.

Edits are in (line, column) coordinates of the text the transcript was read from; they
are applied from the end backwards, and an edit that overlaps one already taken is left
for a later run (as ruff does), so a fix never garbles another. Everything outside the
edits, line endings included, stays as it was.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from ..compiled import kept
from .finding import Edit, Finding

_LINE_BREAK = kept(r"\r\n|\r|\n")


def fixable(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fix may be applied (safe ones, and unsafe ones when asked)."""
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, list[Finding]]:
    """`text` with the findings' fixes applied, and the findings whose fix was applied.
    A fix whose edits overlap an applied one's is skipped whole."""
    starts = [0, *(found.end() for found in _LINE_BREAK.finditer(text))]

    def offset(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(text)
        return min(start + column - 1, end)

    taken: list[tuple[int, int]] = []
    applied: list[Finding] = []
    edits: list[tuple[int, int, str]] = []
    for finding in findings:
        assert finding.fix is not None
        spans = [
            (offset(e.line, e.column), offset(e.end_line, e.end_column), e)
            for e in finding.fix.edits
        ]
        if any(_overlaps(start, end, taken) for start, end, _ in spans):
            continue
        for start, end, _ in spans:
            bisect.insort(taken, (start, end))
        edits.extend((start, end, edit.replacement) for start, end, edit in spans)
        applied.append(finding)
    parts = []
    position = len(text)
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        parts.append(text[end:position])
        parts.append(replacement)
        position = start
    parts.append(text[:position])
    return "".join(reversed(parts)), applied


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Does [start, end) overlap a span of `taken` (sorted), or insert where one starts?"""
    index = bisect.bisect_left(taken, (start, -1))
    before = taken[index - 1] if index else None
    after = taken[index] if index < len(taken) else None
    if before is not None and before[1] > start:
        return True
    return after is not None and (after[0] < end or after[0] == start)


def deletion(line: int, column: int, text: str) -> Edit:
    """An edit removing `text`, which starts at (line, column) and holds no line break."""
    return Edit(line, column, line, column + len(text), "")
