"""Label syntax: the ways a line can open with a speaker label.

Each rule is a small named pattern that finds a *candidate* label and the text after
it; whether the candidate is a speaker is decided later, from its shape, recurrence and
position (`roster.py`). Adding a convention is adding a rule to `RULES` and a case to
`tests/cases/parse/`. Rules are tried in order; the first match wins.

A line costs one regex call however many conventions there are: each rule says which
characters it can open with, and a line is matched against one alternation of the rules
that can open with its first character (compiled on first use). A rule's `accept` hook
may still refuse a match, and then the later rules are tried one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
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
    the blanks after its label), unless the pattern names it `(?P<rest>...)`.

    Two hints only save time, so they must never leave a match out: `first` lists the
    characters a match can open with when the line is not indented (None: any), and
    `colon` says the rule only matches lines that hold a colon (most lines of text hold
    none). `accept`, if given, may refuse a match (return None) or adjust it.
    """

    name: str
    pattern: str
    first: str | None = None
    colon: bool = True
    accept: Callable[[LabelMatch], LabelMatch | None] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The rule's own pattern, compiled on first use (`re` keeps it): lines are
        matched against the alternations, so most runs never need it."""
        return re.compile(self.pattern)

    def match(self, line: str, pos: int = 0) -> LabelMatch | None:
        found = self.compiled.match(line, pos)
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


# A clock time as transcripts write it: "0:34", "04:22", "00:02:14", "01:07:27.5".
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# A time written right after a Markdown label ("**Rob Pike:** \[04:22\]"): the turn's
# start, kept out of its text. (Not after plain "Name:" labels: the optional group
# would cost every line of every document.)
_TIME_AFTER = rf"(?:\\?[\[(](?P<time>{_TIME})\\?[\])][ \t\xa0]*)?"
# The end of a line (lines keep their line endings, so `[^:]` cannot run past one).
_EOL = r"(?=\r?\n|\r|$)"
_BLANK_OR_EOL = r"(?=[ \t\xa0]|\r?\n|\r|$)"
_DIGITS = "0123456789"

# A congressional surname in capitals: "LANTOS", "ROS-LEHTINEN", "McCAUL", "DeLAY".
_CAPS_NAME = r"[A-Z][a-z]{0,2}[A-Z][A-Z'’\-]*"
# A capitalised name word, which must end where the word does ("Street", "Moore").
_NAME_WORD = r"[A-Z][\w'’\-]*(?=[ .(])"
# "of New Jersey": the state that tells two members of one name apart.
_OF_STATE = r"(?:[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?(?=[ .(]))?"
# "(Mr. Mica)", "(during the vote)": who holds the chair, or a note.
_PAREN = r"(?:[ ]\([^()\n]{1,40}\))?"
_HONORIFIC = r"(?:M(?:rs?|s|iss|x)|Dr)\."

RULES: list[LabelRule] = [
    # Markdown bold labels: "**Rob Pike:** text", "**Rob Pike**: text".
    LabelRule(
        "markdown-bold",
        r"[ \t]{0,3}\*\*(?P<label>[^*:\n]{1,80}?)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)[ \t\xa0]*"
        + _TIME_AFTER,
        first="*",
    ),
    # Broadcast text marks a change of speaker with ">>", naming the speaker or not:
    # ">> WOLF BLITZER, CNN ANCHOR: text" names them ...
    LabelRule(
        "chevron-name",
        r"[ \t]{0,3}>>[ \t\xa0]*(?P<label>[^\s:>][^:]{0,79}):(?=\s|$)[ \t\xa0]*",
        first=">",
    ),
    # ... and ">> text" says only that someone else speaks now.
    LabelRule("chevron", r"[ \t]{0,3}(?P<label>>>)(?!>)[ \t\xa0]*", first=">", colon=False),
    # A timestamp before the label: "[00:15] Name: text", "00:01:02 Name: text".
    LabelRule(
        "time-then-name",
        rf"[ \t]{{0,3}}[\[(]?(?P<time>{_TIME})[\])]?[ \t]+"
        r"(?P<label>[^\s:\[(][^:]{0,59}):(?=\s|$)[ \t\xa0]*",
        first="[(" + _DIGITS,
    ),
    # Court examination "Q. text" / "A. text", and the White House's bare "Q" followed by
    # no-break or several spaces: without a colon, the colon rule cannot see them.
    LabelRule(
        "question-answer",
        r"[ \t]{0,16}(?P<label>[QA])(?:[.:]" + _BLANK_OR_EOL + r"|(?=\xa0|[ \t]{2}|\t))[ \t\xa0]*",
        first="QA",
        colon=False,
    ),
    # The Congressional Record ends the label with a period and writes surnames in
    # capitals: "Mr. GRASSLEY.", "Mr. SMITH of New Jersey.", "The Acting CHAIRMAN.",
    # "The SPEAKER pro tempore (Mr. Mica).".
    LabelRule(
        "congressional",
        rf"[ \t]{{0,8}}(?P<label>(?:{_HONORIFIC}[ ]{_CAPS_NAME}(?:[ ]{_CAPS_NAME})?{_OF_STATE}"
        r"|The[ ](?:Acting[ ])?[A-Z]{2,}(?:[ ](?:pro[ ]tempore|[A-Z]{2,})){0,2})"
        + _PAREN
        + r")\."
        + _BLANK_OR_EOL
        + r"[ \t\xa0]*",
        first="MDT",
        colon=False,
    ),
    # Printed hearings (GPO) indent each paragraph and write the label in mixed case:
    # "    Ms. Speier.", "    Mr. Moore of Kansas.", "    The Chairman.", "    Chairman Dodd.".
    LabelRule(
        "hearing",
        r"[ ]{2,8}(?P<label>(?:(?:"
        + _HONORIFIC
        + r"|Chairman|Chairwoman|Senator|Secretary|Governor|Ambassador|General|Admiral|Judge"
        + rf")[ ]{_NAME_WORD}(?:[ ]{_NAME_WORD})?{_OF_STATE}"
        r"|The[ ](?:Acting[ ])?[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)"
        + _PAREN
        + r")\."
        + _BLANK_OR_EOL
        + r"[ \t\xa0]*",
        first="",
        colon=False,
    ),
    # Diarisation labels sometimes lose the space after the colon: "Speaker 1:Yeah".
    LabelRule(
        "numbered-speaker",
        r"[ \t]{0,3}(?P<label>(?:[Ss]peaker|SPEAKER|[Pp]articipant|[Pp]erson|[Gg]uest)[ ]?\d{1,3})"
        r":(?![\d/])[ \t\xa0]*",
        first="SsPpGg",
    ),
    # The everyday "Name: text" and "NAME: text"; the colon must be followed by a space
    # or the end of the line, so times (12:30) and URLs (https://) never match. (The
    # lookahead and back reference take the label in one step, without backtracking.)
    LabelRule(
        "colon",
        r"[ \t\xa0]{0,16}(?=(?P<label>[^\s:][^:]{0,79}))(?P=label):(?=\s|$)[ \t\xa0]*",
    ),
    # Rev exports: "Name (00:00:11): text", or the label alone on its line.
    LabelRule(
        "name-time-colon",
        rf"[ \t]{{0,3}}(?P<label>[^\s:(\[][^:(]{{0,59}})\((?P<time>{_TIME})\):?(?=\s|$)[ \t\xa0]*",
    ),
    # Otter and podcast exports: the name and a time alone on a line ("Name  0:34",
    # "Stephan Livera 00:02:14"), the paragraph after it.
    LabelRule(
        "name-time",
        r"[ \t]{0,3}(?P<label>[^\W\d_][\w'’.\-]*(?:[ ][^\W\d_][\w'’.\-]*){0,4})[ \t]+"
        rf"(?P<time>{_TIME})[ \t]*" + _EOL,
    ),
]

# Rules whose shape alone is weak evidence (a period, a bare letter, a name and a time can
# open ordinary text): their labels are speakers only where the document uses the
# convention again and again (`roster.py`).
WEAK_RULES = frozenset({"question-answer", "congressional", "hearing", "name-time"})


def _combine(indices: list[int]) -> re.Pattern[str]:
    """One alternation of the given rules, each wrapped in a group `_N` (N its index in
    RULES) with its groups suffixed `_N`, so every alternation names a rule's groups alike."""
    parts = []
    for index in indices:
        pattern = re.sub(
            r"\(\?P([<=])(label|rest|time)\b", rf"(?P\1\2_{index}", RULES[index].pattern
        )
        parts.append(f"(?P<_{index}>{pattern})")
    return re.compile("|".join(parts))


