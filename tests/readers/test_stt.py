"""Speech-to-text JSON: every dialect recognised by its keys and read into turns with
their pieces and timed words; the real outputs in ../shared/formats read right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from transcripts import read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import FORMATS, get_format, guess_format
from transcripts.io import SourceText
from transcripts.model import Transcript

FIXTURES = Path(__file__).parent / "stt_fixtures"
FORMATS_DIR = SHARED / "formats"

# fixture -> (format, [(speaker, text) of each turn or unattributed block])
EXPECTED = {
    "whisper-openai.json": ("whisper", [(None, "Hello there. How are you?")]),
    "whisper-verbose-json.json": ("whisper", [(None, "Hello there. How are you?")]),
    "whisper-diarized-json.json": ("whisper", [("A", "Hello there."), ("B", "Hi! How are you?")]),
    "whisperx.json": (
        "whisperx",
        [("SPEAKER_00", "Hello there."), ("SPEAKER_01", "It cost 20 dollars.")],
    ),
    "whisper-cpp.json": (
        "whisper-cpp",
        [(None, "And so my fellow Americans,"), (None, "ask not. What your country can do.")],
    ),
    "aws-transcribe.json": ("aws-transcribe", [("spk_0", "Hello, Ana."), ("spk_1", "Hi Ben.")]),
    "google-stt.json": (
        "google-stt",
        [("Speaker 1", "hello Ana"), ("Speaker 2", "hi Ben how are you")],
    ),
    "azure-stt.json": ("azure-stt", [("Speaker 1", "Hello Ana."), ("Speaker 2", "Hi Ben.")]),
    "deepgram.json": (
        "deepgram",
        [("Speaker 0", "Hello Ana."), ("Speaker 1", "Hi Ben. How are you?")],
    ),
    "assemblyai.json": ("assemblyai", [("A", "Hello Ana."), ("B", "Hi Ben.")]),
    "revai.json": ("revai", [("Ana Ruiz", "Hello, Ben."), ("Speaker 1", "Hi <inaudible>.")]),
    "speechmatics.json": ("speechmatics", [("S1", "Hello Ana."), ("S2", "¿Hi Ben?"), (None, "Mm")]),
    # variants (test_stt_variants.py says what each is)
    "google-stt-v2-tagged-results.json": (
        "google-stt",
        [("Speaker 1", "hello Ana"), ("Speaker 2", "hi Ben")],
    ),
    "google-stt-two-channels.json": (
        "google-stt",
        [("channel 1", "hello Ana"), ("channel 2", "hi Ben")],
    ),
    "azure-fast-transcription.json": (
        "azure-stt",
        [("Speaker 1", "Hello Ana."), ("Speaker 2", "Hi Ben, how are you?")],
    ),
    "faster-whisper-segment-list.json": ("whisper", [(None, "Hello there. How are you?")]),
    "aws-call-analytics.json": (
        "aws-transcribe",
        [("AGENT", "Hello, thanks for calling."), ("CUSTOMER", "Hi, my card is [PII].")],
    ),
    "whisperx-speaker-change-in-segment.json": (
        "whisperx",
        [("SPEAKER_00", "Hello there."), ("SPEAKER_01", "Hi Ana. It cost 20 dollars.")],
    ),
}


def _said(transcript: Transcript) -> list[tuple[str | None, str]]:
    return [(b.speaker, b.text) for b in transcript.blocks if b.kind in ("turn", "unattributed")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_dialect_is_recognised_and_read_into_turns(name):
    fmt, said = EXPECTED[name]
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    assert guess_format(str(path), text).name == fmt
    assert guess_format("-", text).name == fmt  # standard input: the content decides
    assert _said(read(path)) == said


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_piece_keeps_its_times_and_words_spell_it(name):
    transcript = read(FIXTURES / name)
    for block in transcript.blocks:
        assert block.pieces, block
        for piece in block.pieces:
            assert piece.start is not None and piece.end is not None and piece.start <= piece.end
            if piece.words:
                assert [w.text for w in piece.words] == piece.text.split()
        assert " ".join(p.text for p in block.pieces).split() == block.text.split()


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("whisper-openai.json", ("Hello", 0.12, 0.6, 0.98)),
        ("whisper-verbose-json.json", ("Hello", 0.12, 0.6, None)),
        ("whisperx.json", ("Hello", 0.03, 0.5, 0.91)),
        ("aws-transcribe.json", ("Hello,", 0.04, 0.5, 0.998)),  # punctuation attached
        ("google-stt.json", ("hello", 0.1, 0.5, None)),
        ("azure-stt.json", ("Hello", 0.1, 0.5, 0.95)),  # 100-ns ticks, spelled as displayed
        ("deepgram.json", ("Hello", 0.1, 0.5, 0.99)),
        ("assemblyai.json", ("Hello", 0.1, 0.5, 0.99)),  # milliseconds
        ("revai.json", ("Hello,", 0.1, 0.5, 0.99)),
        ("speechmatics.json", ("Hello", 0.1, 0.5, 0.99)),
    ],
)
def test_the_first_word_keeps_its_times_and_confidence(name, first):
    word = read(FIXTURES / name).blocks[0].pieces[0].words[0]
    assert tuple(word) == first


def test_whisperx_words_the_aligner_could_not_place_have_no_times():
    words = read(FIXTURES / "whisperx.json").blocks[1].pieces[0].words
    assert [(w.text, w.start) for w in words][2] == ("20", None)


def test_google_reads_the_tagged_repetition_once_cut_like_the_results():
    blocks = read(FIXTURES / "google-stt.json").blocks
    assert sum(len(b.pieces) for b in blocks) == 2
    assert sum(len(p.words) for b in blocks for p in b.pieces) == 7


def test_google_does_not_read_the_times_of_words_the_tagged_repetition_repeats(runner, tmp_path):
    data = json.loads((FIXTURES / "google-stt.json").read_text(encoding="utf-8"))
    data["results"][0]["alternatives"][0]["words"][1]["startTime"] = "soon"
    path = tmp_path / "response.json"
    path.write_text(json.dumps(data))
    assert [b.speaker for b in read(path).blocks] == ["Speaker 1", "Speaker 2"]
    data["results"][2]["alternatives"][0]["words"][1]["startTime"] = "soon"  # a word kept
    path.write_text(json.dumps(data))
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "response.json" in result.stderr
    assert "results[2].alternatives[0].words[1].startTime: expected a time" in result.stderr


def test_deepgram_follows_the_words_speakers_not_the_utterances():
    # The fixture's first utterance runs into Speaker 1's words; its words say otherwise.
    assert [b.speaker for b in read(FIXTURES / "deepgram.json").blocks] == [
        "Speaker 0",
        "Speaker 1",
    ]


def test_a_whisper_file_is_not_taken_for_a_podcast_transcript(runner):
    result = runner.invoke(cli, ["convert", str(FIXTURES / "whisper-openai.json"), "-t", "text"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Hello there. How are you?\n"
    assert "converting whisper to text" in result.stderr


def test_json_of_no_known_kind_says_what_it_looks_like_and_what_is_read(runner, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"items": [1], "owner": "x"}))
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2
    message = result.stderr
    assert message.count("\n") == 1
    assert "is JSON of no known kind: an object with keys 'items', 'owner'" in message
    for name in ("podcast", "whisper", "aws-transcribe", "deepgram", "speechmatics"):
        assert name in message.split("JSON formats read: ")[1]


@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("whisper", {"segments": [{"start": "x", "end": 1, "text": "a"}]}, "segments[0].start"),
        ("aws-transcribe", {"results": {"items": 3, "transcripts": []}}, "results.items"),
        ("deepgram", {"results": {"channels": [{"alternatives": 1}]}}, "alternatives"),
        ("revai", {"monologues": [{"elements": {}}]}, "monologues[0].elements"),
    ],
)
def test_a_dialect_of_the_wrong_shape_is_one_line_naming_the_field(fmt, content, message):
    source = SourceText(text=json.dumps(content), path="x.json")
    with pytest.raises(TranscriptError, match=message.replace("[", r"\[").replace("]", r"\]")):
        get_format(fmt).read(source)


@pytest.mark.parametrize(
    ("fmt", "content", "named"),
    [
        (
            "aws-transcribe",
            {"results": {"items": 3, "transcripts": []}},
            "not an Amazon Transcribe",
        ),
        ("whisper", {"segments": [{"start": "x", "end": 1, "text": "a"}]}, "not a Whisper"),
    ],
)
def test_a_dialect_of_the_wrong_shape_is_named_with_the_right_article(fmt, content, named):
    source = SourceText(text=json.dumps(content), path="x.json")
    with pytest.raises(TranscriptError, match=f"^x.json: {named} transcript: "):
        get_format(fmt).read(source)


def _aws_job(labelled: bool) -> dict:
    """One word (with its own speaker label or without), and a speaker segment whose
    item's start is not a time."""
    word = {
        "start_time": "0.1",
        "end_time": "0.5",
        "alternatives": [{"content": "hello", "confidence": "0.9"}],
        "type": "pronunciation",
    }
    if labelled:
        word["speaker_label"] = "spk_0"
    item = {"start_time": "soon", "end_time": "0.5", "speaker_label": "spk_0"}
    segment = {"start_time": "0.1", "end_time": "0.5", "speaker_label": "spk_0", "items": [item]}
    labels = {"speakers": 1, "segments": [segment]}
    return {"results": {"transcripts": [], "items": [word], "speaker_labels": labels}}


