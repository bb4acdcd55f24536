"""Running the rules over one transcript and turning what they yield into findings."""

from __future__ import annotations

from ..io import display_name
from ..model import Transcript
from .config import LintSettings
from .context import Context, RuleOptions
from .finding import Finding, Location, Problem
from .registry import Rule


def lint(
    transcript: Transcript, settings: LintSettings | None = None, *, path: str | None = None
) -> list[Finding]:
    """The findings of every rule `settings` selects for this transcript, sorted by place.

    `path` names the file in the findings (default: the transcript's source); it also
    decides which per-file ignores apply.
    """
    settings = settings or LintSettings()
    path = path or transcript.source or "-"
    shown = display_name(path)
    rules = list(settings.rules_for(path))
    problems = _check(rules, transcript, settings)
    findings: list[Finding] = []
    for rule in rules:
        severity = settings.severity_for(rule)
        for problem in problems[rule.code]:
            findings.append(
                Finding(
                    path=shown,
                    line=problem.line,
                    column=problem.column,
                    end_line=max(problem.end_line or problem.line, problem.line),
                    code=rule.code,
                    rule=rule.name,
                    severity=severity,
                    message=problem.message,
                    related=tuple(
                        Location(shown, line, column) for line, column in problem.related
                    ),
                    end_column=problem.end_column,
                )
            )
    findings.sort(key=Finding.sort_key)
    return findings


def _check(
    rules: list[Rule], transcript: Transcript, settings: LintSettings
) -> dict[str, list[Problem]]:
    """Each rule's problems, by code; the rules share one context (the sentence table is
    built once)."""
    context = Context(transcript, settings.speakers)
    return {
        rule.code: list(rule.check(transcript, RuleOptions(settings.options_for(rule), context)))
        for rule in rules
    }
