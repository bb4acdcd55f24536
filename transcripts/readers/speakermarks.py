"""Speakers named inside cue text: `Name:` prefixes and `>>` changes of speaker.

SubRip has no speaker markup, and WebVTT files without voice spans often have none
either: transcription services put `Name:` at the start of a cue, broadcast captions
mark a change of speaker with `>>`. A `Name:` prefix names a speaker only if the file's
cues open with a name-shaped prefix more often than with any other words before a
colon (so a file whose sentences contain colons gets no speakers from them).
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
                found = _PREFIX.match(text)
            if found is None:
                continue
            if self._is_name(found["label"]):
                named += 1
            else:
                others += 1
        self.enabled = named > others

    def split(self, text: str) -> tuple[str | None, str]:
        """The speaker a cue's text opens with, if any, and the rest of the text."""
        if not self.enabled or ":" not in text:  # `_PREFIX` needs a colon
            return None, text
        found = _PREFIX.match(text)
        if found is None:
            return None, text
        label = " ".join(found["label"].split())
        if self.declared:
            name = self.declared.get(label.casefold())
            return (name, text[found.end() :]) if name else (None, text)
        return (label, text[found.end() :]) if self._is_name(label) else (None, text)

    def _is_name(self, label: str) -> bool:
        known = self._names.get(label)
        if known is None:
            known = self._names[label] = is_name(label)
        return known


def split_marks(text: str, prefixes: PrefixRule | None) -> list[Mark]:
    """One unmarked stretch of cue text as (marked, speaker, text) parts: split at `>>`
    changes of speaker, with `Name:` prefixes read where the file uses them."""
    if ">>" not in text:
        name, rest = prefixes.split(text) if prefixes else (None, text)
        return [(name is not None, name, rest)]
    chunks = _CHANGE.split(text)
    parts: list[Mark] = []
    if chunks[0].strip():
        parts.append((False, None, chunks[0]))
    for chunk in chunks[1:]:
        name, rest = prefixes.split(chunk) if prefixes else (None, chunk)
        parts.append((True, name, rest))
    return parts
