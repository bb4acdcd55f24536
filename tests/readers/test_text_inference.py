"""The label convention inferred from each document: verdicts with reasons, the warning
when speakers are not found, and `transcripts parse --explain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from transcripts import names
from transcripts.api import parse
from transcripts.cli import cli
from transcripts.readers.text.conventions import _last_of_each
from transcripts.readers.text.evidence import Use

NO_LABELS = "The notes follow.\n\nEveryone agreed on the budget.\n\nThe date is the fourth.\n"


def _turns(text: str) -> list[tuple[int, str, str]]:
    transcript = transcripts.parse(text)
    return [(b.line, b.speaker, b.text) for b in transcript.turns()]


def test_three_lines_of_two_speakers_are_three_turns():
    assert _turns("Ana: hi\nBen: hello\nAna: bye\n") == [
        (1, "Ana", "hi"),
        (2, "Ben", "hello"),
        (3, "Ana", "bye"),
    ]


def test_question_and_answer_of_two_lines_are_two_speakers():
    transcript = transcripts.parse("Q: hi?\nA: yes.\n")
    assert transcript.speaker_names() == ["Q", "A"]


def test_names_in_scripts_without_case_take_turns_after_a_full_width_colon():
    assert _turns("李雷：你好。\n韩梅梅：你好！\n李雷：再见。\n") == [
        (1, "李雷", "你好。"),
        (2, "韩梅梅", "你好！"),
        (3, "李雷", "再见。"),
    ]
    japanese = _turns("ジョン・スミス：こんにちは。\n田中：はい。\nジョン・スミス：どうも。\n")
    assert [speaker for _, speaker, _ in japanese] == ["ジョン・スミス", "田中", "ジョン・スミス"]


def test_cyrillic_and_hebrew_names_are_names():
    assert [s for _, s, _ in _turns("Иван: Привет.\nМария: Здравствуй!\nИван: Ну?\n")] == [
        "Иван",
        "Мария",
        "Иван",
    ]
    assert [s for _, s, _ in _turns("מרים: שלום.\nדוד: מה שלומך?\nמרים: טוב.\n")] == [
        "מרים",
        "דוד",
        "מרים",
    ]


def test_a_one_line_text_that_is_a_label_and_its_speech_is_a_turn():
    assert _turns("Ben: I know.\n") == [(1, "Ben", "I know.")]


def test_every_candidate_carries_its_verdict_and_reason():
    transcript = transcripts.parse(
        "Kyiv: The talks resumed today in the capital.\n\n"
        "Ana: Where were you?\n\nBen: At home.\n\nAna: Alone?\n\nBen: Yes.\n"
    )
    verdicts = {use.line + 1: use.verdict for use in transcript.inference.uses}
    assert verdicts[3].accepted and verdicts[3].reason == "a recurring name of the convention"
    assert not verdicts[1].accepted
    assert verdicts[1].reason == "before the dialogue, and not marked as a speaker"


def test_the_convention_and_its_habits_are_what_the_document_does():
    text = "\n".join(f"{name}:\nWords of {name}.\n" for name in ["ROMEO", "JULIET"] * 5)
    (convention,) = transcripts.parse(text).inference.conventions
    assert convention.describe() == "Name: alone on its line, speech below"
    assert {habit.name for habit in convention.habits} >= {
        "alone on its line",
        "blank line before",
        "name in capitals",
    }


def test_a_verse_line_with_a_colon_breaks_the_habits_of_a_play():
    play = "".join(f"{name}:\nA line of verse, and more.\n\n" for name in ["ROMEO", "JULIET"] * 4)
    play += "ROMEO:\nHere: what's the matter?\n"
    transcript = transcripts.parse(play)
    assert transcript.speaker_names() == ["ROMEO", "JULIET"]
    assert transcript.blocks[-1].text == "Here: what's the matter?"


def test_no_speaker_found_sets_a_warning_naming_the_ways_out():
    inference = transcripts.parse(NO_LABELS).inference
    assert inference.summary() == "no speaker labels found"
    assert inference.warning.startswith("no speaker labels found")
    assert "--explain" in inference.warning and "--speaker" in inference.warning


def test_labels_that_barely_attribute_the_speech_set_a_warning():
    text = "Ana: hi\nBen: hello\nAna: bye\n\nNote: the rest is unclear.\n\n"
    text += "Some words nobody is said to say.\n" * 8
    inference = transcripts.parse(text).inference
    assert inference.attributed is not None and inference.attributed < 0.5
    assert inference.warning.startswith("speaker labels attribute only")


def test_parse_stats_and_convert_warn_in_one_line_and_still_succeed(runner, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NO_LABELS, encoding="utf-8")
    for command in (["parse"], ["stats"], ["convert", "-t", "yaml"]):
        result = runner.invoke(cli, [*command, str(path)])
        assert result.exit_code == 0, (command, result.stderr)
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"transcripts: {path}: warning: no speaker labels found")


def test_a_transcript_whose_speakers_are_found_gives_no_warning(runner, seed):
    result = runner.invoke(cli, ["parse", str(seed)])
    assert result.exit_code == 0 and result.stderr == ""


def test_explain_names_the_convention_with_counts_and_examples(runner, seed):
    result = runner.invoke(cli, ["parse", "--explain", str(seed)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{seed}: Name: text (21 labels, 2 names)")
    assert "line 9 'Interviewer'" in result.stdout


def test_explain_verbose_gives_every_candidates_verdict(runner, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Kyiv: Talks resumed.\n\nAna: hi\n\nBen: hello\n\nAna: bye\n")
    result = runner.invoke(cli, ["parse", "--explain", "-v", str(path)])
    assert "not   line 1: Kyiv (before the dialogue, and not marked as a speaker)" in (
        result.stdout
    )
    assert "label line 3: Ana" in result.stdout


def test_explain_as_data_with_an_explicit_output_format(runner, seed, tmp_path):
    as_json = json.loads(runner.invoke(cli, ["parse", "--explain", "-t", "json", str(seed)]).stdout)
    assert as_json["conventions"][0]["labels"] == 21
    assert as_json["candidates"][0] == {
        "line": 9,
        "label": "Interviewer",
        "name": "Interviewer",
        "accepted": True,
        "reason": "a recurring name of the convention",
    }
    as_yaml = yaml.safe_load(
        runner.invoke(cli, ["parse", "--explain", "-t", "yaml", str(seed)]).stdout
    )
    assert as_yaml["summary"] == as_json["summary"]


def test_explain_says_when_a_document_has_no_labels_to_infer(runner, seed, tmp_path):
    document = tmp_path / "t.json"
    document.write_text(transcripts.write(transcripts.read(seed), "json"), encoding="utf-8")
    result = runner.invoke(cli, ["parse", "--explain", str(document)])
    assert result.stdout == f"{document}: read as structured data; no labels to infer\n"


def test_a_glossary_before_the_call_names_no_speakers():
    """`EPS: earnings per share` spells out its label: a definition, not a turn."""
    text = (
        "Glossary\n\nEPS: earnings per share\nARR: annual recurring revenue\n\n"
        "Operator: Good day, and welcome to the call.\n\n"
        "Jane Roe: Thank you. Revenue grew 12% this quarter.\n\n"
        "Sam Lee: Congratulations. What drove the margin?\n\nJane Roe: Mostly pricing.\n"
    )
    transcript = parse(text)
    assert transcript.speaker_names() == ["Operator", "Jane Roe", "Sam Lee"]
    assert not any(block.is_turn and block.line in (3, 4) for block in transcript.blocks)


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("EPS", "earnings per share", True),
        ("CEO", "Chief Executive Officer", True),
        ("GDP", "gross domestic product, in real terms", True),
        ("ANA", "and now, again", False),
        ("Ana", "another night away", False),  # not an abbreviation
    ],
)
def test_an_expansion_spells_its_abbreviation(label, text, expected):
    assert names.is_expansion(label, text) is expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("SL.", "SLENDER CROW", True),
        ("MNG.", "THE MANAGER", True),  # "THE" aside
        ("CWK.", "COWORKER", True),
        ("EXC.", "EXECUTIVE", True),
        ("ST.", "SLENDER CROW", False),  # no T
        ("MNG.", "MAN", False),  # no G, and no longer than the short form
        ("CR.", "STOUT CROW", False),  # the first letter is the name's first letter
    ],
)
def test_a_name_cut_short_has_its_letters_in_order_in_the_full_name(short, full, expected):
    assert names.abbreviates(short, full) is expected


def test_a_name_cut_short_is_capitals_and_a_period_not_an_honorific():
    assert names.is_abbreviated("MNG.")
    assert not names.is_abbreviated("MR.")
    assert not names.is_abbreviated("Tel.")
    assert not names.is_abbreviated("MANAGER")


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Bar", "Barnardo", True),
        ("Fran", "Francisco", True),
        ("Qu", "Queen", True),
        ("A", "Anderson", False),  # an examination's answer, not a name cut short
        ("Capulet", "Lady Capulet", False),  # two words: another person
        ("Barnardo", "Barnardo", False),
        ("Rosincr", "Rosincrance", False),  # past six letters: a name of its own
    ],
)
def test_a_name_cut_to_its_first_letters(short, full, expected):
    assert names.is_first_letters(short, full) is expected


def test_initials_are_the_first_letters_of_a_name_of_two_to_four_words():
    assert names.initials_of("GABRIEL STONE") == "gs"
    assert names.initials_of("Dr. Jane D. Roe") == "jdr"  # the honorific aside
    assert names.initials_of("Cher") is None
    assert names.is_initials("GS") and names.is_initials("JDR")
    assert not names.is_initials("Gs")
    assert not names.is_initials("G")  # an examination's answer
    assert not names.is_initials("G.S.")
    assert not names.is_initials("ALL")  # a group speaking together


def test_a_note_in_lower_case_after_a_name_is_how_it_is_said():
    assert names.is_delivery_note("pointing to a purple cable")
    assert not names.is_delivery_note("Minister of Human Resources Development, Lib.")


def test_a_group_label_is_one_speaker_shaped_name():
    assert names.group_members("BLAND, DE CASTRO, AND ROPER") == ["BLAND", "DE CASTRO", "ROPER"]
    assert names.is_group("Ana and Ben")
    assert not names.is_group("Minister of Trade and Industry)")
    assert names.person_name("JIMMIE, MRS. UPJOHN, AND ROPER") is None


def _deposition() -> str:
    """Three pages of a deposition: a page number, 25 numbered lines of `Q.`/`A.`, and a
    lawyer's objection (`MR. SMITH:`) now and then, pages split by a form feed."""
    exchange = [
        ("Q.", "Where were you on the night of May 2, after the meeting ended?"),
        ("A.", "At home, with my wife and my two children."),
        ("Q.", "Did anyone else see you there that evening?"),
        ("A.", "No, nobody came by."),
        ("", "MR. SMITH:  Objection, form."),
        ("Q.", "You may answer the question."),
        ("A.", "Nobody saw me that night."),
    ]
    lines, turn = [], 0
    for page in (12, 13, 14):
        lines.append(" " * 56 + str(page))
        for number in range(1, 26):
            mark, text = exchange[turn % len(exchange)]
            turn += 1
            opening = f"{mark:4s} " if mark else "     "
            lines.append(f"{number:2d}   {opening}{text}")
        lines.append("\f")
    return "\n".join(lines) + "\n"


