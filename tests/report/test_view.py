"""What the report draws and where it puts things, checked on the data it renders from:
the timeline's geometry, the palette, the share bars and the placing of findings."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import transcripts
from tests.conftest import SEED, corpus_files
from transcripts.linter import Finding, Location, Severity
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.report.charts import VIEW_WIDTH, spoken_words
from transcripts.report.page import _CONTROL, _VISIBLE_CONTROLS
from transcripts.report.palette import OKABE_ITO, speaker_style
from transcripts.report.view import document_view
from transcripts.words import count_words


def _view(t: Transcript, findings=()):
    return document_view(t, transcripts.stats(t), list(findings))


def _turn(speaker, text, line, start=None, end=None):
    return Block(Kind.TURN, text, line, line, speaker=speaker, start=start, end=end)


def _timed(blocks):
    return Transcript(blocks=blocks, speakers=[Speaker("Ana"), Speaker("Ben")], source="t.vtt")


def test_an_untimed_transcript_is_drawn_by_word_position():
    view = _view(transcripts.read(SEED))
    timeline = view.timeline
    assert not timeline.by_time and timeline.ticks[0] == "0" and timeline.ticks[-1] == "698"
    segments = sorted((s for row in timeline.rows for s in row.segments), key=lambda s: s.x)
    assert len(segments) == 21 and segments[0].x == 0
    for before, after in itertools.pairwise(segments):  # turns follow each other, no gaps
        assert abs(before.x + before.width - after.x) < 0.02
    assert abs(segments[-1].x + segments[-1].width - VIEW_WIDTH) < 0.02
    # The longest turn (line 23, 73 words) is the widest segment.
    assert max(segments, key=lambda s: s.width).target == "L23"


def test_a_timed_transcript_is_drawn_by_time():
    t = _timed([_turn("Ana", "Hello there.", 1, 10.0, 20.0), _turn("Ben", "Hi.", 2, 30.0, 50.0)])
    view = _view(t)
    assert view.timeline.by_time and view.timeline.ticks == ["0:10", "0:20", "0:30", "0:40", "0:50"]
    ana, ben = view.timeline.rows
    assert [(s.x, s.width) for s in ana.segments] == [(0.0, 250.0)]
    assert [(s.x, s.width) for s in ben.segments] == [(500.0, 500.0)]
    assert view.duration == "0:40"
    assert "0:30" in ben.segments[0].label and "Hi." in ben.segments[0].label


def test_a_turn_without_an_end_lasts_until_the_next_timed_block():
    t = _timed(
        [
            _turn("Ana", "One.", 1, 0.0),
            Block(Kind.STAGE_DIRECTION, "(laughs)", 2, 2, start=6.0),
            _turn("Ben", "Two.", 3, 8.0, 10.0),
        ]
    )
    ana, ben = _view(t).timeline.rows
    assert [(s.x, s.width) for s in ana.segments] == [(0.0, 600.0)]
    assert [(s.x, s.width) for s in ben.segments] == [(800.0, 200.0)]


def test_a_transcript_with_some_untimed_turns_is_drawn_by_words():
    t = _timed([_turn("Ana", "One two.", 1, 0.0, 1.0), _turn("Ben", "Three.", 2)])
    view = _view(t)
    assert not view.timeline.by_time and view.duration is None


def test_turns_narrower_than_a_pixel_merge_into_one_path_per_speaker():
    names = ["Ana", "Ben", "Cy"]
    blocks = [_turn(names[i % 3], "word " * (400 if i == 7 else 1), i + 1) for i in range(6000)]
    t = Transcript(blocks=blocks, speakers=[Speaker(n) for n in names], source="long.txt")
    rows = _view(t).timeline.rows
    assert [row.turns for row in rows] == [2000, 2000, 2000]
    assert [len(row.segments) for row in rows] == [0, 1, 0]  # only the long turn alone
    for row in rows:
        merged = row.merged
        assert merged is not None and merged.path.startswith("M")
        assert len(merged.targets.split()) == len(merged.xs.split()) == merged.count
        assert merged.path.count("z") <= VIEW_WIDTH // 2 + 1  # a path per run, not per turn


def test_speakers_get_okabe_ito_colours_then_patterned_fills():
    styles = [speaker_style(i) for i in range(32)]
    assert [s.colour for s in styles[:8]] == list(OKABE_ITO) and len(set(OKABE_ITO)) == 8
    assert all(s.fill == "solid" and s.pattern_id is None for s in styles[:8])
    assert styles[8].colour == styles[0].colour and styles[8].fill == "hatched"
    assert len({(s.colour, s.fill) for s in styles}) == 32


def test_share_bars_are_the_stats_shares():
    t = transcripts.read(SEED)
    report = transcripts.stats(t)
    view = _view(t)
    for row in view.share:
        record = report.speaker(row.record["speaker"])
        assert row.words_bar == record["words_share"]
        assert row.turns_bar == record["turns_share"]
    assert [row.record["speaker"] for row in view.share] == ["Lukashenko", "Interviewer"]
    assert view.share[1].questions_bar == 100.0  # the interviewer asked all 9


def test_each_finding_sits_on_the_block_that_holds_its_line():
    t = Transcript(
        blocks=[
            Block(Kind.TURN, "a\n\nb\n\nc", 1, 5, speaker="Ana"),
            Block(Kind.TURN, "d", 8, 8, speaker="Ben"),
        ],
        speakers=[Speaker("Ana"), Speaker("Ben")],
        source="x.txt",
    )
    findings = [
        Finding("x.txt", 3, 1, 3, "TR201", "duplicate-passage", Severity.WARNING, "m",
                related=(Location("x.txt", 8, 1), Location("x.txt", 4, 1))),
        Finding("x.txt", 7, 1, 7, "TR101", "orphaned-passage", Severity.WARNING, "between"),
        Finding("x.txt", 0, 1, 0, "TR302", "encoding", Severity.ERROR, "nowhere"),
    ]  # fmt: skip
    view = _view(t, findings)
    first, second = view.chunks[0].blocks
    assert first.id == "L1" and [f.code for f in first.findings] == ["TR201", "TR101"]
    assert first.anchors == ["L3", "L4", "L7"] and second.anchors == []
    assert first.lines == "1–5" and second.lines == "8"
    assert [f.placed for f in view.findings] == [True, True, False]
    assert view.findings[0].related == [8, 4]


_PIECES = [*"ab Z9'’-.,?!()[]{}\n\t—xX", "laughter", "inaudible", "http://a.b/c", "日本"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_TEXT)
def test_the_timeline_counts_words_as_the_words_module_does(text):
    assert spoken_words(text) == count_words(text)


def test_the_timeline_counts_the_corpus_words_as_the_words_module_does():
    for path in [SEED, *corpus_files()]:
        for block in transcripts.read(path).turns():
            assert spoken_words(block.text) == count_words(block.text), (path, block.line)


def test_the_control_pattern_finds_exactly_the_characters_made_visible():
    found = {code for code in range(0x110) if _CONTROL.match(chr(code))}
    assert found == set(_VISIBLE_CONTROLS)
