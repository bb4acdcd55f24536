"""Lint settings from a config file: rules, options, severities, per-file ignores."""

from __future__ import annotations

import pytest

from transcripts.errors import TranscriptError
from transcripts.linter import LintSettings, Severity, find_rule


def test_rule_options_and_severities_come_from_the_rules_table():
    settings = LintSettings.from_config(
        {
            "rules": {
                "duplicate-passage": {"min-length": 60, "severity": "error"},
                "TR303": False,  # YAML's bare `off`
                "TR203": "warning",
            }
        }
    )
    duplicate = find_rule("duplicate-passage")
    assert settings.options_for(duplicate)["min-length"] == 60
    assert settings.options_for(duplicate)["formula-repeats"] == 3  # defaults kept
    assert settings.severity_for(duplicate) is Severity.ERROR
    assert settings.severity_for(find_rule("TR203")) is Severity.WARNING
    assert "TR303" not in [rule.code for rule in settings.rules_for("x.txt")]


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"no-such-rule": {}}, "unknown rule 'no-such-rule'"),
        ({"TR201": {"min-lenght": 3}}, "duplicate-passage has no option 'min-lenght'"),
        ({"TR201": {"min-length": "long"}}, "expected a whole number like 40, found 'long'"),
        ({"TR202": {"threshold": True}}, "expected a number like 0.9"),
        ({"TR201": {"severity": "fatal"}}, "expected one of error, warning, info"),
        ({"TR201": 3}, "expected off, a severity or a table of options"),
    ],
)
def test_mistakes_in_the_rules_table_are_clear_errors(rules, message):
    with pytest.raises(TranscriptError, match=message):
        LintSettings.from_config({"rules": rules}, "/project/.transcripts.yaml")


def test_per_file_ignores_match_paths_relative_to_the_config_and_file_names(tmp_path):
    config = tmp_path / ".transcripts.yaml"
    settings = LintSettings.from_config(
        {"per-file-ignores": {"court/*.txt": ["TR1"], "*.md": ["encoding"]}}, config
    )
    court = str(tmp_path / "court" / "day1.txt")
    codes = [rule.code for rule in settings.rules_for(court)]
    assert "TR101" not in codes and "TR201" in codes
    assert "TR302" not in [rule.code for rule in settings.rules_for(str(tmp_path / "a.md"))]
    assert len(settings.rules_for(str(tmp_path / "other.txt"))) == len(settings.rules_for(None))


def test_the_failing_severity_and_selectors_are_checked():
    assert LintSettings.from_config({"severity": "error"}).fail_on is Severity.ERROR
    with pytest.raises(TranscriptError, match="severity"):
        LintSettings.from_config({"severity": "loud"})
    with pytest.raises(TranscriptError, match="expected a list of strings"):
        LintSettings.from_config({"select": {"TR1": True}})


def test_command_line_values_override_the_file():
    settings = LintSettings.from_config({"select": ["TR1"], "severity": "error"})
    overridden = settings.with_overrides(select=["TR2"], fail_on="info")
    assert overridden.select == ("TR2",) and overridden.fail_on is Severity.INFO
    assert settings.with_overrides().select == ("TR1",)


def test_a_pyproject_without_our_table_is_passed_over_even_when_it_is_broken(tmp_path):
    from transcripts.config import find_config

    (tmp_path / "pyproject.toml").write_text("[project\nname = 'other'\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") != tmp_path / "pyproject.toml"  # and no error


def test_a_broken_pyproject_that_names_transcripts_is_an_error(tmp_path):
    from transcripts.config import find_config
    from transcripts.errors import TranscriptError

    (tmp_path / "pyproject.toml").write_text("[tool.transcripts\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="invalid TOML"):
        find_config(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        '[tool.transcripts]\nspeakers = ["Ana"]\n',
        '[tool.transcripts.lint]\nignore = ["TR1"]\n',
        '[ tool . "transcripts" ]\nspeakers = ["Ana"]\n',
        'tool.transcripts.speakers = ["Ana"]\n',
        '[tool]\ntranscripts = { speakers = ["Ana"] }\n',
        '[tool]\n"transcripts".speakers = ["Ana"]\n',
        'tool = { transcripts = { speakers = ["Ana"] } }\n',
        '[project]\nname = "x"\n\n[tool]\ntranscripts.speakers = ["Ana"]\n',
    ],
)
def test_every_spelling_of_the_table_is_read(tmp_path, text):
    from transcripts.config import _may_hold_our_table, find_config

    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert _may_hold_our_table(text.encode())
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_a_pyproject_that_only_names_the_package_is_not_parsed():
    from transcripts.config import _may_hold_our_table

    ours = (
        b'[project]\nname = "transcripts"\n'
        b'[project.scripts]\ntranscripts = "transcripts.cli:main"\n'
    )
    assert not _may_hold_our_table(ours + b"[tool.ruff]\nline-length = 100\n")