def test_a_deposition_with_numbered_lines_gives_q_a_and_the_objecting_lawyer():
    transcript = parse(_deposition())
    assert transcript.speaker_names() == ["Q", "A", "MR. SMITH"]
    turns = [block for block in transcript.blocks if block.is_turn]
    assert sum(1 for b in turns if b.speaker == "MR. SMITH") == 11  # every 7th of 75 lines
    assert all(b.text == "Objection, form." for b in turns if b.speaker == "MR. SMITH")
    assert not any(b.kind == "unattributed" for b in transcript.blocks)


def test_names_in_lower_case_taking_turns_are_the_documents_convention():
    transcript = parse("user: hi\nassistant: hello\nuser: a joke?\nassistant: no.\n")
    assert transcript.speaker_names() == ["user", "assistant"]
    assert transcript.inference.summary().startswith("name: text")


def test_names_in_lower_case_must_recur_as_a_cast():
    assert parse("user: hi\nassistant: hello\n").speaker_names() == []
    assert parse("todo: milk\ntodo: bread\ntodo: the bike\n").speaker_names() == []


def test_names_in_lower_case_beside_capitalised_labels_are_no_speakers():
    text = (
        "Ana: we met and\nthen: we left\nBen: right, but\nlater: we came back\n"
        "Ana: yes, and\nthen: home\nBen: ok, and\nlater: bed\nAna: fine.\nBen: good.\n"
    )
    transcript = parse(text)
    assert transcript.speaker_names() == ["Ana", "Ben"]
    assert "then: we left" in transcript.blocks[0].text