_GROUPS = [(f"label_{i}", f"rest_{i}", f"time_{i}") for i in range(len(RULES))]
# A rule's group `_N` -> its index, its label group, its rest and time groups (None when
# the rule has none), its name, and whether it has no accept hook.
_FAST = {
    f"_{index}": (
        index,
        label,
        rest if "(?P<rest>" in rule.pattern else None,
        time if "(?P<time>" in rule.pattern else None,
        rule.name,
        rule.accept is None,
    )
    for index, (rule, (label, rest, time)) in enumerate(zip(RULES, _GROUPS, strict=True))
}
# First character -> the alternation of the rules a line opening with it can match
# (None: no rule can), for lines with a colon and lines without one; filled on first use.
_WITH_COLON: dict[str, re.Pattern[str] | None] = {}
_WITHOUT_COLON: dict[str, re.Pattern[str] | None] = {}
_BY_RULES: dict[tuple[int, ...], re.Pattern[str]] = {}
_UNSEEN = object()


def _alternation_for(first: str, colon: bool) -> re.Pattern[str] | None:
    """The alternation of the rules a line opening with `first` can match (cached)."""
    indented = first in " \t\xa0"
    indices = tuple(
        index
        for index, rule in enumerate(RULES)
        if (colon or not rule.colon)
        and (rule.first is None or first in rule.first or (indented and rule.first is not None))
    )
    pattern = _BY_RULES.get(indices) if indices else None
    if indices and pattern is None:
        pattern = _BY_RULES[indices] = _combine(list(indices))
    table = _WITH_COLON if colon else _WITHOUT_COLON
    if len(table) < 10_000:
        table[first] = pattern
    return pattern


