"""`transcripts stats` on the command line: formats, options, several inputs, bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from transcripts.cli import cli

DIALOGUE = "Ana: Hello there. How are you?\n\nBen: Fine, thanks.\n\nAna: Good to hear.\n"
OTHER = "Ana: One more thing.\n\nCy: Yes?\n\nAna: Nothing.\n"


@pytest.fixture
def files(tmp_path):
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    first.write_text(DIALOGUE, encoding="utf-8")
    second.write_text(OTHER, encoding="utf-8")
    return first, second


def run(runner, *args):
    return runner.invoke(cli, ["stats", *map(str, args)])


def csv_rows(runner, *args) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(run(runner, "--format", "csv", *args).stdout)))


def test_the_table_has_a_row_per_speaker_a_total_row_and_a_summary(runner, seed):
    result = run(runner, seed)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["speaker", "turns", "words"]
    assert lines[2].startswith("Lukashenko") and lines[3].startswith("Interviewer")
    assert lines[4].startswith("total")
    assert "█" in lines[2]  # the share of words as a bar
    assert lines[-1] == (
        "2 speakers, 21 turns, 698 words; not speech: 6 prose, 1 heading, 1 tags, "
        "1 labelled, 1 unattributed."
    )
    assert "talk" not in lines[0]  # no times in the source, no talk time column


def test_json_has_speakers_and_totals_with_numbers_as_numbers(runner, seed):
    result = run(runner, "--format", "json", seed)
    data = json.loads(result.stdout)
    assert set(data) == {"speakers", "totals"}
    interviewer = next(r for r in data["speakers"] if r["speaker"] == "Interviewer")
    assert interviewer["turns"] == 10 and isinstance(interviewer["words_share"], float)
    assert data["totals"]["speakers"] == 2
    assert data["totals"]["non_speech"]["unattributed"] == 1


def test_yaml_matches_json(runner, seed):
    as_json = json.loads(run(runner, "--format", "json", seed).stdout)
    as_yaml = yaml.safe_load(run(runner, "--format", "yaml", seed).stdout)
    assert as_yaml == as_json


def test_csv_has_a_header_and_rows_and_a_total_row_only_when_asked(runner, seed):
    rows = list(csv.DictReader(io.StringIO(run(runner, "--format", "csv", seed).stdout)))
    # a total row would double every column's sum in a spreadsheet or a database
    assert [r["speaker"] for r in rows] == ["Lukashenko", "Interviewer"]
    assert rows[1]["turns"] == "10" and rows[1]["talk_seconds"] == ""
    totals = run(runner, "--format", "csv", "--totals", seed).stdout
    assert [r["speaker"] for r in csv.DictReader(io.StringIO(totals))][-1] == "(total)"


def test_markdown_is_a_pipe_table(runner, seed):
    result = run(runner, "--format", "markdown", seed)
    assert result.stdout.startswith("| speaker")
    assert "|:--" in result.stdout.splitlines()[1]


def test_tablefmt_passes_through_to_tabulate(runner, seed):
    assert run(runner, "--tablefmt", "grid", seed).stdout.startswith("+--")
    result = run(runner, "--tablefmt", "nonsense", seed)
    assert result.exit_code == 2
    assert "unknown table format 'nonsense'" in result.stderr and "github" in result.stderr


def test_fields_choose_and_order_the_columns(runner, seed):
    result = run(
        runner, "--format", "csv", "--fields", "speaker,questions", "--fields", "turns", seed
    )
    assert result.stdout.splitlines()[0] == "speaker,questions,turns"
    table = run(runner, "--fields", "speaker,mlu_words", seed).stdout.splitlines()[0]
    assert table.split() == ["speaker", "MLU-w"]


def test_sort_by_a_field_and_reverse(runner, files):
    result = run(runner, "--format", "csv", "--sort", "speaker", *files)
    speakers = [row["speaker"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert speakers == ["Ana", "Ben", "Cy"]
    result = run(runner, "--format", "csv", "--sort", "turns", "--reverse", *files)
    speakers = [row["speaker"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert speakers[-1] == "Ana"


@pytest.mark.parametrize("option", ["--sort", "--fields"])
def test_an_unknown_field_is_a_one_line_error(runner, seed, option):
    result = run(runner, option, "wordz", seed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"{option}: unknown field 'wordz'" in result.stderr and "words_share" in result.stderr


def test_several_inputs_are_combined_by_speaker(runner, files):
    data = json.loads(run(runner, "--format", "json", *files).stdout)
    ana = next(r for r in data["speakers"] if r["speaker"] == "Ana")
    assert ana["turns"] == 4
    assert data["totals"]["files"] == 2


def test_per_file_gives_a_block_per_file_with_its_path(runner, files):
    data = json.loads(run(runner, "--format", "json", "--per-file", *files).stdout)
    assert [f["path"] for f in data["files"]] == [str(p) for p in files]
    assert [r["speaker"] for r in data["files"][1]["speakers"]] == ["Ana", "Cy"]
    assert all(r["path"] == str(files[0]) for r in data["files"][0]["speakers"])
    rows = list(
        csv.DictReader(io.StringIO(run(runner, "--format", "csv", "--per-file", *files).stdout))
    )
    assert list(rows[0])[:2] == ["path", "speaker"]
    assert [r["speaker"] for r in rows] == ["Ana", "Ben", "Ana", "Cy"]
    table = run(runner, "--per-file", *files).stdout
    assert table.splitlines()[0].split()[:2] == ["path", "speaker"]


def test_only_shows_some_speakers(runner, files):
    rows = list(
        csv.DictReader(io.StringIO(run(runner, "--format", "csv", "--only", "ben", *files).stdout))
    )
    assert [r["speaker"] for r in rows] == ["Ben"]
    result = run(runner, "--only", "Zed", *files)
    assert result.exit_code == 2 and "no speaker named 'Zed'" in result.stderr


def test_speaker_declares_the_roster(runner, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Ana: Note: this is what I think.\n\nBen: Fine.\n", encoding="utf-8")
    data = json.loads(run(runner, "--format", "json", "-s", "Ana", "-s", "Ben", path).stdout)
    assert sorted(r["speaker"] for r in data["speakers"]) == ["Ana", "Ben"]


def test_a_bad_input_is_reported_and_the_others_still_counted(runner, files, tmp_path):
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    result = run(runner, "--format", "json", files[0], missing, binary)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0] == f"transcripts: {missing}: no such file"
    assert str(binary) in errors[1] and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["totals"]["files"] == 1


def test_nothing_readable_writes_nothing(runner, tmp_path):
    result = run(runner, tmp_path / "missing.txt", "-o", tmp_path / "out.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert not (tmp_path / "out.txt").exists()


def test_directories_are_walked_for_transcripts(runner, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(DIALOGUE, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    data = json.loads(run(runner, "--format", "json", "--per-file", tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.md"),
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(runner, empty)
    assert result.exit_code == 2 and "no transcript files found" in result.stderr


def test_standard_input_and_an_output_file(runner, tmp_path):
    out = tmp_path / "stats.json"
    result = runner.invoke(cli, ["stats", "--format", "json", "-o", str(out)], input=DIALOGUE)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["totals"]["turns"] == 3


def test_json_input_with_times_gives_talk_time(runner, tmp_path):
    path = tmp_path / "timed.json"
    path.write_text(
        json.dumps(
            {
                "blocks": [
                    {"kind": "turn", "speaker": "Ana", "text": "Hi.", "start": 0, "end": 65},
                    {"kind": "turn", "speaker": "Ben", "text": "Hello.", "start": 65, "end": 95},
                ]
            }
        ),
        encoding="utf-8",
    )
    table = run(runner, path).stdout
    assert "talk time" in table.splitlines()[0] and "1:05" in table
    data = json.loads(run(runner, "--format", "json", path).stdout)
    assert data["speakers"][0]["talk_seconds"] == 65.0
    assert data["totals"]["talk_seconds"] == 95.0


def test_per_file_sorted_by_path(runner, files):
    data = json.loads(
        run(runner, "--format", "json", "--per-file", "--sort", "path", "--reverse", *files).stdout
    )
    assert [f["path"] for f in data["files"]] == [str(files[1]), str(files[0])]


def test_fields_can_be_a_list_in_the_config_file(runner, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.transcripts.stats]\nformat = "csv"\nfields = ["speaker", "words"]\n'
    )
    path = tmp_path / "t.txt"
    path.write_text(DIALOGUE, encoding="utf-8")
    assert run(runner, path).stdout.splitlines()[0] == "speaker,words"


def test_settings_come_from_the_config_file(runner, tmp_path):
    (tmp_path / ".transcripts.yaml").write_text("stats:\n  format: csv\n  sort: speaker\n")
    path = tmp_path / "t.txt"
    path.write_text(DIALOGUE, encoding="utf-8")
    result = run(runner, path)
    assert result.stdout.startswith("speaker,turns")
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == ["Ana", "Ben"]
