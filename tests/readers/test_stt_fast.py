"""The speech-to-text readers' fast path (`readers/stt/bulk.py`: the usual list of words
read at once) against their reference (every word read one at a time, `bulk.ENABLED`
off): the same document, or the same error, on the fixtures, the real samples, the
bench's synthetic files of every service, and those files with fields changed."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, SHARED
from transcripts.errors import TranscriptError
from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.model import Word
from transcripts.readers.stt import bulk
from transcripts.readers.turns import Part
from transcripts.readers.wordparts import HALF_PIECE, MAX_PIECE, Spoken, parts_from_words

FIXTURES = Path(__file__).parent / "stt_fixtures"
FORMATS = {
    "assemblyai.json": "assemblyai",
    "aws-transcribe.json": "aws-transcribe",
    "azure-stt.json": "azure-stt",
    "deepgram.json": "deepgram",
    "google-stt.json": "google-stt",
    "revai.json": "revai",
    "speechmatics.json": "speechmatics",
    "whisper-cpp.json": "whisper-cpp",
    "whisper-diarized-json.json": "whisper",
    "whisper-openai.json": "whisper",
    "whisper-verbose-json.json": "whisper",
    "whisperx.json": "whisperx",
    "google-stt-v2-tagged-results.json": "google-stt",
    "azure-fast-transcription.json": "azure-stt",
    "faster-whisper-segment-list.json": "whisper",
    "whisperx-speaker-change-in-segment.json": "whisperx",
    "aws-call-analytics.json": "aws-transcribe",
    "google-stt-two-channels.json": "google-stt",
}
REAL = {
    "stt-assemblyai-utterances.json": "assemblyai",
    "stt-aws-transcribe-speaker-identification.json": "aws-transcribe",
    "stt-deepgram-diarize-utterances.json": "deepgram",
    "stt-revai-monologues.json": "revai",
    "stt-whisper-timestamped-segments.json": "whisper",
}


def _read(fmt: str, text: str, fast: bool, chunk: int = bulk.CHUNK) -> Any:
    """The document's dict form, or the error's words, with the fast path on or off (and
    reading lists `chunk` items at a time)."""
    bulk.ENABLED, bulk.CHUNK, default = fast, chunk, bulk.CHUNK
    try:
        return get_format(fmt).read(SourceText(text=text, path="x.json")).to_dict()
    except TranscriptError as error:
        return f"error: {error}"
    finally:
        bulk.ENABLED, bulk.CHUNK = True, default


def _agree(fmt: str, text: str) -> Any:
    """The fast path's reading, after checking that the reference reads the same, and so
    does the fast path in chunks of a few items (as it reads long lists)."""
    fast = _read(fmt, text, True)
    assert fast == _read(fmt, text, False)
    assert fast == _read(fmt, text, True, chunk=3)
    return fast


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_fast_path_reads_every_fixture_as_the_reference_does(name):
    read = _agree(FORMATS[name], (FIXTURES / name).read_text(encoding="utf-8"))
    assert not isinstance(read, str)


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_fast_path_reads_every_real_sample_as_the_reference_does(name):
    path = SHARED / "formats" / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    read = _agree(REAL[name], path.read_text(encoding="utf-8"))
    assert not isinstance(read, str)


def _synthetic(service: str, size: int = 50_000) -> str:
    """The bench's synthetic file of a service (several hundred words), as text."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import sttsynth
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return json.dumps(sttsynth.stt_data(service, size, seed=7))


SERVICES = sorted(set(FORMATS.values()) - {"whisper"})


@pytest.mark.parametrize("service", SERVICES)
def test_the_fast_path_reads_the_bench_files_as_the_reference_does(service):
    read = _agree(service, _synthetic(service))
    assert not isinstance(read, str)
    pieces = [piece for block in read["blocks"] for piece in block.get("pieces", [])]
    assert sum(len(piece["text"].split()) for piece in pieces) > 150


