"""The transcript linter: rules (one module each, in `rules/`) that find what an editor
would catch, an engine that runs them, and formatters for people and for CI.

    import transcripts
    for finding in transcripts.lint(transcripts.read("interview.txt")):
        print(finding.line, finding.code, finding.message)

`transcripts.lint` is both this package and the function: the package is callable, so
`transcripts.lint(t)` works whether or not the package was imported first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

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


class _CallableModule(types.ModuleType):
    """Importing `transcripts.lint` binds the package where `transcripts.lint` (the
    function) was; calling the package calls the function, so both spellings work."""

    def __call__(self, *args: Any, **kwargs: Any) -> list[Finding]:
        from ..api import lint as api_lint

        return api_lint(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
