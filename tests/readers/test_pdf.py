"""The PDF reader: small PDFs written here by hand (a deposition with margin line numbers,
a hearing, an interview), read through the text reader; every broken or unreadable PDF
is one line naming the file."""

from __future__ import annotations

import io
import json
import sys

import pytest

from tests.readers.pdf_helpers import REPORTER, build_pdf, deposition
from transcripts import read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format, guess_format
from transcripts.io import SourceText
from transcripts.model import Transcript

pypdf = pytest.importorskip("pypdf")

INTERVIEW = [
    (72, 720, "Interview with Dana Cole"),
    (72, 692, "Interviewer: When did you start painting?"),
    (72, 664, "Dana Cole: When I was nine. My mother"),
    (72, 650, "gave me a box of paints."),
    (72, 622, "Interviewer: And you kept going?"),
    (72, 594, "Dana Cole: I never stopped."),
]


def _read(data: bytes, name: str = "x.pdf") -> Transcript:
    return get_format("pdf").read(SourceText("", name, data=data))


def _turns(transcript: Transcript) -> list[tuple[str | None, str]]:
    return [(block.speaker, block.text) for block in transcript.turns()]


def _refusal(data: bytes, tmp_path, name: str = "in.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TranscriptError) as error:
        read(path)
    assert error.value.path == str(path)
    assert "\n" not in str(error.value)
    return error.value.message


def _hearing() -> bytes:
    pages = [
        [
            "CHAIRMAN ROSS: The committee will come to order.",
            "Today we hear from two witnesses.",
            "MS. LEE: Thank you, Mr. Chairman. I am glad",
            "to be here.",
            "CHAIRMAN ROSS: Please begin.",
        ],
        [
            "MS. LEE: Water is scarce in the valley.",
            "CHAIRMAN ROSS: How scarce?",
            "MS. LEE: Very scarce.",
            "MR. DIAZ: I would add one point.",
        ],
        ["CHAIRMAN ROSS: Go ahead.", "MR. DIAZ: The wells are dry."],
    ]
    return build_pdf(
        [
            [
                (230, 750, "HEARING ON WATER RIGHTS"),
                *[(72, 700 - 16 * at, text) for at, text in enumerate(lines)],
                (290, 40, f"Page {number}"),
            ]
            for number, lines in enumerate(pages, 1)
        ]
    )


DEPOSITION_TURNS = [
    ("Q", "Where were you on the night of March 3rd?"),
    ("A", "I was at home."),
    ("Q", "Alone?"),
    ("A", "No, my sister was there\nwith me the whole evening."),
    ("MR. SMITH", "Objection, form."),
    ("Q", "You may answer."),
    ("A", "She stayed until ten."),
    ("Q", "Did anyone call you?"),
    ("A", "Not that I recall."),
    ("Q", "Where did you work\nthen?"),
    ("A", "At the store on Main Street,\nnear the bank."),
]


def test_a_deposition_over_two_pages_gives_q_a_without_its_page_furniture():
    # The margin numbers are drawn before the text, as court reporting software does:
    # the lines are read where they are printed, so each still opens with its number.
    transcript = _read(deposition(pages=2))
    assert transcript.speaker_names() == ["Q", "A", "MR. SMITH"]
    assert _turns(transcript) == DEPOSITION_TURNS
    words = " ".join(block.text for block in transcript.turns())
    assert "ACME" not in words and "4567" not in words
    assert not any(block.kind == "unattributed" for block in transcript.blocks)


def test_a_deposition_s_running_footer_and_page_numbers_are_layout():
    transcript = _read(deposition(pages=3))
    assert _turns(transcript)[: len(DEPOSITION_TURNS)] == DEPOSITION_TURNS
    furniture = [block.text for block in transcript.blocks if block.kind == "layout"]
    assert furniture == ["1", f"{REPORTER}\n2", f"{REPORTER}\n3", REPORTER]


def test_a_hearing_s_names_are_speakers_and_its_header_and_page_numbers_layout():
    transcript = _read(_hearing())
    assert transcript.speaker_names() == ["CHAIRMAN ROSS", "MS. LEE", "MR. DIAZ"]
    assert _turns(transcript) == [
        ("CHAIRMAN ROSS", "The committee will come to order.\nToday we hear from two witnesses."),
        ("MS. LEE", "Thank you, Mr. Chairman. I am glad\nto be here."),
        ("CHAIRMAN ROSS", "Please begin."),
        ("MS. LEE", "Water is scarce in the valley."),
        ("CHAIRMAN ROSS", "How scarce?"),
        ("MS. LEE", "Very scarce."),
        ("MR. DIAZ", "I would add one point."),
        ("CHAIRMAN ROSS", "Go ahead."),
        ("MR. DIAZ", "The wells are dry."),
    ]
    layout = [block.text for block in transcript.blocks if block.kind == "layout"]
    assert layout == [
        "Page 1\nHEARING ON WATER RIGHTS",
        "Page 2\nHEARING ON WATER RIGHTS",
        "Page 3",
    ]


def test_an_interview_reads_as_its_text_would():
    transcript = _read(build_pdf([INTERVIEW]))
    assert transcript.blocks[0].kind == "heading"
    assert _turns(transcript) == [
        ("Interviewer", "When did you start painting?"),
        ("Dana Cole", "When I was nine. My mother\ngave me a box of paints."),
        ("Interviewer", "And you kept going?"),
        ("Dana Cole", "I never stopped."),
    ]


def test_text_drawn_in_a_form_xobject_is_read():
    # pypdf's layout mode does not look into forms; the plain mode does.
    assert len(_turns(_read(build_pdf([INTERVIEW], in_forms=True)))) == 4


def test_pages_end_with_a_form_feed_and_the_text_writer_gives_the_text_back(runner, tmp_path):
    path = tmp_path / "interview.pdf"
    path.write_bytes(build_pdf([INTERVIEW[:3], INTERVIEW[3:]]))
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Interview with Dana Cole\n"
        "Interviewer: When did you start painting?\n"
        "Dana Cole: When I was nine. My mother\n\f"
        "gave me a box of paints.\n"
        "Interviewer: And you kept going?\n"
        "Dana Cole: I never stopped.\n\f"
    )
    # ...and so does the JSON made of it: `raw` holds the extracted text.
    as_json = runner.invoke(cli, ["convert", str(path), "-t", "json"]).stdout
    back = runner.invoke(cli, ["convert", "-", "-f", "json", "-t", "text"], input=as_json)
    assert back.stdout == result.stdout


