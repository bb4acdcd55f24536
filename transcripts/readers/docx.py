"""The Word reader (`.docx`, how Rev, Teams, Google Meet and editors export transcripts).

Each paragraph becomes a paragraph of text, its bold runs kept as Markdown emphasis
(`**Ana Ruiz:** Hello`), headings as `#` headings, tables' rows as paragraphs of their
cells; then the text reader reads it, so every convention it knows applies (bold names,
`Name (00:01:02):` and other timestamps, `Speaker 1:`). Needs python-docx
(`interview-transcripts[docx]`).
"""

from __future__ import annotations

from typing import Any

from ..docxfile import open_document
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from . import text as text_reader


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Word document into turns, through the text reader."""
    name = display_name(source.path)
    document: Any = open_document(source.data or b"", name)
    paragraphs = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: each row a paragraph of its cells
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                paragraphs.append("  ".join(dict.fromkeys(c for c in cells if c)))
            continue
        paragraphs.append(_paragraph(block))
    text = "\n\n".join(p for p in paragraphs if p.strip()) + "\n"
    return text_reader.read(SourceText(text=text, path=source.path), options)


def _paragraph(paragraph: Any) -> str:
    """A paragraph as Markdown: bold runs emphasised, a heading style as `#`."""
    style = paragraph.style.name if paragraph.style is not None else ""
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    pieces: list[tuple[bool, str]] = []
    for run in paragraph.runs:
        bold = (
            run.bold
            if run.bold is not None
            else bool((run.style is not None and run.style.font.bold) or style_bold)
        )
        if pieces and pieces[-1][0] == bold:
            pieces[-1] = (bold, pieces[-1][1] + run.text)
        else:
            pieces.append((bold, run.text))
    heading = style.startswith(("Heading", "Title"))
    parts = []
    for bold, text in pieces:
        if bold and text.strip() and not heading:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            parts.append(f"{lead}**{text.strip()}**{trail}")
        else:
            parts.append(text)
    text = "".join(parts).strip()
    if heading and text:
        return "# " + " ".join(text.split())
    return text


def sniff_bytes(data: bytes) -> bool:
    """A zip package holding a Word document's main part."""
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]
