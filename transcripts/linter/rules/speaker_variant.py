"""One person under several labels.

Finds labels that probably name the same speaker:

- the same name in another case, spacing or punctuation (`LUKASHENKO` / `Lukashenko`,
  `Speaker4` / `Speaker 4`, `Mr Cooper` / `Mr. Cooper`);
- a misspelling: a label one letter away from a label used more often (two letters for
  long names), found with the `regex` module's fuzzy matching (`Lukashenka` /
  `Lukashenko`, `Pablo Molinda` / `Pablo Molina`);
- a full name and a surname used in turn (`Alexander Lukashenko` / `Lukashenko`), but
  not two roles that end alike (`Some hon. Members` / `Hon. Members`). The
  news convention of introducing a speaker once by full name (`WOLF BLITZER, CNN
  ANCHOR:`) and by surname afterwards (`BLITZER:`) is not reported.

Labels are read from the turns (each turn keeps the label it was written with, also when
the parser merged variants into one speaker). Labels that differ only in a number
(`Speaker 1` / `Speaker 2`), an honorific (`Mr. Smith` / `Ms. Smith`), an ordinal or
a qualifier (`First Citizen` / `Second Citizen`, `Messenger` / `Fourth Messenger`,
`Young Marcius` / `Marcius`) or in a plural (`Mariners` / `Mariner`) name different
people and are never reported; group labels (`ALL`, `BOTH`, and a play's `BLAND,
DE CASTRO, AND ROPER`, several names joined by "and" or "&") name no one person; nor
are two labels that are both in regular use (`established` turns each or more), which
is how two people with similar names look.

Labels are compared through an index of what they share (a key, a near key, a
surname), not pair by pair, so a file of thousands of labels is linted in about the
time of a few; in such a file each label is compared with at most 16 others that
share something with it.

Options:
  established: turns after which a label counts as deliberate (default 3)

`lint --fix --unsafe-fixes` renames the variant to the label used more often in every
turn that uses it (unsafe: it decides who said what).

Example:
  Lukashenko: Certainly. ...
  LUKASHENKO: Deploying foreign troops would ...
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import compress
from operator import attrgetter

from ... import names
from ...compiled import kept_regex
from ...model import Block, Transcript
from ...plurals import plural
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..label_index import LabelIndex, reference_candidates
from ..text import DISTINGUISHING_WORDS, GROUP_LABELS, raw_lines

CODE = "TR103"
NAME = "speaker-variant"
SEVERITY = "warning"
OPTIONS = {"established": 3}

# Words that open a name without being part of it; differing ones mean different people.
_HONORIFICS = names.HONORIFICS | {"the"}
_NON_NAME = kept_regex(r"[^\p{L}\p{N}]+")


class _Name:
    """A label's text with what the comparisons use, computed once (a file may hold
    thousands of labels): its key, its words and its key without digits."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = _key(text)
        self.tokens = _tokens(text)
        self.digitless = _DIGITS.sub("", self.key)


class _Label(_Name):
    """A label as written: how many turns use it, the first and the last of them."""

    def __init__(self, text: str, uses: int, first: Block, last: Block) -> None:
        super().__init__(text)
        self.uses = uses
        self.first = first
        self.last = last


_DIGITS = kept_regex(r"\d")


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
    labels = [
        _Label(name.strip(), count, first[name], last[name])
        for name, count in counts.items()
        if name and name.strip()
    ]
    ordered = sorted(labels, key=lambda label: (-label.uses, label.first.line))
    by_label: dict[str, list[Block]] = {}

    def uses(label: str) -> list[Block]:
        if not by_label:  # gathered once, on the first variant found
            for turn, name in zip(turns, names, strict=True):
                by_label.setdefault(name, []).append(turn)
        return by_label.get(label, [])

    yield from _variants(ordered, options["established"], indexed=True, uses=uses)


def _variants(
    ordered: list[_Label],
    established: int,
    indexed: bool,
    uses: Callable[[str], list[Block]] | None = None,
) -> Iterator[Problem]:
    """Each label (most used first) compared with the labels before it, until one gives
    a reason; only with the candidates `LabelIndex` finds when `indexed`, else with
    every one of them (the reference its property test compares with). `uses`, the
    turns written with a label, gives each finding its fix (renaming them)."""
    reported: set[str] = set()
    index = LabelIndex(
        (label.key for label in ordered),
        misspellings=any(label.uses < established for label in ordered),
    )
    for position, variant in enumerate(ordered):
        surname, last_name = _name_parts(variant)
        candidates = (
            index.candidates(
                variant.key,
                surname=surname,
                last_name=last_name,
                misspelt=variant.uses < established,
            )
            if indexed
            else reference_candidates(position)
        )
        if variant.text not in reported:
            for main in map(ordered.__getitem__, candidates):
                if main.text in reported:
                    continue
                reason = _variant_reason(main, variant, established)
                if reason:
                    reported.add(variant.text)
                    fix = _rename(uses(variant.text), variant.text, main.text) if uses else None
                    yield _problem(variant, main, reason, fix)
                    break
        index.add(variant.key, surname=surname, last_name=last_name)  # a main from now on