def test_aws_speaker_segments_are_read_only_when_a_word_needs_them(runner, tmp_path):
    path = tmp_path / "job.json"
    path.write_text(json.dumps(_aws_job(labelled=True)))
    assert [b.speaker for b in read(path).blocks] == ["spk_0"]  # the segment is not asked
    path.write_text(json.dumps(_aws_job(labelled=False)))
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "job.json" in result.stderr
    assert "results.speaker_labels.segments[0].start_time: expected a time" in result.stderr


STT = [name for name, fmt in FORMATS.items() if fmt.reader and ".stt." in fmt.reader]
_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "segments",
                    "words",
                    "start",
                    "end",
                    "text",
                    "word",
                    "results",
                    "items",
                    "alternatives",
                    "content",
                    "type",
                    "channels",
                    "monologues",
                    "elements",
                    "ts",
                    "speaker",
                    "offsets",
                    "from",
                    "to",
                    "transcription",
                    "recognizedPhrases",
                    "nBest",
                    "utterances",
                    "startTime",
                    "start_time",
                    "end_time",
                    "value",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(STT), data=_JSONISH)
def test_every_dialect_reads_any_json_into_a_document_or_one_line_error(name, data):
    try:
        text = json.dumps(data)
    except ValueError:
        return
    try:
        transcript = get_format(name).read(SourceText(text=text, path="x"))
    except TranscriptError as error:
        assert "\n" not in str(error)
        return
    Transcript.from_dict(transcript.to_dict())


