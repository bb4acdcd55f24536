"""Which rules run: --select/--ignore by code, name or prefix, the most specific winning."""

from __future__ import annotations

import pytest

from transcripts.errors import TranscriptError
from transcripts.linter import LintSettings, all_rules
from transcripts.linter.registry import find_rule, matches, resolve


def _codes(select, ignore=()):
    return [rule.code for rule in resolve(all_rules(), select, ignore)]


def test_every_rule_has_a_code_a_kebab_case_name_a_severity_and_documentation():
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes)) >= 10
    for rule in all_rules():
        assert rule.code.startswith("TR") and rule.code[2:].isdigit()
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.doc and rule.summary.endswith(".")


def test_no_select_means_every_rule():
    assert len(_codes(None)) == len(all_rules())


def test_select_by_code_name_and_prefix():
    assert _codes(["TR201"]) == ["TR201"]
    assert _codes(["duplicate-passage"]) == ["TR201"]
    assert _codes(["TR2"]) == ["TR201", "TR202", "TR203", "TR204", "TR205", "TR206"]
    assert _codes(["TR1", "encoding"]) == [
        *("TR101", "TR102", "TR103", "TR104", "TR105", "TR106", "TR107", "TR108"),
        "TR302",
    ]


def test_the_most_specific_selector_wins():
    assert "TR201" not in _codes(["TR2"], ["TR201"])
    assert _codes(["TR201"], ["TR2"]) == ["TR201"]
    assert _codes(["TR2"], ["TR2"]) == []  # equally specific: ignore wins
    assert matches("ALL", find_rule("TR101")) < matches("TR1", find_rule("TR101"))


def test_unknown_selectors_are_errors_with_a_suggestion():
    with pytest.raises(TranscriptError, match="did you mean duplicate-passage"):
        LintSettings().with_overrides(select=["duplicate-pasage"])
    with pytest.raises(TranscriptError, match="unknown rule 'TR999'"):
        LintSettings().with_overrides(ignore=["TR999"])


def test_comma_separated_selectors_are_split():
    settings = LintSettings().with_overrides(select=["TR101,TR201", "encoding"])
    assert settings.select == ("TR101", "TR201", "encoding")
