"""The roster: who the accepted labels name, one speaker per person.

A declared roster (`--speaker`, front matter `speakers:`) wins over inference. Otherwise
labels naming one person are one speaker: "WOLF BLITZER, CNN ANCHOR" and "BLITZER" are
Wolf Blitzer; "Hon. Jane Stewart (Minister of ...)" is Hon. Jane Stewart. Which lines are
labels at all is decided before (`conventions.py`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ... import names
from ...model import Speaker
from .evidence import Record
from .tables import last_cell

if TYPE_CHECKING:
    from .evidence import Use
    from .shapes import Signature


# Text after a label that is not speech: a bare URL, a date or a number ("Agenda: <https://…>").
# A URL, or a number, date, time, amount or share ("2024-05-28", "$3.00", "12%").
@functools.cache
def _not_speech() -> re.Pattern[str]:
    return re.compile(r"<?(?:https?://|www\.)\S+>?|[\d\s:/.,\-+$€£¥%]+")


_HEADING_TAIL = 48


def is_speech(rest: str) -> bool:
    """Does the text after a label read like something said (not a URL, date or number,
    a value in code, `workiq`, nor the rest of a heading in capitals: "CITY COUNCIL
    HEARING: BRIDGE REPAIRS")?"""
    if not rest:
        return False
    if "|" in rest:  # a table's row: what is said is its last cell ("| Bread | 2.50 |")
        rest = last_cell(rest)
        if not rest:
            return False
    first = rest[0]
    if first == "`" and rest.rstrip().endswith("`") and rest.count("`") == 2:
        return False  # "Command: `workiq`": a value in code, not something said
    if first.isalpha() and not (first in "hHwW" and rest[:3].lower() in ("htt", "www")):
        # A short phrase all in capitals that ends no sentence is a heading's second half.
        return len(rest) >= _HEADING_TAIL or not rest.isupper() or not rest[-1].isalnum()
    return _not_speech().fullmatch(rest) is None


class Candidate(Record):
    """Every accepted use of one label (compared case-insensitively) across the document."""

    __slots__ = (  # noqa: RUF023  # in the order of the fields, as repr shows them
        "key",
        "forms",
        "count",
        "first",
        "last",
        "signatures",
        "shortened",
    )

    def __init__(
        self,
        key: str,
        forms: dict[str, int] | None = None,
        count: int = 0,
        first: int = -1,
        last: int = -1,
        signatures: set[Signature] | None = None,
        shortened: bool = False,
    ) -> None:
        self.key = key
        self.forms: dict[str, int] = {} if forms is None else forms  # as written -> uses
        self.count = count
        self.first = first  # line of the first use
        self.last = last  # line of the last use
        # the shapes it is written in
        self.signatures: set[Signature] = set() if signatures is None else signatures
        self.shortened = shortened  # the first letters of a longer name ("Bar." for "Barnardo.")

    @property
    def label(self) -> str:
        return next(iter(self.forms))


class Roster(Record):
    """The decision: label key -> canonical speaker name, and the roster in order.

    `contextual` holds labels (as written) whose speaker depends on where they are, such
    as "Q" in a court transcript (the examining lawyer); see `attribution.py`. `declared`
    says the user gave the roster.
    """

    # (in the order of the fields, as repr shows them)
    __slots__ = ("names", "speakers", "contextual", "declared")  # noqa: RUF023

    def __init__(
        self,
        names: dict[str, str],
        speakers: list[Speaker],
        contextual: frozenset[str] = frozenset(),
        declared: bool = False,
    ) -> None:
        self.names = names
        self.speakers = speakers
        self.contextual = contextual
        self.declared = declared

    def speaker_for(self, label: str) -> str | None:
        return self.names.get(names.normalise(label))


# A full name used at most this often, before its short form, introduces the person.
_INTRODUCTION_USES = 2


def candidates_of(
    uses: Iterable[Use], adjacent: set[frozenset[str]] | None = None
) -> list[Candidate]:
    """The accepted labels, one candidate per label as compared (case and spacing folded);
    `adjacent`, when given, gathers the pairs of keys whose labels follow one another.

    (What a label's shape says, its candidate and its signature, is looked up once per
    shape, by the shape's identity: the shape reader hands out one object for the labels a
    document repeats, and hashing a shape's signature for every label cost as much as the
    rest of the loop. How often each shape was used goes into the forms at the end.)"""
    candidates: dict[str, Candidate] = {}
    by_label: dict[str, Candidate] = {}  # as written: a document repeats its labels
    # a shape's identity -> [its candidate, its label as written, its uses so far]
    by_shape: dict[int, list[Any]] = {}
    previous: Candidate | None = None
    # a key -> the keys of the labels right after its own (not a pair made for each of a
    # large document's labels: that cost as much as the rest of the loop)
    following: dict[str, set[str]] = {}
    for use in uses:
        shape = use.shape
        known = by_shape.get(id(shape))
        if known is None:
            label = shape.label
            candidate = by_label.get(label)
            if candidate is None:
                key = names.normalise(label)
                candidate = candidates.get(key)
                if candidate is None:
                    candidate = candidates[key] = Candidate(key=key, first=use.line)
                    following[key] = set()
                by_label[label] = candidate
            candidate.forms.setdefault(label, 0)  # (in the order they come)
            candidate.signatures.add(shape.signature)
            known = by_shape[id(shape)] = [candidate, label, 0]
        else:
            candidate = known[0]
        known[2] += 1
        candidate.last = use.line
        if previous is not candidate:
            if previous is not None:
                following[previous.key].add(candidate.key)
            previous = candidate
    for candidate, label, count in by_shape.values():
        candidate.forms[label] += count
        candidate.count += count
    if adjacent is not None:
        adjacent.update(
            frozenset((key, after)) for key, keys in following.items() for after in keys
        )
    return list(candidates.values())


def build(uses: Iterable[Use], declared: Sequence[str] = ()) -> Roster:
    """The roster of the accepted labels: declared names as given, or people inferred."""
    adjacent: set[frozenset[str]] = set()
    candidates = candidates_of(uses, adjacent)
    if declared:
        return _declared_roster(candidates, declared)
    return _inferred_roster(candidates, adjacent)


def declared_matches(uses: Iterable[Use], declared: Sequence[str]) -> bool:
    """Does any candidate label name one of the declared speakers?"""
    keys = {names.normalise(name) for name in declared}
    return any(names_one_of(use, keys) for use in uses)


def names_one_of(use: Use, keys: AbstractSet[str]) -> bool:
    """Does the label name one of these speakers (their names normalised), by its name
    or as written?"""
    return use.key in keys or names.normalise(use.shape.label) in keys


def _declared_roster(candidates: list[Candidate], declared: Sequence[str]) -> Roster:
    canonical = {names.normalise(name): name for name in reversed(declared)}
    mapping = {}
    aliases: dict[str, list[str]] = {name: [] for name in canonical.values()}
    for candidate in candidates:
        name = canonical.get(candidate.key)
        if name is None:
            person = names.person_name(candidate.label)
            name = canonical.get(names.normalise(person)) if person else None
        if name is not None:
            mapping[candidate.key] = name
            aliases[name].extend(form for form in candidate.forms if form != name)
    speakers = [
        Speaker(name=name, aliases=tuple(aliases[name]), inferred=False)
        for name in dict.fromkeys(declared)
    ]
    return Roster(names=mapping, speakers=speakers, declared=True)


def _inferred_roster(candidates: list[Candidate], adjacent: set[frozenset[str]]) -> Roster:
    accepted = sorted(candidates, key=lambda c: c.first)
    mapping = {}
    speakers = []
    for group in _people(accepted, adjacent):
        name = _canonical_name(group)
        forms = [form for c in group for form in sorted(c.forms, key=lambda f: -c.forms[f])]
        for candidate in group:
            mapping[candidate.key] = name
        aliases = tuple(dict.fromkeys(form for form in forms if form != name))
        speakers.append(Speaker(name=name, aliases=aliases, inferred=True))
    return Roster(names=mapping, speakers=speakers)


def _people(
    accepted: list[Candidate], adjacent: AbstractSet[frozenset[str]] = frozenset()
) -> list[list[Candidate]]:
    """The accepted labels grouped by the person they name, in order of first use.

    A name with a role after it is that name ("WOLF BLITZER, CNN ANCHOR" is "WOLF
    BLITZER"); a surname alone, or after an honorific ("BLITZER", "MR. COOPER"), is the
    one longer name that ends with it, when exactly one does and it was introduced with
    its role or affiliation (news transcripts name a guest in full once, then by surname).
    A play's "VINCENTIO" and "DUKE VINCENTIO" are two characters. A name with titles
    before it is the same name without them ("Sir Keir Starmer", "Keir Starmer").
    """
    groups: dict[str, list[Candidate]] = {}
    titles: dict[str, str] = {}  # key -> the titles of its first titled name
    for candidate in accepted:
        person = names.person_name(candidate.label) or _holder_by_name(candidate.label)
        key = _role_key(candidate.label)
        if person:
            key, title = _person_key(person)
            # "Mr. John Smith" and "Mrs. John Smith" are two people ("John Smith" goes
            # with the first).
            if title and titles.setdefault(key, title) != title:
                key = names.normalise(person)
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
        if (
            len(targets) == 1
            and _introduces(groups[targets[0]], groups[key])
            and not _another_initial(groups[key][0], groups[targets[0]][0])
        ):
            groups[targets[0]].extend(groups.pop(key))
    _join_given_names(groups, full)
    _join_abbreviations(groups)
    _join_voices(groups)
    _join_first_letters(groups, adjacent)
    _join_initials(groups, adjacent)
    _join_declared_short_forms(groups)
    ordered = sorted(groups.values(), key=lambda group: min(c.first for c in group))
    return [sorted(group, key=lambda c: c.first) for group in ordered]


def _another_initial(short: Candidate, full: Candidate) -> bool:
    """Is the short name's title a letter that is as likely an initial, beside a full
    name whose given names are initials ("M. Cic" beside "Q. Cic": Marcus and Quintus
    Cicero, not Monsieur Cic)?"""
    person = names.person_name(short.label)
    titles = names.split_titles(person)[0] if person else []
    if len(titles) != 1 or len(titles[0]) != 1:
        return False
    words = _person_words(full)
    return len(words) >= 2 and all(len(word) == 1 for word in words[:-1])


def _join_given_names(groups: dict[str, list[Candidate]], surnames: dict[str, list[str]]) -> None:
    """A given name alone ("Ana") is the one longer name opening with it ("Ana Ruiz,
    host"), introduced before it as a surname alone is (a podcast names its host in full
    once, then by first name); not where the word also ends a longer name, nor where two
    names open with it ("Ana Ruiz" and "Ana Lopez")."""
    opening: dict[str, list[str]] = {}  # given name -> keys of the longer names
    for key, group in groups.items():
        words = _person_words(group[0])
        if len(words) >= 2:
            opening.setdefault(words[0], []).append(key)
    for key in list(groups):
        words = _person_words(groups[key][0])
        if len(words) != 1 or words[0] in surnames:
            continue
        targets = [other for other in opening.get(words[0], []) if other in groups]
        if len(targets) == 1 and _introduces(groups[targets[0]], groups[key]):
            groups[targets[0]].extend(groups.pop(key))


def _person_words(candidate: Candidate) -> list[str]:
    """The words of the person a label names, titles aside, as compared ("Ana Ruiz,
    host" -> ["ana", "ruiz"]; "Mr. Cooper" -> [], a surname after a title being no given
    name); none for a role, an office or a group."""
    person = names.person_name(candidate.label)
    if not person:
        return []
    titles, words = names.split_titles(person)
    return [] if titles and len(words) < 2 else words


def _holder_by_name(label: str) -> str | None:
    """The person an office's label names in full ("The Secretary of State for Health
    (Victoria Atkins)", as the UK Hansard introduces a minister who then speaks as
    "Victoria Atkins"); None for any other label, and for a holder named by honorific
    ("The Acting CHAIRMAN (Mr. Shaw)" presides: that office is a speaker of its own)."""
    office = names.office_of(label)
    if office is None or office[1] is None or names.has_honorific(office[1]):
        return None
    return office[1]


def _join_declared_short_forms(groups: dict[str, list[Candidate]]) -> None:
    """A name given with its short form in parentheses ("Jane Doe (JD)", "Interviewer
    (I)") joins the labels written in that short form ("JD:", "I:"): the transcript
    said how it would name the speaker."""
    for key in list(groups):
        group = groups.get(key)
        if group is None:
            continue
        for candidate in list(group):
            short = names.short_form(candidate.label)
            if short is not None and short != key and short in groups:
                group.extend(groups.pop(short))


def _role_key(label: str) -> str:
    """The key a label that names no person by name is grouped by: the label as compared,
    without a note on how the line is said ("MAN (pointing to a cable)" is "MAN") and
    without an article opening a role ("THE BOY" is "BOY", as a play calls him later)."""
    key = names.normalise(_spoken_name(label))
    article, _, rest = key.partition(" ")
    return rest if article == "the" and rest else key


# A script's cue for a speaker heard and not seen: "ALVY'S VOICE", "Curly's voice".
_VOICE = re.compile(r"(?P<who>.+?)['’]s voice", re.I)


def _join_voices(groups: dict[str, list[Candidate]]) -> None:
    """A speaker's voice ("CURLY'S VOICE", heard on the phone or over the scene) is that
    speaker, where the document has them under their name too."""
    for key in list(groups):
        found = _VOICE.fullmatch(key)
        if found is not None and found["who"] in groups:
            groups[found["who"]].extend(groups.pop(key))


def _join_abbreviations(groups: dict[str, list[Candidate]]) -> None:
    """A name cut short with a period ("SL.", "MNG.") joins the one longer name it
    shortens ("SLENDER CROW", "THE MANAGER") that the document used before it: a play
    names its characters in full, then by a few letters. Where two longer names fit
    ("ST." with "STOUT CROW" and "STEWARD"), or none came first, it stays a name of its
    own."""
    short = {
        key: group
        for key, group in groups.items()
        if all(names.is_abbreviated(_spoken_name(c.label)) for c in group)
    }
    if not short:
        return
    full = [key for key in groups if key not in short]
    for key, group in short.items():
        first = min(c.first for c in group)
        written = _spoken_name(group[0].label)
        targets = [
            other
            for other in full
            if min(c.first for c in groups[other]) < first and names.abbreviates(written, other)
        ]
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(key))


