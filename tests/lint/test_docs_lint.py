"""The lint documentation lists every rule: man page, README and --explain."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcripts.linter import all_rules

ROOT = Path(__file__).resolve().parents[2]
MAN = (ROOT / "man" / "transcripts-lint.1").read_text(encoding="utf-8").replace("\\-", "-")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.name)
def test_every_rule_is_in_the_man_page_and_the_readme_with_its_code(rule):
    assert f'.BR {rule.code} " {rule.name} " ({rule.severity})' in MAN
    assert f"| {rule.code} | `{rule.name}` | {rule.severity} |" in README


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.name)
def test_every_rule_option_is_documented_in_its_docstring_and_the_man_page(rule):
    for option in rule.options:
        assert f"{option}:" in rule.doc, f"{rule.name} does not document {option}"
        assert f".B {option}\n" in MAN or f"({option}:" in MAN or f".BR {option} " in MAN, option


def test_the_readme_shows_a_ci_step_and_the_pre_commit_hook_exists():
    assert "transcripts lint --format github" in README
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: transcripts-lint" in hooks and "entry: transcripts lint" in hooks
