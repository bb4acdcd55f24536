"""html-entity: HTML entities and markup in the text, entities fixed safely."""

from __future__ import annotations

from click.testing import CliRunner

from tests.lint.conftest import lint_text
from transcripts.cli import cli

RULE = "html-entity"


def test_entities_on_a_line_are_one_finding_with_a_safe_fix():
    text = """
        Ana: I don&#39;t think it was &quot;nonsense&quot; at all.
        Ben: Fine.
    """
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (1, 11)
    assert "HTML 3 entities &#39;, &quot;" in finding.message
    assert finding.fix is not None and finding.fix.safe
    assert [edit.replacement for edit in finding.fix.edits] == ["'", '"', '"']


def test_tags_are_reported_without_a_fix():
    (finding,) = lint_text("Ana: It was <i>very</i> late.<br/>\nBen: Fine.\n", RULE)
    assert "HTML 3 tags <i>, </i>, <br/>" in finding.message and finding.fix is None


def test_ampersands_and_angle_brackets_that_are_no_markup_are_left_alone():
    text = """
        Ana: AT&T and the Q&A; then &c, and &notanentity; too.
        Ben: <inaudible> if a < b, then <a dog> barked.
    """
    assert lint_text(text, RULE) == []


def test_an_html_page_is_left_alone():
    assert lint_text("<html><body><pre>\nAna: Tom &amp; Jerry.\nBen: <b>Fine</b>.\n", RULE) == []


def test_a_pages_paragraphs_pasted_as_they_are_are_left_alone_as_the_reader_reads_them():
    text = (
        '<div class="article-body">\n'
        "<p>The mayor sat down with us on Friday.</p>\n"
        "<p><strong>Q: </strong>Why run again?</p>\n"
        "<p><strong>Mayor Park: </strong>The work isn&#39;t done.</p>\n"
        "<p><strong>Q: </strong>And the budget?</p>\n"
        "<p><strong>Mayor Park: </strong>It holds.</p>\n"
        "</div>\n"
    )
    assert lint_text(text, RULE) == []


def test_fix_writes_the_characters(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Ana: I don&#39;t know &amp; nor&nbsp;do you.\nBen: Fine.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--fix", "--select", RULE, str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "Ana: I don't know & nor do you.\nBen: Fine.\n"


def test_a_markdown_files_tags_are_its_markup_but_its_entities_are_reported(tmp_path):
    path = tmp_path / "council.md"
    path.write_text(
        "# Council\n\nAna: It was very late.<br>\nso we left.\n\n"
        'Ben: Tom &amp; Jerry, <span class="name">again</span>.\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["lint", "--select", RULE, str(path)])
    assert result.exit_code == 1
    assert "&amp;" in result.output and "<br>" not in result.output and "<span" not in result.output
    path.with_suffix(".txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--select", RULE, str(path.with_suffix(".txt"))])
    assert "<br>" in result.output
