"""Transcripts held as tables: the frame (header and rule rows) found, rows read as
turns only where their speaker column holds a cast taking turns."""

from __future__ import annotations

from transcripts.api import parse, write
from transcripts.readers.text import tables
from transcripts.readers.text.lines import split_lines


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(block.kind, block.speaker, block.text) for block in parse(text).blocks]


def test_tab_separated_header_row_is_layout_not_a_speaker() -> None:
    text = "Speaker\tText\nAna\tHi there.\nBen\tHello.\nAna\tHow are you?\nBen\tFine.\n"
    transcript = parse(text)
    assert transcript.speaker_names() == ["Ana", "Ben"]
    assert transcript.blocks[0].kind == "layout"


def test_tab_separated_first_turn_is_not_taken_for_a_header() -> None:
    # "Ana" speaks again below: the first row is a turn, not the columns' names.
    lines = split_lines("Ana\tYes\nBen\tNo, I think not.\nAna\tWhy not?\n")
    assert tables.find("".join(lines), lines, 0) == []


def test_markdown_rows_text_has_no_separators_and_keeps_an_escaped_pipe() -> None:
    text = (
        "| Speaker | Text |\n|---|---|\n| Ana | Hi \\| there. |\n| Ben | Hello. |\n"
        "| Ana | Bye. |\n| Ben | Bye now. |\n"
    )
    assert _kinds(text)[1:3] == [("turn", "Ana", "Hi | there."), ("turn", "Ben", "Hello.")]


def test_markdown_table_of_turns_round_trips_byte_for_byte() -> None:
    text = (
        "Intro.\r\n\r\n| Time | Speaker | Text |\r\n| --- | --- | --- |\r\n"
        "| 00:01 | Ana | Hi. |\r\n| 00:02 | Ben | Hello. |\r\n| 00:03 | Ana | Bye. |\r\n"
        "| 00:04 | Ben | Bye. |\r\n\r\nAfter the table."
    )
    transcript = parse(text)
    assert [block.start for block in transcript.blocks if block.kind == "turn"] == [1, 2, 3, 4]
    assert write(transcript, "text") == text


def test_glossary_table_is_text_as_written() -> None:
    text = (
        "Terms:\n\n| Term | Meaning |\n|---|---|\n| API | Application programming interface |\n"
        "| SDK | Software development kit |\n| CLI | Command-line interface |\n"
    )
    kinds = _kinds(text)
    assert [kind for kind, _, _ in kinds] == ["heading", "prose"]
    assert kinds[1][2].startswith("| Term | Meaning |")


def test_a_row_number_or_a_time_after_the_name_is_no_part_of_the_turn() -> None:
    numbered = (
        "| # | Speaker | Text |\n|---|---|---|\n| 1 | Ana | Hi. |\n| 2 | Ben | Hello. |\n"
        "| 3 | Ana | Bye. |\n| 4 | Ben | Bye now. |\n"
    )
    assert _kinds(numbered)[1] == ("turn", "Ana", "Hi.")
    timed = (
        "| Speaker | Time | Text |\n|---|---|---|\n| Ana | 00:01 | Hi. |\n"
        "| Ben | 00:05 | Hello. |\n| Ana | 00:09 | Bye. |\n| Ben | 00:12 | Bye now. |\n"
    )
    transcript = parse(timed)
    assert [(b.speaker, b.start, b.text) for b in transcript.blocks[1:3]] == [
        ("Ana", 1.0, "Hi."),
        ("Ben", 5.0, "Hello."),
    ]


def test_a_markdown_table_without_its_outer_pipes_is_read_alike() -> None:
    text = "Speaker | Text\n--- | ---\nAna | Hi.\nBen | Hello.\nAna | Bye.\nBen | Bye now.\n"
    kinds = _kinds(text)
    assert kinds[0][0] == "layout"
    assert kinds[1:3] == [("turn", "Ana", "Hi."), ("turn", "Ben", "Hello.")]
