"""The stats documentation keeps up with the code: every field documented, examples true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transcripts.cli import cli
from transcripts.statistics.measures import FIELDS, MEASURES, TOTALS_ONLY
from transcripts.statistics.report import TOTAL_EXTRAS
from transcripts.words import count_words

ROOT = Path(__file__).resolve().parent.parent
MAN = (ROOT / "man" / "transcripts-stats.1").read_text(encoding="utf-8").replace("\\-", "-")
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### `transcripts stats`", 1)[1].split("\n### ", 1)[0]


@pytest.mark.parametrize("name", [*FIELDS, *TOTAL_EXTRAS])
def test_every_field_is_documented_in_the_man_page_and_readme(name):
    assert re.search(rf"^\.B {name}$", MAN, re.M), f"{name} has no entry in the man page"
    assert f"`{name}`" in SECTION, f"{name} is not in the README's stats section"


def test_the_readme_shows_what_the_command_prints_on_the_sample(runner, seed):
    shown = SECTION.split("On the sample:", 1)[1].split("```", 2)[1].strip("\n")
    printed = runner.invoke(cli, ["stats", str(seed)]).stdout.rstrip("\n")
    assert shown == printed


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("I don't think it's over, y'all.", 6),
        ("A well-known, 24-hour lab", 4),
        ("12,000 troops at 9:30", 5),
        ("Александр Лукашенко", 2),
        ("习近平", 3),
    ],
)
def test_the_man_pages_word_examples_hold(text, count):
    assert count_words(text) == count


HELP = [*((m.name, m.help) for m in MEASURES), *TOTALS_ONLY.items()]


def _man_entry(name: str) -> str:
    """The text of a field's entry in the man page, up to its first macro line."""
    body = MAN.split(f"\n.B {name}\n", 1)[1]
    lines = []
    for line in body.splitlines():
        if line.startswith("."):
            break
        lines.append(line)
    text = " ".join(lines)
    for escape, char in (("\\(lq", "“"), ("\\(rq", "”"), ("\\(cq", "’"), ("\\e", "\\")):
        text = text.replace(escape, char)
    return " ".join(text.split())


@pytest.mark.parametrize(("name", "help"), HELP, ids=[name for name, _ in HELP])
def test_the_man_page_gives_each_fields_help_word_for_word(name, help):
    assert _man_entry(name).startswith(help)  # (the page may say more after it)


def test_list_fields_prints_every_field_with_its_help(runner):
    result = runner.invoke(cli, ["stats", "--list-fields"])
    assert result.exit_code == 0
    printed = " ".join(result.stdout.split())
    for name, help in HELP:
        assert name in printed
        assert " ".join(help.split()) in printed, name
    assert "--list-fields" in SECTION
