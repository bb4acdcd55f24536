"""The YAML writer streams blocks in batches and loads back as the dict form, whatever the
strings hold; plain scalars only where every YAML reader reads the same string."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED, corpus_files
from transcripts import read, safeyaml, write
from transcripts.model import Block, Kind, Piece, Speaker, Transcript, Word
from transcripts.timecode import MAX_SECONDS
from transcripts.writers.yaml import scalar

_YAML_1_1 = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loads_back(transcript: Transcript) -> None:
    """The output reads back as the dict form under YAML 1.2 (ours) and 1.1 (PyYAML's)."""
    output = write(transcript, "yaml")
    expected = transcript.to_dict()
    assert safeyaml.load(output) == expected
    assert yaml.load(output, Loader=_YAML_1_1) == expected


def test_real_documents_load_back_as_their_dict_form():
    for path in [SEED, *corpus_files(".vtt", ".srt", ".cha", ".md")]:
        _loads_back(read(path))


def test_documents_longer_than_a_batch_are_one_block_list():
    blocks = [
        Block(Kind.TURN, f"turn {n}", n, n, speaker="Ana", start=n * 1.5, end=n * 1.5 + 1)
        for n in range(1, 2600)
    ]
    transcript = Transcript(blocks=blocks, speakers=[Speaker("Ana")])
    _loads_back(transcript)
    assert len(yaml.load(write(transcript, "yaml"), Loader=_YAML_1_1)["blocks"]) == 2599


def test_a_document_without_blocks():
    transcript = Transcript(metadata={"title": "Empty"})
    assert write(transcript, "yaml").endswith("blocks: []\n")
    _loads_back(transcript)


def test_plain_words_are_written_plain_and_lookalikes_quoted():
    assert scalar("Dr. Amara Okafor") == "Dr. Amara Okafor"
    assert scalar("Well, it's [crosstalk] fine!") == "Well, it's [crosstalk] fine!"
    for text in ("yes", "No", "null", "1e3", "0x1F", "1:02:03", ":", "a: b", "a #b", " lead"):
        assert scalar(text).startswith('"'), text
    assert scalar("line\u2028break\x85") == '"line\\u2028break\\x85"'


_HOSTILE = st.sampled_from(
    [
        "yes", "Yes", "NO", "on", "off", "y", "n", "null", "Null", "~", "", "true", "False",
        "1e3", "1.0", ".inf", "-.nan", "0o17", "0x1F", "12:30", "2024-05-01", "1_000",
        ":", "a:", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "? x", "'q'", '"q"', "&a", "*a",
        "!tag", "%TAG", "@x", "`x", "|", ">", "{a}", "[a]", "---", "...", "<<",
        "  lead", "trail  ", "\ttab", "two\nlines", "cr\rx", "\x85", "\u2028", "\u2029",
        "\ufeffbom", "\x7f", "\x00", "\x1b[31m", "é", "日本語", "😀 emoji", "\u200f", "\uffff",
    ]
)  # fmt: skip
_STRINGS = _HOSTILE | st.text() | st.text(alphabet=st.characters(codec="utf-8"))
_TIMES = st.none() | st.floats(min_value=0, max_value=MAX_SECONDS, allow_nan=False)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(_STRINGS, _STRINGS, _TIMES, st.booleans(), st.lists(_STRINGS, max_size=3)),
        max_size=6,
    ),
    st.dictionaries(_STRINGS, _STRINGS, max_size=3),
)
def test_any_strings_load_back_as_written(items, metadata):
    blocks = [
        Block(
            Kind.TURN,
            text,
            1,
            2,
            speaker=speaker or "x",
            start=start,
            continued=continued,
            raw=text,
            pieces=[Piece(word, start, None, (Word(word, start, None, 0.5),)) for word in words],
        )
        for text, speaker, start, continued, words in items
    ]
    _loads_back(Transcript(blocks=blocks, metadata=metadata, source="a: b.txt"))


_texts = st.text(max_size=30)


@given(
    st.lists(
        st.builds(
            Block,
            st.sampled_from(sorted({Kind.TURN, Kind.PROSE, Kind.STAGE_DIRECTION})),
            _texts,
            st.integers(0, 10**6),
            st.integers(0, 10**6),
            st.none() | _texts,
            st.none() | _texts,
            st.none() | st.floats(0, 1e6) | st.integers(0, 10),
            st.none() | st.floats(0, 1e6),
            st.booleans(),
            st.none() | _texts,
            st.none()
            | st.lists(
                st.builds(
                    Piece,
                    _texts,
                    st.none() | st.floats(0, 100),
                    st.none() | st.floats(0, 100),
                    st.none() | st.tuples(st.builds(Word, _texts, st.none() | st.floats(0, 9))),
                ),
                max_size=2,
            ),
        ),
        max_size=4,
    )
)
def test_blocks_are_written_as_the_generic_emitter_writes_their_dict_form(blocks):
    from transcripts.writers.yaml import _dump_blocks, _mapping

    reference: list[str] = []
    for block in blocks:
        _mapping(block.to_dict(), "", reference)
    assert _dump_blocks(blocks) == "".join(reference)
