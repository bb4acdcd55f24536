"""The paragraph scan reads whether a candidate label stands alone from the label's shape,
not from its line again: it must find the paragraphs the plain definition (each line
read) finds, on real text and on generated text."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES, corpus_files
from transcripts.readers.text.candidates import find_candidates
from transcripts.readers.text.evidence import Use, Verdict
from transcripts.readers.text.lines import split_lines
from transcripts.readers.text.paragraphs_scan import (
    Paragraph,
    Scan,
    _note_end,
    label_of,
    scan_paragraphs,
)

CASES = Path(__file__).resolve().parent.parent / "cases" / "parse"


def plain_scan(lines: list[str], start: int, uses: list[Use]) -> Scan:
    """The definition: a paragraph per line of text, its label the candidate's (or a field
    label's), and `bare` read from the line itself."""
    by_line = {use.line: use for use in uses}
    paragraphs: list[Paragraph] = []
    hashed: list[int] = []
    inside = -1
    for index in range(start, len(lines)):
        line = lines[index]
        use = by_line.get(index)
        if index <= inside or (use is None and line.isspace()):
            continue
        found = label_of(line, 0, use)
        if found is None:
            if line.lstrip(" \t\xa0").startswith("#"):
                hashed.append(len(paragraphs))
            # a note in brackets over several lines is one paragraph
            next_label = min((u.line for u in uses if u.line > index and u.accepted), default=-1)
            last = inside = (
                _note_end(lines, index, partial(int, next_label))
                if line.lstrip(" \t")[:1] in "[("
                else index
            )
            paragraphs.append(Paragraph(index, last))
            continue
        label, rest_at, rule, time, speaker = found
        bare = rest_at >= len(line) or line[rest_at] in "\r\n"
        paragraphs.append(Paragraph(index, index, label, rest_at, speaker, bare, rule, time))
    return Scan(paragraphs, hashed)


def _with_verdicts(uses: list[Use]) -> list[Use]:
    """Every other candidate taken as a speaker's, the rest not or not asked."""
    for number, use in enumerate(uses):
        if number % 3 < 2:
            use.verdict = Verdict(number % 3 == 0, "test")
    return uses


def _texts() -> list[Path]:
    paths = [*corpus_files(".txt", ".md"), *sorted(SAMPLES.glob("*.txt"))]
    return [*paths, *sorted(CASES.glob("*.case"))]


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name)
def test_real_text_is_scanned_as_the_plain_definition_scans_it(path):
    text = path.read_text(encoding="utf-8").split("\n=== expect", 1)[0]
    lines = split_lines(text)
    uses = _with_verdicts(find_candidates(lines, 0))
    assert scan_paragraphs(lines, 0, uses) == plain_scan(lines, 0, uses)


_PIECES = ["Ana", "ANA RUIZ", "Dr. Ruiz", "Q.", "A. Yes", "Ana:", ":", "：", " ", "  ", "\t",
           "**", "[00:01:02]", "(laughs)", "(CONT'D)", "hello.", "well", "#", ">>", "—",
           "\n", "\n", "\r\n", "\r", "\xa0"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join), st.integers(0, 3))
def test_generated_text_is_scanned_as_the_plain_definition_scans_it(text, start):
    lines = split_lines(text)
    uses = _with_verdicts(find_candidates(lines, start))
    assert scan_paragraphs(lines, start, uses) == plain_scan(lines, start, uses)
