"""The real transcripts in ../shared/corpus parse the way a reader of each kind expects.

Every figure here was counted in the file itself (grep for the label lines, reading the
pages around them), not taken from the parser's output. The tests skip when the corpus
is not beside the project.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import transcripts
from tests.conftest import corpus_file
from transcripts.model import Block, Kind, Transcript


@functools.cache
def _parsed(name: str) -> Transcript:
    return transcripts.read(corpus_file(name))


def _read(name: str) -> Transcript:
    return _parsed(name)


def _block_at(transcript: Transcript, line: int) -> Block:
    return next(b for b in transcript.blocks if b.line <= line <= b.end_line)


def _turn_counts(transcript: Transcript) -> Counter[str]:
    return Counter(block.speaker for block in transcript.turns() if not block.continued)


def _check_turn(transcript: Transcript, line: int, speaker: str, words: str, label=None):
    block = _block_at(transcript, line)
    assert (block.kind, block.line, block.speaker) == (Kind.TURN, line, speaker)
    assert " ".join(block.text.split()).startswith(words), block.text[:80]
    if label is not None:
        assert block.label == label


def _lossless(transcript: Transcript, name: str) -> None:
    source = corpus_file(name).read_bytes().decode("utf-8")
    assert "".join(block.raw or "" for block in transcript.blocks) == source


# --- Supreme Court oral argument: margin line numbers, page headers and footers ---------

SCOTUS = "court-oral-argument-scotus-11-398-hhs-v-florida-2012-03-27.txt"


def test_scotus_roster_is_the_eleven_justices_and_counsel_in_order_of_first_turn():
    assert _read(SCOTUS).speaker_names() == [
        "CHIEF JUSTICE ROBERTS",
        "GENERAL VERRILLI",
        "JUSTICE SCALIA",
        "JUSTICE KENNEDY",
        "JUSTICE ALITO",
        "JUSTICE GINSBURG",
        "JUSTICE BREYER",
        "JUSTICE SOTOMAYOR",
        "JUSTICE KAGAN",
        "MR. CLEMENT",
        "MR. CARVIN",
    ]


def test_scotus_has_372_turns_one_per_label_line():
    counts = _turn_counts(_read(SCOTUS))
    assert sum(counts.values()) == 372
    assert counts["GENERAL VERRILLI"] == 93
    assert counts["MR. CARVIN"] == 56
    assert counts["JUSTICE KENNEDY"] == 10


def test_scotus_turns_start_after_the_margin_number_and_label():
    transcript = _read(SCOTUS)
    _check_turn(transcript, 121, "CHIEF JUSTICE ROBERTS", "We will continue argument this morning")
    _check_turn(transcript, 133, "GENERAL VERRILLI", "Mr. Chief Justice, and may it please")
    _check_turn(transcript, 191, "JUSTICE SCALIA", "Why aren't those problems")
    _check_turn(transcript, 4419, "MR. CARVIN", "Thank you, Mr. Chief Justice,")


def test_scotus_page_break_stays_inside_the_turn_it_interrupts():
    turn = _block_at(_read(SCOTUS), 173)  # page 4 opens in the middle of Verrilli's turn
    assert (turn.line, turn.speaker) == (133, "GENERAL VERRILLI")
    assert "Alderson Reporting Company" in turn.raw and "Official" in turn.raw
    assert "Alderson" not in turn.text and "Official" not in turn.text
    assert "affordable health insurance.\n\nIt does not do so because" in turn.text


def test_scotus_no_turn_text_holds_page_furniture_or_margin_numbers():
    for turn in _read(SCOTUS).turns():
        assert "Alderson" not in turn.text and "Subject to Final Review" not in turn.text
        assert not re.search(r"^\d{1,2} {3}", turn.text, re.M), turn.text[:80]


def test_scotus_argument_headings_laughter_and_word_index():
    transcript = _read(SCOTUS)
    heading = _block_at(transcript, 129)
    assert heading.kind == Kind.HEADING
    assert heading.text.startswith("ORAL ARGUMENT OF DONALD B. VERRILLI")
    assert [b.line for b in transcript.blocks if b.text == "(Laughter.)"] == [
        4757,
        4833,
        4923,
        4943,
    ]
    assert all(_block_at(transcript, line).kind == Kind.STAGE_DIRECTION for line in (4757, 4943))
    index = _block_at(transcript, 6111)  # "ability 20:1,12 ..." after the last page
    assert index.kind == Kind.UNATTRIBUTED and index.end_line >= 7260


def test_scotus_round_trip_is_lossless():
    _lossless(_read(SCOTUS), SCOTUS)


# --- S.D.N.Y. trial: Q./A. examination, page headers wedged into turns ------------------

SDNY = "court-trial-sdny-us-v-guo-2024-05-28.txt"


def test_sdny_roster_names_the_examining_lawyers_and_the_witness():
    transcript = _read(SDNY)
    assert transcript.speaker_names() == [
        "THE COURT",
        "MR. FERGENSON",
        "MR. SCHIRICK",
        "MS. SHROFF",
        "MR. FINKEL",
        "ALL COUNSEL",
        "THE JURORS",
        "MS. MURRAY",
        "THE LAW CLERK",
        "THE WITNESS",
        "LE ZHOU",
        "MR. KAMARAJU",
        "JUROR",
    ]
    roster = {speaker.name: speaker.aliases for speaker in transcript.speakers}
    assert roster["LE ZHOU"] == ("A", "THE WITNESS")
    assert roster["MS. MURRAY"] == ("Q",)


def test_sdny_turn_counts_match_the_label_lines():
    counts = _turn_counts(_read(SDNY))
    # 573 "NAME:" lines (BY lines aside), 750 "Q." and 719 "A." lines.
    assert sum(counts.values()) == 2042
    assert counts["THE COURT"] == 227
    assert counts["MS. MURRAY"] == 141 + 484  # her own label, and Q. after "BY MS. MURRAY:"
    assert counts["MR. KAMARAJU"] == 134 + 266  # likewise after "BY MR. KAMARAJU:"
    assert counts["LE ZHOU"] == 719 + 16  # A., and THE WITNESS once he is named
    assert counts["THE WITNESS"] == 1  # line 189, before the transcript names him


def test_sdny_questions_and_answers_carry_the_people_and_keep_their_labels():
    transcript = _read(SDNY)
    _check_turn(transcript, 189, "THE WITNESS", "My name is Le Zhou", label="THE WITNESS")
    _check_turn(transcript, 197, "MS. MURRAY", "Good morning, Mr. Zhou.", label="Q")
    _check_turn(transcript, 198, "LE ZHOU", "Good morning.", label="A")
    _check_turn(transcript, 3150, "MR. KAMARAJU", "Good afternoon.", label="Q")
    _check_turn(transcript, 4894, "LE ZHOU", "Yes, your Honor.", label="THE WITNESS")


def test_sdny_witness_introduction_and_examination_headings_are_not_speech():
    transcript = _read(SDNY)
    intro = _block_at(transcript, 192)
    assert (intro.kind, intro.line, intro.end_line) == (Kind.STAGE_DIRECTION, 192, 194)
    assert intro.text.startswith("LE ZHOU,\ncalled as a witness")
    assert _block_at(transcript, 195).kind == Kind.HEADING  # DIRECT EXAMINATION
    assert _block_at(transcript, 196).kind == Kind.HEADING  # BY MS. MURRAY:


def test_sdny_page_header_inside_a_turn_is_raw_not_text():
    turn = _block_at(_read(SDNY), 113)  # "O5S1GUO" between two lines of Ms. Shroff's turn
    assert (turn.line, turn.speaker) == (98, "MS. SHROFF")
    assert "O5S1GUO" in turn.raw and "O5S1GUO" not in turn.text
    assert "So that's one matter. And\nI hope that we can have" in turn.text
    assert not any("GUO1 Le Zhou" in t.text for t in _read(SDNY).turns())


def test_sdny_round_trip_is_lossless_with_crlf():
    _lossless(_read(SDNY), SDNY)


# --- Presidential debate (Rev, via MyTake): one paragraph per turn -----------------------

DEBATE = "debate-2020-first-presidential-mytake.txt"


def test_debate_roster_and_turns():
    transcript = _read(DEBATE)
    assert transcript.speaker_names() == ["Chris Wallace", "Joe R Biden", "Donald J Trump"]
    assert _turn_counts(transcript) == {
        "Donald J Trump": 350,
        "Joe R Biden": 272,
        "Chris Wallace": 230,
    }
    _check_turn(transcript, 1, "Chris Wallace", "Good evening from the Health Education Campus")
    _check_turn(transcript, 3, "Joe R Biden", "How you doing, man?")
    _check_turn(transcript, 5, "Donald J Trump", "How are you doing?")


# --- Lightning spec call: Speaker 0 ... Speaker 10, "Speaker4:" and "Speaker 1:Yeah" -------

LIGHTNING = "meeting-bitcointranscripts-lightning-spec-call-2023-07-31.md"


def test_lightning_numbered_speakers_and_the_unspaced_variant():
    transcript = _read(LIGHTNING)
    assert transcript.speaker_names() == [f"Speaker {n}" for n in range(11)]
    speaker4 = next(s for s in transcript.speakers if s.name == "Speaker 4")
    assert speaker4.aliases == ("Speaker4",)
    counts = _turn_counts(transcript)
    assert sum(counts.values()) == 345
    assert counts["Speaker 1"] == 100  # two of them written "Speaker 1:Yeah"
    assert counts["Speaker 4"] == 83  # 82 "Speaker 4:" and one "Speaker4:"
    _check_turn(transcript, 62, "Speaker 1", "Yeah, I need to follow up")
    _check_turn(transcript, 344, "Speaker 4", "Yeah. When it works", label="Speaker4")


def test_lightning_agenda_link_is_a_labelled_field_not_a_speaker():
    block = _block_at(_read(LIGHTNING), 8)
    assert (block.kind, block.label) == (Kind.LABELLED, "Agenda")


# --- Stephan Livera podcast: "Name 00:02:14", a blank line, then the paragraph -----------

LIVERA = "podcast-bitcointranscripts-stephan-livera-what-is-splicing.md"


def test_livera_speaker_lines_with_times_start_turns():
    transcript = _read(LIVERA)
    assert transcript.speaker_names() == ["Stephan Livera", "Dusty Daemon"]
    assert _turn_counts(transcript) == {"Dusty Daemon": 40, "Stephan Livera": 39}
    first = _block_at(transcript, 14)
    assert (first.line, first.speaker, first.start) == (12, "Stephan Livera", 134.0)
    assert first.text.startswith("Dusty welcome to the show")
    assert "00:02:14" not in first.text
    last = [b for b in transcript.turns()][-1]
    assert (last.speaker, last.start) == ("Stephan Livera", 3828.0)  # "  01:03:48"


# --- Go Time: Markdown **Name:**, \[mm:ss\] after the label, **Break:** -----------------

GOTIME = "podcast-changelog-gotime-100-pike-griesemer.md"


def test_gotime_roster_turns_and_timestamps():
    transcript = _read(GOTIME)
    assert transcript.speaker_names() == [
        "Carmen Andoh",
        "Jon Calhoun",
        "Rob Pike",
        "Robert Griesemer",
    ]
    assert _turn_counts(transcript) == {
        "Rob Pike": 50,
        "Robert Griesemer": 38,
        "Carmen Andoh": 27,
        "Jon Calhoun": 11,
    }
    turn = _block_at(transcript, 35)
    assert (turn.speaker, turn.start, turn.text) == ("Rob Pike", 262.0, "45 minutes.")


def test_gotime_breaks_are_labelled_not_speakers():
    transcript = _read(GOTIME)
    breaks = [b for b in transcript.blocks if b.label == "Break"]
    assert [(b.kind, b.line, b.start) for b in breaks] == [
        (Kind.LABELLED, 163, 1467.0),
        (Kind.LABELLED, 263, 2777.0),
    ]


# --- White House press briefing: bare Q with no-break spaces ------------------------------

BRIEFING = "press-briefing-whitehouse-2022-11-22-jean-pierre-jha-fauci.md"


def test_briefing_reporters_are_q_and_officials_their_labels():
    transcript = _read(BRIEFING)
    assert transcript.speaker_names() == ["MS. JEAN-PIERRE", "Q", "DR. FAUCI", "DR. JHA"]
    assert _turn_counts(transcript) == {
        "Q": 133,
        "MS. JEAN-PIERRE": 101,
        "DR. FAUCI": 20,
        "DR. JHA": 19,
    }
    _check_turn(transcript, 14, "MS. JEAN-PIERRE", "Hello! Hi, hi, hi.")
    _check_turn(transcript, 16, "Q", "You have gifts.")
    _check_turn(transcript, 70, "DR. FAUCI", "Thank you very much, Karine")
    _check_turn(transcript, 1981, "Q", "No, my question was: You had said")


def test_briefing_words_with_colons_inside_turns_stay_text():
    transcript = _read(BRIEFING)
    assert _block_at(transcript, 90).speaker == "DR. FAUCI"  # "Next: Are they effective?"
    assert _block_at(transcript, 713).speaker == "DR. JHA"  # "So, the key point here is:"
    assert _block_at(transcript, 12).kind == Kind.TIMESTAMP  # 11:49 A.M. EST
    assert _block_at(transcript, 1935).kind == Kind.STAGE_DIRECTION  # (Cross-talk ...)


# --- CNN town hall: THE PRESIDENT, MR. COOPER, AUDIENCE MEMBER ----------------------------

TOWNHALL = "townhall-whitehouse-2021-02-17-biden-cnn-anderson-cooper.md"


def test_townhall_roster_and_turns():
    transcript = _read(TOWNHALL)
    assert transcript.speaker_names() == [
        "MR. COOPER",
        "THE PRESIDENT",
        "AUDIENCE MEMBER",
        "LAYLA SALAS",
    ]
    # 79 "THE PRESIDENT:" lines at the margin and one indented by no-break spaces (677).
    assert _turn_counts(transcript) == {
        "THE PRESIDENT": 80,
        "MR. COOPER": 66,
        "AUDIENCE MEMBER": 26,
        "LAYLA SALAS": 3,
    }
    _check_turn(transcript, 17, "MR. COOPER", "And welcome.")
    _check_turn(transcript, 39, "THE PRESIDENT", "Hey, Anderson.")
    _check_turn(transcript, 149, "AUDIENCE MEMBER", "Hi, welcome to Milwaukee.")
    _check_turn(transcript, 677, "THE PRESIDENT", "Change it drastically")
    assert _block_at(transcript, 727).kind == Kind.STAGE_DIRECTION  # (Commercial break begins.)


# --- Congressional Record (GPO HTML <pre>): "Mr. LANTOS.", offices, page markers ----------

RECORD = "congressional-record-house-2005-07-20-H6117-floor-debate.htm"


def test_record_roster_members_offices_and_an_inserted_interview():
    transcript = _read(RECORD)
    names = transcript.speaker_names()
    assert len(names) == 81
    members = [name for name in names if name.split()[0] in ("Mr.", "Ms.", "Mrs.", "Miss")]
    # distinct "Mr. SURNAME." labels in the file, "Miss McMORRIS." (line 3796) among them
    assert len(members) == 67
    assert "Miss McMORRIS" in members
    assert "Mr. SMITH of New Jersey" in members and "Ms. JACKSON-LEE of Texas" in members
    offices = [name for name in names if name.startswith("The ")]
    assert offices == [
        "The SPEAKER pro tempore (Mr. Mica)",
        "The Acting CHAIRMAN",  # before anyone is named in the chair
        "The Acting CHAIRMAN (Mr. Shaw)",
        "The Acting CHAIRMAN (Mr. Latham)",
        "The Acting CHAIRMAN (Mr. Kolbe)",
        "The Acting CHAIRMAN (Mr. Gingrey)",
        "The SPEAKER pro tempore (Mr. Simpson)",
    ]
    # A news interview put into the Record (lines 2782-2980): its speakers are real.
    rest = [name for name in names if name not in members and name not in offices]
    assert sorted(rest) == [
        "Al White",
        "Cindor Reeves",
        "Crane",
        "Doug Farah",
        "Hansen",
        "Shanklin",
        "Vice Chairman Lee Hamilton",
    ]
    assert not any(name.startswith(("Dear", "Count", "And")) for name in names)


def test_record_turn_counts_match_the_label_lines():
    counts = _turn_counts(_read(RECORD))
    # 251 member labels, 144 office labels, 26 interview labels (Hansen cuts in at line
    # 2873 with "Hansen:--trying to ...", no space after the colon). Four office labels
    # carry a note after the officer's name, "The Acting CHAIRMAN (Mr. Latham) (during
    # the vote).": the officer speaks.
    assert sum(counts.values()) == 421
    assert counts["The Acting CHAIRMAN (Mr. Latham)"] == 46
    assert counts["Mr. LANTOS"] == 50
    assert counts["Mr. SMITH of New Jersey"] == 18
    assert counts["The Acting CHAIRMAN"] == 10


def test_record_offices_resolve_to_who_holds_the_chair():
    transcript = _read(RECORD)
    _check_turn(transcript, 16, "The SPEAKER pro tempore (Mr. Mica)", "Pursuant to House")
    _check_turn(transcript, 35, "The Acting CHAIRMAN", "When the Committee of the Whole")
    _check_turn(transcript, 343, "The Acting CHAIRMAN (Mr. Shaw)", "Is there objection")
    _check_turn(transcript, 2863, "Vice Chairman Lee Hamilton", "Our conclusion")
    _check_turn(transcript, 2870, "Vice Chairman Lee Hamilton", "We don't deny", label="Hamilton")
    later = [b for b in transcript.turns() if b.label == "The Acting CHAIRMAN" and b.line > 343]
    assert later and all(b.speaker != "The Acting CHAIRMAN" for b in later)


def test_record_page_marker_inside_a_turn_and_html_around_the_text():
    transcript = _read(RECORD)
    turn = _block_at(transcript, 340)  # "[[Page H6120]]" in the middle of a sentence
    assert (turn.line, turn.speaker) == (338, "Mr. LANTOS")
    assert "[[Page H6120]]" in turn.raw and "Page H6120" not in turn.text
    assert "I ask\nunanimous consent" in turn.text
    assert _block_at(transcript, 24).kind == Kind.LAYOUT  # {time}  1117
    assert _block_at(transcript, 1).kind == Kind.LAYOUT  # <html>
    assert transcript.title == (
        "Congressional Record, Volume 151 Issue 99 (Wednesday, July 20, 2005)"
    )
    assert all("<a href" not in b.text for b in transcript.blocks if b.kind != Kind.LAYOUT)


def test_record_round_trip_is_lossless():
    _lossless(_read(RECORD), RECORD)


# --- House hearing (GPO HTML <pre>): "    Mr. Street." in mixed case -----------------------

HEARING = "hearing-house-financial-services-2009-05-05-lehman-bankruptcy.htm"


def test_hearing_roster_and_turns():
    transcript = _read(HEARING)
    names = transcript.speaker_names()
    assert len(names) == 26
    assert names[:3] == ["The Chairman", "Mr. Bachus", "Mr. Hodes"]
    assert "Mr. Moore of Kansas" in names and "Mrs. Biggert" in names
    counts = _turn_counts(transcript)
    assert sum(counts.values()) == 358
    assert counts["Mr. Street"] == 68
    assert counts["The Chairman"] == 36
    assert counts["Ms. Speier"] == 36
    _check_turn(transcript, 173, "The Chairman", "The hearing will come to order.")
    _check_turn(transcript, 272, "Mr. Bachus", "I thank the chairman.")
    _check_turn(transcript, 1411, "Mr. Street", "Chairman Frank and honorable members")


def test_hearing_statements_notes_and_front_matter_are_not_turns():
    transcript = _read(HEARING)
    assert transcript.title == (
        "THE EFFECT OF THE LEHMAN BROTHERS BANKRUPTCY ON STATE AND LOCAL GOVERNMENTS"
    )
    statement = _block_at(transcript, 507)
    assert statement.kind == Kind.HEADING and statement.text.startswith("STATEMENT OF")
    note = _block_at(transcript, 628)  # [The prepared statement of Ms. Speier ...]
    assert (note.kind, note.end_line) == (Kind.STAGE_DIRECTION, 629)
    assert _block_at(transcript, 2610).kind == Kind.STAGE_DIRECTION  # [Whereupon, ...]
    assert all(b.kind != Kind.TURN for b in transcript.blocks if b.line < 173)
