"""`transcripts.stats`: the measures, on the seed and on documents built for the purpose."""

from __future__ import annotations

import importlib
import inspect

import pytest

import transcripts
from transcripts.errors import TranscriptError
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.statistics.measures import FIELDS
from transcripts.words import count_words


def turn(speaker: str, text: str, line: int = 0, **fields) -> Block:
    return Block(Kind.TURN, text, line=line, end_line=line, speaker=speaker, **fields)


def document(*blocks: Block, speakers: tuple[str, ...] = ()) -> Transcript:
    roster = [Speaker(name, inferred=False) for name in speakers]
    return Transcript(blocks=list(blocks), speakers=roster, source="doc.json")


@pytest.fixture
def seed_report(seed):
    return transcripts.stats(transcripts.read(seed))


def test_the_seed_has_two_speakers_with_10_and_11_turns(seed_report):
    assert [r["speaker"] for r in seed_report.speakers] == ["Lukashenko", "Interviewer"]
    assert seed_report.speaker("Interviewer")["turns"] == 10
    assert seed_report.speaker("Lukashenko")["turns"] == 11
    assert seed_report.totals["speakers"] == 2
    assert seed_report.totals["turns"] == 21


def test_on_the_seed_prose_title_reader_question_and_fragment_count_for_no_speaker(seed):
    transcript = transcripts.read(seed)
    report = transcripts.stats(transcript)
    spoken = sum(count_words(b.text) for b in transcript.blocks if b.kind == Kind.TURN)
    unspoken = sum(count_words(b.text) for b in transcript.blocks if b.kind != Kind.TURN)
    assert unspoken > 150  # the lede, tags, title, "Question for Readers", the fragment
    assert report.totals["words"] == spoken
    assert sum(r["words"] for r in report.speakers) == spoken
    assert report.totals["non_speech"] == {
        "prose": 6,
        "heading": 1,
        "tags": 1,
        "labelled": 1,
        "stage_direction": 0,
        "timestamp": 0,
        "unattributed": 1,
        "layout": 0,
        "front_matter": 0,
    }
    assert report.totals["non_speech_blocks"] == 10


def test_seed_questions_are_the_interviewers(seed_report):
    interviewer = seed_report.speaker("Interviewer")
    # nine of the ten questions end in "?"; the last turn thanks him
    assert (interviewer["questions"], interviewer["question_turns"]) == (9, 9)
    assert seed_report.speaker("Lukashenko")["questions"] == 0


def test_seed_hand_counted_turns():
    report = transcripts.stats(
        transcripts.parse(
            "Interviewer: Thank you for your insights, President Lukashenko.\n"
            "Lukashenko: Thank you for having me.\n"
        )
    )
    assert report.speaker("Interviewer")["words"] == 7
    assert report.speaker("Lukashenko")["words"] == 5


def test_every_record_has_every_field_and_numbers_are_numbers(seed_report):
    for record in seed_report.speakers:
        assert list(record) == list(FIELDS)
        assert isinstance(record["turns"], int) and isinstance(record["words_share"], float)
    assert seed_report.totals["words_share"] == 100.0


def test_shares_and_means():
    report = transcripts.stats(
        document(
            turn("Ana", "One two three four five six.", 1),
            turn("Ben", "One two.", 2),
            turn("Ana", "One two?", 3),
            turn("Ben", "One two three four five six seven eight nine ten.", 4),
        )
    )
    ana, ben = report.speaker("Ana"), report.speaker("Ben")
    assert (ana["words"], ben["words"]) == (8, 12)
    assert (ana["words_share"], ben["words_share"]) == (40.0, 60.0)
    assert (ana["turns_share"], ben["turns_share"]) == (50.0, 50.0)
    assert (ben["words_per_turn_mean"], ben["words_per_turn_median"]) == (6.0, 6.0)
    assert (ben["words_per_turn_max"], ben["longest_turn_line"]) == (10, 4)
    assert ana["question_turns"] == 1
    assert ben["mlu_words"] == 6.0
    assert report.totals["words_per_turn_median"] == 4.0


def test_a_continued_turn_is_not_a_new_turn():
    report = transcripts.stats(
        document(
            turn("Ana", "So what do you think?", 1),
            Block(Kind.STAGE_DIRECTION, "(LAUGHTER)", line=2, end_line=2),
            turn("Ana", "I mean it, really.", 3, continued=True),
            turn("Ben", "Yes.", 4),
        )
    )
    ana = report.speaker("Ana")
    assert ana["turns"] == 1
    assert ana["words"] == 9
    assert ana["words_per_turn_max"] == 9 and ana["longest_turn_line"] == 1
    assert ana["questions"] == 1
    assert ana["question_turns"] == 0  # the resumed turn ends with a statement
    assert report.totals["non_speech"]["stage_direction"] == 1


