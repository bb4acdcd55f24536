"""A stretch of the transcript pasted again with edits is one finding, not one per rule."""

from __future__ import annotations

from tests.lint.conftest import lint_text
from transcripts.linter.finding import Problem
from transcripts.linter.repeats import one_finding_per_copy

TURNS = [
    ("Ana", "Thank you for coming in today to talk about the new clinic on Main Street."),
    ("Ben", "It is my pleasure, we have been working on this project for almost three years."),
    ("Ana", "What was the hardest part of getting the clinic built in the first place?"),
    ("Ben", "The funding, without a doubt, because the region changed its rules twice."),
    ("Ana", "And how did the neighbours react when they heard about the plans for it?"),
    ("Ben", "Most of them were supportive, although a few worried about the traffic."),
    ("Ana", "When will the clinic open its doors to the first patients from the town?"),
    ("Ben", "We expect to open in the spring, once the last inspections are completed."),
]


def test_a_raw_copy_of_the_whole_conversation_pasted_below_is_one_finding():
    edited = "".join(f"{speaker}: {text}\n" for speaker, text in TURNS)
    raw = "".join(
        f"{speaker}: {text.lower().replace(',', '').replace('.', '')}\n"
        for speaker, text in (
            (s, t.replace("It is", "It's").replace("Most of them", "Most of the people"))
            for s, t in TURNS
        )
    )
    findings = lint_text(edited + "\n" + raw)
    assert [(f.line, f.end_line, f.rule) for f in findings] == [(10, 17, "duplicate-passage")]
    assert findings[0].related[0].line == 1


def _problem(line: int, end: int, related: int) -> Problem:
    return Problem(line, "m", end_line=end, related=((related, 1),))


def test_only_findings_inside_another_rules_finding_of_the_same_copy_are_dropped():
    outer = _problem(10, 17, 1)
    inside = _problem(11, 15, 2)
    elsewhere = _problem(12, 12, 40)  # repeats another place: a defect of its own
    same_rule = _problem(13, 13, 3)
    kept = one_finding_per_copy({"TR201": [outer, same_rule], "TR202": [inside, elsewhere]})
    assert kept == {"TR201": [outer, same_rule], "TR202": [elsewhere]}
