"""Adopting the linter gradually: baselines, fingerprints, inline suppression, fixes,
diffs, and findings placed in the document linted."""

from __future__ import annotations

import json
import os

import pytest

from transcripts.cli import cli

MOJIBAKE = "don\u00e2\u20ac\u2122t"  # "don't" read as Windows-1252
LONG = "Thank you for your insights on the matter, President Lukashenko."


def _lint(runner, *args):
    return runner.invoke(cli, ["lint", *map(str, args)])


def test_a_baseline_accepts_todays_findings_and_fails_on_new_ones_after_lines_move(
    runner, tmp_path
):
    path = tmp_path / "talk.txt"
    path.write_text(f"Ana: I {MOJIBAKE} see.\nBen: I {MOJIBAKE} know.\n", encoding="utf-8")
    baseline = tmp_path / "lint-baseline.json"
    written = _lint(runner, "--write-baseline", baseline, path)
    assert written.exit_code == 0 and written.stdout == ""
    assert "wrote 2 findings to the baseline" in written.stderr
    records = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {r["path"] for r in records} == {"talk.txt"}  # relative to the baseline
    assert _lint(runner, "--baseline", baseline, path).exit_code == 0
    # lines added above move every finding; they are still the accepted ones
    path.write_text("Cy: Hello.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    moved = _lint(runner, "--baseline", baseline, path)
    assert moved.exit_code == 0 and moved.stdout == ""
    assert "2 in the baseline" in moved.stderr
    # a new finding fails, and only it is reported
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"Ana: Again {MOJIBAKE}.\n")
    new = _lint(runner, "--baseline", baseline, path)
    assert new.exit_code == 1
    assert new.stdout.splitlines() == [
        f"{path}:5:15: TR302 [encoding] mojibake “â€™” is “’” in UTF-8 read as Windows-1252; "
        "re-decode the file as UTF-8"
    ]


