"""The WebVTT reader: voice spans, continuation, tags, entities, rolling captions, errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_file, corpus_files
from tests.readers.captions_helpers import kinds, read_as, turns
from transcripts.errors import TranscriptError
from transcripts.losses import Losses
from transcripts.options import ReadOptions
from transcripts.readers import vttparse
from transcripts.readers.common import LINE_BREAK

CHANGES_ONLY = """WEBVTT

00:00:01.000 --> 00:00:03.000
<v Michael Young> We are committed
to the notion

00:00:03.000 --> 00:00:05.000
that everyone should

00:00:05.500 --> 00:00:07.000
<v Tracy Mitrano>We're a leading university.

00:00:07.000 --> 00:00:09.000
We want the best talent.
"""


def test_consecutive_cues_of_one_voice_are_one_turn_with_its_times():
    transcript = read_as("vtt", CHANGES_ONLY)
    assert turns(transcript) == [
        ("Michael Young", "We are committed to the notion that everyone should"),
        ("Tracy Mitrano", "We're a leading university. We want the best talent."),
    ]
    first, second = transcript.blocks
    assert (first.start, first.end, second.start, second.end) == (1.0, 5.0, 5.5, 9.0)
    assert (first.line, first.end_line) == (4, 8)
    assert [s.name for s in transcript.speakers] == ["Michael Young", "Tracy Mitrano"]


def test_unvoiced_cue_has_no_speaker_when_the_file_voices_every_cue():
    text = """WEBVTT

00:00:00.000 --> 00:00:01.000
<v Sarah>Hello there.

00:00:01.000 --> 00:00:02.000
<v Sarah>Welcome back.

00:00:02.000 --> 00:00:03.000
<v Sarah>Today we talk.

00:00:03.000 --> 00:00:04.000
Someone in the room says hi.

00:00:04.000 --> 00:00:05.000
<v Gillian>Hi Sarah.
"""
    assert turns(read_as("vtt", text)) == [
        ("Sarah", "Hello there. Welcome back. Today we talk."),
        (None, "Someone in the room says hi."),
        ("Gillian", "Hi Sarah."),
    ]


def test_closed_voice_spans_and_teams_timestamps():
    text = (
        "WEBVTT\n\n0:0:0.0 --> 0:0:0.570\n<v Yuri Bakulin>There you go.</v>\n\n"
        "0:0:0.210 --> 0:0:1.130\n<v Adrian Petrescu>Why hello there, Yuri.</v>\n"
    )
    transcript = read_as("vtt", text)
    assert turns(transcript) == [
        ("Yuri Bakulin", "There you go."),
        ("Adrian Petrescu", "Why hello there, Yuri."),
    ]
    assert [(b.start, b.end) for b in transcript.blocks] == [(0.0, 0.57), (0.21, 1.13)]


def test_tags_settings_and_entities_are_cleaned_and_counted_as_lost():
    text = (
        "WEBVTT\n\n00:01.000 --> 00:04.000 align:start position:0%\n"
        "<v.loud Ana &amp; Bo>Q&amp;A <i>time</i>, 1 &lt; 2<00:02.000><c> now</c>\n"
    )
    losses = Losses()
    transcript = read_as("vtt", text, losses=losses)
    assert turns(transcript) == [("Ana & Bo", "Q&A time, 1 < 2 now")]
    summary = losses.summary()
    assert "cue settings of 1 cue" in summary and "styling of 1 cue" in summary
    assert "word timings" not in summary  # kept as the cue's timed words
    (piece,) = transcript.blocks[0].pieces
    assert [(w.text, w.start, w.end) for w in piece.words][-2:] == [
        ("2", None, 2.0),
        ("now", 2.0, 4.0),
    ]


def test_several_voices_in_one_cue_share_its_time():
    text = "WEBVTT\n\n00:00.000 --> 00:04.000\n- <v Ana>Hi!</v>\n- <v Bo>Hello.</v>\n"
    transcript = read_as("vtt", text)
    assert turns(transcript) == [("Ana", "Hi!"), ("Bo", "Hello.")]
    ana, bo = transcript.blocks
    assert ana.start == 0.0 and ana.end == bo.start and bo.end == 4.0
    assert 0 < ana.end < 4.0


def test_a_bracketed_cue_is_a_stage_direction_and_the_turn_continues_after_it():
    resumed = read_as(
        "vtt",
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>One.\n\n00:02.000 --> 00:03.000\n"
        "(laughter)\n\n00:03.000 --> 00:04.000\nTwo.\n",
    )
    assert kinds(resumed) == ["turn", "stage_direction", "turn"]
    assert resumed.blocks[1].text == "(laughter)"
    assert resumed.blocks[2].speaker == "Ana" and resumed.blocks[2].continued


# "~" stands for the lines holding one space that YouTube writes into its cues.
ROLLING = """WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.590 align:start position:0%
~
good<00:00:00.399><c> evening</c><00:00:00.960><c> from</c>

