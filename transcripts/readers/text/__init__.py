"""The plain-text reader: raw interview text into a `Transcript`.

Three passes over the lines: group them into paragraphs and find candidate labels
(`labels.py`); decide which labels are speakers (`roster.py`); then walk the paragraphs
once more, giving each its kind and building blocks (`assemble.py`). Every source line
lands in exactly one block's `raw`, so the text writer gives back the input exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...errors import TranscriptError
from ...io import SourceText, display_name
from ...model import Block, Layout, Transcript
from ...options import ReadOptions
from . import frontmatter
from .assemble import Assembler
from .lines import SourceLines, split_lines
from .paragraphs_scan import scan_paragraphs
from .roster import CandidateCounter, decide, declared_matches, is_speech


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Parse a decoded text source into a complete transcript."""
    transcript, blocks = stream(source, options)
    transcript.blocks = list(blocks)
    return transcript


def parse(text: str, source: str | None = None, speakers: Sequence[str] = ()) -> Transcript:
    """Parse transcript text given as a string (the library's shortest path)."""
    return read(SourceText(text=text, path=source or "-"), ReadOptions(speakers=tuple(speakers)))


def stream(
    source: SourceText, options: ReadOptions | None = None
) -> tuple[Transcript, Iterator[Block]]:
    """The transcript's header (metadata, roster, layout) and an iterator over its blocks.

    Blocks are built one at a time, so a writer can stream a large file without holding
    every block in memory. The header is complete before the first block is built.
    """
    options = options or ReadOptions()
    text = source.text
    if not text.strip():
        raise TranscriptError(
            "is empty" if not text else "contains only blank lines", display_name(source.path)
        )
    lines = split_lines(text)
    front = frontmatter.find_front_matter(lines)
    body_start, metadata = front if front else (0, {})
    paragraphs = scan_paragraphs(lines, body_start)
    source_lines = SourceLines(text, lines)
    del lines  # from here on, lines are sliced from the text as needed

    counter = CandidateCounter()
    add = counter.add
    last_index = len(paragraphs) - 1
    for index, (start, last, label, _, speech, bare, _, _) in enumerate(paragraphs):
        if label is not None:
            # A label alone on its line speaks if text follows it (in its paragraph or the next).
            if not speech and bare:
                speech = last > start or (
                    index < last_index and paragraphs[index + 1].label is None
                )
            add(label, index, speech)

    declared = list(options.speakers)
    front_speakers = frontmatter.declared_speakers(metadata)
    if (
        not declared
        and front_speakers
        and declared_matches(counter.candidates.values(), front_speakers)
    ):
        declared = front_speakers
    roster = decide(counter.candidates.values(), declared)

    assembler = Assembler(source_lines, paragraphs, roster)
    metadata = assembler.metadata(metadata)
    leading = ""
    if not front and paragraphs and paragraphs[0].start > 0:
        leading = source_lines.raw(0, paragraphs[0].start)
    transcript = Transcript(
        blocks=[],
        speakers=roster.speakers,
        metadata=metadata,
        source=source.path,
        layout=Layout(encoding=source.encoding, bom=source.bom, leading=leading),
    )
    return transcript, assembler.blocks(front_matter_end=body_start if front else 0)