def _join_first_letters(
    groups: dict[str, list[Candidate]], adjacent: AbstractSet[frozenset[str]]
) -> None:
    """A name cut to its first letters, ended by the period a play's labels end with
    ("Bar." and "Barn." for "Barnardo.", "Fran." for "Francisco.", as the First Folio
    prints them), is the longer name of the same shape it opens: one person, named by
    the longer form. Only where the longer names it could open are one name and its
    own shortenings ("Bar.", "Barn.", "Barnardo."), and where none of them follows the
    other (a speaker does not answer himself; "ANN." answering "ANNA." are two people).
    A name with a colon after it is never cut short: "Ann:" and "Anna:" stay two, and
    so do "CAPULET" and "LADY CAPULET" (two words)."""
    dotted = {
        key
        for key, group in groups.items()
        if key.isalpha() and all(_ends_with_period(c) for c in group)
    }
    for short in sorted(dotted, key=len):
        group = groups.get(short)
        if group is None:
            continue
        shapes = {signature for c in group for signature in c.signatures}
        longer = sorted(
            (
                key
                for key in dotted
                if key in groups
                and names.is_first_letters(short, key)
                and shapes & {signature for c in groups[key] for signature in c.signatures}
            ),
            key=len,
        )
        if not longer or any(not b.startswith(a) for a, b in pairwise(longer)):
            continue  # none, or two names it could open ("Fra." with "Francis." and "Frank.")
        keys = {c.key for c in group}
        others = {c.key for key in longer for c in groups[key]}
        if any(frozenset((a, b)) in adjacent for a in keys for b in others):
            continue
        for candidate in group:
            candidate.shortened = True
        groups[longer[-1]].extend(groups.pop(short))


