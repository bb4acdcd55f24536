"""The "Name: " opening (`shapes._HEAD`) is matched possessively: its characters take no
colon, so giving some back can never bring a colon where the pattern needs one. It must
find exactly what the greedy pattern finds, on lines of every kind."""

from __future__ import annotations

import glob
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import shapes

_GREEDY = re.compile(shapes._HEAD.pattern.replace("{1,80}+", "{1,80}"))


def test_the_greedy_twin_differs_only_in_the_quantifier():
    assert _GREEDY.pattern != shapes._HEAD.pattern
    assert _GREEDY.pattern.replace("{1,80}", "{1,80}+") == shapes._HEAD.pattern


_PIECES = st.sampled_from(
    [
        "Ana",
        "Ruiz",
        " ",
        "  ",
        "\t",
        ":",
        "：",
        "(",
        ")",
        "[",
        "]",
        "\\",
        "\r",
        "\n",
        "1",
        "x" * 30,
        "x" * 79,
        ",",
        "Hi",
        "é",
        "**",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 3))
def test_the_opening_is_what_the_greedy_pattern_finds(line, pos):
    a, b = shapes._HEAD.match(line, pos), _GREEDY.match(line, pos)
    assert (a and a.span()) == (b and b.span())


def test_the_opening_of_every_sample_line_is_what_the_greedy_pattern_finds():
    paths = sorted(glob.glob("samples/*")) + sorted(glob.glob("tests/cases/parse/*.case"))
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                a, b = shapes._HEAD.match(line), _GREEDY.match(line)
                assert (a and a.span()) == (b and b.span()), line
