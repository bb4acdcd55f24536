"""The PDF reader (`.pdf`: court and deposition transcripts, hearings, earnings calls).

Each page's text is extracted with pypdf (`interview-transcripts[pdf]`) and the pages are
joined as pdftotext joins them, each ending with a form feed; then the text reader reads
it, so every convention it knows applies, printed pages included (`text/pages.py`:
margin line numbers, running headers and footers, page numbers). The text writer gives
back the extracted text, not the PDF.

Why pypdf's layout mode (`extraction_mode="layout"`, without the blank lines it infers
from the space between lines): it places the text of a page by where it is printed,
top to bottom and left to right, where the plain mode follows the order the page's
content stream draws it in. Court reporting software often draws a page's margin line
numbers first and its text after them, or its footer before its body; the plain mode
then gives a column of numbers and a column of text, and a deposition's `Q.`/`A.` are
no longer at the start of their lines. The layout mode also keeps each line's left
margin (a continuation indented under its answer, a colloquy's indented `MR. SMITH:`),
which the text reader weighs. Its inferred blank lines are left out: a double-spaced
deposition would become a paragraph per printed line, and its answers' continuation
lines text of no one's turn. The layout mode does not look into form XObjects, so a page
whose text is only there (some generators draw every page as one) is extracted in the
plain mode instead.
"""

from __future__ import annotations

import contextlib
import struct
import warnings
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from ..quietlogs import silenced
from . import text as text_reader

#: The most pages a PDF may have: the longest trial transcripts fit, a file made to list
#: one page millions of times does not.
MAX_PAGES = 20_000
#: The most content (the pages' drawing instructions, decompressed) a PDF's pages may
#: draw, all together: a printed page draws 2 to 10 kB, so 32 MB is thousands of pages.
#: Extraction takes about a second a megabyte; a small file whose pages each draw one
#: huge stream is refused, not read for minutes.
MAX_CONTENT = 32 * 1024 * 1024

#: What pypdf raises, besides its own errors, on a damaged or hostile file (an index out
#: of range, a number where a name belongs, a stream that does not inflate, objects that
#: refer to themselves).
_BROKEN: tuple[type[BaseException], ...] = (
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    ArithmeticError,
    AssertionError,
    EOFError,
    OSError,
    RecursionError,
    NotImplementedError,
    struct.error,
    zlib.error,
)

_NO_TEXT = "holds no text: a scanned PDF? run OCR first"


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a PDF into turns: its pages' text, through the text reader."""
    text = extract_text(source.data or b"", display_name(source.path))
    return text_reader.read(SourceText(text=text, path=source.path), options)


def sniff_bytes(data: bytes) -> bool:
    """A PDF starts with its header, `%PDF-` and a version."""
    return data.startswith(b"%PDF-")


def pypdf_module() -> ModuleType:
    """pypdf, or a one-line error saying how to install it."""
    try:
        import pypdf
    except ImportError:
        raise TranscriptError(
            "reading PDF documents needs pypdf: pip install 'interview-transcripts[pdf]'"
        ) from None
    return pypdf


def extract_text(data: bytes, name: str) -> str:
    """The text of every page of the PDF `data`, each page ending with a form feed."""
    # Readers accept a header anywhere in the first kilobyte (after a mail header, say).
    if b"%PDF-" not in data[:1024]:
        raise TranscriptError("not a PDF (it does not start with %PDF-)", name)
    pypdf = pypdf_module()
    errors = _errors(pypdf)
    try:
        with _quiet():
            return "".join(_page_texts(pypdf, data, name))
    except TranscriptError:
        raise
    except pypdf.errors.DependencyError:  # opening with the empty password, or later
        raise _needs_cryptography(name) from None
    except errors as error:
        raise TranscriptError(f"cannot read the PDF ({_reason(error)})", name) from None


