"""Searching a transcript's source text: every match, unless the pattern's promise says
ASCII text holds none."""

from __future__ import annotations

import re

import pytest

from transcripts.linter.context import Context
from transcripts.linter.source import find_in_source
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
