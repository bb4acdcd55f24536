"""Which candidate labels are speakers: shape, recurrence and position weighed together.

A declared roster (`--speaker`, front matter `speakers:`) wins over inference. Otherwise
a label is a speaker when it is shaped like a name or role and either recurs or first
appears inside the dialogue that recurring speakers open, written the way the recurring
speakers' labels are. Labels naming one person are one speaker: "WOLF BLITZER, CNN
ANCHOR" and "BLITZER" are Wolf Blitzer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ... import names
from ...model import Speaker
from .labels import WEAK_RULES

# Text after a label that is not speech: a bare URL, a date or a number ("Agenda: <https://…>").
_NOT_SPEECH = re.compile(r"<?(?:https?://|www\.)\S+>?|[\d\s:/.,\-]+")


_HEADING_TAIL = 48


def is_speech(rest: str) -> bool:
    """Does the text after a label read like something said (not a URL, date or number,
    nor the rest of a heading in capitals: "CITY COUNCIL HEARING: BRIDGE REPAIRS")?"""
    if not rest:
        return False
    if rest[0].isalpha() and rest[:3].lower() not in ("htt", "www"):
        # A short phrase all in capitals that ends no sentence is a heading's second half.
        return not (len(rest) < _HEADING_TAIL and rest.isupper() and rest[-1].isalnum())
    return _NOT_SPEECH.fullmatch(rest) is None


@dataclass(slots=True)
class Candidate:
    """Every use of one label (compared case-insensitively) across the document."""

    key: str
    forms: dict[str, int] = field(default_factory=dict)  # as written -> uses
    count: int = 0
    speech: int = 0  # uses followed by speech
    first: int = -1  # index of the first use among the document's paragraphs
    rules: set[str] = field(default_factory=set)  # the label conventions it is written in
    inline: bool = False  # some use has speech on the label's own line
    midway: int = 0  # uses on a line that goes on with a sentence the line before began

    @property
    def label(self) -> str:
        return next(iter(self.forms))

    @property
    def is_weak(self) -> bool:
        """Written only in conventions that need the document to establish them."""
        return bool(self.rules) and self.rules <= WEAK_RULES


@dataclass(slots=True)
class Roster:
    """The decision: label key -> canonical speaker name, and the roster in order.

    `contextual` holds labels (as written) whose speaker depends on where they are, such
    as "Q" in a court transcript (the examining lawyer); see `attribution.py`. `declared`
    says the user gave the roster.
    """

    names: dict[str, str]
    speakers: list[Speaker]
    contextual: frozenset[str] = frozenset()
    declared: bool = False

    def speaker_for(self, label: str) -> str | None:
        return self.names.get(names.normalise(label))


class CandidateCounter:
    """Collects the candidate labels of a document; labels differing only in case and
    spacing are one candidate."""

    def __init__(self) -> None:
        self.candidates: dict[str, Candidate] = {}

    def add(
        self,
        label: str,
        index: int,
        speech: int,
        count: int = 1,
        rule: str | None = None,
        midway: int = 0,
    ) -> None:
        """Record `count` uses of `label`, the first at paragraph `index`, found by `rule`;
        `speech` is 1 when text follows on the label's line, 2 when only on later lines."""
        key = names.normalise(label)
        candidate = self.candidates.get(key)
        if candidate is None:
            candidate = self.candidates[key] = Candidate(key=key, first=index)
        candidate.first = min(candidate.first, index)
        candidate.forms[label] = candidate.forms.get(label, 0) + count
        candidate.count += count
        candidate.speech += bool(speech)
        candidate.inline = candidate.inline or speech == 1
        candidate.midway += midway
        if rule is not None:
            candidate.rules.add(rule)


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
    return Roster(names=mapping, speakers=speakers, declared=True)


