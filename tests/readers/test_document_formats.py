"""ELAN, Praat TextGrid, TTML, SBV, podcast HTML, CHAT and Word: read from fixtures written
here (modelled on each format's documented shape), written and read back, by our
readers and by real clients (pympi, praatio, python-docx)."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from transcripts import parse, read, write
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format, guess_format
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.model import Transcript
from transcripts.options import WriteOptions

FIXTURES = Path(__file__).parent / "format_fixtures"


def _said(transcript: Transcript) -> list[tuple[str, str | None, str, float | None]]:
    return [(b.kind, b.speaker, b.text, b.start) for b in transcript.blocks]


READS = {
    "interview.eaf": (
        "eaf",
        [
            ("turn", "Ana Ruiz", "How did it start?", 0.5),
            ("turn", "Ben", "With a letter & a phone call.", 2.3),
            ("turn", "Ana Ruiz", "I see.", 4.2),
        ],
    ),
    "interview-short.TextGrid": (
        "textgrid",
        [("turn", "Ana Ruiz", 'How did it "start"?', 0.5), ("turn", "Ben", "With a letter.", 2.3)],
    ),
    "interview.sbv": (
        "sbv",
        [
            ("turn", "ANA", "How did it start?", 0.5),
            ("turn", "BEN", "With a letter, and a phone call.", 2.3),
            ("stage_direction", None, "[laughter]", 4.2),
        ],
    ),
    "interview.html": (
        "podcast-html",
        [
            ("turn", "Ana Ruiz", "How did it start?", 0.0),
            ("turn", "Ben", "With a letter & a phone call. Then more letters.", 2.0),
        ],
    ),
    "apple-podcasts.ttml": (
        "ttml",
        [
            ("turn", "Ana Ruiz", "Hello there. Welcome.", 0.5),
            ("turn", "SPEAKER_2", "Thanks Ana.", 3.8),
        ],
    ),
    "captions.ttml": (
        "ttml",
        [
            ("unattributed", None, "Good evening and welcome.", 1.0),
            ("stage_direction", None, "[applause]", 3.5),  # 35,000,000 ticks of 10 MHz
            ("turn", "host", "Our guest tonight", 5.5),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(READS))
def test_each_format_is_recognised_and_read(name):
    fmt, expected = READS[name]
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    assert guess_format(str(path), text).name == fmt
    assert guess_format("-", text).name == fmt  # standard input: by content
    assert _said(read(path)) == expected


def test_ttml_keeps_line_breaks_frames_and_apple_word_spans():
    captions = read(FIXTURES / "captions.ttml")
    assert captions.blocks[0].pieces[0].text == "Good evening\nand welcome."
    assert captions.blocks[0].end == 3.48  # 00:00:03:12 at 25 frames a second
    assert captions.title == "An interview"
    apple = read(FIXTURES / "apple-podcasts.ttml")
    words = apple.blocks[0].pieces[0].words
    assert [(w.text, w.start, w.end) for w in words] == [("Hello", 0.5, 0.9), ("there.", 0.9, 2.0)]


def test_elan_dependent_tiers_are_not_speakers_and_are_counted():
    losses = Losses()
    from transcripts.options import ReadOptions

    source = SourceText((FIXTURES / "interview.eaf").read_text(), "x.eaf")
    transcript = get_format("eaf").read(source, ReadOptions(losses=losses))
    assert [s.name for s in transcript.speakers] == ["Ana Ruiz", "Ben"]
    assert losses.summary() == "1 annotation on dependent tiers"


def test_an_unaligned_elan_annotation_keeps_its_place_in_the_conversation():
    # ELAN allows a time slot without TIME_VALUE; TIME_ORDER still says where it falls.
    text = (FIXTURES / "interview.eaf").read_text()
    text = text.replace('TIME_SLOT_ID="ts1" TIME_VALUE="500"', 'TIME_SLOT_ID="ts1"')
    transcript = get_format("eaf").read(SourceText(text, "x.eaf"))
    assert _turns(transcript) == [
        ("Ana Ruiz", "How did it start?"),  # was moved after "I see.", at the very end
        ("Ben", "With a letter & a phone call."),
        ("Ana Ruiz", "I see."),
    ]
    assert transcript.blocks[0].start is None and transcript.blocks[1].start == 2.3


def test_an_elan_annotation_naming_a_missing_time_slot_is_one_line(runner, tmp_path):
    text = (FIXTURES / "interview.eaf").read_text()
    path = tmp_path / "broken.eaf"
    path.write_text(text.replace('TIME_SLOT_REF1="ts1"', 'TIME_SLOT_REF1="nope"'), "utf-8")
    result = runner.invoke(cli, ["convert", str(path), "-t", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"transcripts: {path}: annotation 'a1' refers to time slot 'nope', which TIME_ORDER "
        "does not hold\n"
    )


def test_textgrid_point_tiers_are_counted_as_lost():
    losses = Losses()
    from transcripts.options import ReadOptions

    source = SourceText((FIXTURES / "interview-short.TextGrid").read_text(), "x")
    get_format("textgrid").read(source, ReadOptions(losses=losses))
    assert losses.summary() == "1 point of point tiers"


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("eaf", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>', "entity"),
        ("ttml", '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><tt>&x;</tt>', "entity"),
        ("eaf", "<ANNOTATION_DOCUMENT><TIER>", "invalid XML"),
        (
            "ttml",
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="soon">x</p></body></tt>',
            "bad TTML time",
        ),
        ("textgrid", 'File type = "ooTextFile"\nObject class = "TextGrid"\n0\n', "ends where"),
        ("sbv", "0:00:01.000 0:00:02.000\nhi\n", "expected a cue timing"),
    ],
)
def test_malformed_or_hostile_files_are_one_line_errors(fmt, text, message):
    with pytest.raises(TranscriptError, match=message) as error:
        get_format(fmt).read(SourceText(text, "x"))
    assert "\n" not in str(error.value)


# Writers, read back by our readers and by real clients.


@pytest.fixture(scope="module")
def captions() -> Transcript:
    return read(corpus_file("captions-ableplayer-uw-itaccess-en.vtt"))


def _turns(transcript: Transcript) -> list[tuple[str | None, str]]:
    return [(b.speaker, " ".join(b.text.split())) for b in transcript.turns()]


@pytest.mark.parametrize("fmt", ["eaf", "textgrid", "podcast-html", "cha", "docx"])
def test_each_writer_is_read_back_with_its_speakers_and_words(fmt, captions):
    output = write(captions, fmt)
    source = (
        SourceText("", "x", data=output) if isinstance(output, bytes) else SourceText(output, "x")
    )
    back = get_format(fmt).read(source)
    assert _turns(back) == _turns(captions)
    assert [b.start for b in back.turns()][:3] == [
        int(b.start) if fmt == "docx" else b.start for b in list(captions.turns())[:3]
    ]


@pytest.mark.parametrize("fmt", ["eaf", "textgrid"])
def test_tier_formats_keep_every_cue_to_the_millisecond(fmt, captions):
    back = get_format(fmt).read(SourceText(write(captions, fmt), "x"))
    cues = [(p.start, p.end) for b in captions.blocks for p in b.pieces]
    assert [(p.start, p.end) for b in back.blocks for p in b.pieces] == cues


def test_pympi_reads_our_elan_file(tmp_path, captions):
    pympi = pytest.importorskip("pympi")
    path = tmp_path / "a.eaf"
    path.write_text(write(captions, "eaf"), encoding="utf-8")
    eaf = pympi.Elan.Eaf(str(path))
    assert eaf.get_tier_names() == dict.fromkeys(s.name for s in captions.speakers).keys()
    first = sorted(eaf.get_annotation_data_for_tier("Michael Young"))[0]
    assert first[:3] == (
        599,
        4069,
        "We are committed to the notion that everyone should have an opportunity",
    )


def test_praatio_reads_our_textgrid(tmp_path, captions):
    textgrid = pytest.importorskip("praatio.textgrid")
    path = tmp_path / "a.TextGrid"
    path.write_text(write(captions, "textgrid"), encoding="utf-8")
    grid = textgrid.openTextgrid(str(path), includeEmptyIntervals=False)
    assert grid.tierNames == tuple(s.name for s in captions.speakers)
    entry = grid.getTier("Tracy Mitrano").entries[0]
    assert (entry.start, entry.end, entry.label) == (
        43.719,
        45.899,
        "We're a leading university globally.",
    )


def test_python_docx_reads_our_word_document(captions):
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(write(captions, "docx")))
    first = document.paragraphs[0]
    assert first.runs[0].bold and first.runs[0].text == "Michael Young:"
    assert first.text.startswith("Michael Young: [00:00:00] We are committed")
    assert len(document.paragraphs) == len(list(captions.turns()))


def test_a_word_document_people_made_reads_with_its_conventions(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Interview with Ana", level=1)
    for speaker, time, text in [
        ("Speaker 1", "00:00:05", "Thanks for coming."),
        ("Speaker 2", "00:00:09", "Happy to be here."),
        ("Speaker 1", "00:00:14", "Let's start."),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{speaker} ({time}):")
        paragraph.add_run(f" {text}")
    path = tmp_path / "rev.docx"
    document.save(str(path))
    transcript = read(path)
    assert transcript.blocks[0].kind == "heading"
    assert [(b.speaker, b.text, b.start) for b in transcript.turns()] == [
        ("Speaker 1", "Thanks for coming.", 5.0),
        ("Speaker 2", "Happy to be here.", 9.0),
        ("Speaker 1", "Let's start.", 14.0),
    ]


def test_bold_names_in_a_word_document_are_speakers(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for speaker, text in [("Ana Ruiz", "Hello."), ("Ben", "Hi there."), ("Ana Ruiz", "Bye.")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{speaker}: ").bold = True
        paragraph.add_run(text)
    path = tmp_path / "bold.docx"
    document.save(str(path))
    assert [(b.speaker, b.text) for b in read(path).turns()] == [
        ("Ana Ruiz", "Hello."),
        ("Ben", "Hi there."),
        ("Ana Ruiz", "Bye."),
    ]


def test_a_word_document_from_standard_input_is_recognised(runner, captions):
    data = write(captions, "docx")
    result = runner.invoke(cli, ["convert", "-", "-t", "text"], input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("**Michael Young:** [00:00:00] We are committed")


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "a.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TranscriptError, match=r"no word/document\.xml"):
        read(path)


def test_without_python_docx_the_error_says_how_to_install_it(monkeypatch, tmp_path, captions):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(TranscriptError, match=r"pip install 'interview-transcripts\[docx\]'"):
        write(captions, "docx")


def test_a_word_document_is_never_written_to_a_terminal(monkeypatch, captions):
    from transcripts.io import write_output

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(TranscriptError, match="binary file"):
        write_output(b"PK", None)


def test_chat_written_from_captions_reads_back_as_chat(tmp_path, captions):
    text = write(captions, "cha")
    assert text.startswith("@UTF8\n@Begin\n@Languages:\teng\n@Participants:\tMIC Michael_Young")
    assert "*MIC:\tWe are committed" in text and "\x15599_" in text
    back = parse(text, format="cha")
    assert back.speakers[0].aliases == ("MIC",)


def test_chat_round_trip_keeps_codes_and_bullets():
    original = (
        "@UTF8\n@Begin\n@Languages:\teng\n@Participants:\tCHI Eve Target_Child, MOT Mother\n"
        "*CHI:\tmore cookie . \x15100_900\x15\n*MOT:\tyou want more ? \x151000_2000\x15\n@End\n"
    )
    back = parse(write(parse(original, format="cha"), "cha"), format="cha")
    assert [(b.speaker, b.text, b.start, b.end) for b in back.turns()] == [
        ("Eve", "more cookie .", 0.1, 0.9),
        ("Mother", "you want more ?", 1.0, 2.0),
    ]
    assert [s.aliases for s in back.speakers] == [("CHI",), ("MOT",)]


def test_podcast_html_escapes_and_names_each_change_of_speaker():
    transcript = parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>1 &lt; 2\n", format="vtt")
    html = write(transcript, "podcast-html")
    assert "<cite>Ana:</cite>\n<time>00:01.000</time>\n<p>1 &lt; 2</p>" in html
    assert json.dumps(_turns(parse(html, format="podcast-html"))) == json.dumps([["Ana", "1 < 2"]])


def test_a_lossy_document_conversion_says_what_it_lost(captions):
    losses = Losses()
    get_format("docx").write(captions, WriteOptions(losses=losses))
    assert "the times of 94 cues or segments" in losses.summary()
