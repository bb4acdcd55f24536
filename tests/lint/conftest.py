"""Helpers for the lint tests: lint a string with one rule and its options."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

import transcripts
from transcripts.linter import Finding, LintSettings


def lint_text(text: str, rule: str | None = None, **options: object) -> list[Finding]:
    """Findings of `rule` (all rules when None) on `text`, dedented; options by their
    kebab-case names with underscores (min_length=60)."""
    transcript = transcripts.parse(textwrap.dedent(text).lstrip("\n"), source="t.txt")
    config: dict[str, object] = {}
    if rule:
        config["select"] = [rule]
        if options:
            config["rules"] = {rule: {k.replace("_", "-"): v for k, v in options.items()}}
    return transcripts.lint(transcript, settings=LintSettings.from_config(config))


@pytest.fixture
def lint() -> Callable[..., list[Finding]]:
    return lint_text
