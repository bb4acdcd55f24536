"""A table of many rows is drawn by joining padded cells with the text tabulate puts
around them (`render._PaddedTable`): it must be the table tabulate draws itself."""

from __future__ import annotations

import io

import tabulate
from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.statistics import render

_CELL = st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=8)


def _plain(rows: list[list[str]], headers: list[str], alignment: list[str], fmt: str) -> str:
    padding = tabulate.MIN_PADDING
    tabulate.MIN_PADDING = 0
    try:
        return tabulate.tabulate(
            rows, headers=headers, tablefmt=fmt, colalign=alignment, disable_numparse=True
        )
    finally:
        tabulate.MIN_PADDING = padding


@settings(max_examples=60, deadline=None)
@given(
    columns=st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(_CELL.filter(lambda c: c.strip() == c and c), min_size=n, max_size=n),
            st.lists(st.sampled_from(["left", "right"]), min_size=n, max_size=n),
            st.lists(st.lists(_CELL, min_size=n, max_size=n), min_size=0, max_size=12),
        )
    ),
    fmt=st.sampled_from(sorted(render._JOINED_FORMATS)),
    chunk=st.integers(1, 5),
)
def test_a_table_joined_from_a_row_template_is_the_table_tabulate_draws(columns, fmt, chunk):
    headers, alignment, rows = columns
    # A stats row always names its speaker (tabulate draws a row of empty cells apart).
    rows = [[row[0].strip() or "x", *(cell.strip() for cell in row[1:])] for row in rows]
    widths = [
        max([len(header)] + [len(row[column]) for row in rows])
        for column, header in enumerate(headers)
    ]
    table = render._PaddedTable(headers, alignment, widths, fmt)
    out = io.StringIO()
    table.write(rows, out, chunk)
    assert out.getvalue() == _plain(rows, headers, alignment, fmt)


def test_the_row_template_is_used_for_the_usual_format():
    table = render._PaddedTable(["speaker", "turns"], ["left", "right"], [9, 5], "simple")
    assert table.template is not None


_WIDE_CELL = st.text(alphabet="ab1 .{}▏▎█éß中文", max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(_WIDE_CELL, min_size=3, max_size=3), min_size=1, max_size=8),
    fmt=st.sampled_from(sorted(render._JOINED_FORMATS)),
)
def test_rows_of_bars_and_wide_characters_are_drawn_as_tabulate_draws_them(rows, fmt):
    # A row whose cells are as wide as they are long (ASCII, bars, accents) is one
    # `str.format`, braces in the format's own text included; a row with a character
    # wider than one column (where wcwidth is installed) is padded cell by cell.
    rows = [[row[0].strip() or "x", *(cell.strip() for cell in row[1:])] for row in rows]
    headers, alignment = ["speaker", "bar", "n"], ["left", "left", "right"]
    widths = [
        max([len(header)] + [render._visible_width(row[column]) for row in rows])
        for column, header in enumerate(headers)
    ]
    table = render._PaddedTable(headers, alignment, widths, fmt)
    out = io.StringIO()
    table.write(rows, out, 3)
    assert out.getvalue() == _plain(rows, headers, alignment, fmt)
