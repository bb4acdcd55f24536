"""The text reader drops a transient source's text once split into lines (so a large file
is not held twice at its peak), and leaves a source the caller still reads alone."""

import pytest

from transcripts.errors import TranscriptError
from transcripts.io import SourceText
from transcripts.readers import text as text_reader

TEXT = "Ana: hi there.\n\nBen: hello, Ana.\n\nAna: bye now.\n"


def _blocks(source: SourceText) -> list[dict]:
    _header, blocks = text_reader.stream(source)
    return [block.to_dict() for block in blocks]


def test_a_transient_source_gives_up_its_text_and_reads_the_same():
    kept = SourceText(TEXT)
    handed = SourceText(TEXT, transient=True)
    assert _blocks(handed) == _blocks(kept)
    assert handed.text == ""
    assert kept.text == TEXT


def test_a_blank_transient_source_is_still_an_error_naming_why():
    with pytest.raises(TranscriptError, match="only blank lines"):
        text_reader.stream(SourceText("\n \n", transient=True))
