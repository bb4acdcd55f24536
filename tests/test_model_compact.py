"""Blocks held compact (`model.compact_blocks`): nothing a user can see changes, and the
copy of the text that `raw` held is gone."""

from __future__ import annotations

import copy
import json
import pickle
import sys

from hypothesis import given
from hypothesis import strategies as st

import transcripts
from tests.conftest import SAMPLES
from transcripts.model import COMPACT_LEAST, Block, Kind, compact_blocks, joined_text
from transcripts.writers.jsonenc import dense_bytes, encoded_blocks

LONG = "So the committee met twice that week, and neither meeting settled anything at all."


def _turn(text: str = LONG, raw: str | None = None) -> Block:
    raw = f"ANA: {text}\n\n" if raw is None else raw
    return Block(Kind.TURN, text, 1200, 1200, "Ana Ruiz", "ANA", raw=raw)


def test_a_compacted_block_is_equal_to_its_copy_and_shows_the_same():
    block, twin = _turn(), _turn()
    compact_blocks([block])
    assert block._raw == ("ANA: ", "\n\n")  # the copy of the text is gone
    assert block.end_line is block.line  # one int object for both
    assert block == twin
    assert repr(block) == repr(twin)
    assert block.raw == twin.raw == f"ANA: {LONG}\n\n"
    assert block.to_dict() == twin.to_dict()


def test_blocks_with_the_same_label_share_what_surrounds_their_text():
    blocks = compact_blocks([_turn(), _turn(LONG + " Again.")])
    assert blocks[0]._raw is blocks[1]._raw
    assert blocks[0].label is blocks[1].label


def test_reassigning_the_text_of_a_compacted_block_leaves_its_raw_as_it_was():
    block = _turn()
    compact_blocks([block])
    block.text = "something else"
    assert block.raw == f"ANA: {LONG}\n\n"
    block.raw = "ANA: something else\n"
    assert block.raw == "ANA: something else\n"


def test_a_compacted_block_pickles_and_copies_compact_and_equal():
    block, twin = _turn(), _turn()
    compact_blocks([block])
    for back in (pickle.loads(pickle.dumps(block)), copy.deepcopy(block), copy.copy(block)):
        assert back == twin
        assert back._raw == ("ANA: ", "\n\n")
    assert len(pickle.dumps(block)) < len(pickle.dumps(twin))


def test_a_block_never_compacted_pickles_as_it_was():
    block = Block(Kind.PROSE, "short", 3, 4)
    back = pickle.loads(pickle.dumps(block))
    assert back == block
    assert back.raw is None


def test_short_texts_and_texts_not_found_in_raw_are_kept_as_they_are():
    short = _turn("Yes.")
    crlf = _turn(LONG + "\nmore", raw=f"ANA: {LONG}\r\nmore\r\n")
    compact_blocks([short, crlf])
    assert len(short.text) < COMPACT_LEAST
    assert short._raw == "ANA: Yes.\n\n"
    assert crlf._raw == f"ANA: {LONG}\r\nmore\r\n"


def test_reading_a_file_holds_less_than_the_raw_copies_did():
    transcript = transcripts.read(SAMPLES / "lukashenko-interview.txt")
    compacted = [block for block in transcript.blocks if block._raw.__class__ is tuple]
    assert compacted  # most turns of a plain interview
    held = sum(sys.getsizeof(block._raw) for block in compacted)
    copies = sum(sys.getsizeof(block.raw) for block in compacted)
    assert held < copies / 2
    source = (SAMPLES / "lukashenko-interview.txt").read_bytes()
    assert transcripts.write(transcript, "text").encode("utf-8") == source


texts = st.text(st.characters(codec="utf-8"), min_size=0, max_size=80)


@given(before=texts, text=texts, after=texts, label=st.none() | texts)
def test_compacting_never_changes_a_block(before, text, after, label):
    raw = before + text + after
    block = Block(Kind.TURN, text, 5, 5, "Ana", label, raw=raw)
    twin = Block(Kind.TURN, text, 5, 5, "Ana", label, raw=raw)
    compact_blocks([block])
    assert block == twin
    assert block.raw == raw
    assert block.to_dict() == twin.to_dict()


@given(
    st.lists(
        st.builds(
            Block,
            st.sampled_from(sorted({Kind.TURN, Kind.PROSE, Kind.STAGE_DIRECTION})),
            texts,
            st.integers(0, 10**6),
            st.integers(0, 10**6),
            st.none() | texts,
            st.none() | texts,
            st.none() | st.floats(0, 1e6),
            st.none() | st.floats(0, 1e6),
            st.booleans(),
            st.none() | texts,
        ),
        max_size=5,
    ),
    st.none() | texts,
)
def test_batch_encoding_equals_encoding_each_record_alone(blocks, path):
    expected = [dense_bytes(block.to_dict({"path": path}), newline=True) for block in blocks]
    assert encoded_blocks(blocks, ("path", path), newline=True) == expected
    assert encoded_blocks(blocks) == [dense_bytes(block.to_dict()) for block in blocks]
    compact_blocks(blocks)
    assert encoded_blocks(blocks, ("path", path), newline=True) == expected
    for line in expected:
        assert json.loads(line)["path"] == path


# A turn assembled from pieces is made without its text: it is its pieces' texts joined,
# made when first asked for (`model.text_from_pieces`, `joined_text`).

SRT = (
    "1\n00:00:01,000 --> 00:00:02,000\nAna: So the  committee\nmet twice.\n\n"
    "2\n00:00:02,500 --> 00:00:04,000\nNeither meeting settled anything.\n\n"
    "3\n00:00:04,500 --> 00:00:05,000\nBen: [laughs]\n"
)


def _read_srt(tmp_path) -> list[Block]:
    path = tmp_path / "talk.srt"
    path.write_text(SRT, encoding="utf-8")
    return transcripts.read(path).blocks


def _unset(block: Block) -> bool:
    try:
        object.__getattribute__(block, "text")
    except AttributeError:
        return True
    return False


def test_a_turn_from_pieces_makes_its_text_when_asked_and_shows_the_same(tmp_path):
    blocks = _read_srt(tmp_path)
    turn = blocks[0]
    assert _unset(turn)  # the words are held once, in the pieces
    eager = Block(
        turn.kind,
        "So the committee met twice. Neither meeting settled anything.",
        turn.line,
        turn.end_line,
        turn.speaker,
        start=turn.start,
        end=turn.end,
        pieces=turn.pieces,
    )
    for back in (pickle.loads(pickle.dumps(turn)), copy.deepcopy(turn), copy.copy(turn)):
        assert back == eager
    assert repr(turn) == repr(eager) and turn.to_dict() == eager.to_dict()
    assert not _unset(turn) and turn.text is turn.text  # made once, then kept
    assert turn == eager


def test_a_block_still_lacks_what_it_lacks(tmp_path):
    turn = _read_srt(tmp_path)[0]
    try:
        turn.colour  # noqa: B018
    except AttributeError as error:
        assert str(error) == "'Block' object has no attribute 'colour'"
    else:
        raise AssertionError("no error")
    assert not hasattr(turn, "colour") and getattr(turn, "_inner", None) is None


@given(st.lists(st.text(st.sampled_from(["a", "é", " ", "\n", "\t", "\xa0", "b"]))))
def test_joined_text_is_the_texts_joined_and_spaced_once(texts):
    assert joined_text(texts) == " ".join(" ".join(texts).split())