def _join_initials(
    groups: dict[str, list[Candidate]], adjacent: AbstractSet[frozenset[str]]
) -> None:
    """A name in initials ("GS:", "RD:") is the one person's name of two words or more
    used before it whose initials they are ("GABRIEL STONE:", "ROSA DELGADO:"): a Q&A
    names each person in full once, then by initials. Where two names have those
    initials, or none came before, or the two answer each other (a speaker does not
    answer himself), it stays a name of its own."""
    short = [
        key
        for key, group in groups.items()
        if all(names.is_initials(_spoken_name(c.label)) for c in group)
    ]
    if not short:
        return
    full: dict[str, list[str]] = {}  # initials -> keys of the names with them
    for key, group in groups.items():
        person = names.person_name(group[0].label)
        initials = names.initials_of(person) if person else None
        if initials is not None and key not in short:
            full.setdefault(initials, []).append(key)
    for key in short:
        group = groups[key]
        first = min(c.first for c in group)
        targets = [
            other for other in full.get(key, []) if min(c.first for c in groups[other]) < first
        ]
        if len(full.get(key, [])) != 1 or len(targets) != 1:
            continue
        keys = {c.key for c in group}
        others = {c.key for c in groups[targets[0]]}
        if any(frozenset((a, b)) in adjacent for a in keys for b in others):
            continue
        for candidate in group:
            candidate.shortened = True
        groups[targets[0]].extend(groups.pop(key))


