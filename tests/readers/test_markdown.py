"""Markdown is read by the text reader: `.md` files parse exactly as plain text does."""

from __future__ import annotations

from tests.conftest import corpus_files
from transcripts import read
from transcripts.formats import guess_format
from transcripts.readers import markdown, text


def test_markdown_reading_is_the_text_reader():
    assert markdown.read is text.read and markdown.stream is text.stream


def test_md_files_go_to_the_reader_of_the_text_format():
    assert guess_format("notes.md").reader_module().read is text.read
    assert guess_format("notes.markdown").reader_module().read is text.read


def test_markdown_bold_labels_are_speakers(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Title\n\n**Ana:** hi\n\n**Ben:** hello\n\n**Ana:** bye\n")
    transcript = read(path)
    assert [b.speaker for b in transcript.turns()] == ["Ana", "Ben", "Ana"]


def test_corpus_markdown_reads_the_same_as_text():
    for path in corpus_files(".md"):
        assert read(path).to_dict() == read(path, "text").to_dict()
