"""Speakers named inside cue text: `Name:` prefixes and `>>` changes of speaker.

SubRip has no speaker markup, and WebVTT files without voice spans often have none
either: transcription services put `Name:` at the start of a cue, broadcast captions
mark a change of speaker with `>>`. A `Name:` prefix names a speaker only if the file's
cues (and their lines) open with a name-shaped prefix more often than with any other
words before a colon (so a file whose sentences contain colons gets no speakers from
them).

A cue may hold two speakers' lines, each with its prefix (`ANA: Hello.` over `BEN:
Hi.`), or SDH's dialogue dashes before them (`- ANA: Fine?` over `- BEN: Fine.`): a
line after the first that opens with a name starts that speaker's stretch, as `>>`
does; a dash before a name is the dialogue's, not the text's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .. import names

_NAME_MARKS = frozenset(".'’_-")
_MAX_NAME_WORDS = 4
# Any words before a colon at the start of a cue: a prefix candidate.
_PREFIX = re.compile(r"(?P<label>[^:\s][^:]{0,39}?)\s*:\s+(?=\S)")
# `>>` marks a change of speaker in broadcast captions, optionally with the name.
_CHANGE = re.compile(r"\s*>>\s*")
# SDH's dialogue dash before a speaker's line (`- ANA: Fine?`).
_DASH = re.compile(r"[-–—]\s*")

#: One stretch of cue text: (the source marks a speaker here, the name if given, text).
Mark = tuple[bool, "str | None", str]


def is_name(label: str) -> bool:
    """Could this prefix name a speaker ("Sarah", "Speaker 2", "DR. FAUCI"), rather than
    open a sentence? One to four words, each opened by a capital or a digit (or a name
    particle inside), with a letter somewhere and no sentence punctuation."""
    words = label.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not any(c.isalpha() for c in label):
        return False
    if words[0].casefold().strip(".") in names.NON_SPEAKER_WORDS:
        return False
    for index, word in enumerate(words):
        if index and word in names.NAME_PARTICLES:
            continue
        if not (word[0].isupper() or word[0].istitle() or word[0].isdigit()):
            return False
        if not all(c.isalnum() or c in _NAME_MARKS for c in word):
            return False
    return True


class PrefixRule:
    """Decides, for a whole file, whether `Name:` at the start of a cue names a speaker.

    With declared speakers, exactly those names (in any case) are prefixes. Otherwise a
    file uses prefixes for speakers only when name-shaped prefixes outnumber the other
    words-before-a-colon its cues open with.
    """

    def __init__(self, texts: Iterable[str], declared: Sequence[str] = ()) -> None:
        self.declared = {name.casefold(): name for name in declared}
        self._names: dict[str, bool] = {}  # `is_name` of each label met: a file repeats them
        if self.declared:
            self.enabled = True
            return
        named = others = 0
        for text in texts:
            if ":" not in text:  # `_PREFIX` needs a colon: most cues have none
                continue
            if ">>" in text:  # each change of speaker may open with a name
                chunks = _CHANGE.split(text)
                found = next((_PREFIX.match(c) for c in chunks if _PREFIX.match(c)), None)
            else:
                found = _PREFIX.match(_undashed(text))
            openings = [found] if found is not None else []
            newline = text.find("\n")
            if newline >= 0 and text.find(":", newline) >= 0:  # a later line may open
                later = (_PREFIX.match(_undashed(line)) for line in text.split("\n")[1:])
                openings.extend(found for found in later if found is not None)
            for found in openings:
                if self._is_name(found["label"]):
                    named += 1
                else:
                    others += 1
        self.enabled = named > others

    def split(self, text: str) -> tuple[str | None, str]:
        """The speaker a cue's text opens with, if any, and the rest of the text."""
        if not self.enabled or ":" not in text:  # `_PREFIX` needs a colon
            return None, text
        # a dialogue dash before the name (no name opens with one) is the dialogue's
        said = _undashed(text) if text[:1] in "-–—" else text
        found = _PREFIX.match(said)
        if found is None:
            return None, text
        label = " ".join(found["label"].split())
        if self.declared:
            name = self.declared.get(label.casefold())
            return (name, said[found.end() :]) if name else (None, text)
        return (label, said[found.end() :]) if self._is_name(label) else (None, text)

    def line_marks(self, text: str) -> list[Mark] | None:
        """A cue's stretches when a line after its first opens with a speaker's name
        (two speakers in one cue); None when none does (the cue is read whole)."""
        if not self.enabled or ":" not in text:
            return None
        newline = text.find("\n")
        if newline < 0 or text.find(":", newline) < 0:  # no later line has a colon
            return None
        lines = text.split("\n")
        named = [self.split(line) for line in lines[1:]]
        if all(name is None for name, _ in named):
            return None
        first_name, first_rest = self.split(lines[0])
        marks: list[Mark] = [(first_name is not None, first_name, first_rest)]
        for line, (name, rest) in zip(lines[1:], named, strict=True):
            if name is None:
                marked, speaker, said = marks[-1]
                marks[-1] = (marked, speaker, f"{said}\n{line}")
            else:
                marks.append((True, name, rest))
        return marks

    def _is_name(self, label: str) -> bool:
        known = self._names.get(label)
        if known is None:
            known = self._names[label] = is_name(label)
        return known


def split_marks(text: str, prefixes: PrefixRule | None) -> list[Mark]:
    """One unmarked stretch of cue text as (marked, speaker, text) parts: split at `>>`
    changes of speaker, with `Name:` prefixes read where the file uses them."""
    if ">>" not in text:
        if prefixes is None:
            return [(False, None, text)]
        lines = prefixes.line_marks(text)
        if lines is not None:
            return lines
        name, rest = prefixes.split(text)
        return [(name is not None, name, rest)]
    chunks = _CHANGE.split(text)
    parts: list[Mark] = []
    if chunks[0].strip():
        parts.append((False, None, chunks[0]))
    for chunk in chunks[1:]:
        name, rest = prefixes.split(chunk) if prefixes else (None, chunk)
        parts.append((True, name, rest))
    return parts


def _undashed(text: str) -> str:
    """The text without a dialogue dash before it (`- ANA: Fine?`)."""
    if text[:1] not in "-–—":
        return text
    return text[_DASH.match(text).end() :]  # type: ignore[union-attr]
