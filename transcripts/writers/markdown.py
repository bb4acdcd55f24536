"""The Markdown writer: `**Speaker:** text` turns, headings for titles.

The output reads well rendered and is read back by the text reader, which knows the
`**Name:**` convention. The title becomes a `#` heading (unless a heading block already
says it), other headings `##`; metadata other than the title goes in YAML front
matter. Times have no place in Markdown (`losses` says so).
"""

from __future__ import annotations

import re
from typing import Any

from .. import safeyaml
from ..losses import EMPTY_BLOCKS, note
from ..model import Block, Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timing import TIMING_KEY
from .timed import note_timings

# Characters that would make a paragraph something else in Markdown when they open it.
_BLOCK_START = re.compile(r"^(?:#|>|[-+*] |\d+[.)] |```|---)")


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as Markdown."""
    options = options or WriteOptions()
    parts: list[str] = []
    blocks = transcript.blocks
    has_front_matter = any(block.kind == Kind.FRONT_MATTER for block in blocks)
    # A document read from text got its metadata from its own blocks, written below.
    front = {
        key: value
        for key, value in transcript.metadata.items()
        if key not in ("title", TIMING_KEY) and transcript.layout is None
    }
    if front and not has_front_matter:
        parts.append(_front_matter(front))
    if blocks and blocks[0].kind == Kind.FRONT_MATTER:  # front matter opens the file
        parts.append(_render(blocks[0]))
        blocks = blocks[1:]
    title = transcript.title
    headings = [block.text.strip() for block in blocks if block.kind == Kind.HEADING]
    if title and title.strip() and title.strip() not in headings:
        parts.append(f"# {_inline(' '.join(title.split()))}")
    first_heading = not parts or not parts[-1].startswith("# ")
    timed = empty = 0
    for block in blocks:
        timed += block.start is not None
        if not block.text.strip() and block.kind != Kind.FRONT_MATTER:
            empty += 1  # an empty paragraph is no paragraph: read back, it is not there
        elif block.kind == Kind.HEADING:
            level = "#" if first_heading else "##"
            first_heading = False
            parts.append(f"{level} {_inline(' '.join(block.text.split()))}")
        else:
            parts.append(_render(block))
    note(options.losses, EMPTY_BLOCKS, empty)
    note(options.losses, "the times of {n} block{s}", timed)
    note_timings(blocks, options.losses)
    return "\n\n".join(part for part in parts if part) + "\n" if parts else ""


def _render(block: Block) -> str:
    if block.kind == Kind.FRONT_MATTER:
        return f"---\n{block.text}\n---"
    paragraphs = [_paragraph(text) for text in block.text.split("\n\n") if text.strip()]
    if not paragraphs:
        return ""
    if block.kind == Kind.TURN and block.speaker:
        paragraphs[0] = f"**{_inline(clean_spaces(block.speaker))}:** {paragraphs[0]}"
    elif block.kind == Kind.LABELLED and block.label:
        paragraphs[0] = f"**{_inline(clean_spaces(block.label))}:** {paragraphs[0]}"
    return "\n\n".join(paragraphs)


def _paragraph(text: str) -> str:
    """A paragraph's text, escaped where it would open a heading, quote or list."""
    text = text.strip("\n")
    if _BLOCK_START.match(text):
        text = "\\" + text
    return text


def _inline(text: str) -> str:
    """Text inside emphasis or a heading: asterisks escaped so they stay literal."""
    return text.replace("*", "\\*")


def _front_matter(metadata: dict[str, Any]) -> str:
    body = safeyaml.dump(metadata)
    return f"---\n{body}---"