def test_parse_and_stats_on_the_command_line(runner, tmp_path):
    path = tmp_path / "deposition.pdf"
    path.write_bytes(deposition())
    parsed = runner.invoke(cli, ["parse", str(path)])
    assert parsed.exit_code == 0 and parsed.stderr == ""
    document = json.loads(parsed.stdout)
    assert [s["name"] for s in document["speakers"]] == ["Q", "A", "MR. SMITH"]
    stats = runner.invoke(cli, ["stats", str(path), "-t", "json"])
    assert stats.exit_code == 0, stats.stderr
    assert "MR. SMITH" in stats.stdout


def test_a_pdf_is_recognised_by_its_bytes_on_standard_input(runner):
    result = runner.invoke(cli, ["convert", "-", "-t", "text"], input=build_pdf([INTERVIEW]))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Interview with Dana Cole\nInterviewer: When")
    assert guess_format("a.pdf").name == "pdf"


def test_a_file_pypdf_repairs_is_read_without_a_word_on_stderr(runner, tmp_path):
    data = build_pdf([INTERVIEW])
    at = data.rindex(b"startxref\n") + len(b"startxref\n")
    path = tmp_path / "repaired.pdf"
    path.write_bytes(data[:at] + b"9" + data[at:])  # the cross-reference table misplaced
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0 and result.stderr == ""
    assert "Dana Cole: I never stopped." in result.stdout


