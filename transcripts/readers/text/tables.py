"""Transcripts held as tables: a Markdown table, or tab-separated text with a header row.

A table's rows are lines, and the label grammar reads a row as it reads any line: `|
Interviewer | How did you start? |` is a label in a cell (`shapes.py`: a row opens with
`|` and its name ends at the next `|`; a time in the cell before it is the turn's start),
and `Interviewer<TAB>How did you start?` a name before a tab. Whether the rows are turns
is inferred as for any convention: the speaker column must hold a small recurring cast
taking turns, so a price list or a glossary stays text.

What this module finds is the table's frame: its header row (`| Speaker | Text |`,
`Time<TAB>Speaker<TAB>Text`) and a Markdown table's rule row (`|---|---|`) name the
columns and are no turns, so they are page layout (`pages.py`) while the labels are
looked for; a table whose rows were not taken as turns gets them back as text. In the
rows of a table of turns, the cell separators are not text: a row's text is its cells
after the label's, each stripped, joined by a space.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import NamedTuple

from ...compiled import kept

# A Markdown table's rule row: two or more cells of dashes, each may be aligned by colons.
_RULE = kept(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*(?:\r\n|\r|\n)?")
# A pipe beside a dash, as every rule row has one.
_PIPE_BY_DASH = kept(r"\|[ \t]*:?-|-:?[ \t]*\|")
# A cell separator of a Markdown table (`\|` is a pipe inside a cell).
_PIPE = kept(r"(?<!\\)\|")
# A header cell names a column: a word or three, no sentence ("Speaker", "Start time").
_COLUMN_NAME = kept(r"[^\W\d_][\w#/.\- ]{0,29}")
_COLUMN_WORDS = 3
# A tab-separated table has at least this many rows under its header.
_TSV_LEAST_ROWS = 2
# Rows looked at to tell a header row from a first turn.
_HEADER_SAMPLE = 500


class Table(NamedTuple):
    """A table's frame, by line index: its header row, its rule row (-1 for none) and its
    last row. `separator` is "|" (Markdown) or a tab."""

    separator: str
    header: int
    rule: int
    last: int

    @property
    def first_row(self) -> int:
        return (self.rule if self.rule >= 0 else self.header) + 1

    def frame(self) -> list[int]:
        """The lines that name the columns: the header row and the rule row."""
        return [self.header] if self.rule < 0 else [self.header, self.rule]

    def holds(self, index: int) -> bool:
        """Is line `index` one of the table's rows (after its header)?"""
        return self.first_row <= index <= self.last


def find(text: str, lines: Sequence[str], start: int) -> list[Table]:
    """The tables of `lines[start:]` that have a header row. A text without a `|` and
    whose first line holds no tab costs two searches."""
    tables = _tab_separated(lines, start)
    if "|" in text and _PIPE_BY_DASH.search(text) is not None:  # (no line loop without)
        tables += _markdown(lines, start)
    return tables


def _markdown(lines: Sequence[str], start: int) -> list[Table]:
    """Markdown tables: a header row with a pipe, a rule row under it with as many cells,
    and the rows with a pipe right under those (a blank line or a line without a pipe
    ends the table)."""
    tables: list[Table] = []
    index = start + 1
    count = len(lines)
    while index < count:
        line = lines[index]
        if "-" in line and "|" in line and _RULE.fullmatch(line) is not None:
            header = lines[index - 1]
            if "|" in header and _cells(header, "|") == _cells(line, "|"):
                last = index
                while last + 1 < count and "|" in lines[last + 1] and not lines[last + 1].isspace():
                    last += 1
                if last > index:
                    tables.append(Table("|", index - 1, index, last))
                    index = last + 1
                    continue
        index += 1
    return tables


def _tab_separated(lines: Sequence[str], start: int) -> list[Table]:
    """Tab-separated text: the body's lines, from its first, each with the same number
    of tabs, under a header row that names the columns."""
    first = next((i for i in range(start, len(lines)) if not lines[i].isspace()), None)
    if first is None or "\t" not in lines[first].strip():
        return []
    tabs = lines[first].strip().count("\t")
    last = first
    while last + 1 < len(lines) and lines[last + 1].strip().count("\t") == tabs:
        last += 1
    if last - first < _TSV_LEAST_ROWS or not _is_header(lines, first, last, "\t"):
        return []
    return [Table("\t", first, -1, last)]


def _is_header(lines: Sequence[str], header: int, last: int, separator: str) -> bool:
    """Does the first row name the columns rather than hold a first turn? Each of its
    cells is a column's name (a word or three, no digits, no sentence), and none recurs
    in its column below ("Speaker" over "Interviewer" and "Maria"; a first turn's
    speaker speaks again)."""
    head = split_cells(lines[header], separator, keep_empty=True)
    if not all(
        _COLUMN_NAME.fullmatch(cell) and len(cell.split()) <= _COLUMN_WORDS for cell in head
    ):
        return False
    names = [cell.casefold() for cell in head]
    for line in islice(lines, header + 1, min(last, header + _HEADER_SAMPLE) + 1):
        cells = [cell.casefold() for cell in split_cells(line, separator, keep_empty=True)]
        if any(cell == name for cell, name in zip(cells, names, strict=False)):
            return False
    return True


def _cells(line: str, separator: str) -> int:
    return len(split_cells(line, separator, keep_empty=True))


def split_cells(line: str, separator: str, keep_empty: bool = False) -> list[str]:
    """The cells of a row, stripped (a Markdown row's outer pipes open and close it)."""
    row = line.strip()
    if separator == "|":
        if row.startswith("|"):
            row = row[1:]
        if row.endswith("|") and not row.endswith("\\|"):
            row = row[:-1]
        if "\\|" in row:  # a pipe inside a cell
            cells = [cell.strip().replace("\\|", "|") for cell in _PIPE.split(row)]
        else:
            cells = [cell.strip() for cell in row.split("|")]
    else:
        cells = [cell.strip() for cell in line.rstrip("\r\n").split(separator)]
    return cells if keep_empty else [cell for cell in cells if cell]


def row_text(text: str, separator: str) -> str:
    """A stretch of a row (the cells after the label's) as text: its cells, stripped,
    joined by a space."""
    return " ".join(split_cells(text, separator))


def last_cell(text: str) -> str:
    """The last cell of a stretch of a Markdown row, where its text column is."""
    cells = split_cells(text, "|")
    return cells[-1] if cells else ""
