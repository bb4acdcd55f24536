"""Sentence keys: each sentence of a text folded to the form the repetition rules compare.

A key is the sentence (as `transcripts.words` cuts it) with case folded and punctuation,
quotes and spacing dropped, and a question mark at the end when the sentence is a
question: `“Thank you,” she said.` and `thank you she said` have one key. A sentence with
no word left ("(...)", "?") has no key.

`sentence_key` folds one sentence; `keys` folds every sentence of many texts at once, for
megabytes of text, by C-level string operations over their marked sentence ends
(`words_fast.mark_sentence_ends`): one `translate` folds case and punctuation, one
`split` cuts the sentences, and Python code touches only the keys with odd spacing. Tests
hold the two to the same keys.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from .. import words, words_fast

#: The key between two texts' keys in `keys` (the boundary the texts are joined with).
SEPARATOR = words_fast.BOUNDARY


class _FoldTable(dict[int, Any]):
    """`str.translate` table for marked text. An end mark becomes a line break (a
    question mark a question mark, for `keys` to cut after), and so does a paragraph
    break; punctuation that clings to a word (commas, quotes, brackets, spared marks) is
    deleted, and word breakers (spaces, dashes, slashes, apostrophes, symbols) become a
    space, so folding leaves few double spaces. Any other character (the separator too)
    stays. Filled as characters are first seen."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        value: str | None
        if char == SEPARATOR:
            value = char  # one character for one keeps `translate` on its fast path
        elif char in words.QUESTION_MARKS:
            value = "?"
        elif char in words.TERMINALS or char == words_fast.PARAGRAPH:
            value = "\n"
        elif char == words_fast.SPARED:
            value = None  # deleted (None, unlike "", keeps the fast path)
        elif category[0] == "P" and category != "Pd" and char not in "/'’ʼ":
            value = None
        elif category[0] in "PZ" or category in ("Cc", "Cf", "Sk", "Sm", "So", "Sc"):
            value = " "
        else:
            value = char
        self[code] = value
        return value


_FOLD = _FoldTable()
# One sentence's final punctuation is no cut: it is spared like the rest. (The marks'
# own characters and the separator in a text are control characters like any other.)
_SPARE = str.maketrans(
    {
        **dict.fromkeys(words.TERMINALS, words_fast.SPARED),
        **dict.fromkeys(SEPARATOR + words_fast.SPARED + words_fast.PARAGRAPH, " "),
    }
)


def sentence_key(sentence: str) -> str:
    """The key of one sentence ("" or "?" when it has no word: no key)."""
    key = " ".join(sentence.casefold().translate(_SPARE).translate(_FOLD).split())
    return key + "?" if words.is_question(sentence) else key


def folded(text: str) -> str:
    """The words of `text` folded as keys fold them, with no sentence marks: the form a
    quotation and the turns it quotes are compared in."""
    return " ".join(text.casefold().translate(_SPARE).translate(_FOLD).split())


def has_key(key: str) -> bool:
    return key != "" and key != "?"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of its sentences that have a key, in the order
    `keys` gives them (see `words.sentence_spans`)."""
    text = text.replace(SEPARATOR, " ")  # as `keys` reads it
    return [
        (start, end)
        for start, end in words.sentence_spans(text)
        if has_key(sentence_key(text[start:end]))
    ]


#: About how many characters of text `keys` folds at once: each step copies the text it
#: folds, so megabytes of turns are folded a batch at a time, not all together.
BATCH_CHARS = 1 << 20


def keys(texts: Iterable[str]) -> list[str]:
    """The keys of the sentences of `texts`, in order, with `SEPARATOR` between two texts."""
    return list(chain.from_iterable(key_batches(texts)))


def key_batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """The keys of `keys(texts)`, a batch of texts at a time: a caller that keeps only
    what it needs of each batch never holds the keys of the whole text at once.

    A sentence never runs from one text into the next, so batches of texts are folded
    apart and their keys joined with a separator, as the texts are."""
    batch: list[str] = []
    size = 0
    folded = False  # a batch was folded: the next one is a text further on
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= BATCH_CHARS:
            yield [SEPARATOR, *_batch_keys(batch)] if folded else _batch_keys(batch)
            batch, size, folded = [], 0, True
    if batch or not folded:
        yield [SEPARATOR, *_batch_keys(batch)] if folded else _batch_keys(batch)


def _batch_keys(texts: list[str]) -> list[str]:
    joined = SEPARATOR.join(texts)
    if joined.count(SEPARATOR) != max(0, len(texts) - 1):  # the character in a text
        joined = SEPARATOR.join(text.replace(SEPARATOR, " ") for text in texts)
    folded = words_fast.mark_sentence_ends(joined).casefold().translate(_FOLD)
    while " ?" in folded:  # "why ?" is "why?" (rarely more than one pass)
        folded = folded.replace(" ?", "?")
    pieces = folded.replace("?", "?\n").replace(SEPARATOR, f"\n{SEPARATOR}\n").split("\n")
    # The rare double spaces (spacing in the source) are squeezed out of the few keys that
    # have them, which is far cheaper than a pass over the text.
    return [
        _mended(key) if "  " in key else key for key in map(str.strip, pieces) if key and key != "?"
    ]


def _mended(key: str) -> str:
    return " ".join(key.split())
