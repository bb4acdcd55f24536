"""The lint engine: rules (one module each, in `rules/`) that find what an editor would
catch, the engine that runs them over one transcript, and formatters for people and CI.

    import transcripts
    for finding in transcripts.lint(transcripts.read("interview.txt")):
        print(finding.line, finding.code, finding.message)

`transcripts.lint` (the function, in `transcripts.api`) reads a path if given one and
calls `lint` here; what the `lint` command does with many files is in
`transcripts.pipelines.lint`. Nothing here imports those layers.
"""

from __future__ import annotations

from .config import LintSettings
from .engine import lint
from .finding import Finding, Location, Problem, Severity
from .registry import Rule, all_rules, find_rule

__all__ = [
    "Finding",
    "LintSettings",
    "Location",
    "Problem",
    "Rule",
    "Severity",
    "all_rules",
    "find_rule",
    "lint",
]
