"""The Transcriber reader: Sync points as pieces, speakers from <Speakers>, overlapping
turns split per speaker, events and comments as said, ISO-8859-1 as declared, no DTD
fetched, bad input one line."""

from __future__ import annotations

import pytest

from transcripts import read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format, guess_format, open_source
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.model import Transcript
from transcripts.options import ReadOptions

# As Transcriber 1.5 saves a file: ISO-8859-1, a DTD declared, Sync points on their own lines.
TRS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE Trans SYSTEM "trans-14.dtd">
<Trans scribe="mlopez" audio_filename="entrevista_03" version="4" version_date="061122" \
xml:lang="es">
<Topics>
<Topic id="to1" desc="infancia"/>
</Topics>
<Speakers>
<Speaker id="spk1" name="Ana Ruiz" check="no" type="female" dialect="native" accent="" \
scope="local"/>
<Speaker id="spk2" name="José Peña" check="no" type="male" dialect="native" accent="" \
scope="local"/>
<Speaker id="spk3" check="no" dialect="native" accent="" scope="local"/>
</Speakers>
<Episode>
<Section type="nontrans" startTime="0" endTime="1.5">
<Turn startTime="0" endTime="1.5">
<Sync time="0"/>
</Turn>
</Section>
<Section type="report" startTime="1.5" endTime="16" topic="to1">
<Turn speaker="spk1" startTime="1.5" endTime="6.2">
<Sync time="1.5"/>
¿Dónde nació usted?
<Sync time="3.8"/>
<Background time="3.8" type="music" level="low"/>
Y ¿en qué año? <Comment desc="cinta con ruido"/>
</Turn>
<Turn speaker="spk2" startTime="6.2" endTime="10">
<Sync time="6.2"/>
En Sevilla, <Event desc="laugh" type="noise" extent="instantaneous"/> en el
<Event desc="en" type="language" extent="begin"/> fifty-one <Event desc="en" \
type="language" extent="end"/>.
<Sync time="9"/>
<Event desc="cough" type="noise" extent="instantaneous"/>
</Turn>
<Turn speaker="spk1 spk2" startTime="10" endTime="12">
<Sync time="10"/>
<Who nb="1"/>
¿Cincuenta y uno?
<Who nb="2"/>
Sí.
</Turn>
<Turn startTime="12" endTime="14">
<Sync time="12"/>
(( ))
</Turn>
<Turn speaker="spk3" startTime="14" endTime="16">
<Sync time="14"/>
Gracias.
</Turn>
</Section>
</Episode>
</Trans>
"""
LATIN = TRS.encode("iso-8859-1")


def _read(data: bytes | str, losses: Losses | None = None) -> Transcript:
    source = (
        SourceText("", "e3.trs", data=data) if isinstance(data, bytes) else SourceText(data, "e3")
    )
    return get_format("trs").read(source, ReadOptions(losses=losses))


def _said(transcript: Transcript) -> list[tuple]:
    return [(b.kind, b.speaker or b.label, b.text, b.start, b.end) for b in transcript.blocks]


def test_a_transcriber_file_reads_into_turns_with_its_sync_points_as_pieces():
    losses = Losses()
    transcript = _read(LATIN, losses)
    assert _said(transcript) == [
        ("turn", "Ana Ruiz", "¿Dónde nació usted? Y ¿en qué año?", 1.5, 6.2),
        ("labelled", "Comment", "cinta con ruido", 3.8, None),
        ("turn", "José Peña", "En Sevilla, [laugh] en el fifty-one.", 6.2, 9.0),
        ("stage_direction", None, "[cough]", 9.0, 10.0),
        ("turn", "Ana Ruiz", "¿Cincuenta y uno?", 10.0, 12.0),  # overlapping speech:
        ("turn", "José Peña", "Sí.", 10.0, 12.0),  # a turn each, at the same times
        ("unattributed", None, "(( ))", 12.0, 14.0),  # a turn with no speaker
        ("turn", "spk3", "Gracias.", 14.0, 16.0),  # a speaker with no name: its id
    ]
    first = transcript.blocks[0]
    assert [(p.text, p.start, p.end) for p in first.pieces] == [
        ("¿Dónde nació usted?", 1.5, 3.8),
        ("Y ¿en qué año?", 3.8, 6.2),
    ]
    assert transcript.metadata == {"media": "entrevista_03", "language": "es"}
    assert [(s.name, s.inferred) for s in transcript.speakers] == [
        ("Ana Ruiz", False),
        ("José Peña", False),
        ("spk3", False),
    ]
    assert losses.phrases() == [
        "the place of 1 comment inside a turn (kept as notes after it)",
        "2 Transcriber events about the words (not kept) (language)",
        "1 Background mark",
    ]


def test_the_same_file_in_utf_8_or_as_text_reads_the_same():
    as_latin = _said(_read(LATIN))
    utf8 = TRS.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"')
    assert _said(_read(utf8.encode("utf-8"))) == as_latin
    assert _said(_read(utf8)) == as_latin  # decoded text (stdin sniffed after a BOM)


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("Shift_JIS", "日本語です"),
        ("GB2312", "中文"),
        ("windows-1252", "“Quoted”"),
        ("UTF-16", "ok"),
    ],
)
def test_any_encoding_python_knows_is_read_as_the_declaration_says(encoding, said):
    document = _turn('speaker="a" startTime="0" endTime="1"', said).replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>'
    )
    assert _read(document.encode(encoding)).blocks[0].text == said


def test_an_unknown_declared_encoding_is_one_line_and_encoding_overrides_it():
    document = _turn('speaker="a" startTime="0" endTime="1"', "café").replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="klingon"?>'
    )
    with pytest.raises(TranscriptError, match=r"^e3\.trs: unknown encoding 'klingon'$"):
        _read(document.encode("latin-1"))
    source = SourceText("", "e3.trs", data=document.encode("latin-1"))
    transcript = get_format("trs").read(source, ReadOptions(encoding="latin-1"))
    assert transcript.blocks[0].text == "café"


def test_an_iso_8859_1_file_is_read_by_its_extension_or_its_content(runner, tmp_path):
    path = tmp_path / "e3.trs"
    path.write_bytes(LATIN)
    assert read(path).blocks[0].text == "¿Dónde nació usted? Y ¿en qué año?"
    unnamed = tmp_path / "e3"
    unnamed.write_bytes(LATIN)
    assert read(unnamed).blocks[0].speaker == "Ana Ruiz"
    source, format_ = open_source("-", LATIN)
    assert source.data == LATIN  # its bytes, for the XML declaration to decode
    assert format_.name == "trs"
    result = runner.invoke(cli, ["convert", str(path), "-t", "srt"])
    assert result.exit_code == 0, result.output
    assert "José Peña: En Sevilla" in result.stdout
    assert "lost the place of 1 comment" in result.stderr
    piped = runner.invoke(cli, ["convert", "-", "-f", "trs", "-t", "text"], input=LATIN)
    assert piped.exit_code == 0 and piped.stdout.startswith("Ana Ruiz: ¿Dónde"), piped.output


def test_trs_is_recognised_by_its_root_and_its_extension():
    assert guess_format("x.trs").name == "trs"
    assert guess_format("-", TRS).name == "trs"
    assert guess_format("-", '<?xml version="1.0"?><Transcript/>').name != "trs"


def test_the_json_form_gives_back_the_same_document():
    transcript = _read(LATIN)
    again = get_format("json").read(SourceText(get_format("json").write(transcript), "x.json"))
    assert again.to_dict() == transcript.to_dict()


def test_the_declared_dtd_is_never_fetched_and_entity_declarations_are_refused(tmp_path):
    # A DTD beside the file that would define an entity: never read.
    (tmp_path / "trans-14.dtd").write_text('<!ENTITY x "pwned">', encoding="utf-8")
    document = (
        '<?xml version="1.0"?><!DOCTYPE Trans SYSTEM "trans-14.dtd">'
        '<Trans><Episode><Section type="report" startTime="0" endTime="1">'
        '<Turn startTime="0" endTime="1">hi &x;</Turn></Section></Episode></Trans>'
    )
    path = tmp_path / "x.trs"
    path.write_text(document, encoding="utf-8")
    assert "pwned" not in read(path).blocks[0].text
    bomb = '<?xml version="1.0"?><!DOCTYPE Trans [<!ENTITY a "aaaa">]><Trans>&a;</Trans>'
    with pytest.raises(TranscriptError, match="entity declarations is refused"):
        _read(bomb.encode())


def _turn(attributes: str, inside: str = "hi") -> str:
    return (
        '<?xml version="1.0"?><Trans><Speakers><Speaker id="a" name="A"/>'
        '<Speaker id="b" name="B"/></Speakers><Episode><Section type="report" startTime="0" '
        f'endTime="9"><Turn {attributes}>{inside}</Turn></Section></Episode></Trans>'
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (LATIN[: len(LATIN) // 2], "invalid XML at line"),  # cut short
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "binary file"),  # junk
        (_turn('speaker="a" startTime="x" endTime="2"'), "startTime, where seconds"),
        (_turn('speaker="a" startTime="1"'), "no endTime"),
        (_turn('startTime="1e999" endTime="2"'), "'1e999' startTime"),
        (_turn('startTime="0" endTime="' + "9" * 400 + '"'), "endTime, where seconds"),
        (_turn('startTime="-1" endTime="2"'), "startTime"),
        (_turn('startTime="nan" endTime="2"'), "startTime"),
        (_turn('startTime="3" endTime="2"'), "ends before it starts"),
        (_turn('startTime="0" endTime="5"', 'a<Sync time="4"/>b<Sync time="2"/>c'), "before"),
        (_turn('speaker="a b" startTime="0" endTime="5"', '<Who nb="3"/>x'), "names none"),
        (_turn('speaker="a" startTime="0" endTime="5"', '<Who nb="' + "9" * 50 + '"/>x'), "none"),
        ('<?xml version="1.0"?><Transcript/>', "not a Transcriber file"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(data, message):
    with pytest.raises(TranscriptError, match=message) as caught:
        _read(data.encode() if isinstance(data, str) else data)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("e3.trs: ")