def _ends_with_period(candidate: Candidate) -> bool:
    """Is the label written with a period after the name, in every use ("Bar.")?"""
    return all(signature.delimiter == "." for signature in candidate.signatures)


def _spoken_name(label: str) -> str:
    """The name of a label without a note in parentheses or brackets on how the line is
    said ("ST. (above)" is "ST.", "PRAED [to Vivie]" is "PRAED")."""
    name, note = names.split_name(label)
    if note is None or not names.is_delivery_note(note):
        return label
    return name if label[len(name) :].lstrip().startswith(("(", "[")) else label


def _person_key(person: str) -> tuple[str, str]:
    """The key a person's labels are grouped by, and the titles the name opens with: the
    name without its honorifics and titles where two words or more are left, particles
    aside ("Sir Keir Starmer" and "Keir Starmer", "President Joe Biden" and "Joe Biden"
    are one person); else the name ("Mr Smith", "MADEMOISELLE DU CROISY": a surname
    alone is matched to a full name below, and a play's "DU CROISY" is another person)."""
    titles, words = names.split_titles(person)
    if sum(word not in names.NAME_PARTICLES for word in words) >= 2:
        return " ".join(words), " ".join(titles)
    return names.normalise(person), ""


def _introduces(full: list[Candidate], short: list[Candidate]) -> bool:
    """Is the full name an introduction of the person the short one names: written with a
    role or an affiliation ("WOLF BLITZER, CNN ANCHOR"), or used once or twice, the
    first time before the short name's first use ("Vice Chairman Lee Hamilton:" then
    "Hamilton:"; "Fran Allen:", "Allen:" throughout, and "Fran Allen:" to close)? A
    play's "DUKE VINCENTIO" and "VINCENTIO", each speaking throughout, are two
    characters; a note on how a line is said ("DUKE VINCENTIO (aside)") is no role."""
    if any(_has_role(form) for c in full for form in c.forms):
        return True
    uses = sum(c.count for c in full)
    return uses <= _INTRODUCTION_USES and min(c.first for c in full) < min(c.first for c in short)