def _inferred_roster(candidates: list[Candidate]) -> Roster:
    shaped = [c for c in candidates if c.speech and names.is_speaker_shaped(c.label)]
    established = _established_conventions(shaped)
    # A period or a bare "Q" opens ordinary text too: such labels need their convention.
    shaped = [c for c in shaped if not c.is_weak or c.rules & established]
    recurring = [c for c in shaped if c.count >= 2]
    accepted: list[Candidate]
    if recurring:
        # Recurring speakers open the dialogue; a plain name used once is a speaker only
        # inside it (a "Kyiv:" in the lede before it is a dateline), while a role, an
        # honorific or capitals ("MODERATOR: Welcome", "Dr. Jha: Thanks") mark a speaker
        # anywhere, if speech follows on the label's line. A label used once must be
        # written as the recurring ones are, and not in the middle of a wrapped
        # sentence ("... Co-operation and\nDevelopment (OECD): ...").
        opening = min(c.first for c in recurring)
        consistent = _written_like(recurring)
        accepted = [
            c
            for c in shaped
            if c.count >= 2
            or (
                (c.first > opening or (_is_marked(c) and c.inline))
                and consistent(c)
                and not c.midway
            )
        ]
    else:
        # No label recurs: it is a dialogue only if at least two speakers take turns.
        accepted = shaped if len(shaped) >= 2 else []
    accepted.sort(key=lambda c: c.first)
    mapping = {}
    speakers = []
    for group in _people(accepted):
        name = _canonical_name(group)
        forms = [form for c in group for form in sorted(c.forms, key=lambda f: -c.forms[f])]
        for candidate in group:
            mapping[candidate.key] = name
        aliases = tuple(dict.fromkeys(form for form in forms if form != name))
        speakers.append(Speaker(name=name, aliases=aliases, inferred=True))
    return Roster(names=mapping, speakers=speakers)


def _is_marked(candidate: Candidate) -> bool:
    """A label that announces a speaker by itself: a role, an honorific, capitals, or a
    convention whose shape is all of that ("The SPEAKER pro tempore (Mr. Mica).")."""
    return candidate.is_weak or names.is_marked(candidate.label)


def _established_conventions(shaped: list[Candidate]) -> set[str]:
    """Weak conventions the document uses again and again: three uses or more, at least
    one label used twice ("Q" in a briefing, "Mr. LANTOS." in the Record)."""
    uses: Counter[str] = Counter()
    recurs: set[str] = set()
    for candidate in shaped:
        for rule in candidate.rules & WEAK_RULES:
            uses[rule] += candidate.count
            if candidate.count >= 2:
                recurs.add(rule)
    return {rule for rule, count in uses.items() if count >= 3 and rule in recurs}


def _written_like(recurring: list[Candidate]) -> Callable[[Candidate], bool]:
    """A test that a once-used label is written as the recurring speakers' labels are:
    in one of their conventions, and in capitals where theirs all are (a mixed-case
    "Next:" in a briefing whose speakers are "MS. JEAN-PIERRE:" and "DR. FAUCI:" is a
    word of the speech, "Dear Ms. Secretary:" in the Record a letter being read)."""
    rules = set().union(*(c.rules for c in recurring))
    lettered = [c for c in recurring if len(c.key) > 1]  # "Q" and "A" say nothing
    capitals = bool(lettered) and all(names.is_caps(c.label) for c in lettered)

    def consistent(candidate: Candidate) -> bool:
        if candidate.rules and rules and not candidate.rules & rules:
            return False
        return not capitals or names.is_caps(candidate.label)

    return consistent


def _people(accepted: list[Candidate]) -> list[list[Candidate]]:
    """The accepted labels grouped by the person they name, in order of first use.

    A name with a role after it is that name ("WOLF BLITZER, CNN ANCHOR" is "WOLF
    BLITZER"); a surname alone, or after an honorific ("BLITZER", "MR. COOPER"), is the
    one longer name that ends with it, when exactly one does.
    """
    groups: dict[str, list[Candidate]] = {}
    for candidate in accepted:
        person = names.person_name(candidate.label)
        key = names.normalise(person) if person else candidate.key
        groups.setdefault(key, []).append(candidate)
    full: dict[str, list[str]] = {}  # surname -> keys of the longer names ending with it
    for key, group in groups.items():
        surname = _surname(group[0])
        if surname is not None and surname[1] >= 2:
            full.setdefault(surname[0], []).append(key)
    for key in list(groups):
        surname = _surname(groups[key][0])
        if surname is None or surname[1] != 1:
            continue
        targets = [other for other in full.get(surname[0], []) if other != key]
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(key))
    ordered = sorted(groups.values(), key=lambda group: min(c.first for c in group))
    return [sorted(group, key=lambda c: c.first) for group in ordered]


def _surname(candidate: Candidate) -> tuple[str, int] | None:
    person = names.person_name(candidate.label)
    return names.surname_of(person) if person else None


def _canonical_name(group: list[Candidate]) -> str:
    """The name a speaker goes by: the fullest name among its labels (the role dropped),
    the most used written form when they are equally full."""

    def fullness(candidate: Candidate) -> tuple[int, int]:
        surname = _surname(candidate)
        return (surname[1] if surname else 0, candidate.count)

    best = max(group, key=fullness)
    # The most used form; of forms used as often, one spaced as the others ("Speaker 4"
    # before "Speaker4").
    form = max(
        best.forms, key=lambda f: (best.forms[f], " ".join(f.split()).casefold() == best.key)
    )
    return names.person_name(form) or form
