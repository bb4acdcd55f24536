"""Every registered reader, on any input (text, bytes, JSON-ish, XML-ish), returns a valid
document or raises one `TranscriptError` of one line, and never anything else."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.formats import FORMATS
from transcripts.io import SourceText, decode
from transcripts.model import Transcript

READERS = sorted(name for name, fmt in FORMATS.items() if fmt.reader)

_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_XML_PIECES = st.sampled_from(
    [
        "<tt xmlns='http://www.w3.org/ns/ttml'>",
        "<body>",
        "<div begin='1s'>",
        "<p begin='0.5' end='2'>",
        "<span begin='x'>",
        "</span>",
        "</p>",
        "</div>",
        "</body>",
        "</tt>",
        "<ANNOTATION_DOCUMENT>",
        "<TIME_SLOT TIME_SLOT_ID='t1' TIME_VALUE='5'/>",
        "<TIER TIER_ID='A'>",
        "<ALIGNABLE_ANNOTATION TIME_SLOT_REF1='t1' TIME_SLOT_REF2='t2'>",
        "<ANNOTATION_VALUE>hi</ANNOTATION_VALUE>",
        "</ALIGNABLE_ANNOTATION>",
        "</TIER>",
        "</ANNOTATION_DOCUMENT>",
        "<cite>Ana:</cite>",
        "<time>0:01</time>",
        "<p>hello</p>",
        "&amp;",
        "&bogus;",
        '"ooTextFile"',
        '"TextGrid"',
        '"IntervalTier"',
        "0",
        "1.5",
        "<exists>",
        "\n",
        "SPEAKER x 1 0.0 1.0 <NA> <NA> A <NA> <NA>",
        "0:00:01.000,0:00:02.000",
        "[Script Info]\n[Events]\n",
        "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ana,0,0,0,,hi\n",
        "<Trans>",
        '<Turn speaker="a b" startTime="0" endTime="2">',
        '<Sync time="1"/>',
        '<Who nb="1"/>',
        "</Turn>",
        "</Trans>",
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'>",
        "<text><body>",
        "<sp who='#a'><speaker>A.</speaker><l>hi</l>",
        "<stage>exit</stage>",
        "</sp>",
        "<u who='#a #b' start='1' end='0'>",
        "<u start='#w'>",
        "<vocal><desc>laughs</desc></vocal>",
        "</u>",
        "</body></text>",
        "</TEI>",
    ]
)
_XMLISH = st.lists(_XML_PIECES, max_size=25).map("".join)


def _check(name: str, source: SourceText | bytes) -> None:
    try:
        if isinstance(source, bytes):
            fmt = FORMATS[name]
            source = SourceText("", "x", data=source) if fmt.binary else decode(source, "x")
        transcript = FORMATS[name].read(source)
    except TranscriptError as error:
        assert "\n" not in str(error), str(error)
        return
    assert isinstance(transcript, Transcript)
    Transcript.from_dict(transcript.to_dict())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), data=_JSONISH)
def test_any_json_gives_a_document_or_one_line(name, data):
    try:
        text = json.dumps(data)
    except ValueError:
        return
    _check(name, SourceText(text, "x"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), text=_XMLISH | st.text(max_size=300))
def test_any_markup_or_text_gives_a_document_or_one_line(name, text):
    _check(name, SourceText(text, "x"))


_MAGIC = st.sampled_from([b"PK\x03\x04word/", b"%PDF-1.4\n", b"%PDF-1.7\n%%EOF\n"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), data=st.binary(max_size=300) | _MAGIC)
def test_any_bytes_give_a_document_or_one_line(name, data):
    _check(name, data)


_PDF_PIECES = st.sampled_from(
    [
        *(b"0", b"-1", b"99999999999", b"1e400", b"R", b"<<", b">>", b"[", b"]", b"(", b")"),
        *(b"\\", b"/Kids", b"/Parent", b"/Contents", b"/Length", b"/Filter", b"/FlateDecode"),
        *(b"/Fl", b"obj", b"endobj", b"stream", b"1 0 R", b"2 0 R", b"5 0 R", b"Tj", b"TJ"),
        *(b"Tf", b"Td", b"Tm", b"BT", b"ET", b"Do", b"cm", b"q", b"Q", b"\x00", b"\xff"),
        *(b"%%EOF", b"xref"),
    ]
)


@st.composite
def _damaged_pdfs(draw: st.DrawFn) -> bytes:
    """A small PDF (the deposition the PDF reader's tests read) with a few of its bytes
    replaced by pieces of PDF syntax, or a byte changed."""
    from tests.readers.pdf_helpers import deposition

    data = bytearray(deposition(pages=2))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[at : at + draw(st.integers(0, 4))] = draw(_PDF_PIECES)
        else:
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=_damaged_pdfs())
def test_a_damaged_pdf_gives_a_document_or_one_line(data):
    _check("pdf", data)
