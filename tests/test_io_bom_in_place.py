"""`io.decode` reads the bytes after a byte order mark in place instead of copying them
first: the text, and the byte and line an error names, must be those the plain
definition (decoding a copy without the mark) gives."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.io import decode

_MARKED = [
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
]


def plain_outcome(payload: bytes, skipped: int, encoding: str) -> str:
    """The definition: decode a copy of the bytes after the mark."""
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as error:
        line = payload.count(b"\n", 0, error.start) + 1
        byte = payload[error.start] if error.start < len(payload) else 0
        return f"byte 0x{byte:02x} at offset {error.start + skipped} (line {line})"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_MARKED), st.binary(max_size=24), st.text(max_size=12))
def test_text_after_a_mark_is_decoded_as_a_copy_of_it_would_be(marked, noise, words):
    encoding, mark = marked  # (given: `FF FE 00 00` opening UTF-16-LE would read as UTF-32)
    payload = words.encode(encoding) + noise
    expected = plain_outcome(payload, len(mark), encoding)
    try:
        got = decode(mark + payload, "x", encoding).text
    except TranscriptError as error:
        assert f"cannot decode {expected} as {encoding.upper()}" in str(error)
    else:
        assert got == expected
