"""Whole transcripts: clean ones give no finding, one with every defect gives each once."""

from __future__ import annotations

from pathlib import Path

import pytest

import transcripts

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("clean-*")), ids=lambda p: p.name)
def test_clean_transcripts_give_no_finding(path):
    assert transcripts.lint(path) == []


def test_each_planted_defect_is_found_once_at_its_line():
    findings = transcripts.lint(FIXTURES / "defects.txt")
    assert [(f.line, f.rule) for f in findings] == [
        (8, "speaker-variant"),  # LUKASHENKO / Lukashenko
        (9, "non-speaker-label"),  # Editor's note:
        (10, "orphaned-passage"),  # a question nobody asks
        (12, "consecutive-speaker"),  # Lukashenko twice in a row
        (14, "duplicate-passage"),  # line 6's answer pasted again
        (16, "encoding"),  # U+FFFD
        (17, "unbalanced-quotes"),  # “ never closed
        (18, "empty-turn"),  # a label with nothing after it
    ]
    duplicate = findings[4]
    assert duplicate.message.startswith("repeats line 6 (2 sentences):")
    assert (duplicate.column, duplicate.related[0].line) == (13, 6)