def test_the_baseline_can_come_from_the_configuration(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(f"Ben: I {MOJIBAKE} know.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    assert _lint(runner, "--write-baseline", tmp_path / "b.json", path).exit_code == 0
    (tmp_path / ".transcripts.yaml").write_text("lint:\n  baseline: b.json\n", encoding="utf-8")
    assert _lint(runner, path).exit_code == 0
    missing = _lint(runner, "--baseline", tmp_path / "nope.json", path)
    assert missing.exit_code == 2 and "no such baseline" in missing.stderr


def test_a_device_as_the_baseline_is_one_line_and_a_pipe_is_read(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(f"Ben: I {MOJIBAKE} know.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".transcripts.yaml").write_text("lint:\n  baseline: /dev/zero\n", encoding="utf-8")
    result = _lint(runner, path)  # /dev/zero was read until memory ran out
    assert result.exit_code == 2
    assert result.stderr == (
        "transcripts: /dev/zero: cannot read the baseline: it is a character device, not a file\n"
    )
    read, write = os.pipe()  # what `--baseline <(git show main:baseline.json)` gives
    os.write(write, b'{"findings": []}')
    os.close(write)
    try:
        piped = _lint(runner, "--baseline", f"/dev/fd/{read}", path)
    finally:
        os.close(read)
    assert piped.exit_code == 1 and "TR" in piped.stdout


def test_sarif_carries_the_fingerprints(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(f"Ben: I {MOJIBAKE} know, {MOJIBAKE}.\n", encoding="utf-8")
    log = json.loads(_lint(runner, "--format", "sarif", path).stdout)
    prints = [r["partialFingerprints"]["transcripts/v1"] for r in log["runs"][0]["results"]]
    assert len(prints) == 2 and prints[0].endswith(":1") and prints[1].endswith(":2")
    assert prints[0].split(":")[0] == prints[1].split(":")[0]  # one line, one rule
    findings = json.loads(_lint(runner, "--format", "json", path).stdout)
    assert findings[0]["fingerprint"] == prints[0].split(":")[0]


def test_statistics_in_sarif_stay_sarif(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(f"Ben: I {MOJIBAKE} know.\n", encoding="utf-8")
    result = _lint(runner, "--statistics", "--format", "sarif", path)
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["properties"]["statistics"][0]["code"] == "TR302"


def test_comments_turn_rules_off_in_markdown_and_text(runner, tmp_path):
    path = tmp_path / "talk.md"
    path.write_text(
        f"**Ana:** {LONG}\n\n"
        "<!-- transcripts: disable-line duplicate-passage -->\n"
        f"**Ana:** {LONG}\n\n"
        f"**Ben:** I {MOJIBAKE} know. <!-- transcripts: disable-line rule:TR3 -->\n\n"
        "<!-- transcripts: disable TR302 -->\n"
        f"**Ben:** {MOJIBAKE} one.\n\n"
        "<!-- transcripts: enable TR302 -->\n"
        f"**Ben:** {MOJIBAKE} two.\n",
        encoding="utf-8",
    )
    result = _lint(runner, "--select", "TR201,TR302", path)
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["TR302"]
    assert result.stdout.startswith(f"{path}:12:")


def test_a_webvtt_note_turns_rules_off_for_the_cue_after_it(runner, tmp_path):
    path = tmp_path / "talk.vtt"
    cues = (
        f"00:00.000 --> 00:01.000\n<v Ana>I {MOJIBAKE} know.\n\n"
        "00:01.000 --> 00:02.000\n<v Ben>Fine.\n\n"
        f"00:02.000 --> 00:03.000\n<v Ana>Again {MOJIBAKE}.\n"
    )
    path.write_text("WEBVTT\n\nNOTE transcripts: disable-line encoding\n\n" + cues)
    result = _lint(runner, "--select", "TR302", path)
    assert [line.split(":")[1] for line in result.stdout.splitlines()] == ["12"]


def test_fix_applies_safe_fixes_and_keeps_encoding_bom_and_line_endings(runner, tmp_path):
    path = tmp_path / "talk.txt"
    original = (
        f"\ufeffAna: It {MOJIBAKE} matter, Medi\u00adcaid.\r\nBen: Fine\x07 then.\r\nAna: Good."
    )
    path.write_bytes(original.encode("utf-8"))
    diff = _lint(runner, "--diff", path)
    assert diff.exit_code == 1
    assert "-Ana: It donâ€™t matter" in diff.stdout and "+Ana: It don’t matter" in diff.stdout
    assert path.read_bytes() == original.encode("utf-8")  # --diff writes nothing
    fixed = _lint(runner, "--fix", path)
    assert fixed.exit_code == 0 and fixed.stdout == ""
    assert "3 fixed" in fixed.stderr
    assert path.read_bytes() == (
        b"\xef\xbb\xbfAna: It don\xe2\x80\x99t matter, Medicaid.\r\nBen: Fine then.\r\nAna: Good."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.txt"]  # no temporary file
    assert _lint(runner, "--diff", path).exit_code == 0  # nothing left to fix


def test_fix_keeps_a_legacy_encoding(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_bytes("Ana: café\u00ad au lait\nBen: Oui.\n".encode("utf-16"))
    assert _lint(runner, "--fix", path).exit_code == 0
    data = path.read_bytes()
    assert (
        data.startswith(b"\xff\xfe") and data.decode("utf-16") == "Ana: café au lait\nBen: Oui.\n"
    )


def test_unsafe_fixes_rename_variants_and_remove_a_repeated_turn(runner, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(
        "Ana: Where were you?\n"
        "LUKASHENKO: At home.\n"
        "Ana: And then?\n"
        "Lukashenko: I stayed there, all evening.\n"
        "Lukashenko: I stayed there, all evening.\n"
        "Ana: Thank you.\n"
        "Lukashenko: Of course.\n",
        encoding="utf-8",
    )
    safe = _lint(runner, "--fix", path)
    assert safe.exit_code == 1 and "2 more with --unsafe-fixes" in safe.stderr
    unsafe = _lint(runner, "--unsafe-fixes", path)
    assert unsafe.exit_code == 0, unsafe.stdout
    assert path.read_text(encoding="utf-8") == (
        "Ana: Where were you?\n"
        "Lukashenko: At home.\n"
        "Ana: And then?\n"
        "Lukashenko: I stayed there, all evening.\n"
        "Ana: Thank you.\n"
        "Lukashenko: Of course.\n"
    )


def test_fixes_on_a_structured_format_are_refused_with_a_note(runner, tmp_path):
    text = tmp_path / "talk.txt"
    text.write_text(f"Ana: I {MOJIBAKE} know.\nBen: Fine.\n", encoding="utf-8")
    document = tmp_path / "talk.json"
    document.write_text(runner.invoke(cli, ["parse", str(text)]).stdout, encoding="utf-8")
    before = document.read_bytes()
    result = _lint(runner, "--fix", document)
    assert result.exit_code == 1
    assert f"{document}: 1 fixable finding left as they are" in result.stderr
    assert "fixes rewrite text and Markdown only, not json" in result.stderr
    assert document.read_bytes() == before


@pytest.mark.parametrize("to", ["json", "yaml", "jsonl"])
def test_findings_in_a_document_point_at_its_own_lines(runner, tmp_path, seed, to):
    document = tmp_path / f"interview.{to}"
    assert runner.invoke(cli, ["parse", "-t", to, str(seed), "-o", str(document)]).exit_code == 0
    from_text = json.loads(_lint(runner, "--format", "json", seed).stdout)
    found = json.loads(_lint(runner, "--format", "json", document).stdout)
    assert [f["code"] for f in found] == [f["code"] for f in from_text]
    lines = document.read_text(encoding="utf-8").splitlines()
    for finding, original in zip(found, from_text, strict=True):
        line = lines[finding["line"] - 1]
        assert "kind" in line or line.lstrip().startswith("- ")  # where the block starts
        assert {"path": str(seed), "line": original["line"], "message": "in the source text"} in (
            finding["related"]
        )