def test_a_diarisation_code_left_in_lower_case_beside_a_name_still_speaks():
    # "spk_1" is a tool's code (lower case by its habit), not a word in lower case.
    text = (
        "Interviewer: hello there.\nspk_1: hi, thanks.\nInterviewer: how are you?\n"
        "spk_1: fine thanks.\nInterviewer: good.\nspk_1: yes.\n"
    )
    assert parse(text).speaker_names() == ["Interviewer", "spk_1"]
    assert parse("spk_0: hi\nspk_1: hello\n").speaker_names() == ["spk_0", "spk_1"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Question-and-Answer Session", False),  # a section of a call, words joined
        ("Face-to-Face", False),
        ("Jean-Pierre Dupont", True),  # a hyphenated given name
        ("Karine Jean-Pierre", True),
        ("Jean-de-Dieu Soro", True),  # a name particle inside the hyphens
    ],
)
def test_function_words_joined_by_hyphens_are_no_name(label: str, expected: bool) -> None:
    assert names.is_speaker_shaped(label) is expected


@given(st.lists(st.sampled_from("abcd"), max_size=30), st.sets(st.sampled_from("abcde")))
def test_the_last_use_of_each_name_is_found_from_the_end_as_a_walk_from_the_start_finds_it(
    keys, wanted
):
    """`_last_of_each` reads a family from its end; the plain definition walks it all."""
    uses = [Use(line, None, key) for line, key in enumerate(keys)]  # type: ignore[arg-type]
    plain = {use.key: use for use in uses if use.key in wanted}
    found = _last_of_each(uses, set(wanted))
    assert sorted(id(use) for use in found) == sorted(id(use) for use in plain.values())


