"""The caption writers' fast paths against their references: the clock written in one
step against `format_clock`, and WebVTT written cue by cue as blocks come (what
`convert` streams) against the whole document written at once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.writers.timed_docs import interview, timed_transcripts
from transcripts.errors import TranscriptError
from transcripts.losses import Losses
from transcripts.model import Block, Kind, Piece, Transcript, Word
from transcripts.options import WriteOptions
from transcripts.timecode import format_clock
from transcripts.writers import vtt
from transcripts.writers.strings import StringSink
from transcripts.writers.timed import CutCounts, block_cues, caption_clock, usable_pieces


@given(st.floats(min_value=0, max_value=10_000_000, allow_nan=False), st.sampled_from(".,"))
def test_the_one_step_caption_clock_is_format_clock(seconds, separator):
    assert caption_clock(seconds, separator) == format_clock(seconds, separator=separator)


@pytest.mark.parametrize("seconds", [0, 0.0005, 59.9995, 59.9996, 3599.9996, 360000.25])
def test_the_caption_clock_carries_rounding_into_the_next_unit(seconds):
    assert caption_clock(seconds) == format_clock(seconds)


def _streamed(transcript: Transcript) -> tuple[str, str]:
    """WebVTT written from an iterator of the blocks (each seen once), and its losses."""
    sink = StringSink()
    losses = Losses()
    vtt.write_documents([(transcript, iter(transcript.blocks))], sink, WriteOptions(losses=losses))
    return sink.getvalue(), losses.summary()


def _whole(transcript: Transcript) -> tuple[str, str]:
    losses = Losses()
    return vtt.write(transcript, WriteOptions(losses=losses)), losses.summary()


@settings(max_examples=60, deadline=None)
@given(timed_transcripts())
def test_webvtt_streamed_block_by_block_is_webvtt_written_whole(transcript):
    assert _streamed(transcript) == _whole(transcript)


def test_streamed_webvtt_notes_losses_in_the_order_written_whole():
    document = interview()
    text, lost = _streamed(document)
    assert (text, lost) == _whole(document)
    assert lost.startswith("1 prose block")


@pytest.mark.parametrize("missing", [[0, 1, 2], [1]])
def test_streamed_webvtt_refuses_blocks_without_times_with_the_same_counts(missing):
    blocks = [
        Block(Kind.TURN, f"words {index}", index + 1, index + 1, speaker="Ana", start=index)
        for index in range(3)
    ]
    for index in missing:
        blocks[index].start = None
    document = Transcript(blocks=blocks)
    with pytest.raises(TranscriptError) as whole:
        _whole(document)
    with pytest.raises(TranscriptError) as streamed:
        _streamed(document)
    assert str(streamed.value) == str(whole.value)
    expected = (
        "has no times" if len(missing) == 3 else "1 of 3 blocks have no times (the first at line 2)"
    )
    assert expected in str(whole.value)


_PIECE_TEXTS = st.sampled_from(
    ["hello there", "two\nlines", "fish & <chips>", "a  b", " edge ", "", "one two three"]
)
_WORDS = st.sampled_from([None, (), "spelled"])


@st.composite
def _pieced_blocks(draw) -> Block:
    texts = draw(st.lists(_PIECE_TEXTS, min_size=1, max_size=4))
    pieces = []
    clock = 0.0
    for text in texts:
        start, clock = clock, clock + draw(st.sampled_from([0.0, 0.5, 1.25]))
        words = draw(_WORDS)
        if words == "spelled":
            words = tuple(Word(word, start, clock) for word in text.split())
        pieces.append(Piece(text, start, clock, words))
    said = " ".join(" ".join(texts).split())
    text = draw(st.sampled_from([said, said.replace(" ", "  "), said + " edited"]))
    speaker = draw(st.sampled_from([None, "Ana"]))
    kind = Kind.TURN if speaker else Kind.UNATTRIBUTED
    return Block(kind, text, 1, 2, speaker=speaker, start=0.0, end=clock, pieces=pieces)


@settings(max_examples=200, deadline=None)
@given(_pieced_blocks())
def test_a_block_of_plain_pieces_is_written_as_the_general_cues_are(block):
    fast_counts, plain_counts = CutCounts(), CutCounts()
    fast = vtt._block_cues(block, block.end, fast_counts)
    plain = [
        (cue.start, cue.end, vtt._cue_text(cue))
        for cue in block_cues(
            block, usable_pieces(block), block.end, vtt.WIDTH, vtt.HEIGHT, "", plain_counts
        )
    ]
    assert fast == plain
    assert fast_counts == plain_counts


@settings(max_examples=200, deadline=None)
@given(_pieced_blocks())
def test_usable_pieces_are_those_that_say_the_blocks_words(block):
    said = " ".join(piece.text for piece in block.pieces).split() == block.text.split()
    assert (usable_pieces(block) is not None) == said