# The real outputs (see ../shared/formats/SOURCES.md).


def _real(name: str) -> Path:
    path = FORMATS_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


def _runs(transcript: Transcript) -> list[str | None]:
    return [b.speaker for b in transcript.blocks]


def _words(transcript: Transcript) -> list:
    return [w for b in transcript.blocks for p in b.pieces for w in p.words or ()]


def test_real_aws_transcribe_has_three_speakers_in_seven_turns():
    transcript = read(_real("stt-aws-transcribe-speaker-identification.json"))
    assert _runs(transcript) == ["spk_0", "spk_1", "spk_0", "spk_2", "spk_0", "spk_1", "spk_0"]
    words = _words(transcript)
    assert len(words) == 354  # the pronunciations; the 38 punctuation items attached
    assert all(w.start is not None and w.end is not None for w in words)
    assert transcript.blocks[0].text.startswith("She was gone out into the village on some errand")


def test_real_deepgram_follows_the_word_speakers_in_ten_turns():
    transcript = read(_real("stt-deepgram-diarize-utterances.json"))
    assert [s.name for s in transcript.speakers] == ["Speaker 0", "Speaker 1", "Speaker 2"]
    assert len(transcript.blocks) == 10  # the words' and paragraphs' view (utterances: 8)
    assert transcript.blocks[0].text.startswith("And, Jessica, Christina, we are so proud of you.")
    assert all(w.start is not None for w in _words(transcript))


def test_real_assemblyai_is_one_turn_of_speaker_a_with_word_times_in_seconds():
    transcript = read(_real("stt-assemblyai-utterances.json"))
    assert _runs(transcript) == ["A"]
    words = _words(transcript)
    assert len(words) == 60 and (words[0].start, words[0].end) == (0.17, 0.718)


def test_real_revai_monologues_of_one_speaker_are_one_turn():
    transcript = read(_real("stt-revai-monologues.json"))
    assert _runs(transcript) == ["Speaker 0"]
    assert transcript.blocks[0].text.startswith("Hi, my name's Jack")
    assert _words(transcript)[0].text == "Hi,"


def test_real_whisper_timestamped_has_its_segments_and_words():
    transcript = read(_real("stt-whisper-timestamped-segments.json"))
    (block,) = transcript.blocks
    assert block.kind == "unattributed" and len(block.pieces) == 4
    assert block.pieces[0].start == 0.12 and len(_words(transcript)) == 59
    assert transcript.metadata == {"language": "en"}
