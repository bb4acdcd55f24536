"""The text writer: `Speaker: text`, and the exact source bytes for text-read blocks.

A block read from text keeps its `raw` source, which is written back verbatim, so
text -> json -> text is byte-exact. Blocks from other formats are rendered, one
paragraph each, separated by blank lines.
"""

from __future__ import annotations

from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timing import TIMING_KEY
from .timed import note_timings


def render(block: Block) -> str:
    """A block with no source text, as plain text."""
    # A label is one line, whatever its name holds: a line break would end it.
    if block.kind == Kind.TURN and block.speaker:
        return f"{clean_spaces(block.speaker)}: {block.text}"
    if block.kind == Kind.LABELLED and block.label:
        return f"{clean_spaces(block.label)}: {block.text}"
    if block.kind == Kind.FRONT_MATTER:
        return f"---\n{block.text}\n---"
    return block.text


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as text, exact where the blocks carry their source.

    Rendered blocks lose their times, and a document that did not come from text loses
    its metadata; both are counted in `options.losses`.
    """
    losses = options.losses if options is not None else None
    layout = transcript.layout
    parts: list[str] = []
    if layout is not None:
        if layout.bom:
            parts.append("\ufeff")
        if layout.leading:
            parts.append(layout.leading)
    last = ""  # the text of the previous block, to separate rendered ones by a blank line
    for block in transcript.blocks:
        if block.raw is not None:
            parts.append(block.raw)
            last = block.raw
            continue
        if last and not last.endswith(("\n\n", "\r\n\r\n", "\r\r")):
            parts.append("\n" if last.endswith(("\n", "\r")) else "\n\n")
        last = render(block) + "\n"
        parts.append(last)
        if block.start is not None:
            note(losses, "the times of {n} block{s}")
    note_timings(transcript.blocks, losses)
    if layout is None and not any(block.kind == Kind.FRONT_MATTER for block in transcript.blocks):
        for key in transcript.metadata:
            if key != TIMING_KEY:  # the estimate mark goes with the times it marks
                note(losses, "{n} metadata field{s}", detail=key)
    return "".join(parts)


def encoding(transcript: Transcript) -> str:
    """Text goes back out in the encoding it came in."""
    return transcript.layout.encoding if transcript.layout is not None else "utf-8"
