"""Linting a long transcript in two processes gives exactly the findings of one."""

from __future__ import annotations

import pytest

import transcripts
from transcripts.lint import engine, passages
from transcripts.parallel import can_fork


def _long_text() -> str:
    lines = []
    for number in range(3_000):
        speaker = "Interviewer" if number % 2 else "Guest"
        line = f"{speaker}: Answer number {number} is about the river and its bridges today."
        if number in (7, 1407):  # a pasted paragraph, found by the repetition rules
            line = (
                f"{speaker}: The bridge was closed for repairs in the spring of that year. "
                "It reopened in June, after the new cables had been strung and tested."
            )
        if number % 1100 == 11:  # mojibake, found by a character rule in the other process
            line += " It doesnâ€™t matter."
        lines.append(line)
        if number % 1300 == 5:
            lines.append("Editor's note: the figures were corrected after publication.")
    return "\n\n".join(lines) + "\n"


@pytest.mark.skipif(not can_fork(), reason="no second core or no fork here")
def test_two_processes_give_the_same_findings_as_one(monkeypatch):
    transcript = transcripts.parse(_long_text(), source="long.txt")
    # Split at this size already (the thresholds are set for speed, not for correctness).
    monkeypatch.setattr(engine, "_SPLIT_FROM_BLOCKS", 100)
    monkeypatch.setattr(passages, "_FORK_ABOVE", 1000)
    split = transcripts.lint(transcript)
    monkeypatch.setattr(engine, "can_fork", lambda: False)
    monkeypatch.setattr(passages, "can_fork", lambda: False)
    single = transcripts.lint(transcript)
    assert split == single
    assert {finding.code for finding in split} >= {"TR102", "TR201", "TR302"}