def find_label(line: str, pos: int = 0) -> tuple[str, int, str, float | None] | None:
    """The candidate label at the start of `line` (or at `pos`) as (label, where the text
    after it starts, rule name, time), without building the text after it: the scanner's
    path."""
    try:
        first = line[pos]
    except IndexError:
        return None
    colon = ":" in line
    pattern = (_WITH_COLON if colon else _WITHOUT_COLON).get(first, _UNSEEN)
    if pattern is _UNSEEN:
        pattern = _alternation_for(first, colon)
    if pattern is None:
        return None
    found = pattern.match(line, pos)  # type: ignore[union-attr]
    if found is None:
        return None
    index, label_group, rest_group, time_group, name, plain = _FAST[found.lastgroup]  # type: ignore[index]
    if plain:  # no accept hook: the common path, kept free of calls it can do without
        raw = found.group(label_group)
        label = _CLEAN.get(raw)
        if label is None:
            label = clean_label(raw)
        if label:
            rest_at = found.start(rest_group) if rest_group else found.end()
            clock = found.group(time_group) if time_group else None
            return label, rest_at, name, parse_clock(clock) if clock else None
    else:
        rule = RULES[index]
        result = rule.extract(found, *_GROUPS[index])
        if result is not None:
            return result.label, result.rest_at, result.rule, result.start
    for later in RULES[index + 1 :]:  # refused: let the later conventions try
        result = later.match(line, pos)
        if result is not None:
            return result.label, result.rest_at, result.rule, result.start
    return None
