"""encoding: mojibake, U+FFFD and control characters."""

from __future__ import annotations

from tests.lint.conftest import lint_text
from transcripts.linter.rules.encoding import _unmangle

RULE = "encoding"


def test_mojibake_is_reported_with_the_character_it_stands_for():
    text = "Ana: It\u00e2\u20ac\u2122s true, caf\u00c3\u00a9 owners agreed.\nBen: Fine.\n"
    findings = lint_text(text, RULE)
    assert [(f.line, f.column) for f in findings] == [(1, 8), (1, 22)]
    assert "“â€™” is “’”" in findings[0].message
    assert "“Ã©” is “é”" in findings[1].message
    assert str(findings[0].severity) == "error"


def test_the_replacement_character_and_control_characters_are_reported():
    text = "Ana: The \ufffdgures.\nBen: End of tape\x1a.\n"
    findings = lint_text(text, RULE)
    assert [(f.line, f.column) for f in findings] == [(1, 10), (2, 17)]
    assert "U+FFFD" in findings[0].message
    assert "U+001A (SUB)" in findings[1].message


def test_tabs_line_breaks_and_page_breaks_are_not_control_debris():
    text = "Ana:\tHello there.\r\nBen: Hi.\f\r\nAna: Bye.\r\n"
    assert lint_text(text, RULE) == []


def test_real_accented_text_is_not_taken_for_mojibake():
    text = (
        "Ana: SÃO PAULO, GÖDEL’S theorem, CAFÉ—and all that are fine. Éva « Âme » Åse.\nBen: Ok.\n"
    )
    assert lint_text(text, RULE) == []
    assert _unmangle("Ö’")[1] is None
    assert _unmangle("É—")[1] is None
