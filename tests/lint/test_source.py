"""Searching a transcript's source text: every match, unless the pattern's promise says
ASCII text holds none."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcripts.linter import source
from transcripts.linter.context import Context
from transcripts.linter.source import CutAfter, at_line_break, find_in_source
from transcripts.model import Block, Kind, Transcript


def _context(*texts: str) -> Context:
    blocks = [Block(Kind.TURN, text, n, n, "Ana") for n, text in enumerate(texts, 1)]
    return Context(Transcript(blocks=blocks))


def _found(context: Context, pattern: str, in_ascii: str = "anything") -> list[tuple]:
    return [
        (found.group(), line, column)
        for found, line, column in find_in_source(context, re.compile(pattern), in_ascii=in_ascii)
    ]


def test_any_pattern_finds_its_matches_in_plain_ascii_text():
    assert _found(_context("Hello there", "Hello again"), "Hello") == [
        ("Hello", 1, 1),
        ("Hello", 2, 1),
    ]


def test_a_pattern_that_matches_only_controls_in_ascii_skips_clean_ascii_text():
    assert _found(_context("Hello there"), r"[\x00-\x08]|Hello", "controls") == []
    assert _found(_context("Hello\x07 there"), r"[\x00-\x08]", "controls") == [("\x07", 1, 6)]


def test_a_pattern_that_matches_nothing_in_ascii_still_searches_other_text():
    assert _found(_context("plain"), "\u00ad", "nothing") == []
    assert _found(_context("soft\u00adhyphen"), "\u00ad", "nothing") == [("\u00ad", 1, 5)]


def test_an_unknown_promise_is_refused():
    with pytest.raises(ValueError, match="in_ascii"):
        _found(_context("x"), "x", "sometimes")


_PIECES = st.text(alphabet='ab <>\n\r&;#x1"=/\u00ad\u200b\u00c3\u00a9\x07\ufffd', max_size=14)


@settings(max_examples=150, deadline=None)
@example(texts=["<b \n", 'x="1"\n', ">\n"], rule="html_entity")  # a tag over three blocks
@example(texts=["\u00c3", "\u00a9\n"], rule="encoding")  # mojibake over two blocks
@example(texts=["<b\n", "x\n", ">\n"], rule="html_entity")  # open over a short block
@given(
    texts=st.lists(_PIECES, max_size=10),
    rule=st.sampled_from(["encoding", "invisible_character", "html_entity"]),
)
def test_the_text_searched_in_pieces_gives_the_matches_of_the_text_searched_whole(texts, rule):
    # Each rule that scans the source cuts it where its pattern says no match runs across;
    # with pieces of a few characters there are cuts everywhere they are allowed.
    from transcripts.linter.rules import encoding, html_entity, invisible_character

    pattern, in_ascii, cut_after = {
        "encoding": (encoding._SUSPECT, "controls", lambda: at_line_break),
        "invisible_character": (invisible_character._INVISIBLE, "nothing", lambda: at_line_break),
        "html_entity": (html_entity._MARKUP, "anything", html_entity._NoTagOpen),
    }[rule]
    blocks = [
        Block(Kind.TURN, text.strip(), n, n, "Ana", raw=text) for n, text in enumerate(texts, 1)
    ]

    def found(cut: CutAfter | None) -> list[tuple]:
        context = Context(Transcript(blocks=blocks))
        return [
            (match.group(), line, column)
            for match, line, column in find_in_source(
                context, pattern, in_ascii=in_ascii, cut_after=cut
            )
        ]

    whole = found(None)
    for chunk in (1, 5, 12):
        with patch.object(source, "_CHUNK", chunk):
            assert found(cut_after()) == whole, chunk


def test_the_start_of_the_text_skips_its_leading_white_space_across_blocks():
    context = _context("", "  ", "<!DOCTYPE html>")
    whole = "".join(block.text + "\n" for block in context.transcript.blocks)
    assert source.source_text(context).head(9) == whole.lstrip()[:9] == "<!DOCTYPE"


def _plain_position(blocks: list[Block], offset: int) -> tuple[int, int]:
    """The reference: the text before `offset` split at its line breaks."""
    from transcripts.linter.text import raw_lines

    for block in blocks:
        part = block.raw if block.raw is not None else block.text + "\n"
        if offset < len(part):
            lines = raw_lines(part[:offset])
            return block.line + len(lines) - 1, len(lines[-1]) + 1
        offset -= len(part)
    raise AssertionError("offset past the text")


_RAW = st.text(alphabet="ab\r\n<", max_size=12)


@settings(max_examples=200, deadline=None)
@example(raws=["a\r\nb\r\n", "x\ry\n"])  # an offset between CR and LF: on the next line
@given(raws=st.lists(st.one_of(st.none(), _RAW), min_size=1, max_size=6))
def test_every_offset_is_placed_where_splitting_the_text_before_it_places_it(raws):
    blocks, line = [], 1
    for raw in raws:
        text = (raw or "b").strip() or "b"
        blocks.append(Block(Kind.TURN, text, line, line, "Ana", raw=raw))
        line += len(re.split(r"\r\n|\r|\n", raw if raw is not None else text))
    (piece,) = source.SourceText(blocks).pieces()
    for offset in range(len(piece.text)):
        assert piece.position(offset) == _plain_position(blocks, offset), offset


def test_a_block_with_a_match_on_each_of_many_lines_is_placed_in_one_pass_over_it():
    # Placing each match by splitting its block's text up to it made 20,000 tag lines
    # in one turn take minutes; the block's line breaks are now found once.
    lines = "".join(f"and <b>tag {n}</b> more\n" for n in range(20_000))
    block = Block(Kind.TURN, lines.strip(), 1, 20_000, "Ana", raw=lines)
    context = Context(Transcript(blocks=[block]))
    made = []

    class Counted(source.LineBreaks):
        def __init__(self, text: str) -> None:
            made.append(len(text))
            super().__init__(text)

    with patch.object(source, "LineBreaks", Counted):
        places = [(line, column) for _, line, column in _found_tags(context)]
    assert places[:2] == [(1, 5), (1, 13)] and places[-1] == (20_000, 17)
    assert made == [len(lines)]


def _found_tags(context: Context):
    from transcripts.linter.rules import html_entity

    return find_in_source(context, html_entity._MARKUP, cut_after=html_entity._NoTagOpen())
