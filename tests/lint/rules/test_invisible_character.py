"""invisible-character: soft hyphens, zero-width spaces, bidi controls."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "invisible-character"


def test_a_soft_hyphen_after_a_dash_is_reported_with_its_name():
    text = "JUSTICE SCALIA: Well, but -\u00ad\nGENERAL VERRILLI: Yes.\n"
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (1, 28)
    assert "U+00AD SOFT HYPHEN" in finding.message


def test_zero_width_and_bidi_characters_are_reported():
    text = "Ana: Medi\u200bcaid and \u202eevil\u202c text.\nBen: Ok.\n"
    assert [f.column for f in lint_text(text, RULE)] == [10, 20, 25]


def test_joiners_that_scripts_and_emoji_need_are_left_alone():
    text = (
        "Ana: Family \U0001f468\u200d\U0001f469\u200d\U0001f467 and \u0645\u200c\u0627.\nBen: Ok.\n"
    )
    assert lint_text(text, RULE) == []