def _has_role(label: str) -> bool:
    """Does the label give a role or an affiliation after the name (not a note on how the
    line is said)?"""
    note = names.split_name(label)[1]
    return note is not None and _spoken_name(label) == label


def _surname(candidate: Candidate) -> tuple[str, int] | None:
    person = names.person_name(candidate.label)
    return names.surname_of(person) if person else None


def _canonical_name(group: list[Candidate]) -> str:
    """The name a speaker goes by: the fullest name among its labels (the role dropped),
    the most used written form when they are equally full."""

    def fullness(candidate: Candidate) -> tuple[bool, bool, int, int]:
        surname = _surname(candidate)
        # "MNG." for "MANAGER", "Bar." for "Barnardo."
        cut_short = candidate.shortened or names.is_abbreviated(_spoken_name(candidate.label))
        voice = _VOICE.fullmatch(candidate.key) is not None  # "CURLY'S VOICE": CURLY's
        return (not cut_short, not voice, surname[1] if surname else 0, candidate.count)

    best = max(group, key=fullness)
    # The most used form; of forms used as often, one spaced as the others ("Speaker 4"
    # before "Speaker4").
    form = max(
        best.forms, key=lambda f: (best.forms[f], " ".join(f.split()).casefold() == best.key)
    )
    return names.person_name(form) or _spoken_name(form)
