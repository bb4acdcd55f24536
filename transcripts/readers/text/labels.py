"""Label syntax: the ways a line can open with a speaker label.

Each rule is a small named pattern that finds a *candidate* label and the text after
it; whether the candidate is a speaker is decided later, from its shape, recurrence and
position (`roster.py`). Adding a convention is adding a rule to `RULES` and a case to
`tests/cases/parse/`. Rules are tried in order; the first match wins.

All rules are compiled into one alternation, so a line costs one regex call however
many conventions there are; a rule's `accept` hook may still refuse a match, and then
the later rules are tried one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from ...timecode import parse_clock


class LabelMatch(NamedTuple):
    """A candidate label found at the start of a line."""

    label: str  # the label as written, without markup or the colon
    rest: str  # the text after the label on the same line, stripped
    rule: str  # the name of the rule that found it
    start: float | None = None  # a timestamp written with the label, in seconds
    rest_at: int = 0  # where the text after the label starts in the line


@dataclass(frozen=True, slots=True)
class LabelRule:
    """One label convention.

    `pattern` is a regular expression (no inline flags) matched at the start of a line.
    It names the label `(?P<label>...)` and, optionally, a clock time `(?P<time>...)`.
    The text after the label starts where the match ends (so a pattern should consume
    the blanks after its label), unless the pattern names it `(?P<rest>...)`. `accept`,
    if given, may refuse a match (return None) or adjust it.
    """

    name: str
    pattern: str
    accept: Callable[[LabelMatch], LabelMatch | None] | None = None
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern))

    def match(self, line: str) -> LabelMatch | None:
        found = self.compiled.match(line)
        if found is None:
            return None
        return self.extract(found, "label", "rest", "time")

    def extract(self, found: re.Match[str], label: str, rest: str, time: str) -> LabelMatch | None:
        """The LabelMatch for a regex match, given the names of its groups."""
        groups = found.re.groupindex
        cleaned = clean_label(found.group(label))
        if not cleaned:
            return None
        rest_at = found.start(rest) if rest in groups else -1
        text = found.group(rest).strip() if rest_at >= 0 else ""
        clock = found.group(time) if time in groups else None
        result = LabelMatch(
            cleaned,
            text,
            self.name,
            parse_clock(clock) if clock else None,
            rest_at if rest_at >= 0 else found.end(),
        )
        return self.accept(result) if self.accept is not None else result


_CLEAN: dict[str, str] = {}


def clean_label(raw: str) -> str:
    """A label with its spacing normalised; the same label always gives the same string,
    so a long document holds each label once."""
    label = _CLEAN.get(raw)
    if label is None:
        label = " ".join(raw.split())
        if len(_CLEAN) < 100_000:
            _CLEAN[raw] = label
    return label


RULES: list[LabelRule] = [
    # Markdown bold labels: "**Rob Pike:** text", "**Rob Pike**: text".
    LabelRule(
        "markdown-bold",
        r"[ \t]{0,3}\*\*(?P<label>[^*:\n]{1,80}?)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)[ \t\xa0]*",
    ),
    # The everyday "Name: text" and "NAME: text"; the colon must be followed by a space
    # or the end of the line, so times (12:30) and URLs (https://) never match.
    LabelRule(
        "colon",
        r"[ \t\xa0]{0,16}(?P<label>[^\s:][^:\n]{0,79}):(?=\s|$)[ \t\xa0]*",
    ),
]


def _combine(rules: list[LabelRule]) -> re.Pattern[str]:
    """One alternation of every rule, each wrapped in a group `_N` with its groups suffixed."""
    parts = []
    for index, rule in enumerate(rules):
        pattern = re.sub(r"\(\?P<(label|rest|time)>", rf"(?P<\1_{index}>", rule.pattern)
        parts.append(f"(?P<_{index}>{pattern})")
    return re.compile("|".join(parts))


_COMBINED = _combine(RULES)
_INDEX = {f"_{index}": index for index in range(len(RULES))}
_GROUPS = [(f"label_{i}", f"rest_{i}", f"time_{i}") for i in range(len(RULES))]
# Per rule: its label group, its rest and time groups (None when the rule has none).
_FAST = [
    (
        label,
        rest if rest in _COMBINED.groupindex else None,
        time if time in _COMBINED.groupindex else None,
        rule,
    )
    for rule, (label, rest, time) in zip(RULES, _GROUPS, strict=True)
]


def find_label(line: str) -> tuple[str, int, str, float | None] | None:
    """The candidate label at the start of `line` as (label, where the text after it
    starts, rule name, time), without building the text after it: the scanner's path."""
    found = _COMBINED.match(line)
    if found is None:
        return None
    index = _INDEX[found.lastgroup]  # type: ignore[index]
    label_group, rest_group, time_group, rule = _FAST[index]
    if rule.accept is None:
        label = clean_label(found.group(label_group))
        if label:
            rest_at = found.start(rest_group) if rest_group else found.end()
            clock = found.group(time_group) if time_group else None
            return label, rest_at, rule.name, parse_clock(clock) if clock else None
    else:
        result = rule.extract(found, *_GROUPS[index])
        if result is not None:
            return result.label, result.rest_at, result.rule, result.start
    for later in RULES[index + 1 :]:  # refused: let the later conventions try
        result = later.match(line)
        if result is not None:
            return result.label, result.rest_at, result.rule, result.start
    return None


def match_label(line: str) -> LabelMatch | None:
    """The first rule's candidate label at the start of `line`, if any (a line ending,
    if present, is ignored)."""
    found = find_label(line)
    if found is None:
        return None
    label, rest_at, rule, time = found
    return LabelMatch(label, line[rest_at:].strip(), rule, time, rest_at)
