"""Output formats: text for people, JSON, GitHub annotations and SARIF for machines."""

from __future__ import annotations

import json

import pytest

import transcripts
from tests.conftest import SHARED
from transcripts.linter import Finding, Location, Severity
from transcripts.linter.output import github, json_array, sarif_log, statistics, summary, text

FINDING = Finding(
    path="dir/a file.txt",
    line=30,
    column=14,
    end_line=30,
    code="TR201",
    rule="duplicate-passage",
    severity=Severity.WARNING,
    message="repeats line 19: “Thank you, 100%, really”",
    related=(Location("dir/a file.txt", 19, 14),),
    end_column=64,
)


def test_text_is_one_line_per_finding_in_ruffs_shape():
    assert text([FINDING]) == (
        "dir/a file.txt:30:14: TR201 [duplicate-passage] "
        "repeats line 19: “Thank you, 100%, really”\n"
    )


def test_json_is_an_array_of_findings_with_the_documented_keys():
    (item,) = json.loads(json_array([FINDING]))
    assert item == {
        "path": "dir/a file.txt",
        "line": 30,
        "column": 14,
        "end_line": 30,
        "code": "TR201",
        "rule": "duplicate-passage",
        "severity": "warning",
        "message": "repeats line 19: “Thank you, 100%, really”",
        "related": [{"path": "dir/a file.txt", "line": 19}],
        "fingerprint": "",
        "fix": None,
    }


def test_github_annotations_escape_their_properties_and_message():
    line = github([FINDING]).rstrip("\n")
    assert line == (
        "::warning file=dir/a file.txt,line=30,col=14,endLine=30,"
        "title=TR201 duplicate-passage::repeats line 19: “Thank you, 100%25, really”"
    )
    info = Finding("a:b,c.txt", 1, 1, 1, "TR203", "repeated-question", Severity.INFO, "x\ny")
    assert github([info]) == (
        "::notice file=a%3Ab%2Cc.txt,line=1,col=1,endLine=1,title=TR203 repeated-question::x%0Ay\n"
    )


def test_statistics_count_findings_per_rule_most_first():
    other = Finding("b.txt", 1, 1, 1, "TR101", "orphaned-passage", Severity.WARNING, "m")
    assert statistics([FINDING, other, FINDING]) == (
        "2  TR201  [duplicate-passage]  warning\n1  TR101  [orphaned-passage]  warning\n"
    )
    assert json.loads(statistics([FINDING], as_json=True)) == [
        {"code": "TR201", "rule": "duplicate-passage", "severity": "warning", "count": 1}
    ]


def test_the_summary_counts_findings_by_severity_and_files():
    assert summary([FINDING], 3) == "1 finding (1 warning) in 1 of 3 files"
    assert summary([], 1) == "no findings in 1 file"


def _sarif_schema():
    path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_output_of_the_seed_validates_against_the_sarif_2_1_0_schema(seed):
    jsonschema = pytest.importorskip("jsonschema")
    log = sarif_log(transcripts.lint(seed), errors=["missing.txt: no such file"])
    jsonschema.Draft202012Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= {"TR101", "TR102", "TR201"}
    assert all(rule["fullDescription"]["text"] for rule in rules)
    duplicate = next(r for r in run["results"] if r["ruleId"] == "TR201")
    assert rules[duplicate["ruleIndex"]]["id"] == "TR201"
    region = duplicate["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (30, 14)
    related = duplicate["relatedLocations"][0]["physicalLocation"]["region"]
    assert related["startLine"] == 19
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_uris_are_relative_references_or_file_uris():
    relative = sarif_log([FINDING])["runs"][0]["results"][0]["locations"][0]
    assert relative["physicalLocation"]["artifactLocation"]["uri"] == "dir/a%20file.txt"
    absolute = Finding("/tmp/x y.txt", 1, 1, 1, "TR101", "orphaned-passage", Severity.ERROR, "m")
    location = sarif_log([absolute])["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "file:///tmp/x%20y.txt"
