"""The Word writer (`.docx`): one paragraph per turn, the speaker in bold.

`**Ana Ruiz:** [00:01:02] text` as Word shows it: the speaker's name in a bold run,
then the turn's start where it has one, then its words; a turn of several
paragraphs continues in plain paragraphs. The title and headings are Word headings,
labelled blocks have their label in bold, other text is plain paragraphs. The docx
reader (and the text reader's conventions) read it back with its speakers and starts
(to the second). Needs python-docx (`interview-transcripts[docx]`).
"""

from __future__ import annotations

import io
from typing import Any

from ..docxfile import docx_module
from ..losses import EMPTY_BLOCKS, note
from ..model import Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timecode import format_clock
from ..xmlsafe import xml_text
from .timed import note_metadata, note_timings


def write(transcript: Transcript, options: WriteOptions | None = None) -> bytes:
    """The transcript as a Word document's bytes."""
    options = options or WriteOptions()
    docx = docx_module()
    note_metadata(transcript, options.losses, keeps=frozenset({"title"}))
    note_timings(transcript.blocks, options.losses)
    document: Any = docx.Document()
    title = transcript.title
    headings = {b.text.strip() for b in transcript.blocks if b.kind == Kind.HEADING}
    if title and title.strip() and title.strip() not in headings:
        document.add_heading(xml_text(" ".join(title.split())), level=1)
    ends = empty = 0
    for block in transcript.blocks:
        paragraphs = [" ".join(p.split()) for p in block.text.split("\n\n") if p.strip()]
        if block.kind == Kind.FRONT_MATTER:
            continue  # its fields are the metadata, noted above
        if not paragraphs:
            empty += 1  # a Word paragraph of no words would read back as nothing
            continue
        if block.kind == Kind.HEADING:
            document.add_heading(xml_text(" ".join(block.text.split())), level=2)
            continue
        label = None
        first = paragraphs[0]
        if block.kind == Kind.TURN and block.speaker:
            label = block.speaker
            if block.start is not None:
                first = f"[{format_clock(block.start)[:8]}] {first}"
                ends += block.end is not None
        elif block.kind == Kind.LABELLED and block.label:
            label = block.label
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(xml_text(f"{clean_spaces(label)}:")).bold = True
            paragraph.add_run(xml_text(" " + first))
        else:
            paragraph.add_run(xml_text(paragraphs[0]))
        for more in paragraphs[1:]:
            document.add_paragraph(xml_text(more))
    note(options.losses, EMPTY_BLOCKS, empty)
    note(options.losses, "the end times of {n} turn{s} (a turn shows its start, in seconds)", ends)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