def _encrypted(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build_pdf([INTERVIEW]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_encrypted_pdf_with_a_password_is_refused(tmp_path):
    message = _refusal(_encrypted("secret"), tmp_path)
    assert message.startswith("is encrypted with a password")


def test_an_encrypted_pdf_opened_by_the_empty_password_is_read():
    # Many PDFs are encrypted only to forbid copying: a viewer opens them at once.
    assert len(_turns(_read(_encrypted("")))) == 4


def test_aes_without_the_cryptography_package_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "cryptography", None)
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <%s> /U <%s> "
        b"/OE <%s> /UE <%s> /Perms <%s> /StmF /StdCF /StrF /StdCF "
        b"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> >> "
        % (b"00" * 48, b"00" * 48, b"00" * 32, b"00" * 32, b"00" * 16)
    )
    data = build_pdf([INTERVIEW]).replace(b"trailer\n<< ", b"trailer\n<< " + encrypt)
    message = _refusal(data, tmp_path)
    assert message.startswith("is encrypted")
    from pypdf._crypt_providers import crypt_provider

    if crypt_provider[0] == "local_crypt_fallback":
        assert message.endswith("pip install cryptography")


def test_a_pdf_without_text_says_to_run_ocr(tmp_path):
    assert _refusal(build_pdf([[], []]), tmp_path) == "holds no text: a scanned PDF? run OCR first"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "cannot read the PDF (no %%EOF at its end"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "cannot read the PDF (PdfReadError"),
        (build_pdf([INTERVIEW])[:700], "cannot read the PDF (no %%EOF at its end: cut short?)"),
        (b"Interviewer: hello\n", "not a PDF"),
        (b"", "not a PDF"),
    ],
    ids=["junk", "junk-with-eof", "truncated", "text", "empty"],
)
def test_what_is_no_readable_pdf_is_one_line(tmp_path, data, message):
    assert _refusal(data, tmp_path).startswith(message)


def test_a_page_pypdf_cannot_read_is_named(tmp_path, monkeypatch):
    from transcripts.readers import pdf

    read_page = pdf._page_text

    def failing(page):
        if page.page_number == 1:
            raise pypdf.errors.PdfReadError("Unexpected end of stream")
        return read_page(page)

    monkeypatch.setattr(pdf, "_page_text", failing)
    message = _refusal(build_pdf([INTERVIEW, INTERVIEW]), tmp_path)
    assert message == "cannot read page 2 (PdfReadError: Unexpected end of stream)"


def test_a_huge_page_count_and_huge_content_are_refused_before_reading(tmp_path, monkeypatch):
    from transcripts.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    assert _refusal(deposition(3), tmp_path).startswith("has 3 pages, more than a transcript")
    monkeypatch.setattr(pdf, "MAX_PAGES", 10)
    monkeypatch.setattr(pdf, "MAX_CONTENT", 2000)
    extracted = []
    monkeypatch.setattr(pdf, "_page_text", lambda page: extracted.append(page) or "x")
    message = _refusal(deposition(3), tmp_path)
    assert message.startswith("its pages draw more than 0 MB of content by page 2")
    assert extracted == []  # measured first, so a page bomb costs no extraction


def test_a_page_bomb_is_refused_at_once(tmp_path):
    # One page listed 30,000 times: a small file, a long read.
    data = build_pdf([INTERVIEW])
    kids = b"/Kids [" + b"5 0 R " * 30_000 + b"] /Count 30000"
    data = data.replace(b"/Kids [5 0 R] /Count 1", kids)
    assert kids in data
    message = _refusal(data, tmp_path)
    # (pypdf 7 counts the pages; pypdf 6 refuses a page listed twice)
    assert message.startswith(("has 30,000 pages, more than", "cannot read the PDF (PdfRead"))


def test_without_pypdf_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pypdf", None)
    message = _refusal(build_pdf([INTERVIEW]), tmp_path)
    assert message == "reading PDF documents needs pypdf: pip install 'interview-transcripts[pdf]'"


def test_pdf_is_read_only(runner, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Ana: hi\nBen: hello\n")
    result = runner.invoke(cli, ["convert", str(path), "-t", "pdf"])
    assert result.exit_code == 2 and "cannot write pdf" in result.stderr


def test_a_folder_s_pdfs_are_walked_as_its_word_documents_are(runner, tmp_path):
    (tmp_path / "deposition.pdf").write_bytes(deposition())
    (tmp_path / "notes.txt").write_text("Ana: Hello?\n\nBen: Hi.\n", encoding="utf-8")
    result = runner.invoke(cli, ["stats", str(tmp_path), "--per-file", "-t", "json"])
    assert result.exit_code == 0, result.stderr
    assert "deposition.pdf" in result.stdout and "notes.txt" in result.stdout
