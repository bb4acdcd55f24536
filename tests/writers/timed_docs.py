"""Timed documents for the writer tests: hand-made, from real caption files, generated."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts import read
from transcripts.model import Block, Kind, Speaker, Transcript


def interview() -> Transcript:
    """Two speakers, a sound, text before the first turn, and characters to escape."""
    blocks = [
        Block(Kind.UNATTRIBUTED, "(music fades)... welcome", 1, 1, start=0.0, end=2.0),
        Block(
            Kind.TURN, "Q&A time: is 1 < 2 --> yes?", 2, 2, speaker="Ana & Bo", start=2.0, end=5.5
        ),
        Block(Kind.STAGE_DIRECTION, "[laughter]", 3, 3, start=5.5, end=6.0),
        Block(Kind.TURN, "It is. " * 30, 4, 4, speaker="Dr. Jha", start=6.0, end=40.0),
        Block(Kind.PROSE, "A closing note.", 5, 5),
    ]
    return Transcript(
        blocks=blocks, speakers=[Speaker("Ana & Bo"), Speaker("Dr. Jha")], metadata={}
    )


def real_timed_files() -> list:
    """The corpus caption and podcast files (empty when ../shared is absent)."""
    return [*corpus_files(".vtt", ".srt"), *corpus_files(".json")]


def read_real(path) -> Transcript:
    return read(path)


_NAMES = ["Ana", "Ben Okafor", "Dr. Jha", "Speaker 2", "Zoë Ødegaard", "MR. COOPER"]
_WORD = st.text(
    alphabet=st.sampled_from(list("abcdefghij klmnoé.,?!'&<\"")), min_size=1, max_size=12
).filter(lambda w: w.strip(" .,?!'\"&<"))


@st.composite
def timed_transcripts(draw, names=_NAMES, unattributed=True) -> Transcript:
    """Turns of alternating speakers, sounds between some, text without a speaker only
    at the start (elsewhere a format that names changes only reads it as the speaker's)."""
    blocks: list[Block] = []
    clock = draw(st.floats(min_value=0, max_value=5000, allow_nan=False)).__round__(3)
    last = None
    if unattributed and draw(st.booleans()):
        blocks.append(_block(draw, Kind.UNATTRIBUTED, None, clock))
        clock = blocks[-1].end
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if blocks and draw(st.integers(0, 4)) == 0:
            duration = draw(st.integers(1, 3000)) / 1000
            blocks.append(
                Block(
                    Kind.STAGE_DIRECTION,
                    "[laughter]",
                    0,
                    0,
                    start=clock,
                    end=round(clock + duration, 3),
                )
            )
            clock = blocks[-1].end
        speaker = draw(st.sampled_from([n for n in names if n != last]))
        last = speaker
        blocks.append(_block(draw, Kind.TURN, speaker, clock))
        clock = blocks[-1].end
    for number, block in enumerate(blocks, start=1):
        block.line = block.end_line = number
    speakers = [Speaker(name) for name in dict.fromkeys(b.speaker for b in blocks if b.speaker)]
    return Transcript(blocks=blocks, speakers=speakers)


def _block(draw, kind: str, speaker: str | None, clock: float) -> Block:
    words = draw(st.lists(_WORD, min_size=1, max_size=40))
    text = " ".join(" ".join(words).split())
    gap = draw(st.integers(0, 2000)) / 1000
    duration = draw(st.integers(1, 60_000)) / 1000
    start = round(clock + gap, 3)
    return Block(kind, text, 0, 0, speaker=speaker, start=start, end=round(start + duration, 3))


def spoken(transcript: Transcript) -> list[tuple[str, str | None, str, float, float]]:
    """What a timed format keeps: kind, speaker, words and times of each spoken block."""
    return [
        (b.kind, b.speaker, " ".join(b.text.split()), b.start, b.end)
        for b in transcript.blocks
        if b.kind in (Kind.TURN, Kind.UNATTRIBUTED, Kind.STAGE_DIRECTION)
    ]


def close(a, b) -> bool:
    """Two `spoken` lists equal, times to the millisecond."""
    return len(a) == len(b) and all(
        x[:3] == y[:3] and abs(x[3] - y[3]) < 0.0015 and abs(x[4] - y[4]) < 0.0015
        for x, y in zip(a, b, strict=True)
    )