00:00:02.590 --> 00:00:02.600 align:start position:0%
good evening from
~

00:00:02.600 --> 00:00:05.990 align:start position:0%
good evening from
the<00:00:03.000><c> health</c><00:00:03.500><c> education</c>

00:00:05.990 --> 00:00:06.000 align:start position:0%
the health education
~

00:00:06.000 --> 00:00:08.000 align:start position:0%
the health education
campus<00:00:06.500><c> of</c>
""".replace("\n~\n", "\n \n")


def test_rolling_auto_captions_are_folded_into_text_said_once():
    transcript = read_as("vtt", ROLLING)
    assert turns(transcript) == [(None, "good evening from the health education campus of")]
    assert transcript.metadata == {"kind": "captions", "language": "en"}
    assert (transcript.blocks[0].start, transcript.blocks[0].end) == (0.0, 8.0)


def test_a_line_said_twice_in_an_ordinary_file_is_kept_twice():
    cues = ["No.", "No.", "I said no to that.", "And I meant it.", "Really.", "Fine."]
    text = "WEBVTT\n" + "".join(
        f"\n00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\n<v Ana>{line}\n"
        for i, line in enumerate(cues)
    )
    assert turns(read_as("vtt", text)) == [("Ana", " ".join(cues))]


def test_name_prefixes_name_speakers_in_a_file_without_voices():
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nJohn Smith: Hello everyone.\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\nJohn Smith: Thanks for coming.\n\n"
        "3\n00:00:03.000 --> 00:00:04.000\nSpeaker 2: Glad to be here.\n"
    )
    transcript = read_as("vtt", text)
    assert turns(transcript) == [
        ("John Smith", "Hello everyone. Thanks for coming."),
        ("Speaker 2", "Glad to be here."),
    ]
    assert all(speaker.inferred for speaker in transcript.speakers)


def test_colons_in_sentences_do_not_make_speakers():
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nthe rule is simple: be kind\n\n"
        "00:02.000 --> 00:03.000\nhere is the thing: it works\n\n"
        "00:03.000 --> 00:04.000\nRemember: always\n"
    )
    transcript = read_as("vtt", text)
    assert transcript.speakers == []
    assert kinds(transcript) == ["unattributed"]


def test_double_chevrons_mark_a_change_of_speaker():
    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n&gt;&gt; ANDERSON COOPER: Good evening.\n\n"
        "00:02.000 --> 00:03.000\nWelcome.\n\n00:03.000 --> 00:04.000\n>> Thank you.\n"
    )
    assert turns(read_as("vtt", text)) == [
        ("ANDERSON COOPER", "Good evening. Welcome."),
        (None, "Thank you."),
    ]


def test_notes_styles_and_identifiers_are_skipped():
    text = (
        "WEBVTT - An interview\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\n\n"
        "intro\n00:01.000 --> 00:02.000\n<v Ana>Hi.\n"
    )
    transcript = read_as("vtt", text)
    assert turns(transcript) == [("Ana", "Hi.")]
    assert transcript.title == "An interview"


def test_declared_speakers_lead_the_roster():
    transcript = read_as("vtt", CHANGES_ONLY, speakers=["Tracy Mitrano"])
    assert transcript.speakers[0].name == "Tracy Mitrano"
    assert not transcript.speakers[0].inferred


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hello\n", "line 1: not a WebVTT file"),
        ("WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nHi\n", "line 3: bad WebVTT timestamp"),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHi\n", "line 3: expected a cue timing"),
        ("WEBVTT\n\nHi there\nmore\n", "line 3: expected a cue timing"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHi\n", "line 3: cue ends"),
    ],
    ids=["no-header", "bad-timestamp", "bad-arrow", "no-timing", "ends-before-start"],
)
def test_malformed_vtt_is_an_error_naming_the_line(text, message):
    with pytest.raises(TranscriptError) as error:
        read_as("vtt", text)
    assert message in str(error.value)


# The real files: verified by reading them (see ../shared/corpus/SOURCES.md).


def test_ableplayer_captions_have_their_seven_voices_and_fourteen_turns():
    path = corpus_file("captions-ableplayer-uw-itaccess-en.vtt")
    transcript = read_as("vtt", path.read_text(encoding="utf-8"))
    names = [s.name for s in transcript.speakers]
    # "Pablo Molinda" is the file's own typo for Pablo Molina: kept as written.
    assert names == [
        "Michael Young",
        "Tracy Mitrano",
        "Pablo Molina",
        "Edward Ray",
        "Gerry Hanley",
        "Pablo Molinda",
        "Bruce Maas",
    ]
    assert kinds(transcript) == ["turn"] * 14  # one per voice span: unvoiced cues continue
    first = transcript.blocks[0]
    assert first.text.startswith("We are committed to the notion that everyone")
    assert first.text.endswith("important value at the university.")
    assert (first.start, first.end) == (0.599, 29.1)
    assert transcript.blocks[1].start == 43.719  # the 14-second gap is kept


def test_buzzsprout_captions_unescape_q_and_a():
    path = corpus_file("captions-podcastindex-buzzsprout-example.vtt")
    transcript = read_as("vtt", path.read_bytes().decode("utf-8"))
    assert [speaker for speaker, _ in turns(transcript)] == ["Sarah", "Gillian"]
    assert "Welcome to Podcasting Q&A, where" in transcript.blocks[0].text


def test_youtube_auto_captions_are_one_unattributed_passage_without_markup():
    path = corpus_file("captions-youtube-autocaption-debate-2020-first-presidential.vtt")
    transcript = read_as("vtt", path.read_text(encoding="utf-8"))
    assert transcript.speakers == []
    (block,) = transcript.blocks
    assert block.kind == "unattributed"
    assert block.text.startswith("good evening from the health education campus of case")
    assert "<" not in block.text and "align:" not in block.text
    # Each cue's words appear once: 2,714 cues, no rolling repetition in this file.
    assert block.text.count("good evening from the health education") == 1


_SEPARATORS = st.sampled_from(["\n\n", "\n\n\n", "\n", "\n \n", "\n  \n\n"])
_TIMINGS = st.sampled_from(
    [
        "00:00:01.000 --> 00:00:02.000",
        "1:02:03.004 --> 1:02:04.000",
        "59:59.999 --> 01:00:00.000",
        "00:00:01.000 --> 00:00:02.000 ",
        "00:00:02.000 --> 00:00:03.500 align:start",
        "0:0:1.5 --> 0:0:2",
        "00:00:05.000 --> 00:00:04.000",
        "00:00:0x.000 --> 00:00:01.000",
        "NOTE a comment",
        "STYLE",
        "hello",
    ]
)
_LINES = st.sampled_from(["<v Ana>hello", "world", " ", "(laughter)", "1", "a --> b", "NOTE"])


@st.composite
def _vtt_texts(draw) -> str:
    text = draw(st.sampled_from(["WEBVTT", "WEBVTT - T", "WEBVTT\nKind: captions", "X"]))
    for _ in range(draw(st.integers(0, 6))):
        text += draw(_SEPARATORS)
        if draw(st.booleans()):
            text += draw(st.sampled_from(["1", "intro", " "])) + "\n"
        text += draw(_TIMINGS)
        for line in draw(st.lists(_LINES, max_size=3)):
            text += "\n" + line
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_vtt_texts())
def test_the_fast_block_parser_agrees_with_the_line_parser(text):
    def outcome(parse):
        try:
            found = parse()
        except TranscriptError as error:
            return str(error)
        if found is None:
            return None
        metadata, cues = found
        return metadata, [(c.start, c.end, c.payload, c.line, c.end_line) for c in cues]

    usual = outcome(lambda: vttparse.parse_usual(text, "x", ReadOptions()))
    if usual is not None:
        lines = LINE_BREAK.split(text)
        assert usual == outcome(lambda: vttparse.parse_lines(lines, "x", ReadOptions()))


@pytest.mark.parametrize("path", corpus_files(".vtt"), ids=lambda path: path.name)
def test_real_files_take_the_fast_block_parser(path):
    text = path.read_bytes().decode("utf-8")
    assert vttparse.parse_usual(text, "x", ReadOptions()) is not None


@pytest.mark.parametrize("voiced", [False, True])
@pytest.mark.parametrize("unusual", [False, True])
def test_cue_identifiers_not_kept_are_counted_once_unless_only_the_cue_number(voiced, unusual):
    speaker = "<v Ana>" if voiced else "Ana: "
    cues = [
        ("1", "00:01.000 --> 00:02.000"),  # the cue's number: nothing lost
        ("intro", "00:02.000 --> 00:03.000"),
        (None, "00:03.000 --> 00:04.000"),
        ("7", "00:04.000 --> 00:05.000"),  # a number, not this cue's
        ("5", "00:05.000 --> 00:06.000"),  # its number (counted from the first cue)
    ]
    blocks = [
        "\n".join(([identifier] if identifier else []) + [timing, f"{speaker}Line {number}."])
        for number, (identifier, timing) in enumerate(cues, 1)
    ]
    # A whitespace-only line inside a cue is left to the line-by-line parser.
    text = "WEBVTT\n\n" + "\n\n".join(blocks) + ("\n \n" if unusual else "\n")
    losses = Losses()
    transcript = read_as("vtt", text, losses=losses)
    assert len(transcript.blocks) >= 1
    assert losses.phrases().count("2 cue identifiers") == 1, losses.summary()


def test_sequential_cue_identifiers_are_no_loss():
    text = (
        "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nAna: Hi.\n\n2\n00:02.000 --> 00:03.000\nBen: Yo.\n"
    )
    losses = Losses()
    read_as("vtt", text, losses=losses)
    assert "identifier" not in losses.summary()
