"""The plain-text reader: raw interview text into a `Transcript`.

Three passes over the lines: group them into paragraphs and find candidate labels
(`labels.py`; `paragraphs_scan.py` for a paragraph per line, `paragraphs_wrapped.py` for
hard-wrapped or paginated text, whose page layout `pages.py` finds); decide which labels
are speakers (`roster.py`, then `attribution.py` for labels whose place names the
speaker); then walk the paragraphs once more, giving each its kind and building blocks
(`assemble.py`). Every source line lands in exactly one block's `raw`, so the text
writer gives back the input exactly.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import TranscriptError
from ...io import SourceText, display_name
from ...model import Block, Layout, Transcript
from ...options import ReadOptions
from . import frontmatter, pages
from .assemble import Assembler
from .attribution import attribute
from .lines import split_lines
from .paragraphs_scan import is_hard_wrapped, scan_paragraphs
from .roster import CandidateCounter, decide, declared_matches


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Parse a decoded text source into a complete transcript."""
    transcript, blocks = stream(source, options)
    transcript.blocks = list(blocks)
    return transcript


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
    page = pages.detect(text, lines, body_start, is_hard_wrapped(lines, body_start))
    if page is None:
        paragraphs, uses, bare, hashed = scan_paragraphs(lines, body_start)
    else:  # hard-wrapped or paginated: its own scan, imported only when needed
        from .paragraphs_wrapped import scan_wrapped

        paragraphs, uses, bare, hashed = scan_wrapped(lines, page, body_start)
    for index in bare:
        # A label alone on its line speaks if text follows it (in its paragraph or the next).
        paragraph = paragraphs[index]
        use = uses[paragraph.label]
        if use[2] != 1 and (
            paragraph.last > paragraph.start
            or (index + 1 < len(paragraphs) and paragraphs[index + 1].label is None)
        ):
            use[2] = 2  # speech, but not on the label's own line
    counter = CandidateCounter()
    for label, (count, first, speech, rule, midway) in uses.items():
        counter.add(label, first, speech, count, rule, midway)

    declared = list(options.speakers)
    front_speakers = frontmatter.declared_speakers(metadata)
    if (
        not declared
        and front_speakers
        and declared_matches(counter.candidates.values(), front_speakers)
    ):
        declared = front_speakers
    roster = decide(counter.candidates.values(), declared)
    assembler = Assembler(lines, paragraphs, roster, hashed, page)
    if not declared:  # a declared roster is taken as it is
        attributed, roster = attribute(paragraphs, roster, assembler.text_of)
        if attributed or roster.contextual:
            assembler = Assembler(lines, paragraphs, roster, hashed, page, attributed)
    if page is not None and page.title and "title" not in metadata:
        metadata = {**metadata, "title": page.title}
    metadata = assembler.metadata(metadata)
    leading = ""
    if not front and paragraphs and paragraphs[0].start > 0:
        leading = "".join(lines[: paragraphs[0].start])
    transcript = Transcript(
        blocks=[],
        speakers=roster.speakers,
        metadata=metadata,
        source=source.path,
        layout=Layout(encoding=source.encoding, bom=source.bom, leading=leading),
    )
    return transcript, assembler.blocks(front_matter_end=body_start if front else 0)
