"""Every reader, on any text, returns a valid document or raises TranscriptError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.model import Transcript

# Pieces of each format's syntax, so the examples reach deep into the readers.
_PIECES = st.sampled_from(
    [
        "WEBVTT",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "00:00:01.000 --> 00:00:02.000",
        "0:0:0.0 --> 0:0:1.5 align:start",
        "00:00:01,000 --> 00:00:00,500",
        "-->",
        "1",
        "<v Bob>",
        "<v.loud Ann Lee>",
        "</v>",
        "<00:00:01.500>",
        "<c>",
        "</c>",
        "&amp;",
        "&lt;",
        "NOTE",
        "STYLE",
        "Bob: hi",
        "Speaker 1:",
        ">>",
        "[music]",
        "(laughter)",
        "*CHI:\tmore .",
        "*:",
        "@Begin",
        "@End",
        "%mor:\tx|y",
        "@Participants:\tCHI Eve Target_Child, MOT Mother",
        "@Comment:\tphone",
        "\x15",
        "12_34",
        '{"version": "1.0.0", "segments": [',
        '{"speaker": "A", "startTime": 1, "endTime": 2, "body": "x"}',
        '{"startTime": -1, "body": "y"}',
        '{"startTime": 1e999, "body": "z"}',
        "]}",
        ",",
        "**Ana:**",
        "# Title",
        "---",
        "abc",
        "speaker,start,end,text",
        "kind,speaker,label,text",
        '"',
        ";",
        "00:00:01.5",
        "[Script Info]\n",
        "ScriptType: v4.00\n",
        "WrapStyle: 2\n",
        "[Events]\n",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n",
        "Format: Name, Start, End, Text\n",
        "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ana,0,0,0,,",
        "Dialogue: Ana,0:00:03.00,0:00:02.00,",
        "Comment: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,",
        "{\\i1}",
        "{\\p1}m 0 0 l 1 1{\\p0}",
        "{note}",
        "\\N",
        "\\h",
        '<Trans><Speakers><Speaker id="s1" name="Ana"/></Speakers><Episode>',
        '<Turn speaker="s1 s2" startTime="0" endTime="2">',
        '<Turn startTime="3" endTime="1">',
        '<Sync time="1"/>',
        '<Who nb="2"/>',
        '<Event desc="laugh" type="noise"/>',
        '<Event desc="en" type="language" extent="begin"/>',
        '<Comment desc="x"/>',
        "</Turn>",
        "</Episode></Trans>",
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><listPerson>',
        '<person xml:id="a"><persName><forename>Ana</forename></persName></person>',
        "</listPerson></teiHeader><text><body><div>",
        '<sp who="#a #b">',
        "<speaker>ANA.</speaker>",
        "<stage>aside</stage>",
        "<l>",
        "</l>",
        "<p>",
        "</p>",
        "</sp>",
        '<note type="speaker">Chair:</note>',
        '<u who="#a" start="#T1" end="2.5">',
        '<u synch="#T0 #T1">',
        "<seg>",
        "</seg>",
        '<vocal who="#a"><desc>laughs</desc></vocal>',
        '<pause dur="PT1S"/>',
        '<timeline unit="ms"><when xml:id="T0"/><when xml:id="T1" interval="5" since="#T0"/>',
        "</timeline>",
        "</u>",
        "<note>",
        "</note>",
        "</div></body></text></TEI>",
    ]
)
_TEXT = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=200)


@pytest.mark.parametrize(
    "name", ["vtt", "srt", "podcast", "cha", "markdown", "csv", "ass", "trs", "tei"]
)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=_TEXT)
def test_reader_returns_a_valid_document_or_a_transcript_error(name, text):
    try:
        transcript = get_format(name).read(SourceText(text=text, path="x"))
    except TranscriptError as error:
        assert "\n" not in str(error)  # one line, for the CLI
        return
    assert isinstance(transcript, Transcript)
    Transcript.from_dict(transcript.to_dict())  # every field within the model's rules
    for block in transcript.blocks:
        if block.start is not None and block.end is not None:
            assert 0 <= block.start <= block.end
