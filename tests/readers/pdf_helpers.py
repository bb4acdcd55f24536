"""Small PDFs written by hand for the PDF reader's tests: each page's text drawn in
Helvetica at given places, with a cross-reference table, as a PDF's writer lays it out."""

from __future__ import annotations

from collections.abc import Sequence

#: A line of a page: where it is drawn (points from the bottom left) and its text.
Line = tuple[float, float, str]


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def drawn(lines: Sequence[Line]) -> bytes:
    """A content stream drawing `lines`, in their order."""
    return "".join(
        f"BT /F1 12 Tf {x:g} {y:g} Td ({_escaped(text)}) Tj ET\n" for x, y, text in lines
    ).encode("cp1252")


def build_pdf(pages: Sequence[Sequence[Line]], in_forms: bool = False) -> bytes:
    """A PDF of `pages`, each drawing its lines in the order given; with `in_forms`, each
    page draws one form XObject that draws the lines (as some generators do)."""
    objects: list[bytes] = [b"", b""]  # the catalog and the page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    font = len(objects)
    resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    kids = []
    for lines in pages:
        ops = drawn(lines)
        if in_forms:
            objects.append(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s "
                b"/Length %d >>\nstream\n%s\nendstream" % (resources, len(ops), ops)
            )
            page_resources = b"<< /XObject << /X1 %d 0 R >> >>" % len(objects)
            ops = b"/X1 Do\n"
        else:
            page_resources = resources
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops))
        contents = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s "
            b"/Contents %d 0 R >>" % (page_resources, contents)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def deposition_page(number: int, body: Sequence[str], header: str) -> list[Line]:
    """A deposition's page: its number at the top right, 25 numbered lines double-spaced
    (`Q.`, `A.` and colloquy at the text's margin, continuations indented), a reporter's
    footer; the margin numbers drawn first, as court reporting software draws them."""
    lines: list[Line] = [(40, 700 - 26 * index, str(index + 1)) for index in range(25)]
    lines.append((540, 750, str(number)))
    for index, text in enumerate(body):
        opening = text.startswith(("Q.", "A.", "MR.", "MS.", "BY ", "THE "))
        lines.append((72 if opening else 100, 700 - 26 * index, text))
    lines.append((200, 40, header))
    return lines


DEPOSITION = [
    [
        "Q. Where were you on the night of March 3rd?",
        "A. I was at home.",
        "Q. Alone?",
        "A. No, my sister was there",
        "with me the whole evening.",
        "MR. SMITH: Objection, form.",
        "Q. You may answer.",
        "A. She stayed until ten.",
    ],
    [
        "Q. Did anyone call you?",
        "A. Not that I recall.",
        "Q. Where did you work",
        "then?",
        "A. At the store on Main Street,",
        "near the bank.",
    ],
    [
        "Q. How long did you work there?",
        "A. Three years.",
        "MR. SMITH: Asked and answered.",
    ],
]

REPORTER = "ACME COURT REPORTING (555) 123-4567"


def deposition(pages: int = 3) -> bytes:
    """The deposition's first `pages` pages as a PDF."""
    return build_pdf(
        [deposition_page(n, body, REPORTER) for n, body in enumerate(DEPOSITION[:pages], 1)]
    )