def _page_texts(pypdf: ModuleType, data: bytes, name: str) -> Iterator[str]:
    """Each page's text, its lines as printed, ended by a newline and a form feed."""
    import io

    if b"%%EOF" not in data[-1024:]:
        # pypdf would rebuild what it can of a file cut short, and give part of it
        raise TranscriptError("cannot read the PDF (no %%EOF at its end: cut short?)", name)
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        _decrypt(pypdf, reader, name)
    pages = reader.pages
    count = len(pages)
    if count > MAX_PAGES:
        raise TranscriptError(
            f"has {count:,} pages, more than a transcript needs (at most {MAX_PAGES:,}); refused",
            name,
        )
    # Their content is measured before any is read: extraction takes about a second a
    # megabyte, so a small file whose pages all draw one huge stream is refused at once.
    content = 0
    for number, page in enumerate(pages, start=1):
        try:
            content += _content_size(page)
        except _errors(pypdf) as error:
            raise _unreadable(pypdf, number, error, name) from None
        if content > MAX_CONTENT:
            raise TranscriptError(
                f"its pages draw more than {MAX_CONTENT // 2**20} MB of content by page "
                f"{number}, more than a transcript needs; refused",
                name,
            )
    found = False
    for number, page in enumerate(pages, start=1):
        try:
            text = _page_text(page)
        except _errors(pypdf) as error:
            raise _unreadable(pypdf, number, error, name) from None
        found = found or bool(text.strip())
        yield text.rstrip() + "\n\f"
    if not found:
        raise TranscriptError(_NO_TEXT if count else "holds no pages", name)


def _errors(pypdf: ModuleType) -> tuple[type[BaseException], ...]:
    """Everything pypdf raises on a broken file: its own errors (DeprecationError and
    DependencyError are not PyPdfError's kind: an old filter name, AES without its
    package), and the built-in ones it lets through (`_BROKEN`)."""
    own = pypdf.errors
    return (own.PyPdfError, own.DeprecationError, own.DependencyError, *_BROKEN)


def _page_text(page: Any) -> str:
    """A page's lines where they are printed (see the module's docstring), or in the
    order they are drawn where the layout mode finds none (text in form XObjects)."""
    text: str = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    if not text.strip():
        text = page.extract_text()
    # Lines as printed, without the trailing spaces a fixed-width layout pads them with.
    return "\n".join(line.rstrip() for line in text.splitlines())


def _content_size(page: Any) -> int:
    """The bytes of a page's content stream, decompressed (0 for a blank page)."""
    contents = page.get_contents()
    return 0 if contents is None else len(contents.get_data())


def _decrypt(pypdf: ModuleType, reader: Any, name: str) -> None:
    """Open an encrypted PDF with the empty password, as a viewer does (many PDFs are
    encrypted only to forbid printing or copying), or refuse it in one line."""
    try:
        opened = reader.decrypt("")
    except pypdf.errors.DependencyError:
        raise _needs_cryptography(name) from None
    if not opened:
        raise TranscriptError(
            "is encrypted with a password; save a copy without one (qpdf --decrypt) to read it",
            name,
        )


def _unreadable(pypdf: ModuleType, number: int, error: BaseException, name: str) -> TranscriptError:
    """Page `number` could not be read, in one line."""
    if isinstance(error, pypdf.errors.DependencyError):  # decrypting it needs AES
        return _needs_cryptography(name)
    return TranscriptError(f"cannot read page {number} ({_reason(error)})", name)


def _needs_cryptography(name: str) -> TranscriptError:
    """pypdf decrypts AES (what most encrypted PDFs use) only with `cryptography`."""
    return TranscriptError(
        "is encrypted with AES, which pypdf decrypts only with the cryptography package: "
        "pip install cryptography",
        name,
    )


def _reason(error: BaseException) -> str:
    """An exception as a short phrase for a one-line message."""
    detail = " ".join(str(error).split())[:120]
    kind = type(error).__name__
    return f"{kind}: {detail}" if detail else kind


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about every repair it makes to a damaged file; what matters
    to the user is said in one line (or the file is read), so neither reaches stderr
    while a PDF is read."""
    with silenced("pypdf"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
