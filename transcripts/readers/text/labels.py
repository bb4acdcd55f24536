"""Label syntax: the ways a line can open with a speaker label.

Each rule is a small named pattern that finds a *candidate* label and the text after
it; whether the candidate is a speaker is decided later, from its shape, recurrence and
position (`roster.py`). Adding a convention is adding a rule to `RULES` and a case to
`tests/cases/`. Rules are tried in order; the first match wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


class LabelMatch(NamedTuple):
    """A candidate label found at the start of a line."""

    label: str  # the label as written, without markup or the colon
    rest: str  # the text after the label on the same line
    rule: str  # the name of the rule that found it
    start: float | None = None  # a timestamp written with the label, in seconds


@dataclass(frozen=True, slots=True)
class LabelRule:
    """One label convention: a name (for tests and debugging), a pattern, a quick pre-check."""

    name: str
    pattern: re.Pattern[str]
    applies: Callable[[str], bool]

    def match(self, line: str) -> LabelMatch | None:
        if not self.applies(line):
            return None
        found = self.pattern.match(line)
        if found is None:
            return None
        label = " ".join(found["label"].split())
        if not label:
            return None
        groups = found.groupdict()
        return LabelMatch(label, (groups.get("rest") or "").strip(), self.name, None)


def _has_colon_early(line: str) -> bool:
    return ":" in line[:100]


RULES: list[LabelRule] = [
    # Markdown bold labels: "**Rob Pike:** text", "**Rob Pike**: text".
    LabelRule(
        "markdown-bold",
        re.compile(
            r"[ \t]{0,3}\*\*(?P<label>[^*:\n]{1,80}?)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)(?P<rest>.*)",
            re.S,
        ),
        lambda line: "**" in line[:8],
    ),
    # The everyday "Name: text" and "NAME: text"; the colon must be followed by a space
    # or the end of the line, so times (12:30) and URLs (https://) never match.
    LabelRule(
        "colon",
        re.compile(
            r"[ \t\xa0]{0,16}(?P<label>[^\s:][^:\n]{0,79}?)[ \t\xa0]*:(?=\s|$)(?P<rest>.*)", re.S
        ),
        _has_colon_early,
    ),
]


def match_label(line: str) -> LabelMatch | None:
    """The first rule's candidate label at the start of `line` (no line ending), if any."""
    for rule in RULES:
        found = rule.match(line)
        if found is not None:
            return found
    return None
