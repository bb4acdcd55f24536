"""`model.block_records`, the dict forms of a batch of blocks for the JSON writers: the
usual turn's made whole at once, any other by `Block.to_dict`; each is what `to_dict`
gives, field for field and in the same order."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from transcripts.model import (
    KINDS,
    Block,
    Kind,
    Piece,
    block_records,
    compact_blocks,
    text_from_pieces,
)

_names = st.none() | st.sampled_from(["Ana", "ANA", "Dr. Bo"])
_times = st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False)


@st.composite
def _blocks(draw: Any) -> Block:
    text = draw(st.text(max_size=40))
    line = draw(st.integers(min_value=0, max_value=10**6))
    raw = draw(st.none() | st.just(f"ANA: {text}\n\n") | st.text(max_size=20))
    pieces = draw(st.none() | st.just([Piece(text, 0.0, 1.0), Piece("more", 1.0, 2.0)]))
    block = Block(
        draw(st.sampled_from(sorted(KINDS))),
        text,
        line,
        line + draw(st.integers(min_value=0, max_value=3)),
        draw(_names),
        draw(_names),
        draw(_times),
        draw(_times),
        draw(st.booleans()),
        raw,
        pieces,
    )
    if pieces is not None and draw(st.booleans()):
        text_from_pieces(block)  # its text made from its pieces when asked
    return block


def _plain(blocks: list[Block], lead: tuple[str, Any] | None) -> list[list[tuple[str, Any]]]:
    return [list(block.to_dict(None if lead is None else dict([lead])).items()) for block in blocks]


@given(
    st.lists(_blocks(), max_size=8),
    st.none() | st.tuples(st.sampled_from(["path", "kind", "file"]), st.text(max_size=8)),
    st.booleans(),
)
def test_records_are_each_blocks_dict_form_in_its_order(blocks, lead, compacted):
    if compacted:
        compact_blocks(blocks)  # `raw` held as what surrounds the text
    records = block_records(blocks, lead)
    assert [list(record.items()) for record in records] == _plain(blocks, lead)


def test_the_usual_turn_of_a_text_source():
    block = Block(Kind.TURN, "Yes.", 3, 3, "Ana Ruiz", "ANA", raw="ANA: Yes.\n\n")
    assert block_records([block], ("path", "a.txt")) == [
        {
            "path": "a.txt",
            "kind": "turn",
            "speaker": "Ana Ruiz",
            "label": "ANA",
            "text": "Yes.",
            "line": 3,
            "end_line": 3,
            "raw": "ANA: Yes.\n\n",
        }
    ]
