"""The CHAT reader (TalkBank, CHILDES): main tiers `*SPK:` into turns, named from
`@Participants`.

A CHAT file is a header (`@Begin`, `@Participants:`, `@ID:`, ...), then utterances:
a main tier `*MOT:<tab>text` followed by dependent tiers (`%mor:`, `%gra:`, `%com:`)
that annotate it. Only main tiers are speech; dependent tiers are not speakers and are
not kept (`losses` counts them). Lines opened by a tab continue the tier above. Media
bullets (`\\x15<start>_<end>\\x15`, milliseconds) give an utterance its times; the rest
of the transcription, CHAT codes included, is kept as written.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Kind, Speaker, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import MAX_SECONDS
from .common import LINE_BREAK
from .turns import Part, assemble

_BULLET = re.compile(r"\x15(\d{1,15})_(\d{1,15})\x15")  # milliseconds (`_bullet_times`)
_TIER = re.compile(r"([*%@])([^:\t]*):[ \t]*(.*)", re.S)
# Headers without a value: they mark places, they carry nothing to keep.
_MARKERS = frozenset(["@UTF8", "@Begin", "@End", "@Blank", "@New Episode", "@New Language"])


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a CHAT transcript into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    tiers = _tiers(LINE_BREAK.split(source.text), name)
    metadata: dict[str, Any] = {}
    names: dict[str, str] = {}  # speaker code -> display name
    roster: list[Speaker] = []
    items: list[Part | Block] = []
    dependent: Counter[str] = Counter()
    begun = False
    for first, last, text in tiers:
        if text.rstrip() in _MARKERS:
            begun = begun or text.startswith("@Begin")
            continue
        found = _TIER.fullmatch(text)
        if found is None:
            raise TranscriptError(
                f"line {first}: expected a *SPEAKER:, %tier: or @Header: line, found {text[:40]!r}",
                name,
            )
        mark, label, value = found.groups()
        value = value.strip()
        if mark == "%":
            dependent[label] += 1
        elif mark == "@":
            if not items:
                key = label.strip().lower().replace(" ", "_")
                if key in metadata:  # a repeated header (one @ID per participant): a list
                    before = metadata[key]
                    metadata[key] = [*(before if isinstance(before, list) else [before]), value]
                else:
                    metadata[key] = value
                if label == "Participants":
                    names, roster = _participants(value)
            else:  # a header among the utterances (a comment, a tape location): keep it
                items.append(Block(Kind.LABELLED, clean_spaces(value), first, last, label=label))
        else:
            code = label.strip()
            if not code:
                raise TranscriptError(f"line {first}: a main tier needs a speaker code", name)
            start = end = None
            bullet = _BULLET.search(value)
            if bullet:
                start, end = _bullet_times(bullet, first, name)
                value = _BULLET.sub(" ", value)
            speaker = names.get(code, code)
            items.append(Part(clean_spaces(value), start, end, first, last, True, speaker))
    if not begun and not any(isinstance(item, Part) for item in items):
        raise TranscriptError(
            "line 1: not a CHAT file (no @Begin header and no *SPEAKER: tier)", name
        )
    for tier, count in dependent.items():
        note(options.losses, "{n} dependent tier{s}", count, detail=f"%{tier}")
    return assemble(items, source, options, metadata=metadata, roster=roster)


def _bullet_times(bullet: re.Match[str], line: int, name: str) -> tuple[float, float]:
    """A media bullet's start and end in seconds, or a clear error for one no other
    format could hold: ending before it starts (a SubRip or WebVTT cue made of it would
    be refused when read back), or beyond `MAX_SECONDS`."""
    start, end = int(bullet[1]) / 1000, int(bullet[2]) / 1000
    if end > MAX_SECONDS:
        raise TranscriptError(
            f"line {line}: the media bullet's times must be at most {MAX_SECONDS * 1000:.0f} ms",
            name,
        )
    if end < start:
        raise TranscriptError(
            f"line {line}: the media bullet ends ({bullet[2]} ms) before it starts "
            f"({bullet[1]} ms)",
            name,
        )
    return start, end


def _tiers(lines: list[str], name: str) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each tier, continuation lines joined to their tier."""
    tiers: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line[0] in " \t":
            if not tiers:
                raise TranscriptError(
                    f"line {number}: a continuation line (opened by a tab) before any tier",
                    name,
                )
            first, _, text = tiers[-1]
            tiers[-1] = (first, number, f"{text} {line.strip()}")
        else:
            tiers.append((number, number, line))
    return tiers


def _participants(value: str) -> tuple[dict[str, str], list[Speaker]]:
    """Speaker names from `@Participants: CHI Eve Target_Child, MOT Mother, ...`.

    Each entry is a code, an optional name and a role. A speaker is called by the name,
    else by the role when no one else has it ("Mother"), else by role and code
    ("Investigator (COL)"); the code is an alias either way.
    """
    entries = []
    for entry in value.split(","):
        words = entry.split()
        if not words:
            continue
        code = words[0]
        person = words[1] if len(words) >= 3 else None
        role = words[-1] if len(words) >= 2 else None
        entries.append((code, person, role))
    roles = Counter(role for _, person, role in entries if person is None and role)
    names: dict[str, str] = {}
    roster: list[Speaker] = []
    for code, person, role in entries:
        if person:
            display = person.replace("_", " ")
        elif role and roles[role] == 1:
            display = role.replace("_", " ")
        elif role:
            display = f"{role.replace('_', ' ')} ({code})"
        else:
            display = code
        names[code] = display
        roster.append(Speaker(display, aliases=(code,), inferred=False))
    return names, roster


def sniff(text: str) -> bool:
    """CHAT files open with @UTF8 or @Begin."""
    return text.lstrip("\ufeff").startswith(("@UTF8", "@Begin"))
