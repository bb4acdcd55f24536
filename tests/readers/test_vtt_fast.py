"""WebVTT's fast paths against their reference.

A file with voice spans is parsed cue by cue (`iter_usual`, which reads the usual
timing line whole), its usual cues (one voice, plain text) marked without cutting them
into voice runs, and its blocks built as they are asked for. The reference is the
reader without any of that: every line parsed by `parse_lines`, every cue cut into
voice runs, the parts assembled whole.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts.errors import TranscriptError
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.options import ReadOptions
from transcripts.readers import vtt
from transcripts.readers.common import LINE_BREAK
from transcripts.readers.speakermarks import split_marks
from transcripts.readers.turns import assemble, parts_of_cue
from transcripts.readers.vttparse import parse_lines

_PAYLOADS = [
    "<v Ana>hello there",
    "<v Ana>hello\nagain",
    "<v Ben Okafor>so what now</v>",
    "<v.loud Ana>shouting",
    "<v  Ana >odd  spacing",
    "<v Ana>",
    "<v Ana><i>styled</i> words",
    "<v Ana>fish &amp; chips",
    "<v Ana>one <00:00:01.500>two <00:00:01.700>three",
    "<v Ana>hi</v><v Ben>ho",
    "- <v Ana>dash first",
    "[laughter]",
    "<v Ben>(music)",
    "no voice at all",
    "<c.red>coloured</c>",
    ">> new speaker",
    "<v Ana>ünïcödé ✓",
    "<v Ana> leading space",
    "<v Ana>trailing space </v>",
    "<v Ana>nbsp\u00a0inside",
    "<v Ana>\u200ebidi mark",
    "<v Ana><ruby>漢<rt>かん</rt></ruby>字",
    "<v Ana><ruby>漢<rt>かん</ruby>字 <00:00:01.500>two",
]
_TIMINGS = [
    "{a} --> {b}",
    "{a} --> {b} align:start",
    "{a}  -->  {b}",
]


@st.composite
def _files(draw) -> str:
    text = draw(st.sampled_from(["WEBVTT", "WEBVTT - Title", "WEBVTT\nKind: captions"])) + "\n"
    second = 0
    for _ in range(draw(st.integers(1, 8))):
        text += draw(st.sampled_from(["\n", "\n\n"]))
        if draw(st.integers(0, 5)) == 0:
            text += draw(st.sampled_from(["NOTE a comment\n\n", "7\n", "intro\n"]))
        start, second = second, second + draw(st.integers(0, 4000))
        hours = draw(st.sampled_from(["00:", "", "1:"]))
        a = f"{hours}{start // 60000 % 60:02d}:{start // 1000 % 60:02d}.{start % 1000:03d}"
        b = f"{hours}{second // 60000 % 60:02d}:{second // 1000 % 60:02d}.{second % 1000:03d}"
        text += draw(st.sampled_from(_TIMINGS)).format(a=a, b=b) + "\n"
        text += draw(st.sampled_from(_PAYLOADS)) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


def _reference(source: SourceText, options: ReadOptions):
    """The WebVTT reader of a voiced file without its fast paths."""
    metadata, cues = parse_lines(LINE_BREAK.split(source.text), "x.vtt", options)
    tags = vtt._TagCounter()
    parts = []
    for cue in cues:
        marks = []
        for marked, speaker, text in vtt._voice_runs(cue.payload, tags):
            marks.extend([(True, speaker, text)] if marked else split_marks(text, None))
        found = parts_of_cue(marks, cue.start, cue.end, cue.line, cue.end_line)
        if len(found) == 1 and "<" in cue.payload:
            found[0].words = vtt._kept_words(vtt._cue_words(cue), found[0].text, tags)
        tags.note_shared(len(found))
        parts.extend(found)
        tags.end_cue()
    tags.report(options)
    return assemble(parts, source, options, metadata=metadata)


def _streamed(source: SourceText, options: ReadOptions):
    header, blocks = vtt.stream(source, options)
    header.blocks = list(blocks)
    return header


def _outcome(read, text: str):
    losses = Losses()
    try:
        transcript = read(SourceText(text, "x.vtt"), ReadOptions(losses=losses))
    except TranscriptError as error:
        return str(error)
    return transcript.to_dict(), losses.summary()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files())
def test_reading_and_streaming_voiced_webvtt_agree_with_the_plain_reader(text):
    assume(vtt._VOICE_TAG.search(text) is not None)  # a file without is read whole, as before
    expected = _outcome(_reference, text)
    assert _outcome(vtt.read, text) == expected
    assert _outcome(_streamed, text) == expected


@pytest.mark.parametrize("path", corpus_files(".vtt"), ids=lambda p: p.name)
def test_real_voiced_files_read_as_the_plain_reader_reads_them(path):
    text = path.read_text(encoding="utf-8-sig")
    if not vtt._VOICE_TAG.search(text):
        pytest.skip("no voice spans: read whole, by the one path")
    assert _outcome(vtt.read, text) == _outcome(_reference, text)
