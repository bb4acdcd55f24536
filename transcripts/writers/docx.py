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
    add_paragraph = _Appender(document)

    def text(words: str) -> str:  # as XML can hold it, what it cannot counted as lost
        return xml_text(words, options.losses)

    title = transcript.title
    headings = {b.text.strip() for b in transcript.blocks if b.kind == Kind.HEADING}
    if title and title.strip() and title.strip() not in headings:
        add_paragraph(text(" ".join(title.split())), "Heading 1")
    ends = empty = front = 0
    for block in transcript.blocks:
        paragraphs = [" ".join(p.split()) for p in block.text.split("\n\n") if p.strip()]
        if block.kind == Kind.FRONT_MATTER:
            front += 1  # YAML has no place in Word (as in the caption formats)
            continue
        if not paragraphs:
            empty += 1  # a Word paragraph of no words would read back as nothing
            continue
        if block.kind == Kind.HEADING:
            add_paragraph(text(" ".join(block.text.split())), "Heading 2")
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
        paragraph = add_paragraph()
        if label:
            paragraph.add_run(text(f"{clean_spaces(label)}:")).bold = True
            paragraph.add_run(text(" " + first))
        else:
            paragraph.add_run(text(paragraphs[0]))
        for more in paragraphs[1:]:
            add_paragraph(text(more))
    add_paragraph.finish()
    note(options.losses, "{n} front matter block{s}", front)
    note(options.losses, EMPTY_BLOCKS, empty)
    note(options.losses, "the end times of {n} turn{s} (a turn shows its start, in seconds)", ends)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Appender:
    """`document.add_paragraph` (and `add_heading`, by its style's name) in linear time.

    python-docx puts each new paragraph before the body's section properties, which it
    finds by a scan of the body's children: writing n paragraphs took time in n squared
    (20,000 turns, 10 s). Here each paragraph is appended, and the section properties
    are moved back to the end once by `finish`: the same document, made in linear time.
    """

    def __init__(self, document: Any) -> None:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        self._document = document
        self._body = document.element.body
        self._sections = self._body.sectPr  # found while it is the body's only child
        self._element = OxmlElement
        self._paragraph = Paragraph

    def __call__(self, text: str = "", style: str | None = None) -> Any:
        """A new paragraph at the end, holding `text` in one run, in the style named."""
        element = self._element("w:p")
        self._body.append(element)
        paragraph = self._paragraph(element, self._document)
        if text:
            paragraph.add_run(text)
        if style is not None:
            paragraph.style = style
        return paragraph

    def finish(self) -> None:
        """Move the section properties back to the end of the body, where Word wants
        them (appending an element that is in the tree moves it)."""
        if self._sections is not None:
            self._body.append(self._sections)
