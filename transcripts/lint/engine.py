"""Running the rules over one transcript and turning what they yield into findings."""

from __future__ import annotations

from ..io import display_name
from ..model import Transcript
from .config import LintSettings
from .context import Context, RuleOptions
from .finding import Finding, Location


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
    context = Context(transcript, settings.speakers)
    findings: list[Finding] = []
    for rule in settings.rules_for(path):
        options = RuleOptions(settings.options_for(rule), context)
        severity = settings.severity_for(rule)
        for problem in rule.check(transcript, options):
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
