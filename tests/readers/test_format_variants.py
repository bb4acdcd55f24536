"""Variants of the caption and tier formats that real tools write (DFXP's draft
namespaces, TTML agents on spans, frames with sub-frames, ...): each a fixture written
here from the format's specification, read into the right speakers, text and times."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcripts import convert, read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format, guess_format
from transcripts.io import SourceText
from transcripts.model import Transcript
from transcripts.readers import srt, textgrid, ttml, vtt

FIXTURES = Path(__file__).parent / "format_fixtures"


def _said(transcript: Transcript) -> list[tuple[str, str | None, str, float | None, float | None]]:
    return [(b.kind, b.speaker, b.text, b.start, b.end) for b in transcript.blocks]


def test_ttml_agents_on_spans_name_the_speaker_and_cut_a_shared_subtitle():
    transcript = read(FIXTURES / "ttml-span-agents.ttml")
    assert _said(transcript) == [
        ("turn", "Ana Ruiz", "How did it start?", 1.0, 4.0),  # nested div's begin counts
        ("turn", "Ben Okafor", "With a letter.", 4.5, 6.326),  # the time shared by length
        ("turn", "Ana Ruiz", "A letter?", 6.326, 7.5),
        ("turn", "Ben Okafor", "Yes, a letter.", 8.0, 10.0),  # the agent on the <p>
    ]
    assert transcript.blocks[0].pieces[0].text == "How did it\nstart?"
    assert [s.inferred for s in transcript.speakers] == [False, False]


def test_dfxp_in_a_draft_namespace_reads_its_frame_rate_sub_frames_and_name_prefixes():
    path = FIXTURES / "dfxp-draft-namespace.dfxp"
    assert guess_format("-", path.read_text(encoding="utf-8")).name == "ttml"
    assert _said(read(path)) == [
        ("turn", "NARRATOR", "It began with a letter.", 1.48, 3.0),  # 12 frames at 25 a second
        ("turn", "GUEST", "A short one.", 3.02, 5.0),  # frame 0, sub-frame .5
        ("turn", "NARRATOR", "How short?", 5.0, 6.0),
        ("stage_direction", None, "[laughter]", 6.0, 7.0),  # ticks are frames here
    ]


@pytest.mark.parametrize(
    ("parameters", "seconds"),
    [
        ("", 90.0),  # no tick rate and no frame rate: a tick is a second
        ('ttp:frameRate="30" ttp:subFrameRate="2"', 1.5),  # ticks are sub-frames
        ('ttp:tickRate="60"', 1.5),
    ],
)
def test_ttml_tick_rate_defaults_as_the_specification_says(parameters, seconds):
    document = (
        '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
        f'{parameters}><body><p begin="90t" end="200t">Hello.</p></body></tt>'
    )
    assert ttml.read(SourceText(text=document)).blocks[0].start == seconds


def test_ttml_without_agents_keeps_unmarked_text_and_its_word_spans():
    document = (
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s" end="3s">'
        '<span begin="1s" end="2s">Hello</span> <span begin="2s" end="3s">there:</span>'
        "</p></body></tt>"
    )
    (block,) = ttml.read(SourceText(text=document)).blocks
    assert (block.kind, block.text) == ("unattributed", "Hello there:")
    assert [w.text for w in block.pieces[0].words] == ["Hello", "there:"]


def test_elan_annotations_on_an_unaligned_time_slot_stay_in_time_order():
    # ts2 has no value: "How did" ends and "it start?" begins at an unaligned boundary.
    transcript = read(FIXTURES / "eaf-unaligned-slots.eaf")
    assert _said(transcript) == [
        ("turn", "Ana Ruiz", "How did it start?", 1.0, 3.0),
        ("turn", "Ben Okafor", "With a letter.", 3.5, 5.0),
        ("turn", "Ana Ruiz", "I see.", 5.5, 7.0),
    ]
    assert [(p.start, p.end) for p in transcript.blocks[0].pieces] == [(1.0, None), (None, 3.0)]


def test_captions_from_unaligned_pieces_say_why_their_times_were_cut_again():
    lost = " ".join(convert(read(FIXTURES / "eaf-unaligned-slots.eaf"), "srt").losses.phrases())
    assert "the cue times of 1 block with a piece of no start or end" in lost
    assert "no longer matches" not in lost


def test_textgrid_tiers_that_subdivide_another_are_no_speakers():
    # The Montreal Forced Aligner's shape: "<speaker> - words" and "<speaker> - phones".
    transcript = read(FIXTURES / "mfa-words-phones.TextGrid")
    assert _said(transcript) == [
        ("turn", "Ana", "hello there", 0.5, 1.3),
        ("turn", "Ben", "hi ana", 2.0, 3.0),
    ]
    lost = " ".join(convert(FIXTURES / "mfa-words-phones.TextGrid", "text").losses.phrases())
    assert "10 intervals of tiers that subdivide another" in lost


def test_textgrid_words_and_phones_of_one_speaker_name_no_speaker():
    # MFA names a lone speaker's tiers for their levels: "words" is not a speaker.
    transcript = read(FIXTURES / "mfa-one-speaker.TextGrid")
    assert _said(transcript) == [("unattributed", None, "hello there friend", 0.5, 2.1)]
    assert transcript.speakers == []
    # WebMAUS's words (ORT-MAU) over its phones (MAU): the same shape, other names.
    grid = (FIXTURES / "mfa-one-speaker.TextGrid").read_text(encoding="utf-8")
    grid = grid.replace('"words"', '"ORT-MAU"').replace('"phones"', '"MAU"')
    assert [b.speaker for b in textgrid.read(SourceText(text=grid)).blocks] == [None]


def _text_grid(duration: float, *tiers: tuple[str, list[tuple[float, float, str]]]) -> str:
    """A long-format TextGrid of interval tiers, each (name, [(start, end, text)])."""
    head = 'File type = "ooTextFile"\nObject class = "TextGrid"\n\n'
    out = [f"{head}0\n{duration}\n<exists>\n{len(tiers)}\n"]
    for name, intervals in tiers:
        rows = "".join(f'{a}\n{b}\n"{t}"\n' for a, b, t in intervals)
        out.append(f'"IntervalTier"\n"{name}"\n0\n{duration}\n{len(intervals)}\n{rows}')
    return "".join(out)


def test_textgrid_speakers_taking_turns_on_shared_boundaries_are_both_kept():
    # Ana 0-2 and 4-6, Ben 2-4: Ben's tier has every edge of Ana's, but fewer intervals
    # with text, and Ana's are not inside his: two speakers, not a word and its phones.
    grid = _text_grid(
        6,
        ("Ana", [(0, 2, "One."), (2, 4, ""), (4, 6, "Three.")]),
        ("Ben", [(0, 2, ""), (2, 4, "Two."), (4, 6, "")]),
    )
    transcript = textgrid.read(SourceText(text=grid))
    assert [(b.speaker, b.text) for b in transcript.blocks] == [
        ("Ana", "One."),
        ("Ben", "Two."),
        ("Ana", "Three."),
    ]


def test_rttm_with_other_line_types_extra_columns_and_confidences_reads_its_speaker_lines():
    transcript = read(FIXTURES / "pyannote-extra-columns.rttm")
    assert [(b.speaker, b.start, b.end, len(b.pieces)) for b in transcript.blocks] == [
        ("spk00", 0.5, 2.0, 1),
        ("spk01", 2.0, 3.5, 2),
        ("spk00", 4.0, 5.0, 1),  # an eleventh field is no error
    ]


def test_rttm_of_several_recordings_is_refused_with_the_recordings_it_holds(runner):
    result = runner.invoke(cli, ["parse", str(FIXTURES / "two-recordings.rttm")])
    assert result.exit_code == 2
    assert "holds the diarisations of 2 recordings ('rec1', 'rec2')" in result.output


def test_youtube_auto_captions_fold_and_time_the_first_word_under_the_repeated_line():
    transcript = read(FIXTURES / "youtube-auto-captions.vtt")
    assert transcript.metadata == {"kind": "captions", "language": "en"}
    said, music = transcript.blocks
    assert said.text == "so today we're going to talk about captions"
    assert music.kind == "stage_direction"
    second = said.pieces[1]
    assert second.text == "to talk about captions"
    # "to" opens the cue's new line: said as the cue begins, not at an unknown time
    assert [(w.text, w.start, w.end) for w in second.words][:2] == [
        ("to", 2.48, 2.8),
        ("talk", 2.8, 3.1),
    ]


def test_webvtt_hls_header_field_keeps_its_name_and_value():
    document = (
        "WEBVTT\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:900000\n\n"
        "00:00:01.000 --> 00:00:02.000\n<v Ana>Hello.\n"
    )
    transcript = vtt.read(SourceText(text=document))
    assert transcript.metadata == {"x-timestamp-map": "LOCAL:00:00:00.000,MPEGTS:900000"}


def test_subrip_cue_with_two_speakers_lines_is_cut_at_the_second_name():
    # "ANA: Hello." over "BEN: Hi there." in one cue, and SDH's dashes before the names
    transcript = read(FIXTURES / "two-speakers-in-a-cue.srt")
    assert [(b.speaker, b.text, b.start, b.end) for b in transcript.blocks] == [
        ("ANA", "Hello.", 1.0, 1.8),  # the cue's time shared out by length
        ("BEN", "Hi there.", 1.8, 3.0),
        ("ANA", "How are you? Fine?", 3.0, 5.0),
        ("BEN", "Fine.", 5.0, 6.0),
    ]


def test_a_dialogue_dash_without_a_name_stays_in_the_text():
    document = (
        "1\n00:00:01,000 --> 00:00:02,000\nANA: Hello.\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nBEN: Hi.\n- Note: a dash, no name.\n"
    )
    transcript = srt.read(SourceText(text=document))
    assert [(b.speaker, b.text) for b in transcript.blocks] == [
        ("ANA", "Hello."),
        ("BEN", "Hi. - Note: a dash, no name."),
    ]


def test_csv_with_drop_frame_timecodes_reads_them_at_29_97_frames():
    # Premiere Pro's transcript export: "00;00;03;12", frames 0 to 29
    transcript = read(FIXTURES / "premiere-timecodes.csv")
    assert _said(transcript) == [
        ("turn", "Speaker 1", "Hello there.", 0.0, 3.4),
        ("turn", "Speaker 2", "Hi, how are you?", 3.4, 5.0),
    ]


def test_csv_timecodes_frame_rate_is_inferred_from_the_highest_frame():
    # a semicolon-separated table (a BOM, a European spreadsheet) of 00:00:02:10 timecodes
    transcript = read(FIXTURES / "timecodes-semicolon-separated.csv")
    assert [(b.speaker, b.start, b.end) for b in transcript.blocks] == [
        ("Ana", 1.0, 2.416667),  # 10 frames at 24 a second: the highest frame is 10
        ("Ben", 2.416667, 4.0),
    ]


def test_textgrid_backchannels_inside_a_whole_file_turn_are_a_speaker_of_their_own():
    # Ana's one turn runs from the file's start to its end, so every edge of hers is one
    # of Ben's too, and his "mm-hm"s lie inside it; but they cover little of her turn.
    grid = _text_grid(
        10,
        ("Ana", [(0, 10, "A long answer.")]),
        ("Ben", [(0, 3, ""), (3, 3.5, "mm-hm"), (3.5, 6, ""), (6, 6.5, "right"), (6.5, 10, "")]),
    )
    transcript = textgrid.read(SourceText(text=grid))
    assert [s.name for s in transcript.speakers] == ["Ana", "Ben"]


def test_webvtt_saved_as_srt_and_subrip_saved_as_vtt_are_read_as_what_they_hold(tmp_path):
    assert guess_format(str(FIXTURES / "webvtt-named.srt"), "WEBVTT\n\n").name == "vtt"
    named = read(FIXTURES / "webvtt-named.srt")
    assert [(b.speaker, b.text) for b in named.blocks] == [("Ana", "Hello."), ("Ben", "Hi.")]
    subrip = tmp_path / "subrip.vtt"
    subrip.write_text("1\n00:00:01,000 --> 00:00:02,000\nANA: Hello.\n", encoding="utf-8")
    assert [(b.speaker, b.text) for b in read(subrip).blocks] == [("ANA", "Hello.")]
    # a file its own reader recognises stays its own, and so does one nobody recognises
    assert guess_format("x.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n").name == "srt"
    assert guess_format("x.vtt", "not captions at all").name == "vtt"


def test_chat_round_trip_keeps_participants_roles_ids_and_pid():
    # "CHI Target_Child" declares a role without a name; @ID lines carry age and sex.
    transcript = read(FIXTURES / "chat-roles-and-ids.cha")
    assert [s.name for s in transcript.speakers] == ["Target Child", "Mother", "Ana Ruiz"]
    conversion = convert(transcript, "cha")
    written = conversion.output.splitlines()
    assert written[:7] == [
        "@UTF8",
        "@PID:\t11312/c-00016447-1",
        "@Begin",
        "@Languages:\teng",
        "@Participants:\tCHI Target_Child, MOT Mother, INV Ana_Ruiz Investigator",
        "@ID:\teng|macwhinney|CHI|2;06.|male|||Target_Child|||",
        "@ID:\teng|macwhinney|MOT|||||Mother|||",
    ]
    assert written[7] == "@ID:\teng|transcripts|INV|||||Investigator|||"  # none was given
    assert conversion.losses.phrases() == []  # the writer keeps what the reader gave it


def test_podcast_json_with_clock_times_for_seconds_is_read():
    transcript = read(FIXTURES / "podcast-clock-times.json")
    assert [(b.speaker, b.start, b.end) for b in transcript.blocks] == [
        ("Ana", 1.0, 2.5),
        ("Ben", 2.6, 3.0),
    ]


def test_srt_blank_lines_between_a_cue_number_and_its_timing_leave_the_number_out():
    path = FIXTURES / "srt-blank-line-after-number.srt"
    assert guess_format("-", path.read_text(encoding="utf-8")).name == "srt"
    transcript = read(path)
    assert _said(transcript) == [
        ("turn", "Ana", "How did it start?", 1.0, 3.0),  # not "How did it start? 2"
        ("turn", "Ben", "With a letter.", 3.5, 5.0),
        ("turn", "Ana", "A letter?", 5.5, 7.0),
    ]
    assert [(b.line, b.end_line) for b in transcript.blocks] == [(4, 4), (9, 9), (15, 15)]


def test_webvtt_ruby_text_is_a_reading_not_words_of_the_cue():
    # `</rt>` may be left out before `</ruby>`; classes (`<rt.reading>`) change nothing.
    transcript = read(FIXTURES / "webvtt-ruby.vtt")
    assert _said(transcript) == [
        ("turn", "Aiko", "漢字を読みます。", 1.0, 3.0),
        ("turn", "Ben", "Good: 東京.", 3.5, 5.0),
        ("turn", "Aiko", "日本です。", 5.5, 7.0),
    ]
    lost = " ".join(convert(FIXTURES / "webvtt-ruby.vtt", "text").losses.phrases())
    assert "ruby text (readings over the words) of 3 cues" in lost


def test_webvtt_ruby_text_without_voice_spans_and_across_lines_is_left_out():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<ruby>漢<rt>か\nん</rt></ruby>字\nです\n"
    (block,) = vtt.read(SourceText(text=text)).blocks
    assert (block.speaker, block.text) == (None, "漢字 です")  # the break was the reading's
    assert (block.line, block.end_line) == (4, 6)
    # `<rt>` outside `<ruby>` opens no ruby text (the spec ignores the tag): its text stays.
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na<rt>b</rt>c\n"
    assert vtt.read(SourceText(text=text)).blocks[0].text == "abc"


def test_praat_chronological_textgrid_reads_as_the_tier_by_tier_formats_do():
    # Praat's "Save as chronological text file": tier headers, then every tier's
    # intervals and points in time order, each after its tier's number; `!` comments
    # (`! Speaker 2:`) hold numbers that are no tier's.
    path = FIXTURES / "praat-chronological.TextGrid"
    assert guess_format("-", path.read_text(encoding="utf-8")).name == "textgrid"
    assert _said(read(path)) == [
        ("turn", "Ana", 'How did it "start"?', 1.0, 2.5),
        ("turn", "Speaker 2", "With a letter!", 2.5, 4.5),
        ("turn", "Ana", "I see.", 4.5, 6.0),
    ]
    lost = " ".join(convert(path, "text").losses.phrases())
    assert "1 point of point tiers" in lost


def test_praat_chronological_textgrid_naming_a_tier_it_lacks_is_an_error():
    grid = (
        '"Praat chronological TextGrid text file"\n0 1\n1\n"IntervalTier" "Ana" 0 1\n2 0 1\n"hi"\n'
    )
    with pytest.raises(TranscriptError, match="an entry names tier 2, but the file has 1 tier"):
        textgrid.read(SourceText(text=grid))


def test_elan_tiers_of_notes_are_read_as_notes_not_speakers():
    # `Comments` (no PARTICIPANT, named for notes), `A-annotator` (its LINGUISTIC_TYPE is
    # `remark`, though it names a participant) and `Gestures` (its type takes values from
    # a controlled vocabulary: codes, not words) hold no one's speech.
    path = FIXTURES / "eaf-note-tiers.eaf"
    transcript = read(path)
    assert [(b.kind, b.speaker, b.label, b.text, b.start, b.end) for b in transcript.blocks] == [
        ("turn", "Ana Ruiz", None, "How did it start?", 0.5, 2.1),
        ("labelled", None, "Gestures", "nod", 0.5, 2.1),
        ("turn", "Ben", None, "With a letter.", 2.3, 4.0),
        ("labelled", None, "Comments", "phone rings", 3.0, 4.0),
        ("turn", "Ana Ruiz", None, "I see.", 4.2, 5.0),
        ("labelled", None, "A-annotator", "check the date she gives", 5.5, 6.0),
    ]
    assert [s.name for s in transcript.speakers] == ["Ana Ruiz", "Ben"]
    lost = " ".join(convert(path, "srt").losses.phrases())
    tiers = "(Comments, A-annotator, Gestures)"
    assert f"the speaker of 3 annotations on note tiers (read as notes) {tiers}" in lost


def test_textgrid_tiers_of_notes_are_read_as_notes_not_speakers():
    grid = (
        '"Praat chronological TextGrid text file"\n0 4   ! Time domain.\n2   ! Number of tiers.\n'
        '"IntervalTier" "Child" 0 4\n"IntervalTier" "Comments" 0 4\n\n'
        '1 0 2\n"ball"\n\n2 0 2\n"points at the ball"\n\n1 2 4\n"more ball"\n'
    )
    transcript = textgrid.read(SourceText(text=grid))
    assert [(b.kind, b.speaker, b.label, b.text) for b in transcript.blocks] == [
        ("turn", "Child", None, "ball"),
        ("labelled", None, "Comments", "points at the ball"),
        ("turn", "Child", None, "more ball"),
    ]
    assert [s.name for s in transcript.speakers] == ["Child"]


def test_the_ass_and_trs_fixtures_are_the_documents_of_their_tests():
    """The fixture files, which the hostile-input tests mutate, read as their tests say."""
    from tests.readers.test_ass import AEGISUB
    from tests.readers.test_trs import LATIN

    for name, source in (
        ("aegisub-names.ass", SourceText(AEGISUB, "x.ass")),
        ("transcriber-overlap.trs", SourceText("", "x.trs", data=LATIN)),
    ):
        expected = get_format(name.rsplit(".", 1)[1]).read(source).to_dict()
        assert read(FIXTURES / name).to_dict() == {**expected, "source": str(FIXTURES / name)}
