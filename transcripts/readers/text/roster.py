"""Which candidate labels are speakers: shape, recurrence and position weighed together.

A declared roster (`--speaker`, front matter `speakers:`) wins over inference. Otherwise
a label is a speaker when it is shaped like a name or role and either recurs or first
appears inside the dialogue that recurring speakers open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...model import Speaker
from . import names

# Text after a label that is not speech: a bare URL, a date or a number ("Agenda: <https://…>").
_NOT_SPEECH = re.compile(r"<?(?:https?://|www\.)\S+>?|[\d\s:/.,\-]+")


def is_speech(rest: str) -> bool:
    """Does the text after a label read like something said (not a URL, date or number)?"""
    if not rest:
        return False
    if rest[0].isalpha() and rest[:3].lower() not in ("htt", "www"):
        return True  # the common case, decided without a regex
    return _NOT_SPEECH.fullmatch(rest) is None


@dataclass(slots=True)
class Candidate:
    """Every use of one label (compared case-insensitively) across the document."""

    key: str
    forms: dict[str, int] = field(default_factory=dict)  # as written -> uses
    count: int = 0
    speech: int = 0  # uses followed by speech
    first: int = -1  # index of the first use among the document's paragraphs

    @property
    def label(self) -> str:
        return next(iter(self.forms))


@dataclass(slots=True)
class Roster:
    """The decision: label key -> canonical speaker name, and the roster in order."""

    names: dict[str, str]
    speakers: list[Speaker]

    def speaker_for(self, label: str) -> str | None:
        return self.names.get(names.normalise(label))


class CandidateCounter:
    """Collects the candidate labels of a document; labels differing only in case and
    spacing are one candidate."""

    def __init__(self) -> None:
        self.candidates: dict[str, Candidate] = {}

    def add(self, label: str, index: int, speech: bool, count: int = 1) -> None:
        """Record `count` uses of `label`, the first at paragraph `index`."""
        key = names.normalise(label)
        candidate = self.candidates.get(key)
        if candidate is None:
            candidate = self.candidates[key] = Candidate(key=key, first=index)
        candidate.first = min(candidate.first, index)
        candidate.forms[label] = candidate.forms.get(label, 0) + count
        candidate.count += count
        candidate.speech += speech


def decide(candidates: Iterable[Candidate], declared: Sequence[str] = ()) -> Roster:
    """Choose the speakers among the candidates (see the module docstring)."""
    candidates = list(candidates)
    if declared:
        return _declared_roster(candidates, declared)
    return _inferred_roster(candidates)


def declared_matches(candidates: Iterable[Candidate], declared: Sequence[str]) -> bool:
    """Does any candidate label name one of the declared speakers?"""
    keys = {names.normalise(name) for name in declared}
    return any(candidate.key in keys for candidate in candidates)


def _declared_roster(candidates: list[Candidate], declared: Sequence[str]) -> Roster:
    canonical = {names.normalise(name): name for name in reversed(declared)}
    mapping = {}
    aliases: dict[str, list[str]] = {name: [] for name in canonical.values()}
    for candidate in candidates:
        name = canonical.get(candidate.key)
        if name is not None:
            mapping[candidate.key] = name
            aliases[name].extend(form for form in candidate.forms if form != name)
    speakers = [
        Speaker(name=name, aliases=tuple(aliases[name]), inferred=False)
        for name in dict.fromkeys(declared)
    ]
    return Roster(names=mapping, speakers=speakers)


def _inferred_roster(candidates: list[Candidate]) -> Roster:
    shaped = [c for c in candidates if c.speech and names.is_speaker_shaped(c.label)]
    recurring = [c for c in shaped if c.count >= 2]
    accepted: list[Candidate]
    if recurring:
        # Recurring speakers open the dialogue; a plain name used once is a speaker only
        # inside it (a "Kyiv:" in the lede before it is a dateline), while a role, an
        # honorific or capitals ("MODERATOR:", "Dr. Jha:") mark a speaker anywhere.
        opening = min(c.first for c in recurring)
        accepted = [
            c for c in shaped if c.count >= 2 or c.first > opening or names.is_marked(c.label)
        ]
    else:
        # No label recurs: it is a dialogue only if at least two speakers take turns.
        accepted = shaped if len(shaped) >= 2 else []
    accepted.sort(key=lambda c: c.first)
    mapping = {}
    speakers = []
    for candidate in accepted:
        # The most used written form names the speaker; the others are its aliases.
        forms = sorted(candidate.forms, key=lambda form: -candidate.forms[form])
        mapping[candidate.key] = forms[0]
        speakers.append(Speaker(name=forms[0], aliases=tuple(forms[1:]), inferred=True))
    return Roster(names=mapping, speakers=speakers)