def _name_parts(label: _Label) -> tuple[str | None, str | None]:
    """The label's one name when it is a surname alone (honorifics aside, four letters
    or more), and the last word of a name of several: what `_surname_form` compares."""
    words = [token for token in label.tokens if token not in _HONORIFICS]
    surname = words[0] if len(words) == 1 and len(words[0]) >= 4 else None
    return surname, words[-1] if len(words) >= 2 else None


def _label_of(block: Block) -> str:
    return block.label or block.speaker or ""


def _variant_reason(main: _Label, variant: _Label, established: int) -> str | None:
    """Why `variant` (used no more than `main`) looks like another label for the same
    person, or None."""
    if _group_or_distinct_roles(main, variant):
        return None
    if main.key == variant.key:
        return "the same name written differently"
    if variant.uses >= established:
        return None  # both labels in regular use: two people, or a deliberate choice
    if _misspelt(main, variant):
        return "a misspelling"
    if _surname_form(main, variant) and not (
        names.is_role(main.text) and names.is_role(variant.text)
    ):  # (two roles are no person's names: "Some hon. Members" and "Hon. Members")
        return "the same person by full name and by surname"
    return None


def _group_or_distinct_roles(main: _Name, variant: _Name) -> bool:
    """A group label (`ALL`, `BOTH`), or two labels told apart by an ordinal or a
    qualifier (`First Citizen` / `Second Citizen`, `Messenger` / `Fourth Messenger`,
    `Young MARCIUS` / `MARCIUS`): not one person under two labels."""
    a, b = main.key, variant.key
    if a in GROUP_LABELS or b in GROUP_LABELS:
        return True
    if _names_several(main) or _names_several(variant):
        return True  # "COOLING AND LILY" is two people speaking at once, not LILY again
    if _plural_of(a, b) or _plural_of(b, a):
        return True  # "Mariners" / "Mariner", "GENTLEMEN" / "Gentleman": a group and one
    marks_a = [token for token in main.tokens if token in DISTINGUISHING_WORDS]
    marks_b = [token for token in variant.tokens if token in DISTINGUISHING_WORDS]
    return marks_a != marks_b


def _names_several(label: _Name) -> bool:
    """Several names joined by "and" or "&" ("VON RETTENMAYER AND BLAND"): a group."""
    return "&" in label.text or "and" in label.tokens


def _plural_of(group: str, one: str) -> bool:
    return group in (one + "s", one + "es") or (one.endswith("man") and group == one[:-3] + "men")


def _key(label: str) -> str:
    """The label without case, spacing and punctuation: `Speaker4` == `SPEAKER 4`."""
    return _NON_NAME.sub("", label).casefold()


def _tokens(label: str) -> tuple[str, ...]:
    return tuple(token.casefold() for token in _NON_NAME.split(label) if token)


def _misspelt(main: _Name | str, variant: _Name | str) -> bool:
    """One letter apart (two for names of twelve letters or more), but not a different
    number, honorific or initial."""
    main = main if isinstance(main, _Name) else _Name(main)
    variant = variant if isinstance(variant, _Name) else _Name(variant)
    a, b = main.key, variant.key
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 2:
        return False
    if main.digitless == variant.digitless:
        return False  # Speaker 1 / Speaker 2
    tokens_a, tokens_b = main.tokens, variant.tokens
    if len(tokens_a) == len(tokens_b) and any(
        x != y and (x in _HONORIFICS or y in _HONORIFICS or len(x) == 1 or len(y) == 1)
        for x, y in zip(tokens_a, tokens_b, strict=True)
    ):
        return False  # Mr. Smith / Ms. Smith, J. Smith / K. Smith
    errors = 2 if min(len(a), len(b)) >= 12 else 1
    return within_edits(a, b, errors)


def within_edits(a: str, b: str, errors: int) -> bool:
    """Is `b` at most `errors` insertions, deletions or substitutions away from `a`
    (their Levenshtein distance)? For keys of six characters or more (the shortest the
    rule compares), what `regex`'s fuzzy `(?:a){e<=errors}` fullmatch tells (a property
    test holds them together), without compiling a pattern for each label: thousands
    of labels in a caption file were a third of the rule's time."""
    if abs(len(a) - len(b)) > errors:
        return False
    start = 0  # the common opening and ending cost nothing: compare what lies between
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(a) and end < len(b) and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[: len(a) - end], b[: len(b) - end]
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > errors:
            return False
        previous = current
    return previous[-1] <= errors


def _surname_form(main: _Label, variant: _Label) -> bool:
    """One label is a name and the other its last word (honorifics aside) naming a person,
    and the long form is used again after the short one (so it is not just an
    introduction)."""
    long_label, short_label = (
        (main, variant) if len(main.tokens) > len(variant.tokens) else (variant, main)
    )
    # The name before a trailing role: "Look, York" is no name ending in "York".
    short = [t for t in _tokens(names.split_name(short_label.text)[0]) if t not in _HONORIFICS]
    long = [t for t in _tokens(names.split_name(long_label.text)[0]) if t not in _HONORIFICS]
    if len(short) != 1 or len(long) < 2 or len(short[0]) < 4 or long[-1] != short[0]:
        return False
    if names.person_name(short_label.text) is None:
        return False  # "THE LADIES" is an office or a group, no surname of "SOME OF THE LADIES"
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
