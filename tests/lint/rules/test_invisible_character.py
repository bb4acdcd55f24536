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


def _read(name: str, text: str):
    from transcripts.formats import get_format
    from transcripts.io import SourceText

    return get_format(name).read(SourceText(text=text, path=f"t.{name}"))


def test_control_and_bidi_characters_in_names_from_structured_formats_are_reported_once():
    import transcripts

    json_doc = (
        '{"blocks": [{"kind": "turn", "speaker": "Ana\\u202e\\u001b[2J", "text": "hi", '
        '"line": 3}, {"kind": "turn", "speaker": "Ana\\u202e\\u001b[2J", "text": "hi", '
        '"line": 4}, {"kind": "turn", "speaker": "Ben", "text": "ok", "line": 5}]}'
    )
    yaml_doc = 'blocks:\n- {kind: turn, speaker: "Cleo\\n::error::x", text: hi, line: 2}\n'
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dan\u2066>Hello there.\n"
    for name, text, line, shown in (
        ("json", json_doc, 3, "“Ana\\u202e\\x1b[2J”"),
        ("yaml", yaml_doc, 2, "“Cleo\\n::error::x”"),
        ("vtt", vtt, 4, "“Dan\\u2066”"),
    ):
        (finding,) = transcripts.lint(_read(name, text), select=[RULE])
        assert finding.line == line and shown in finding.message, (name, finding.message)
        assert "\n" not in finding.message and "\x1b" not in finding.message


def test_joiners_in_names_are_left_alone():
    import transcripts

    doc = '{"blocks": [{"kind": "turn", "speaker": "\\u0645\\u200c\\u0627", "text": "hi"}]}'
    assert transcripts.lint(_read("json", doc), select=[RULE]) == []