# Changed fields: a value of another type or out of range, or a key taken away, in a few
# places of a file; the two paths must give the same document or the same error.
_ODD = st.sampled_from(
    [None, True, False, 0, 1, -1, 2**70, 1.5, -0.0, 1e300, "", " ", "0", "1", "1.5", "1.300s",
     "PT1.5S", "spk_1", " A ", "007", "1.1234567", "1e3", "x", "1\n2", [], {}, [1], {"a": 1}]
)  # fmt: skip
_GONE = object()


def _places(data: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((data, key))
            _places(value, found)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((data, index))
            _places(value, found)
    return found


def _changed(data: Any, picks: list[tuple[int, Any]]) -> Any:
    data = copy.deepcopy(data)
    for position, value in picks:
        places = _places(data, [])
        if not places:
            break
        holder, key = places[position % len(places)]
        if value is _GONE and isinstance(holder, dict):
            del holder[key]
        elif value is not _GONE:
            holder[key] = copy.deepcopy(value)
    return data


_SOURCES: dict[str, Any] = {
    **{
        name: (fmt, lambda name=name: (FIXTURES / name).read_text())
        for name, fmt in FORMATS.items()
    },
    **{service: (service, lambda s=service: _synthetic(s, 3_000)) for service in SERVICES},
}
_LOADED: dict[str, tuple[str, Any]] = {}


def _source(name: str) -> tuple[str, Any]:
    if name not in _LOADED:
        fmt, text = _SOURCES[name]
        _LOADED[name] = (fmt, json.loads(text()))
    return _LOADED[name]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    name=st.sampled_from(sorted(_SOURCES)),
    picks=st.lists(
        st.tuples(st.integers(min_value=0, max_value=10_000), st.one_of(_ODD, st.just(_GONE))),
        min_size=1,
        max_size=4,
    ),
)
def test_the_fast_path_agrees_with_the_reference_on_changed_files(name, picks):
    fmt, data = _source(name)
    _agree(fmt, json.dumps(_changed(data, picks)))


@given(
    times=st.lists(
        st.one_of(
            st.floats(min_value=0, max_value=1e13),
            st.integers(min_value=0, max_value=10**13),
            st.decimals(min_value=0, max_value=10**13, places=7).map(str),
            st.decimals(min_value=0, max_value=10**13, places=3).map(lambda d: f"{d}s"),
        ),
        min_size=1,
        max_size=6,
    )
)
@example(times=["360000000000.000s"])  # twelve digits, beyond the longest time
def test_times_read_at_once_are_those_read_one_at_a_time(times):
    words = [{"word": "a", "start": time, "end": time} for time in times]
    data = {"segments": [{"start": 0.0, "end": 1.0, "text": "a", "words": words}]}
    _agree("whisper", json.dumps(data))
    google = {"results": [{"alternatives": [{"words": [
        {"word": "a", "startTime": time, "endTime": time} for time in times
    ]}]}]}  # fmt: skip
    _agree("google-stt", json.dumps(google))


@given(st.lists(st.integers(min_value=-5, max_value=2**40), min_size=1, max_size=6))
def test_milliseconds_read_at_once_are_those_read_one_at_a_time(times):
    words = [{"text": "a", "start": time, "end": time, "speaker": "A"} for time in times]
    _agree("assemblyai", json.dumps({"text": "a", "words": words, "audio_duration": 1}))
    segments = [{"offsets": {"from": time, "to": time}, "text": " a  b"} for time in times]
    _agree("whisper-cpp", json.dumps({"transcription": segments}))


def _plain_parts(units: list[list[Spoken]]) -> list[Part]:
    """`parts_from_words` as it was written word by word (its reference)."""
    parts = []
    for unit in units:
        run: list[Spoken] = []
        size = 0
        for spoken in unit:
            if run and (
                spoken.speaker != run[-1].speaker or size + len(spoken.word.text) > MAX_PIECE
            ):
                parts.append(run)
                run, size = [], 0
            run.append(spoken)
            size += len(spoken.word.text) + 1
            if size >= HALF_PIECE and spoken.word.text.endswith((".", "?", "!")):
                parts.append(run)
                run, size = [], 0
        if run:
            parts.append(run)
    found = []
    for run in parts:
        words = tuple(spoken.word for spoken in run)
        starts = [word.start for word in words if word.start is not None]
        ends = [word.end for word in words if word.end is not None]
        speaker = run[0].speaker
        text = " ".join(word.text for word in words)
        start, end = min(starts) if starts else None, max(ends) if ends else None
        found.append(Part(text, start, end, 0, 0, speaker is not None, speaker, words))
    return found


