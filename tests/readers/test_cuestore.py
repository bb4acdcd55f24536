"""The flat store of caption cues gives back the parts of the cues put into it, in order,
however many batches it takes them from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers import cuestore
from transcripts.readers.cuestore import DROPPED, SPLIT, UNMARKED, CueStore
from transcripts.readers.turns import Part, PlacedPiece

_NAMES = ["Ana", "Ben", "Dr. Jha"]
_CODES = st.sampled_from([0, 1, 2, UNMARKED, DROPPED, SPLIT])


def _expected(index: int, code: int) -> list[Part]:
    """What the cue at `index` with `code` stands for (see `_filled`)."""
    start, end, line = index * 2.5, index * 2.5 + 1.25, 3 * index + 1
    if code == DROPPED:
        return []
    if code == SPLIT:
        return [
            Part(f"a{index}", start, end, line, line + 1, True, None),
            Part("b", start, end, 1, 1),
        ]
    if code == UNMARKED:
        return [Part(f"cue {index}", start, end, line, line + 1)]
    return [Part(f"cue {index}", start, end, line, line + 1, True, _NAMES[code])]


def _filled(codes: list[int]) -> CueStore:
    store = CueStore()
    store.names = list(_NAMES)
    for index, code in enumerate(codes):
        start, end, line = index * 2.5, index * 2.5 + 1.25, 3 * index + 1
        text = _expected(index, code) if code == SPLIT else f"cue {index}"
        store.add(start, end, line, line + 1, text, code)
    return store


@settings(max_examples=60, deadline=None)
@given(st.lists(_CODES, max_size=3 * cuestore._BATCH + 7))
def test_the_store_gives_each_cues_parts_in_order(codes):
    store = _filled(codes)
    assert len(store) == len(codes)
    expected = [part for index, code in enumerate(codes) for part in _expected(index, code)]
    assert [_as_part(part) for part in store.parts()] == expected


def _as_part(given: Part | PlacedPiece) -> Part:
    """A part given as a placed piece, as the part it stands for."""
    if isinstance(given, Part):
        return given
    piece, line, end_line, marked, speaker = given
    return Part(piece.text, piece.start, piece.end, line, end_line, marked, speaker, piece.words)


def test_the_store_lets_go_of_its_cues_once_their_parts_are_given():
    store = _filled([UNMARKED] * (2 * cuestore._BATCH + 3))
    parts = store.parts()
    next(parts)
    assert len(store) == cuestore._BATCH + 3  # the first batch is taken out
    assert len(list(parts)) == 2 * cuestore._BATCH + 2
    assert len(store) == 0 and not store.times and not store.lines and not store.codes
