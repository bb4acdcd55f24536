"""Speakers whose label leaves the name to its place in the transcript.

- Court examination: "Q." is the lawyer examining, named by the last "BY MS. MURRAY:"
  line; "A." and "THE WITNESS:" are the witness the transcript names ("LE ZHOU, called
  as a witness by the Government, having been duly sworn, testified as follows:").
- Offices: "The Acting CHAIRMAN." is whoever "The Acting CHAIRMAN (Mr. Shaw)." last
  named; "The SPEAKER pro tempore." likewise.

Turns keep their label as written; their speaker is the person. Where the transcript has
not named anyone yet, the label stays the speaker ("Q").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ... import names
from ...model import Kind, Speaker
from .paragraphs_scan import Paragraph
from .roster import Roster

# Lines an introduction of a witness may take.
_INTRODUCTION_LINES = 3
# The labels of a court examination.
_QUESTION = "q"
_ANSWERS = frozenset({"a", "the witness"})
# "LE ZHOU, called as a witness by the Government, having been duly sworn, testified as
# follows:"; "JOHN DOE, having been first duly sworn, was examined and testified ...".
# (Compiled on first use, by `re`: only court transcripts need it.)
_WITNESS = (
    r"(?:WHEREUPON,?\s+)?(?P<name>[A-Z][\w.'’\- ]{1,60}?),\s+(?:[\w ,]{0,60}?)"
    r"(?:called\s+as\s+a\s+witness|(?:having\s+been|being|was)\s+(?:first\s+)?(?:duly\s+)?"
    r"(?:sworn|affirmed))"
)


def attribute(
    paragraphs: list[Paragraph], roster: Roster, text_of: Callable[[Paragraph], str]
) -> tuple[dict[int, str], Roster]:
    """The speakers of turns their place decides (by first line), and the roster with
    those speakers in it. Paragraphs introducing a witness become stage directions."""
    keys = set(roster.names)
    court = _QUESTION in keys or bool(keys & _ANSWERS)
    offices = {  # (read from the names as written: a holder's name is capitalised)
        names.normalise(found[0])
        for written in set(roster.names.values())
        if (found := names.office_of(written)) is not None and found[1] is not None
    }
    if not court and not offices:
        return {}, roster
    attributed: dict[int, str] = {}
    aliases: dict[str, list[str]] = {}
    examiner: str | None = None
    witness: str | None = None
    holders: dict[str, str] = {}
    for index, paragraph in enumerate(paragraphs):
        label = paragraph.label
        if label is None:
            if court and paragraph.kind is None:
                named = _witness_introduced(paragraphs, index, text_of, roster)
                if named is not None:
                    name, through = named
                    witness = roster.speaker_for(name) or name
                    for number in range(index, through + 1):
                        paragraphs[number] = paragraphs[number]._replace(kind=Kind.STAGE_DIRECTION)
            continue
        key = names.normalise(label)
        speaker = roster.names.get(key)
        if court and key.startswith("by ") and names.has_honorific(label[3:].strip()):
            lawyer = label[3:].strip()
            examiner = roster.speaker_for(lawyer) or lawyer
            continue
        if speaker is None or not paragraph.speaker:
            continue
        person: str | None = None
        if court and key == _QUESTION:
            person = examiner
        elif court and key in _ANSWERS:
            person = witness
        elif offices and (office := names.office_of(label)) is not None:
            office_key = names.normalise(office[0])
            if office[1] is not None:
                holders[office_key] = speaker
            elif office_key in holders:
                person = holders[office_key]
        if person is not None and person != speaker:
            attributed[paragraph.start] = person
            aliases.setdefault(person, []).append(label)
    contextual = frozenset(
        form
        for key in keys
        if key == _QUESTION or key in _ANSWERS or _office_key(key) in offices
        for form in _forms(roster, key)
    )
    return attributed, _with_people(roster, paragraphs, attributed, aliases, contextual)


def _office_key(key: str) -> str | None:
    office = names.office_of(key)
    return names.normalise(office[0]) if office is not None else None


def _forms(roster: Roster, key: str) -> list[str]:
    speaker = roster.names[key]
    forms = [speaker]
    for entry in roster.speakers:
        if entry.name == speaker:
            forms.extend(entry.aliases)
    return [form for form in forms if names.normalise(form) == key]


def _witness_introduced(
    paragraphs: Sequence[Paragraph],
    index: int,
    text_of: Callable[[Paragraph], str],
    roster: Roster,
) -> tuple[str, int] | None:
    """The witness the paragraph at `index` introduces, and the index of the paragraph the
    introduction ends in (it may take a line each where every line is a paragraph)."""
    text = text_of(paragraphs[index])
    if not text[:1].isupper() or "," not in text[:70]:
        return None
    through = index
    # "... testified as follows:" ends it
    while not text.endswith(":") and through - index < _INTRODUCTION_LINES:
        if through + 1 >= len(paragraphs):
            break
        following = paragraphs[through + 1]
        if following.kind is not None or (
            following.label is not None and roster.speaker_for(following.label) is not None
        ):
            return None
        through += 1
        text += "\n" + text_of(following)
    found = re.match(_WITNESS, text, re.S)
    if found is None:
        return None
    name = " ".join(found["name"].split())
    return (name, through) if names.name_words(name) is not None else None


def _with_people(
    roster: Roster,
    paragraphs: Sequence[Paragraph],
    attributed: dict[int, str],
    aliases: dict[str, list[str]],
    contextual: frozenset[str],
) -> Roster:
    """The roster with the people turns were given: each keeps the labels that stood for
    it as aliases; a label that always stood for someone else leaves the roster."""
    still_used: set[str] = set()  # speakers some turn still carries by its own label
    first_turn: dict[str, int] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.label is None or not paragraph.speaker:
            continue
        own = roster.names.get(names.normalise(paragraph.label))
        if own is None:
            continue
        speaker = attributed.get(paragraph.start, own)
        if speaker == own:
            still_used.add(own)
        first_turn.setdefault(speaker, index)
    entries = {speaker.name: speaker for speaker in roster.speakers}
    for person, labels in aliases.items():
        entry = entries.get(person) or Speaker(name=person, inferred=True)
        extra = [label for label in dict.fromkeys(labels) if label not in entry.aliases]
        entries[person] = Speaker(entry.name, (*entry.aliases, *extra), entry.inferred)
    kept = [
        entry
        for name, entry in entries.items()
        if name in still_used or name in aliases or name not in roster.names.values()
    ]
    kept.sort(key=lambda entry: first_turn.get(entry.name, len(paragraphs)))
    return Roster(names=roster.names, speakers=kept, contextual=contextual)