_TIME = st.one_of(st.none(), st.floats(min_value=0, max_value=100))
_SPOKEN = st.builds(
    Spoken,
    st.builds(Word, st.sampled_from(["a", "word", "end.", "why?", "x" * 50, ""]), _TIME, _TIME),
    st.sampled_from([None, "A", "B"]),
)


@given(st.lists(st.lists(_SPOKEN, max_size=40), max_size=4))
def test_words_make_the_parts_the_plain_loop_makes(units):
    assert parts_from_words(units) == _plain_parts(units)


def test_aws_words_without_labels_take_the_segments_speakers_on_either_path():
    data = json.loads(_synthetic("aws-transcribe", 8_000))
    for item in data["results"]["items"]:
        item.pop("speaker_label", None)
    read = _agree("aws-transcribe", json.dumps(data))
    speakers = {block["speaker"] for block in read["blocks"]}
    assert len(speakers) >= 2 and all(speaker.startswith("spk_") for speaker in speakers)


def test_aws_segments_that_name_no_one_leave_the_words_to_the_channels_on_either_path():
    data = json.loads(_synthetic("aws-transcribe", 8_000))
    results = data["results"]
    for item in results["items"]:
        item.pop("speaker_label", None)
    for segment in results["speaker_labels"]["segments"]:
        for item in segment["items"]:
            item["speaker_label"] = None
    starts = [item["start_time"] for item in results["items"] if "start_time" in item]
    channel = [{"start_time": start, "end_time": start} for start in starts]
    results["channel_labels"] = {"channels": [{"channel_label": "ch_0", "items": channel}]}
    read = _agree("aws-transcribe", json.dumps(data))
    assert {block["speaker"] for block in read["blocks"]} == {"ch_0"}


_MICROSECONDS = st.integers(min_value=0, max_value=10**16).map(lambda count: count / 1e6)


@given(
    st.lists(
        st.one_of(
            st.floats(min_value=0, max_value=1e12),
            _MICROSECONDS,
            st.decimals(min_value=0, max_value=10**10, places=6).map(float),
            st.integers(min_value=0, max_value=10**6).map(lambda count: count / 100),
        )
    )
)
def test_times_on_a_microsecond_are_given_back_as_rounding_gives_them(values):
    assert repr(bulk.rounded(list(values))) == repr([round(value, 6) for value in values])


@given(st.lists(st.text(st.sampled_from(["a", "é", " ", "\t", "\n", "\xa0", "\u2009", "\x1c"]))))
def test_single_words_are_texts_without_white_space(texts):
    assert bulk.single_words(texts) == all(text and not re.search(r"\s", text) for text in texts)


@given(
    st.lists(st.lists(st.sampled_from("ab"), min_size=1, max_size=3), min_size=1, max_size=3),
    st.lists(st.sampled_from("ab"), min_size=1, max_size=6),
)
def test_google_repetition_is_told_by_its_words_alike_at_once_and_one_at_a_time(earlier, last):
    # The last result is the tagged repetition only if it spells the results before it;
    # as many words that spell something else are a result like the others.
    def words(texts: list[str], tagged: bool) -> list[dict[str, Any]]:
        return [
            {"word": t, "startTime": f"{i}s", "endTime": f"{i}.5s"}
            | ({"speakerTag": 1 + (t == "b")} if tagged else {})
            for i, t in enumerate(texts)
        ]

    results = [{"alternatives": [{"words": words(run, False)}]} for run in earlier]
    results.append({"alternatives": [{"words": words(last, True)}]})
    _agree("google-stt", json.dumps({"results": results}))
