"""The linter on real transcripts (../shared/corpus; skipped when absent): the defects
known to be there are found, and natural repetition is not reported as duplication."""

from __future__ import annotations

import pytest

import transcripts
from tests.conftest import corpus_file, corpus_files

TEXT_FILES = corpus_files(".txt", ".md", ".htm")


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda path: path.name)
def test_every_corpus_transcript_lints_and_findings_point_into_the_file(path):
    lines = len(path.read_bytes().splitlines()) + 1
    for finding in transcripts.lint(path):
        assert 1 <= finding.line <= finding.end_line <= lines
        assert all(1 <= related.line <= lines for related in finding.related)


def test_the_soft_hyphens_of_the_supreme_court_pdf_extraction_are_found():
    path = corpus_file("court-oral-argument-scotus-11-398-hhs-v-florida-2012-03-27.txt")
    findings = transcripts.lint(path, select=["invisible-character"])
    assert len(findings) == 139
    assert all("U+00AD SOFT HYPHEN" in finding.message for finding in findings)


def test_the_stray_sub_control_character_of_the_hearing_is_found():
    path = corpus_file("hearing-house-financial-services-2009-05-05-lehman-bankruptcy.htm")
    (finding,) = transcripts.lint(path, select=["encoding"])
    assert finding.line == 2623 and "U+001A (SUB)" in finding.message


def test_the_speaker_label_without_its_space_is_found():
    path = corpus_file("meeting-bitcointranscripts-lightning-spec-call-2023-07-31.md")
    findings = transcripts.lint(path, select=["speaker-variant"])
    assert [finding.line for finding in findings] == [344]
    assert "“Speaker4” (1 turn) and “Speaker 4”" in findings[0].message


@pytest.mark.parametrize(
    "name",
    [
        "debate-2020-first-presidential-mytake.txt",  # candidates repeat their lines
        "townhall-whitehouse-2021-02-17-biden-cnn-anderson-cooper.md",  # emphasis
        "podcast-changelog-gotime-100-pike-griesemer.md",
    ],
)
def test_natural_repetition_in_speech_is_not_reported_as_duplication(name):
    assert transcripts.lint(corpus_file(name), select=["TR2"], ignore=["TR203"]) == []


def test_the_speech_printed_twice_in_the_congressional_record_is_found():
    # Ms. Ros-Lehtinen's speech (lines 8003-8087) is printed again, edited, at 8088-8232.
    path = corpus_file("congressional-record-house-2005-07-20-H6117-floor-debate.htm")
    findings = transcripts.lint(path, select=["duplicate-passage", "near-duplicate-passage"])
    in_the_copy = [
        finding
        for finding in findings
        if 8088 <= finding.line <= 8232 and 8003 <= finding.related[0].line <= 8087
    ]
    assert {finding.rule for finding in in_the_copy} == {
        "duplicate-passage",
        "near-duplicate-passage",
    }
