"""Markdown's fenced code blocks are code, not dialogue (`readers/text/fences.py`)."""

from __future__ import annotations

from transcripts import parse
from transcripts.readers.text.fences import code_blocks


def test_the_lines_of_a_closed_fence_and_the_fences_are_code():
    lines = ["Ana: look\n", "```yaml\n", "run: pip install x\n", "```\n", "Ben: ok\n"]
    assert code_blocks(lines) == [range(1, 4)]


def test_a_fence_never_closed_fences_nothing():
    lines = ["Ana: look\n", "```\n", "run: pip install x\n", "Ben: ok\n"]
    assert code_blocks(lines) == []


def test_a_shorter_run_or_a_run_with_words_does_not_close_a_fence():
    lines = ["````\n", "```python\n", "x: 1\n", "````\n"]
    assert code_blocks(lines) == [range(0, 4)]


def test_labels_inside_a_code_block_are_no_speakers():
    text = (
        "Ana: How do you run it in CI?\n\n"
        "Ben: Two steps in the workflow:\n\n"
        "```\nStep: checkout the code\nRunner: ubuntu, the latest\n"
        "Step: lint every transcript\nRunner: ubuntu, the latest\n```\n\n"
        "Ana: That simple?\n\nBen: That simple.\n"
    )
    transcript = parse(text)
    assert [speaker.name for speaker in transcript.speakers] == ["Ana", "Ben"]
    second = list(transcript.turns())[1]
    assert "Step: checkout the code" in second.text  # the code is Ben's, as he shows it
