"""Word documents through python-docx, an optional extra (`interview-transcripts[docx]`).

python-docx knows Word's package and style inheritance (is this run bold because of its
character style?), which a page of zipfile and XML code would get wrong; it is MIT
licensed, and parses the XML with lxml without resolving entities. Installed or not,
`transcripts` starts without it: it is imported only to read or write a `.docx`.
"""

from __future__ import annotations

import io
import zipfile
from types import ModuleType

from .errors import TranscriptError

#: The most a Word document may hold uncompressed (a zip bomb is refused before reading).
MAX_UNPACKED = 256 * 1024 * 1024


def docx_module() -> ModuleType:
    """python-docx, or a one-line error saying how to install it."""
    try:
        import docx
    except ImportError:
        raise TranscriptError(
            "reading and writing Word documents needs python-docx: "
            "pip install 'interview-transcripts[docx]'"
        ) from None
    return docx


def open_document(data: bytes, name: str) -> object:
    """A python-docx Document of these bytes, checked to be a Word package of sane size."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TranscriptError("not a Word document (.docx is a zip package)", name) from None
    if "word/document.xml" not in names:
        raise TranscriptError("not a Word document (no word/document.xml in the package)", name)
    if unpacked > MAX_UNPACKED:
        raise TranscriptError(
            f"unpacks to {unpacked:,} bytes, more than a transcript needs; refused", name
        )
    docx = docx_module()
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx and lxml raise many kinds on broken packages
        detail = " ".join(str(error).split())[:120]
        raise TranscriptError(
            f"cannot read the Word document ({type(error).__name__}: {detail})", name
        ) from None