_CASES = Path(__file__).resolve().parent.parent / "cases" / "parse"
_SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    "path",
    [
        *sorted(_SAMPLES.iterdir()),
        _CASES / "broadcast-chevrons.case",
        _CASES / "orphan-between-turns.case",
        _CASES / "html-br-turns.case",
    ],
    ids=lambda path: path.name,
)
def test_the_share_attributed_is_that_of_the_text_of_the_blocks_built(path):
    """The assembler counts the dialogue-like text as it finishes each block; the plain
    definition counts it over the blocks: turns and someone unnamed marked as speaking,
    against text inside the dialogue that no label names."""
    text = path.read_text(encoding="utf-8").partition("\n=== expect")[0] + "\n"
    transcript = transcripts.parse(text)
    spoken = unspoken = 0
    for block in transcript.blocks:
        if block.kind == "turn" or (block.kind == "unattributed" and block.label is not None):
            spoken += len(block.text)
        elif block.kind == "unattributed":
            unspoken += len(block.text)
    total = spoken + unspoken
    assert transcript.inference.attributed == (spoken / total if total else None)


def test_a_surname_in_capitals_may_keep_its_mc_in_the_usual_case():
    assert names.is_surname_in_capitals("WATERS")
    assert names.is_surname_in_capitals("McHENRY") and names.is_surname_in_capitals("MacDONALD")
    assert not names.is_surname_in_capitals("McHenry")
    assert not names.is_surname_in_capitals("Waters")


@pytest.mark.parametrize(
    ("label", "caps"),
    [
        ("THE COURT", True),
        ("MR. McCARTHY", True),
        ("MR. DeFAZIO", True),
        ("FRöKEN", True),  # a typist's stray small letter
        ("MR. BROWN of Ohio", True),  # the place a member is of
        ("Mr. SMITH", False),
        ("Project Runeberg", False),
        ("McCarthy", False),
        ("ana", False),
    ],
)
def test_a_name_in_capitals_may_keep_a_surnames_small_letter(label: str, caps: bool):
    assert names.is_caps(label) is caps


@pytest.mark.parametrize(
    ("label", "cue"),
    [
        ("SOUND", True),
        ("SFX", True),
        ("MUSIC CUE", True),
        ("Sound effects", True),
        ("Music", True),
        ("Sound Engineer", False),  # a person's role
        ("Musical Director", False),
        ("Ana", False),
    ],
)
def test_a_sound_or_music_cue_label_names_no_one(label, cue):
    assert names.is_cue_label(label) is cue


def test_a_timed_list_of_chapters_named_once_each_names_no_speakers():
    # Times stepping forward make a hearing's names each said once its turns, where one
    # name at least comes back; a podcast's chapters, named once each, stay no speakers.
    chapters = (
        "[00:00:00] Intro: Welcome to the show, today we talk.\n"
        "[00:03:12] Guest Background: Ana talks about her career so far.\n"
        "[00:10:40] Rust Migration: Why the team moved to Rust.\n"
        "[00:25:00] Listener Questions: We answer three questions.\n"
        "[00:41:00] Closing Thoughts: What comes next for them.\n"
    )
    assert transcripts.parse(chapters).speakers == []
