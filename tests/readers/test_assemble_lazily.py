"""`turns.assemble_lazily` (blocks built as asked for, for streaming writers) against
`turns.assemble` (the whole transcript at once) on any sequence of parts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcripts.io import SourceText
from transcripts.options import ReadOptions
from transcripts.readers.turns import Hearing, Part, assemble, assemble_lazily

_PARTS = st.lists(
    st.builds(
        lambda text, marked, speaker, number: Part(
            text, number, number + 1, number, number, marked, speaker if marked else None
        ),
        st.sampled_from(["words", "more words", "", "[laughter]", "(music)", "- dash"]),
        st.booleans(),
        st.sampled_from([None, "Ana", "Ben", "SPEAKER_00"]),
        st.integers(0, 1000),
    ),
    max_size=30,
)


@given(_PARTS, st.sampled_from([(), ("Ben",)]), st.booleans())
def test_blocks_built_lazily_are_the_blocks_assembled_whole(parts, speakers, heard_first):
    source = SourceText("", "x.srt")
    options = ReadOptions(speakers)
    whole = assemble(parts, source, options, inferred=True)
    heard = None
    if heard_first:  # a reader that heard every part as it read it
        heard = Hearing()
        for part in parts:
            heard.hear(part.marked, part.speaker, part.text)
    header, blocks = assemble_lazily(
        lambda: iter(parts), source, options, inferred=True, heard=heard
    )
    assert header.speakers == whole.speakers  # known before the first block
    header.blocks = list(blocks)
    assert header.to_dict() == whole.to_dict()
