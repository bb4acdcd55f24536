"""The block assembler's shortcuts (`readers/text/assemble.py`) against the plain
definitions they skip: a time under a name is looked for only where the words open with
a digit, and a label alone on its line is given no words without asking `turn_text`."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.model import Block, Kind
from transcripts.readers.text.assemble import Assembler, _time_below
from transcripts.readers.text.pages import APART, BLANK, LAYOUT, TEXT, Page
from transcripts.readers.text.paragraphs_scan import Paragraph
from transcripts.readers.text.roster import Roster
from transcripts.timecode import parse_clock, parse_time_of_day

_WORD_PIECES = ["00:00:05", "9:14 AM", "12:05:30 pm", "1:02", "٣:٠٥", "²", " ", "\t", "\xa0",
                "\n", "Well", "said.", "5", ":", "AM", "x"]  # fmt: skip
_WORDS = st.lists(st.sampled_from(_WORD_PIECES), max_size=8).map("".join)


def _plain_time_below(words: str) -> tuple[float | None, str]:
    """`_time_below` by its definition: both clocks asked of every first line."""
    first, _, rest = words.partition("\n")
    time = parse_clock(first)
    if time is None and parse_time_of_day(first) is not None:
        return None, rest
    return (time, rest) if time is not None else (None, words)


@settings(max_examples=400, deadline=None)
@given(_WORDS)
def test_a_time_under_a_name_is_found_as_asking_both_clocks_of_every_line_finds(words):
    assert _time_below(words) == _plain_time_below(words)


_LINE_PIECES = ["Ana:", "  ", "\t", "**", "|", " | ", "&amp;", "<b>", "x", "\f", "12  "]
_LINE = st.lists(st.sampled_from(_LINE_PIECES), max_size=5).map(lambda s: "".join(s) + "\n")


@settings(max_examples=300, deadline=None)
@given(
    _LINE,
    st.integers(0, 12),
    st.sampled_from([TEXT, BLANK, LAYOUT, APART]),
    st.booleans(),
    st.integers(0, 4),
)
def test_a_label_alone_on_its_line_has_no_words_on_any_page(line, rest_at, code, html, margin):
    rest_at = min(rest_at, len(line))
    if line[rest_at:].strip():
        line = line[:rest_at] + "  \n"  # only a label standing alone takes the shortcut
    page = Page(bytearray([code]), [min(margin, rest_at)], html=html)
    paragraph = Paragraph(0, 0, "Ana", rest_at, True, True, "speaker")
    for layout in (page, None):
        assembler = Assembler([line], [paragraph], Roster({}, []), page=layout)
        assert assembler.turn_text(paragraph) == ""


_SOURCE_LINES = st.lists(st.sampled_from(["Ana: yes\n", "\n", "  \r\n", "x", "(LAUGHTER)\r", ""]))


@settings(max_examples=300, deadline=None)
@given(_SOURCE_LINES, st.integers(0, 8), st.integers(1, 4))
def test_a_block_of_two_lines_has_the_raw_text_its_lines_joined_give(lines, first, count):
    """`_finished` adds a block's two lines (a turn and the blank line after it) rather
    than joining a slice of them; the raw text is the lines joined, however many."""
    lines = [*lines, *["\n"] * (first + count)]  # (the block's lines are all there)
    end = first + count
    block = Block(Kind.TURN, "yes", first + 1, first + 1, "Ana", "Ana")
    assembler = Assembler(list(lines), [], Roster({}, []))
    assert assembler._finished(block, [], end).raw == "".join(lines[first:end])
