"""Page layout finds its rare lines by whole-text and whole-codes passes (`pages.py`):
the lines they find must be the ones the plain per-line definitions give."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import pages
from transcripts.readers.text.lines import split_lines
from transcripts.readers.text.pages import APART, BLANK, LAYOUT, TEXT

_CODES = st.lists(st.sampled_from([TEXT, BLANK, LAYOUT, APART]), max_size=30).map(bytearray)
_PIECES = ["a", "Q.", " ", "\t", "\f", "\x1a", "\x00", "\xa0", "[[Page H6118]]",
           "{time}  1117", "[", "{", "12", "\n", "\r\n", "\r", "\u2028", "é"]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CODES, st.integers(0, 5))
def test_lines_after_gaps_found_in_the_codes_are_those_after_two_blank_lines(codes, start):
    expected = [
        index
        for index in range(start, len(codes))
        if codes[index] == TEXT and pages._after_gap(codes, index)
    ]
    assert pages._after_gaps(codes, start) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 3), st.integers(1, 6))
def test_markers_and_control_lines_are_found_with_or_without_the_whole_text_shortcut(
    text, start, stretch
):
    lines = split_lines(text)
    codes = bytearray(BLANK if line.isspace() else TEXT for line in lines)
    starts = [0] * len(lines)
    fast = bytearray(codes)
    with mock.patch.object(pages, "_STRETCH", stretch):  # the text looked at a stretch at a time
        pages._mark_markers(text, lines, start, fast, starts)
    plain = bytearray(codes)
    for index in range(start, len(lines)):  # the definition, line by line
        content = lines[index].strip()
        marker = content[:1] in "[{" and pages._PAGE_MARKER.fullmatch(content) is not None
        control = not content.isprintable() and not any(char.isalnum() for char in content)
        if plain[index] == TEXT and (marker or control):
            plain[index] = LAYOUT
    assert fast == plain


_HEADER_PIECES = ["Page", " ", "\xa0", "\u2003", "\t", "3", "18", "٣", "#", "of", "é",
                  "Alderson", "\x1c", "-", "O5S1GUO1"]  # fmt: skip
_HEADER = st.lists(st.sampled_from(_HEADER_PIECES), max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HEADER, max_size=30), st.integers(1, 4))
def test_shapes_counted_first_by_a_rough_key_are_the_shapes_grouped_line_by_line(texts, least):
    indices = [index * 3 for index in range(len(texts))]
    plain: dict[str, list[int]] = {}
    for index, text in zip(indices, texts, strict=True):  # the definition, line by line
        plain.setdefault(pages.shape_key(text), []).append(index)
    expected = {key: group for key, group in plain.items() if len(group) >= least}
    found = pages.recurring_shapes(indices, texts, least)
    assert found == expected
    assert list(found) == list(expected)  # in order of each shape's first line


_PAGE_LINES = st.lists(st.sampled_from(["  Well, ", "\n", "  \n", "12  x\n", "<b>a</b>\n", "\f"]),
                       max_size=3).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            _PAGE_LINES,
            st.sampled_from([TEXT, BLANK, LAYOUT, APART]),
            st.sampled_from([0, 0, 0, 2]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
    st.data(),
)
def test_a_spans_block_text_is_its_lines_joined_one_by_one(rows, html, data):
    lines = [line for line, _, _ in rows]
    starts = [min(at, len(line)) for line, _, at in rows]
    page = pages.Page(bytearray(code for _, code, _ in rows), starts, html=html)
    first = data.draw(st.integers(0, len(lines) - 1))
    last = data.draw(st.integers(first, len(lines) - 1))
    words = [  # the definition, line by line
        page.clean(lines[index][starts[index] :])
        for index in range(first, last + 1)
        if page.codes[index] in (TEXT, APART)
    ]
    assert page.joined(lines, first, last) == "\n".join(word for word in words if word)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(1, 6))
def test_text_printable_but_its_line_ends_is_told_by_stretches_as_by_its_characters(text, stretch):
    expected = all(char.isprintable() or char in "\n\r" for char in text)
    with mock.patch.object(pages, "_STRETCH", stretch):
        assert pages._printable_but_line_ends(text) == expected


_FURNITURE_PIECES = ["Page 3", "  ", "\f", "\t", "Alderson", "(Recess)", "[", "{", ".", ";",
                     "x" * 40, "12  ", "\n", "\r\n", "\xa0", "é"]  # fmt: skip
_FURNITURE_LINES = st.lists(st.sampled_from(_FURNITURE_PIECES), max_size=5).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            _FURNITURE_LINES, st.sampled_from([TEXT, BLANK, LAYOUT, APART]), st.integers(0, 3)
        ),
        max_size=20,
    ),
    st.integers(0, 3),
    st.integers(1, 5),
)
def test_furniture_candidates_found_a_chunk_at_a_time_are_the_lines_asked_one_by_one(
    rows, start, chunk
):
    lines = [line for line, _, _ in rows]
    codes = bytearray(code for _, code, _ in rows)
    starts = [min(at, len(line)) for line, _, at in rows]
    expected = [  # the definition, line by line
        (index, pages._content(lines, starts, index))
        for index in range(start, len(lines))
        if codes[index] in (TEXT, APART)
        and pages._may_be_furniture(pages._content(lines, starts, index))
    ]
    with mock.patch.object(pages, "_CHUNK", chunk):
        assert list(pages._furniture_candidates(lines, start, codes, starts)) == expected


_GAP_PIECES = ["\n", "\r\n", "\r", " ", "\t", "\f", "\xa0", "O5S1GUO1", "AB12C", "Le Zhou", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=30).map("".join))
def test_page_codes_after_gaps_are_searched_for_only_where_two_blank_lines_meet(text):
    blank = bytearray(map(str.isspace, split_lines(text)))
    expected = pages._CODE_AFTER_GAP.search(text) is not None
    assert pages._may_hold_page_codes(text, blank) == expected
