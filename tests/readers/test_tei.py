"""The TEI reader: a DraCor play (cast list, acts and scenes, verse and prose, stage
directions in and between speeches, `who` ids), a ParlaMint sitting (listPerson, the
chair's printed label, a `<seg>` per paragraph) and a timed transcription of speech
(pauses, vocal events, a timeline); `.xml` goes to TEI or TTML by its root; bad input
is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcripts import read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format, guess_format
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.model import Transcript
from transcripts.options import ReadOptions

FIXTURES = Path(__file__).parent / "format_fixtures"
PLAY = FIXTURES / "dracor-play.xml"
SITTING = FIXTURES / "parlamint-sitting.xml"
SPEECH = FIXTURES / "tei-speech.tei"


def _read(text: str, losses: Losses | None = None) -> Transcript:
    return get_format("tei").read(SourceText(text, "play.tei"), ReadOptions(losses=losses))


def _said(transcript: Transcript) -> list[tuple]:
    return [(b.kind, b.speaker or b.label, b.text) for b in transcript.blocks]


def test_a_play_reads_into_speeches_stage_directions_and_headings():
    losses = Losses()
    transcript = _read(PLAY.read_text(encoding="utf-8"), losses)
    assert _said(transcript) == [
        ("heading", None, "Emilia Galotti"),  # the title page
        ("prose", None, "Gotthold Ephraim Lessing"),
        ("heading", None, "Personen."),  # the cast list: a line per cast item
        (
            "prose",
            None,
            "Claudia Galotti, Mutter der Emilia.\nHettore Gonzaga, Prinz von Guastalla.\n"
            "Maler und Diener:\nConti, Maler.\nEin Kammerdiener",
        ),
        ("prose", None, "Die Szene: Guastalla."),
        ("heading", None, "Erster Aufzug"),
        ("heading", None, "Erster Auftritt"),
        ("stage_direction", None, "Ein Kabinett des Prinzen."),  # between speeches
        ("stage_direction", "Der Prinz", "an einem Arbeitstische."),  # inside: the speaker's
        # prose paragraphs by a blank line, the lines of a paragraph joined
        (
            "turn",
            "Der Prinz",
            "Klagen, nichts als Klagen! Bittschriften, nichts als Bittschriften!\n\nEmilia?",
        ),
        ("stage_direction", "Der Prinz", "Er lieset."),  # cuts the speech where it stands
        ("turn", "Der Prinz", "Eine Emilia?"),
        ("turn", "Ein Kammerdiener", "Nein, mein Prinz,\nnoch keiner."),  # verse: a line each
        ("labelled", "Note", "Vers unvollständig."),  # a note: kept after its speech
        ("turn", "Claudia Galotti", "So früh, mein Prinz?\nDie Kunst geht nach Brot."),
        ("heading", None, "Zweiter Auftritt"),
        ("turn", "Conti", "Prinz, die Kunst geht nach Brot."),
        ("turn", "Claudia Galotti", "Gewiß."),
        ("turn", "BEIDE", "Ha!"),  # several at once: named as printed
        ("stage_direction", None, "Sie gehen ab."),
    ]
    assert [b.continued for b in transcript.blocks if b.kind == "turn"] == [
        False, True, False, False, False, False, False,
    ]  # fmt: skip
    # one speaker per character, named as the header lists them (a speech pointing to
    # the id of a person's short name too), the labels as printed (their period or colon
    # stripped) kept as aliases; a role of the cast list names an id the header does not
    # list
    assert [(s.name, s.aliases, s.inferred) for s in transcript.speakers] == [
        ("Der Prinz", ("DER PRINZ",), False),
        ("Ein Kammerdiener", ("DER KAMMERDIENER",), False),
        ("Claudia Galotti", ("CLAUDIA", "CLAUDIA GALOTTI"), False),
        ("Conti", ("CONTI",), False),
        ("BEIDE", (), False),
    ]
    assert transcript.metadata == {
        "title": "Emilia Galotti",
        "author": "Lessing, Gotthold Ephraim",
        "language": "ger",
    }
    assert losses.phrases() == [
        "the place of 1 note inside a speech or paragraph (kept as notes after it)"
    ]


def test_a_speech_whose_id_no_one_lists_is_named_by_its_first_printed_label():
    transcript = _read(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        '<sp who="#ham"><speaker>HAMLET.</speaker><l>To be.</l></sp>'
        '<sp who="#hor"><speaker>Hor.</speaker><l>My lord?</l></sp>'
        '<sp who="people.xml#ham"><speaker>Ham.</speaker><l>Or not.</l></sp>'
        "<sp><speaker>GHOST:</speaker><p>Swear!</p></sp>"
        "<sp><p>Nobody.</p></sp>"
        "</body></text></TEI>"
    )
    assert _said(transcript) == [
        ("turn", "HAMLET", "To be."),
        ("turn", "Hor", "My lord?"),
        ("turn", "HAMLET", "Or not."),
        ("turn", "GHOST", "Swear!"),
        ("unattributed", None, "Nobody."),
    ]
    assert [(s.name, s.aliases) for s in transcript.speakers] == [
        ("HAMLET", ("Ham",)),
        ("Hor", ()),
        ("GHOST", ()),
    ]


def test_a_parlamint_sitting_names_persons_and_keeps_the_printed_labels_as_aliases():
    transcript = read(SITTING)
    assert _said(transcript) == [
        ("heading", None, "REPUBLIKA SLOVENIJA DRŽAVNI ZBOR"),
        ("heading", None, "Nadaljevanje 99. izredne seje"),
        ("labelled", "Note", "Seja se je začela ob 9. uri."),
        (
            "turn",
            "Branko Simonovič",  # forenames before surnames
            "Spoštovane kolegice poslanke in kolegi poslanci! "
            "Začenjam z nadaljevanjem 99. izredne seje.",  # its <seg>s joined by spaces
        ),
        ("turn", "Lidija Apohal Vučković", "Hvala za besedo."),
        # a <kinesic> inside an untimed utterance cuts it, as a <stage> cuts a speech: no
        # word of the speaker's (the rest is the same turn, continued)
        ("stage_direction", None, "[znak za konec razprave]"),
        ("turn", "Lidija Apohal Vučković", "Hvala lepa."),
        ("stage_direction", None, "[Žamor v dvorani.]"),  # a <vocal> between utterances
        ("stage_direction", None, "[SAMPLING]"),  # a <gap>
        ("turn", "Branko Simonovič", "Hvala."),
        ("turn", "ZorčičIgor", "Spoštovani!"),  # a person not listed: the id
    ]
    assert [(s.name, s.aliases) for s in transcript.speakers] == [
        ("Branko Simonovič", ("PODPREDSEDNIK BRANKO SIMONOVIČ", "Predsedujoči")),
        ("Lidija Apohal Vučković", ("LIDIJA APOHAL VUČKOVIĆ (SD)",)),
        ("ZorčičIgor", ("IGOR ZORČIČ (PS NP)",)),
    ]
    # the main title in the document's language
    assert transcript.metadata == {
        "title": "Slovenski parlamentarni korpus ParlaMint-SI, 99. izredna seja (6. 4. 2022)",
        "language": "sl",
    }


def test_a_note_inside_a_paragraph_is_kept_after_it():
    losses = Losses()
    transcript = _read(
        "<TEI><text><body><p>Prologue<note>1799.</note> spoken.</p><sp><speaker>A</speaker>"
        "<p>Hi.</p></sp></body></text></TEI>",
        losses,
    )
    assert _said(transcript) == [
        ("prose", None, "Prologue spoken."),
        ("labelled", "Note", "1799."),
        ("turn", "A", "Hi."),
    ]
    assert losses.phrases() == [
        "the place of 1 note inside a speech or paragraph (kept as notes after it)"
    ]


def test_a_speaker_note_with_no_utterance_after_it_is_kept_as_a_note():
    transcript = _read(
        "<TEI><text><body><u who='#a'>Hi.</u><note type='speaker'>GOSPOD A:</note>"
        "</body></text></TEI>"
    )
    assert _said(transcript) == [("turn", "a", "Hi."), ("labelled", "Note", "GOSPOD A")]


def test_a_transcription_keeps_its_times_pauses_and_vocal_events():
    losses = Losses()
    transcript = get_format("tei").read(
        SourceText(SPEECH.read_text(encoding="utf-8"), "x.tei"), ReadOptions(losses=losses)
    )
    assert [(b.kind, b.speaker or b.label, b.text, b.start, b.end) for b in transcript.blocks] == [
        # seconds and a clock time
        ("turn", "Ann Lee", "Where were you born? [pause] And when?", 0.0, 4.0),
        # pointers to the timeline's <when>s, intervals since its origin
        # (a timed utterance keeps its sounds in its text, as captions do)
        ("turn", "Ben Okafor", "In Lagos, [laughs] in nineteen sixty-one.", 4.5, 9.0),
        ("labelled", "Note", "Date checked with the family.", None, None),
        ("stage_direction", None, "[telephone rings]", None, None),  # an <incident>
        # only a vocal event: a stage direction, its time from synch (an interval since
        # a when that is itself since the origin)
        ("stage_direction", "Ben Okafor", "[coughs]", 9.0, 10.5),
        ("turn", "Ann Lee", "Thank you.", None, None),  # start="later": untimed
    ]
    assert transcript.metadata == {"title": "Oral history interview 12, tape 1", "language": "en"}
    assert losses.phrases() == [
        "the place of 1 note inside a speech or paragraph (kept as notes after it)"
    ]


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        ('start="1.5" end="0.5"', (1.5, None)),  # ends before it starts: the end dropped
        ('start="1e999" end="nan"', (None, None)),
        ('start="#nowhere" end="#T9"', (None, None)),
        ('start="#T1"', (None, None)),  # a cycle of whens
        ('start="-3"', (None, None)),
    ],
)
def test_times_that_are_not_times_leave_an_utterance_untimed(times, expected):
    transcript = _read(
        '<TEI><text><timeline unit="ms"><when xml:id="T1" interval="5" since="#T2"/>'
        '<when xml:id="T2" interval="5" since="#T1"/></timeline><body>'
        f'<u who="#a" {times}>Hi.</u></body></text></TEI>'
    )
    (block,) = transcript.blocks
    assert (block.start, block.end) == expected


def test_tokens_of_an_annotated_sitting_are_spaced_as_their_join_says():
    transcript = _read(
        "<TEI><text><body><u who='#a'><seg><s>\n<w>Hvala</w>\n<w join='right'>lepa</w>\n"
        "<pc>.</pc>\n</s></seg></u></body></text></TEI>"
    )
    assert transcript.blocks[0].text == "Hvala lepa."


def test_a_tei_corpus_reads_its_documents_in_order_under_its_own_title():
    transcript = _read(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        "<titleStmt><title>Sittings</title></titleStmt></fileDesc></teiHeader>"
        "<TEI><teiHeader><fileDesc><titleStmt><title>One</title></titleStmt></fileDesc>"
        "</teiHeader><text><body><u who='#a'>First.</u></body></text></TEI>"
        "<TEI><text><body><u who='#b'>Second.</u>"
        "<sp who='#c'><speaker>C.</speaker><stage>Exit.</stage></sp></body></text></TEI>"
        "</teiCorpus>"
    )
    assert _said(transcript) == [
        ("turn", "a", "First."),
        ("turn", "b", "Second."),
        ("stage_direction", "C", "Exit."),  # a speech of only a stage direction: no turn
    ]
    assert transcript.metadata == {"title": "Sittings", "language": "en"}


def test_xml_goes_to_tei_or_ttml_by_its_root():
    tei = SPEECH.read_text(encoding="utf-8")
    ttml = '<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>'
    assert guess_format("talk.xml", tei).name == "tei"
    assert guess_format("talk.xml", ttml).name == "ttml"
    assert guess_format("talk.xml").name == "ttml"  # no content: TTML, as before
    assert guess_format("talk.tei").name == "tei"
    assert guess_format("-", tei).name == "tei"
    assert guess_format("-", '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">').name == "tei"
    prefixed = '<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:text/></tei:TEI>'
    assert guess_format("talk.xml", prefixed).name == "tei"
    other = '<TEI xmlns="http://example.org/not-tei"><text/></TEI>'
    assert guess_format("talk.xml", other).name == "ttml"  # another vocabulary's TEI
    commented = "<!-- <TEI> --><html/>"
    assert guess_format("-", commented).name != "tei"
    with pytest.raises(TranscriptError, match="may be ttml or tei: name one"):
        get_format("xml")  # the extension the two share names neither


def test_the_command_line_parses_counts_and_converts_a_play(runner, tmp_path):
    path = tmp_path / "emilia.xml"
    path.write_bytes(PLAY.read_bytes())
    parsed = runner.invoke(cli, ["parse", str(path)])
    assert parsed.exit_code == 0, parsed.output
    assert '"speaker":"Claudia Galotti"' in parsed.stdout
    stats = runner.invoke(cli, ["stats", str(path), "-t", "csv"])
    assert stats.exit_code == 0, stats.output
    rows = {line.split(",")[0]: line for line in stats.stdout.splitlines()}
    assert "Claudia Galotti" in rows and "CLAUDIA" not in rows  # one row per character
    text = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert text.exit_code == 0, text.output
    assert "Ein Kammerdiener: Nein, mein Prinz,\nnoch keiner.\n" in text.stdout
    assert "lost the place of 1 note" in text.stderr
    sitting = runner.invoke(cli, ["convert", str(SITTING), "-t", "text"])
    assert sitting.exit_code == 0, sitting.output
    assert sitting.stdout.startswith("REPUBLIKA SLOVENIJA DRŽAVNI ZBOR\n")
    piped = runner.invoke(cli, ["stats", "-"], input=SPEECH.read_bytes())
    assert piped.exit_code == 0 and "Ben Okafor" in piped.stdout, piped.output


def test_the_json_form_gives_back_the_same_document():
    for path in (PLAY, SITTING, SPEECH):
        transcript = read(path)
        json = get_format("json")
        again = json.read(SourceText(json.write(transcript), "x.json"))  # type: ignore[arg-type]
        assert again.to_dict() == transcript.to_dict()


def test_declared_speakers_come_first():
    transcript = get_format("tei").read(
        SourceText(PLAY.read_text(encoding="utf-8"), "x.tei"),
        ReadOptions(speakers=("Conti",)),
    )
    assert transcript.speakers[0].name == "Conti"


def test_entity_declarations_are_refused_and_no_dtd_is_fetched(tmp_path):
    (tmp_path / "tei.dtd").write_text('<!ENTITY x "pwned">', encoding="utf-8")
    path = tmp_path / "x.tei"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE TEI SYSTEM "tei.dtd">'
        "<TEI><text><body><u who='#a'>hi &x;</u></body></text></TEI>",
        encoding="utf-8",
    )
    assert "pwned" not in read(path).blocks[0].text
    bomb = '<!DOCTYPE TEI [<!ENTITY a "aaaa">]><TEI><text>&a;</text></TEI>'
    with pytest.raises(TranscriptError, match="entity declarations is refused"):
        _read(bomb)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PLAY.read_text(encoding="utf-8")[:1500], "invalid XML at line"),  # cut short
        ("<TEI><teiHeader/><text><body><p>Prose only.</p></body></text></TEI>", "holds no <sp>"),
        (
            '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" '
            'xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="s1.xml"/></teiCorpus>',
            r"holds no <sp> or <u> elements \(the files it includes",
        ),
        ("<tt><body/></tt>", "not a TEI document"),
        ('<TEI xmlns="http://example.org/x"><u>hi</u></TEI>', "not a TEI document"),
        ("<TEI>" + "<div>" * 5000 + "</div>" * 5000 + "</TEI>", "nested too deeply"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(text, message):
    with pytest.raises(TranscriptError, match=message) as caught:
        _read(text)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("play.tei: ")