def test_mlu_leaves_out_utterances_with_unintelligible_speech():
    report = transcripts.stats(
        document(turn("Ana", "I went there. Then (inaudible) we left. Good."), speakers=("Ana",))
    )
    ana = report.speaker("Ana")
    assert (ana["sentences"], ana["utterances"]) == (3, 2)
    assert ana["words"] == 7
    assert ana["mlu_words"] == 2.0  # (3 + 1) / 2


def test_distinct_words_ignore_case_and_apostrophe_style():
    report = transcripts.stats(document(turn("Ana", "It’s it's IT'S the The end.")))
    ana = report.speaker("Ana")
    assert ana["distinct_words"] == 3
    assert ana["type_token_ratio"] == 0.5


def test_talk_time_from_start_and_end_times():
    report = transcripts.stats(
        document(
            turn("Ana", "Hello there.", 1, start=0.0, end=4.0),
            turn("Ben", "Hi.", 2, start=4.5, end=5.5),
            turn("Ana", "How are you?", 3, start=6.0, end=10.0),
        )
    )
    assert report.speaker("Ana")["talk_seconds"] == 8.0
    assert report.speaker("Ben")["talk_seconds"] == 1.0
    assert report.speaker("Ana")["talk_share"] == pytest.approx(88.89)
    assert report.totals["talk_seconds"] == 9.0


def test_talk_time_of_a_turn_with_only_a_start_runs_to_the_next_timed_block():
    data = {
        "blocks": [
            {"kind": "turn", "speaker": "Ana", "text": "One.", "line": 1, "start": 62.0},
            {"kind": "turn", "speaker": "Ben", "text": "Two.", "line": 2, "start": 70.5},
            {"kind": "stage_direction", "text": "(music)", "line": 3, "start": 75.0},
            {"kind": "turn", "speaker": "Ana", "text": "Three.", "line": 4, "start": 80.0},
        ]
    }
    report = transcripts.stats(Transcript.from_dict(data))
    assert report.speaker("Ana")["talk_seconds"] == 8.5  # the last turn has no known end
    assert report.speaker("Ben")["talk_seconds"] == 4.5


def test_no_times_means_no_talk_time(seed_report):
    assert seed_report.speaker("Lukashenko")["talk_seconds"] is None
    assert seed_report.totals["talk_share"] is None


def test_declared_speakers_without_turns_get_a_row():
    report = transcripts.stats(document(turn("Ana", "Hi."), speakers=("Ana", "Ben")))
    ben = report.speaker("Ben")
    assert (ben["turns"], ben["words"], ben["words_per_turn_mean"]) == (0, 0, None)
    assert report.totals["speakers"] == 1


def test_several_transcripts_combine_by_speaker_name():
    one = document(turn("Ana", "One two three.", 5), turn("Ben", "Yes.", 6))
    two = Transcript(blocks=[turn("Ana", "Four five six seven.", 2)], source="two.json")
    report = transcripts.stats([one, two])
    ana = report.speaker("Ana")
    assert (ana["turns"], ana["words"]) == (2, 7)
    assert (ana["longest_turn_line"], ana["longest_turn_path"]) == (2, "two.json")
    assert report.totals["files"] == 2


def test_sort_and_only():
    doc = document(turn("Ana", "a b c"), turn("Ben", "a"), turn("Cy", "a b c d"), turn("Ben", "b"))
    assert [r["speaker"] for r in transcripts.stats(doc).speakers] == ["Cy", "Ana", "Ben"]
    by_turns = transcripts.stats(doc, sort="turns")
    assert by_turns.speakers[0]["speaker"] == "Ben"
    by_name = transcripts.stats(doc, sort="speaker", reverse=True)
    assert [r["speaker"] for r in by_name.speakers] == ["Cy", "Ben", "Ana"]
    only = transcripts.stats(doc, only=["cy"])
    assert [r["speaker"] for r in only.speakers] == ["Cy"]
    assert only.totals["words"] == 9  # the totals still count everyone


def test_an_unknown_sort_field_is_a_clear_error():
    with pytest.raises(TranscriptError, match=r"unknown field 'wordz'.*words"):
        transcripts.stats(document(turn("Ana", "Hi.")), sort="wordz")


def test_stats_is_a_function_whatever_was_imported_first():
    # The engine is the `statistics` package, so no import rebinds `transcripts.stats`.
    importlib.import_module("transcripts.statistics.render")

    assert inspect.isfunction(transcripts.stats)
    assert transcripts.stats(document(turn("Ana", "Hi."))).totals["words"] == 1
