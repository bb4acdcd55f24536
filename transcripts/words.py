"""Words and sentences: the tokenising that lint and stats share, so both count alike.

A word is a run of letters, digits and combining marks in any script, with apostrophes
and hyphens allowed inside it: "don't", "state-of-the-art", "12,000" (digits joined by a
comma or point), "Lukashenko", "Лукашенко". Sentences end at `.`, `?`, `!` or `…`
followed by a space and a capital, digit or opening quote, except after common
abbreviations ("Mr.", "Dr.", "U.S.") and initials ("J. Smith").
"""

from __future__ import annotations

import functools
from typing import Any

# Patterns are compiled on first use: importing `regex` costs more than a small command.
_WORD_PATTERN = (
    r"[\p{L}\p{N}\p{M}]+"  # letters, digits, marks (any script)
    r"(?:(?:['’\-][\p{L}\p{N}\p{M}]+)|(?:(?<=\p{N})[.,](?=\p{N})[\p{N}]+))*"  # inner ' - and 1,000
)
_SENTENCE_END_PATTERN = r"[.?!…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}]|\s*$)"

# Abbreviations after which a full stop does not end a sentence (compared lower-case).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt vs etc e.g i.e u.s u.k u.n a.m p.m no gen col lt sgt
    capt rep sen gov pres rev fr hon jan feb mar apr jun jul aug sep sept oct nov dec
    inc ltd co corp dept est approx fig vol
    """.split()
)


@functools.cache
def _pattern(name: str) -> Any:
    import regex

    return regex.compile({"word": _WORD_PATTERN, "end": _SENTENCE_END_PATTERN}[name])


def words(text: str) -> list[str]:
    """The words of `text`, in order."""
    return _pattern("word").findall(text)


def count_words(text: str) -> int:
    """How many words `text` has (see the module docstring for what a word is)."""
    return sum(1 for _ in _pattern("word").finditer(text))


def sentences(text: str) -> list[str]:
    """`text` split into sentences, each stripped; text with no ending is one sentence."""
    result: list[str] = []
    start = 0
    for found in _pattern("end").finditer(text):
        end = found.end()
        candidate = text[start:end].strip()
        if not candidate:
            continue
        if found.group().startswith(".") and _ends_with_abbreviation(text[start : found.start()]):
            continue
        result.append(candidate)
        start = end
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return result


def _ends_with_abbreviation(before: str) -> bool:
    """Does the text before a full stop end in an abbreviation or an initial?"""
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    last = last.lstrip("\"'“‘([")
    if len(last) == 1 and last.isalpha() and last.isupper():
        return True  # an initial: "J. Smith"
    return last.lower().rstrip(".") in ABBREVIATIONS
