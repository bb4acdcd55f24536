"""The YAML writer streams blocks in batches yet writes exactly what `yaml.dump` would."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED, corpus_files
from transcripts import read, write
from transcripts.model import Block, Kind, Speaker, Transcript


def _reference(transcript: Transcript) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        transcript.to_dict(),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 16,
    )


def test_real_documents_are_written_as_yaml_dump_writes_them():
    for path in [SEED, *corpus_files(".vtt", ".cha", ".md")]:
        transcript = read(path)
        assert write(transcript, "yaml") == _reference(transcript), path.name


def test_documents_longer_than_a_batch_are_one_block_list():
    blocks = [
        Block(Kind.TURN, f"turn {n}", n, n, speaker="Ana", start=n * 1.5, end=n * 1.5 + 1)
        for n in range(1, 2600)
    ]
    transcript = Transcript(blocks=blocks, speakers=[Speaker("Ana")])
    output = write(transcript, "yaml")
    assert output == _reference(transcript)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert len(yaml.load(output, Loader=loader)["blocks"]) == 2599


def test_a_document_without_blocks():
    transcript = Transcript(metadata={"title": "Empty"})
    assert write(transcript, "yaml") == _reference(transcript)


_TEXT = st.text() | st.sampled_from(["yes", "null", "1.0", "  lead", "a: b", "#x", "'q'", "-"])


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(
            _TEXT,
            st.none() | st.floats(min_value=0, max_value=1e9, allow_nan=False),
            st.booleans(),
        ),
        max_size=10,
    )
)
def test_any_blocks_are_written_as_yaml_dump_writes_them(items):
    blocks = [
        Block(Kind.PROSE, text, 1, 1, start=start, end=start, continued=continued, raw=text)
        for text, start, continued in items
    ]
    transcript = Transcript(blocks=blocks)
    assert write(transcript, "yaml") == _reference(transcript)
