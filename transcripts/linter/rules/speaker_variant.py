"""One person under several labels.

Finds labels that probably name the same speaker:

- the same name in another case, spacing or punctuation (`LUKASHENKO` / `Lukashenko`,
  `Speaker4` / `Speaker 4`, `Mr Cooper` / `Mr. Cooper`);
- a misspelling: a label one letter away from a label used more often (two letters for
  long names), found with the `regex` module's fuzzy matching (`Lukashenka` /
  `Lukashenko`, `Pablo Molinda` / `Pablo Molina`);
- a full name and a surname used in turn (`Alexander Lukashenko` / `Lukashenko`). The
  news convention of introducing a speaker once by full name (`WOLF BLITZER, CNN
  ANCHOR:`) and by surname afterwards (`BLITZER:`) is not reported.

Labels are read from the turns (each turn keeps the label it was written with, also when
the parser merged variants into one speaker). Labels that differ only in a number
(`Speaker 1` / `Speaker 2`), an honorific (`Mr. Smith` / `Ms. Smith`), an ordinal or
a qualifier (`First Citizen` / `Second Citizen`, `Messenger` / `Fourth Messenger`,
`Young Marcius` / `Marcius`) or in a plural (`Mariners` / `Mariner`) name different
people and are never reported; group labels (`ALL`, `BOTH`) name no one person; nor
are two labels that are both in regular use (`established` turns each or more), which
is how two people with similar names look.

Options:
  established: turns after which a label counts as deliberate (default 3)

`lint --fix --unsafe-fixes` renames the variant to the label used more often in every
turn that uses it (unsafe: it decides who said what).

Example:
  Lukashenko: Certainly. ...
  LUKASHENKO: Deploying foreign troops would ...
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

import regex

from ... import names
from ...model import Block, Transcript
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..text import DISTINGUISHING_WORDS, GROUP_LABELS, plural, raw_lines

CODE = "TR103"
NAME = "speaker-variant"
SEVERITY = "warning"
OPTIONS = {"established": 3}

# Words that open a name without being part of it; differing ones mean different people.
_HONORIFICS = names.HONORIFICS | {"the"}
_NON_NAME = regex.compile(r"[^\p{L}\p{N}]+")


@dataclass
class _Label:
    """A label as written: how many turns use it, the first and the last of them."""

    text: str
    uses: int
    first: Block
    last: Block


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    # Gathered by C-level maps: a large transcript has many turns and few labels.
    turns = list(map(transcript.blocks.__getitem__, options.context.turn_indices()))
    turns = list(compress(turns, map(operator.not_, map(attrgetter("continued"), turns))))
    names = list(map(_label_of, turns))
    counts = Counter(names)
    if len(counts) < 2:
        return
    first = dict(zip(reversed(names), reversed(turns), strict=True))
    last = dict(zip(names, turns, strict=True))
    labels = {
        name: _Label(name.strip(), count, first[name], last[name])
        for name, count in counts.items()
        if name and name.strip()
    }
    established = options["established"]
    reported: set[str] = set()
    ordered = sorted(labels.values(), key=lambda label: (-label.uses, label.first.line))
    for position, variant in enumerate(ordered):
        for main in ordered[:position]:
            if main.text in reported or variant.text in reported:
                continue
            reason = _variant_reason(main, variant, established)
            if reason:
                reported.add(variant.text)
                uses = [
                    turn for turn, name in zip(turns, names, strict=True) if name == variant.text
                ]
                yield _problem(variant, main, reason, _rename(uses, variant.text, main.text))


def _label_of(block: Block) -> str:
    return block.label or block.speaker or ""


def _variant_reason(main: _Label, variant: _Label, established: int) -> str | None:
    """Why `variant` (used no more than `main`) looks like another label for the same
    person, or None."""
    if _group_or_distinct_roles(main.text, variant.text):
        return None
    if _key(main.text) == _key(variant.text):
        return "the same name written differently"
    if variant.uses >= established:
        return None  # both labels in regular use: two people, or a deliberate choice
    if _misspelt(main.text, variant.text):
        return "a misspelling"
    if _surname_form(main, variant):
        return "the same person by full name and by surname"
    return None


def _group_or_distinct_roles(main: str, variant: str) -> bool:
    """A group label (`ALL`, `BOTH`), or two labels told apart by an ordinal or a
    qualifier (`First Citizen` / `Second Citizen`, `Messenger` / `Fourth Messenger`,
    `Young MARCIUS` / `MARCIUS`): not one person under two labels."""
    a, b = _key(main), _key(variant)
    if a in GROUP_LABELS or b in GROUP_LABELS:
        return True
    if _plural_of(a, b) or _plural_of(b, a):
        return True  # "Mariners" / "Mariner", "GENTLEMEN" / "Gentleman": a group and one
    marks_a = [token for token in _tokens(main) if token in DISTINGUISHING_WORDS]
    marks_b = [token for token in _tokens(variant) if token in DISTINGUISHING_WORDS]
    return marks_a != marks_b


def _plural_of(group: str, one: str) -> bool:
    return group in (one + "s", one + "es") or (one.endswith("man") and group == one[:-3] + "men")


@functools.lru_cache(maxsize=4096)
def _key(label: str) -> str:
    """The label without case, spacing and punctuation: `Speaker4` == `SPEAKER 4`."""
    return _NON_NAME.sub("", label).casefold()


@functools.lru_cache(maxsize=4096)
def _tokens(label: str) -> tuple[str, ...]:
    return tuple(token.casefold() for token in _NON_NAME.split(label) if token)


def _misspelt(main: str, variant: str) -> bool:
    """One letter apart (two for names of twelve letters or more), but not a different
    number, honorific or initial."""
    a, b = _key(main), _key(variant)
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 2:
        return False
    if regex.sub(r"\d", "", a) == regex.sub(r"\d", "", b):
        return False  # Speaker 1 / Speaker 2
    tokens_a, tokens_b = _tokens(main), _tokens(variant)
    if len(tokens_a) == len(tokens_b) and any(
        x != y and (x in _HONORIFICS or y in _HONORIFICS or len(x) == 1 or len(y) == 1)
        for x, y in zip(tokens_a, tokens_b, strict=True)
    ):
        return False  # Mr. Smith / Ms. Smith, J. Smith / K. Smith
    errors = 2 if min(len(a), len(b)) >= 12 else 1
    return _fuzzy(a, errors).fullmatch(b) is not None


@functools.lru_cache(maxsize=4096)
def _fuzzy(key: str, errors: int) -> regex.Pattern[str]:
    return regex.compile(f"(?:{regex.escape(key)}){{e<={errors}}}", regex.BESTMATCH)


def _surname_form(main: _Label, variant: _Label) -> bool:
    """One label is a name and the other its last word (honorifics aside), and the long
    form is used again after the short one (so it is not just an introduction)."""
    long_label, short_label = (
        (main, variant) if len(_tokens(main.text)) > len(_tokens(variant.text)) else (variant, main)
    )
    # The name before a trailing role: "Look, York" is no name ending in "York".
    short = [t for t in _tokens(names.split_name(short_label.text)[0]) if t not in _HONORIFICS]
    long = [t for t in _tokens(names.split_name(long_label.text)[0]) if t not in _HONORIFICS]
    if len(short) != 1 or len(long) < 2 or len(short[0]) < 4 or long[-1] != short[0]:
        return False
    return long_label.last.line > short_label.first.line


def _rename(turns: list[Block], label: str, name: str) -> Fix | None:
    """Edits that write `name` for `label` where each of these turns states it."""
    edits = []
    for turn in turns:
        first_line = raw_lines(turn.raw)[0] if turn.raw else ""
        if label not in first_line:
            return None  # a turn whose label is not in its text (read from JSON)
        column = first_line.find(label) + 1
        edits.append(Edit(turn.line, column, turn.line, column + len(label), name))
    return Fix(f"rename “{label}” to “{name}”", tuple(edits), safe=False) if edits else None


def _problem(variant: _Label, main: _Label, reason: str, fix: Fix | None = None) -> Problem:
    block = variant.first
    first_line = raw_lines(block.raw)[0] if block.raw else ""
    column = first_line.find(variant.text) + 1 if variant.text in first_line else 1
    return Problem(
        block.line,
        f"“{variant.text}” ({plural(variant.uses, 'turn')}) and “{main.text}” "
        f"({plural(main.uses, 'turn')}) look like one speaker: {reason}; use one label",
        column,
        related=((main.first.line, 1),),
        fix=fix,
    )
