"""`turns.assemble`'s quicker steps against their plain twins: `_TurnBuilder.add_all`
against `add` part by part, the tally skipped where `_marks_matter` says it cannot
matter, and `is_spaced` against `clean_spaces`."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from transcripts.model import Block, Kind, Word
from transcripts.readers.turns import Part, _marks_every_cue, _marks_matter, _TurnBuilder
from transcripts.spacing import _SPACES, clean_spaces, is_spaced

_TEXTS = ["", "Hi there.", "and so", "[laughter]", "(LAUGHS)", "♪ la ♪", "[not", " a  b ", "x"]
_TIMES = st.one_of(st.none(), st.floats(min_value=0, max_value=50), st.just(float("nan")))
_PARTS = st.builds(
    Part,
    st.sampled_from(_TEXTS),
    _TIMES,
    _TIMES,
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=3),
    st.booleans(),
    st.sampled_from([None, "A", "B"]),
    st.sampled_from([None, (Word("x", 1.0, 2.0),)]),
)
_BLOCKS = st.builds(Block, st.just(Kind.PROSE), st.sampled_from(["Note.", ""]))


def _built(parts: list[Part | Block], quick: bool) -> tuple[list[Block], list[str]]:
    """The blocks and speakers met, by `add_all` (and the tally only where it matters)
    or by `add` part by part (and the tally always)."""
    if quick:
        builder = _TurnBuilder(_marks_every_cue(parts) if _marks_matter(parts) else False)
        builder.add_all(parts)
    else:
        builder = _TurnBuilder(_marks_every_cue(parts))
        for part in parts:
            builder.add(part)
    builder.close()
    return builder.blocks, list(builder.voices.met)


def _same(one: list[Block], other: list[Block]) -> bool:
    """Equal blocks, NaN times included (a NaN equals no float, itself neither)."""
    return repr(one) == repr(other)


@given(st.lists(st.one_of(_PARTS, _BLOCKS), max_size=30))
def test_add_all_builds_what_add_builds_part_by_part(parts):
    def fresh() -> list[Part | Block]:  # blocks are changed as they are built on
        return [Part(*vars_of(p)) if isinstance(p, Part) else Block(p.kind, p.text) for p in parts]

    quick, plain = _built(fresh(), True), _built(fresh(), False)
    assert _same(quick[0], plain[0]) and quick[1] == plain[1]


@given(st.lists(_PARTS, max_size=30), st.booleans())
def test_the_tally_does_not_matter_when_all_or_no_parts_are_marked(parts, marked):
    for part in parts:
        part.marked = marked
    every = _TurnBuilder(True)
    changes = _TurnBuilder(False)
    for builder in (every, changes):
        for part in parts:
            builder.add(Part(*vars_of(part)))
        builder.close()
    assert _same(every.blocks, changes.blocks)
    assert list(every.voices.met) == list(changes.voices.met)


def vars_of(part: Part) -> tuple[object, ...]:
    return (
        part.text,
        part.start,
        part.end,
        part.line,
        part.end_line,
        part.marked,
        part.speaker,
        part.words,
    )


_SPACY = st.text(st.sampled_from(["a", "é", " ", "\t", "\n", "\xa0", "\u3000", "\x1f", "b"]))


@given(st.one_of(_SPACY, st.text()))
def test_is_spaced_says_whether_clean_spaces_changes_the_text(text):
    assert is_spaced(text) == (clean_spaces(text) == text)


def test_the_spaces_are_those_str_split_splits_at():
    every = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(_SPACES) == every - {" "}
    assert all(space.isascii() for space in _SPACES[:9])
    assert not any(space.isascii() for space in _SPACES[9:])
