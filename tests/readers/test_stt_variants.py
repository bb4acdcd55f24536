"""Variants of the speech-to-text services' JSON that their tools write (v2 responses,
newer APIs, bare lists of segments, speakers changing inside a segment): each a fixture
written here from the service's documented shape, read into the right turns."""

from __future__ import annotations

import json
from pathlib import Path

from transcripts import read
from transcripts.io import SourceText
from transcripts.readers.stt import google

FIXTURES = Path(__file__).parent / "stt_fixtures"


def _turns(path: Path) -> list[tuple[str | None, str, float | None, float | None]]:
    return [(b.speaker, b.text, b.start, b.end) for b in read(path).blocks]


def test_google_results_each_tagged_are_not_taken_for_a_repetition_of_the_ones_before():
    # Two results of two words each: the last has as many words as those before it, but
    # does not spell them, so it is a result of its own, not the diarised repetition.
    assert _turns(FIXTURES / "google-stt-v2-tagged-results.json") == [
        ("Speaker 1", "hello Ana", 0.1, 0.9),
        ("Speaker 2", "hi Ben", 1.2, 1.9),
    ]


def test_google_repetition_that_spells_the_earlier_results_is_still_read_once():
    words = [{"word": w, "startTime": f"{i}s", "endTime": f"{i + 1}s"} for i, w in enumerate("ab")]
    tagged = [dict(w, speakerTag=n + 1) for n, w in enumerate(words)]
    data = {
        "results": [
            {"alternatives": [{"transcript": "a", "words": words[:1]}]},
            {"alternatives": [{"transcript": "b", "words": words[1:]}]},
            {"alternatives": [{"transcript": "a b", "words": tagged}]},
        ]
    }
    transcript = google.read(SourceText(text=json.dumps(data)))
    assert [(b.speaker, b.text) for b in transcript.blocks] == [
        ("Speaker 1", "a"),
        ("Speaker 2", "b"),
    ]


def test_azure_fast_transcription_phrases_are_read_in_milliseconds():
    transcript = read(FIXTURES / "azure-fast-transcription.json")
    assert _turns(FIXTURES / "azure-fast-transcription.json") == [
        ("Speaker 1", "Hello Ana.", 0.1, 0.9),
        ("Speaker 2", "Hi Ben, how are you?", 1.2, 2.0),
    ]
    word = transcript.blocks[1].pieces[0].words[1]
    assert (word.text, word.start, word.end) == ("Ben,", 1.35, 1.55)


def test_a_bare_list_of_faster_whisper_segments_is_read_as_whisper():
    transcript = read(FIXTURES / "faster-whisper-segment-list.json")
    (block,) = transcript.blocks
    assert [(p.start, p.end, p.text) for p in block.pieces] == [
        (0.0, 1.2, "Hello there."),
        (1.5, 2.9, "How are you?"),
    ]
    assert [w.text for w in block.pieces[0].words] == ["Hello", "there."]
    assert block.pieces[1].words is None  # `"words": null`: none timed


def test_whisperx_segment_is_cut_where_its_words_speaker_changes():
    transcript = read(FIXTURES / "whisperx-speaker-change-in-segment.json")
    assert [
        (b.speaker, [(p.start, p.end, p.text) for p in b.pieces]) for b in transcript.blocks
    ] == [
        ("SPEAKER_00", [(0.03, 1.0, "Hello there.")]),
        ("SPEAKER_01", [(2.0, 3.1, "Hi Ana."), (3.5, 4.4, "It cost 20 dollars.")]),
    ]
    # the word the aligner could not place, and so gave no speaker, is kept in its run
    assert [w.text for w in transcript.blocks[1].pieces[1].words] == [
        "It",
        "cost",
        "20",
        "dollars.",
    ]


def test_a_list_of_objects_of_no_known_kind_is_described_with_its_first_key_whole():
    from transcripts.readers.jsondata import describe

    assert (
        describe([{"id": 1, "seek": 0}]) == "a list of 1 objects, the first with keys 'id', 'seek'"
    )
    assert describe([{}, {}]) == "a list of 2 objects, the first empty"


def test_aws_call_analytics_turns_are_read_with_their_roles_and_items():
    transcript = read(FIXTURES / "aws-call-analytics.json")
    assert _turns(FIXTURES / "aws-call-analytics.json") == [
        ("AGENT", "Hello, thanks for calling.", 0.12, 1.9),
        ("CUSTOMER", "Hi, my card is [PII].", 2.1, 4.0),
    ]
    words = transcript.blocks[0].pieces[0].words
    assert [w.text for w in words] == ["Hello,", "thanks", "for", "calling."]  # punctuation on
    assert (words[0].start, words[0].end, words[0].confidence) == (0.12, 0.5, 0.99)
    assert transcript.blocks[1].pieces[0].words is None  # a redacted turn's items spell less


def test_google_channels_recognised_apart_are_a_speaker_each_in_time_order():
    data = json.loads((FIXTURES / "google-stt-two-channels.json").read_text(encoding="utf-8"))
    data["results"].reverse()  # results come channel by channel, not in time order
    transcript = google.read(SourceText(text=json.dumps(data)))
    assert [(b.speaker, b.text, b.start) for b in transcript.blocks] == [
        ("channel 1", "hello Ana", 0.1),
        ("channel 2", "hi Ben", 1.2),
    ]
