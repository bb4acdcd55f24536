"""`transcripts lint` end to end: formats, selection, exit statuses, config, inputs."""

from __future__ import annotations

import json
from pathlib import Path

from transcripts.cli import cli

CLEAN = """\
Interviewer: Thank you for joining us today. How did the talks in Geneva go?
Guest: They went well, all things considered, and both sides made concessions.
Interviewer: What comes next for the delegation?
Guest: We meet again in the spring, once the experts have compared their figures.
"""

SEED_LINES = [
    "samples/lukashenko-interview.txt:2:28: TR401 [misquote]",
    "samples/lukashenko-interview.txt:2:146: TR401 [misquote]",
    "samples/lukashenko-interview.txt:21:1: TR102 [non-speaker-label]",
    "samples/lukashenko-interview.txt:22:1: TR101 [orphaned-passage]",
    "samples/lukashenko-interview.txt:30:14: TR201 [duplicate-passage]",
]


def _seed_relative(seed: Path, monkeypatch) -> str:
    monkeypatch.chdir(seed.parent.parent)
    return "samples/lukashenko-interview.txt"


def test_the_seed_exits_1_with_exactly_the_findings_an_editor_agrees_with(
    runner, seed, monkeypatch
):
    result = runner.invoke(cli, ["lint", _seed_relative(seed, monkeypatch)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [
        line[: len(prefix)] for line, prefix in zip(lines, SEED_LINES, strict=False)
    ] == SEED_LINES
    assert len(lines) == 5
    assert result.stderr.strip() == "5 findings (5 warnings) in 1 of 1 file"


def test_a_clean_transcript_exits_0_and_prints_no_finding(runner, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_an_unreadable_input_exits_2_and_the_others_are_still_linted(runner, seed, tmp_path):
    result = runner.invoke(cli, ["lint", str(tmp_path / "missing.txt"), str(seed)])
    assert result.exit_code == 2
    assert f"transcripts: {tmp_path / 'missing.txt'}: no such file" in result.stderr
    assert "TR201 [duplicate-passage]" in result.stdout


def test_a_directory_is_walked_for_transcript_files(runner, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "sub/b.md", ".hidden/c.txt", "notes.csv", "sub/.d.txt"):
        (tmp_path / name).write_text("Ana: Take the figures.\nNote: x\nwhat about it?\nAna: Ok.\n")
    result = runner.invoke(cli, ["lint", "--format", "json", str(tmp_path)])
    paths = sorted({finding["path"] for finding in json.loads(result.stdout)})
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]


def test_an_empty_directory_is_a_warning_not_an_error(runner, tmp_path):
    result = runner.invoke(cli, ["lint", str(tmp_path)])
    assert result.exit_code == 0
    assert "no transcript files found" in result.stderr


def test_json_github_and_sarif_formats(runner, seed):
    findings = json.loads(runner.invoke(cli, ["lint", "--format", "json", str(seed)]).stdout)
    assert [(f["line"], f["rule"]) for f in findings] == [
        (2, "misquote"),
        (2, "misquote"),
        (21, "non-speaker-label"),
        (22, "orphaned-passage"),
        (30, "duplicate-passage"),
    ]
    assert findings[0]["related"] == [{"path": str(seed), "line": 10}]
    assert findings[4]["related"] == [{"path": str(seed), "line": 19}]
    annotations = runner.invoke(cli, ["lint", "--format", "github", str(seed)]).stdout
    assert annotations.splitlines()[2].startswith(f"::warning file={seed},line=21,col=1,")
    log = json.loads(runner.invoke(cli, ["lint", "--format", "sarif", str(seed)]).stdout)
    assert len(log["runs"][0]["results"]) == 5


def test_select_ignore_severity_and_exit_zero(runner, seed):
    def run(*options):
        return runner.invoke(cli, ["lint", *options, str(seed)])

    assert len(run("--select", "TR1").stdout.splitlines()) == 2
    assert len(run("--select", "TR1,TR2", "--ignore", "orphaned-passage").stdout.splitlines()) == 2
    assert run("--severity", "error").exit_code == 0  # warnings are reported, do not fail
    assert len(run("--severity", "error").stdout.splitlines()) == 5
    assert run("--exit-zero").exit_code == 0
    bad = run("--select", "TR9")
    assert bad.exit_code == 2 and "--select: unknown rule 'TR9'" in bad.stderr


def test_explain_prints_a_rules_documentation(runner):
    result = runner.invoke(cli, ["lint", "--explain", "duplicate-passage"])
    assert result.exit_code == 0
    assert result.stdout.startswith("TR201 duplicate-passage (default severity: warning)")
    assert "min-length: 40" in result.stdout
    listing = runner.invoke(cli, ["lint", "--explain", "all"]).stdout
    assert len(listing.splitlines()) >= 11 and "TR303  invisible-character" in listing
    unknown = runner.invoke(cli, ["lint", "--explain", "duplicate"])
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr


def test_statistics_replace_the_findings(runner, seed):
    result = runner.invoke(cli, ["lint", "--statistics", str(seed)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2  TR401  [misquote]  warning",
        "1  TR101  [orphaned-passage]  warning",
        "1  TR102  [non-speaker-label]  warning",
        "1  TR201  [duplicate-passage]  warning",
    ]


def test_settings_come_from_pyproject_found_above_the_input(runner, seed, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.transcripts.lint]\nignore = ["TR1", "TR4"]\nformat = "json"\n'
        '[tool.transcripts.lint.rules.duplicate-passage]\nseverity = "error"\n',
        encoding="utf-8",
    )
    (tmp_path / "deep").mkdir()
    copy = tmp_path / "deep" / "interview.txt"
    copy.write_bytes(seed.read_bytes())
    result = runner.invoke(cli, ["lint", str(copy)])
    findings = json.loads(result.stdout)
    assert [(f["code"], f["severity"]) for f in findings] == [("TR201", "error")]
    # --ignore adds to the file's ignore list (as ruff's does): nothing is left
    override = runner.invoke(cli, ["lint", "--format", "text", "--ignore", "TR2", str(copy)])
    assert override.stdout == "" and override.exit_code == 0


def test_a_bad_setting_is_one_line_naming_the_file(runner, seed, tmp_path):
    config = tmp_path / "lint.yaml"
    config.write_text("lint:\n  rules:\n    TR201: {min-length: many}\n", encoding="utf-8")
    result = runner.invoke(cli, ["lint", "--config", str(config), str(seed)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"transcripts: {config}: lint.rules.TR201.min-length: expected a whole number "
        "like 40, found 'many'"
    )
    config.write_text("lint:\n  selekt: [TR1]\n", encoding="utf-8")
    result = runner.invoke(cli, ["lint", "--config", str(config), str(seed)])
    assert result.exit_code == 2
    assert "lint.selekt: unknown setting; did you mean 'select'?" in result.stderr


def test_standard_input_and_an_output_file(runner, seed, tmp_path):
    result = runner.invoke(cli, ["lint", "-"], input=seed.read_text(encoding="utf-8"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[2].startswith("<stdin>:21:1: TR102")
    report = tmp_path / "lint.sarif"
    result = runner.invoke(cli, ["lint", "--format", "sarif", "-o", str(report), str(seed)])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_declared_speakers_are_used_to_parse(runner, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Ana: Hello there.\nBen: Hi.\nAna: Bye now.\nBen: Bye.\n", encoding="utf-8")
    result = runner.invoke(cli, ["lint", "-s", "Ana", "--format", "json", str(path)])
    rules = {finding["rule"] for finding in json.loads(result.stdout)}
    assert "consecutive-speaker" in rules  # Ben is no speaker now: Ana speaks twice in a row
