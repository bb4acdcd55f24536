"""Running the rules over one transcript and turning what they yield into findings."""

from __future__ import annotations

from ..io import display_name
from ..model import Transcript
from ..parallel import Forked, can_fork
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
    problems = _problems_of(rules, transcript, settings)
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


# From this many blocks, the rules that do not compare sentences run in a second process
# while the repetition rules, most of the work, run in this one.
_SPLIT_FROM_BLOCKS = 20_000


def _problems_of(
    rules: list[Rule], transcript: Transcript, settings: LintSettings
) -> dict[str, list[Problem]]:
    """Each rule's problems, by code; on long transcripts in two processes at once.
    Rules that share the sentence table stay together, so it is built once."""
    together = [rule for rule in rules if "sentences" in rule.uses]
    others = [rule for rule in rules if "sentences" not in rule.uses]
    if together and others and len(transcript.blocks) >= _SPLIT_FROM_BLOCKS and can_fork():
        forked = Forked(_check, others, transcript, settings)
        try:
            problems = _check(together, transcript, settings)
        except BaseException:
            forked.cancel()
            raise
        problems.update(forked.result())
        return problems
    return _check(rules, transcript, settings)


def _check(
    rules: list[Rule], transcript: Transcript, settings: LintSettings
) -> dict[str, list[Problem]]:
    context = Context(transcript, settings.speakers)
    return {
        rule.code: list(rule.check(transcript, RuleOptions(settings.options_for(rule), context)))
        for rule in rules
    }
