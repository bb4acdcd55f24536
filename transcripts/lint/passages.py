"""The sentences of a transcript, normalised once and shared by the repetition rules.

Duplicate and near-duplicate detection compare sentences of the blocks that carry words
of the conversation (turns, unattributed text, labelled blocks, prose), after folding
case and dropping punctuation, quotes and spacing: `“Thank you,” she said.` and
`thank you she said` are the same sentence.

Speed matters here (a 50 MB transcript must lint in a few seconds), so the work is done
on the whole text at once by C-level string operations: a few regular-expression passes
decide which punctuation ends a sentence, one `translate` folds case and punctuation, one
`split` cuts the sentences. Python code then touches only the sentences that repeat.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter

from ..model import Kind, Transcript
from ..parallel import Forked, can_fork

#: Block kinds whose sentences are compared: what people said or wrote, not page furniture,
#: headings (a running title repeats by design) or stage directions ("(Laughter.)").
PASSAGE_KINDS = frozenset({Kind.TURN, Kind.UNATTRIBUTED, Kind.LABELLED, Kind.PROSE})

# Marks where one block's text ends and the next begins; it becomes a "sentence" of its
# own, so the joined texts are cut at the same places as each text alone. ASCII (keeps
# `translate` fast) and not a space (survives `strip`).
_SEPARATOR = "\x02"
# An unconditional sentence end: a space to the patterns that decide the other ends
# (so it never hides one), a line break once folded. It joins the blocks' texts around
# the separator and stands for paragraph breaks, which end sentences too.
_BREAK = "\x1f"
_JOINER = f"{_BREAK}{_SEPARATOR}{_BREAK}"
# Stands in for punctuation found not to end a sentence: folding deletes it (a space
# there would leave double spaces to squeeze out of megabytes of text), while cutting
# for offsets reads it as a space.
_SPARED = "\x01"

# Sentence punctuation that does not end a sentence: inside a word or number ("3.5",
# "example.com", the first two dots of "..."), or before a word in lower case
# ("“Yes!” she said", "I was... you know").
_NOT_AN_END = re.compile(r"[.?!…](?=[^\s\"'”’)\]\x02]|[\"'”’)\]]*\s+[\"'“‘(\[]?[a-z])")
# A full stop after an abbreviation, an initial or a letter of a dotted acronym ("Mr.
# Smith", "J. Smith", "the U.S. claims", "e.g."), matched on lower-case text. Anchored on
# the full stop, with fixed-width look-behinds: several times faster than a pattern
# that looks for the words.
_ABBREVIATION_PATTERN = (
    r"\.(?:(?<=\b[^\W\d_]\.)|(?<=\b(?:mr|ms|mx|dr|sr|jr|st|mt|vs|lt|fr)\.)"
    r"|(?<=\b(?:mrs|etc|gen|col|sgt|rep|sen|gov|rev|hon|nos|inc|ltd|fig|vol|jan|feb|apr|jun"
    r"|jul|aug|sep|oct|nov)\.)|(?<=\b(?:prof|capt|pres|dept|sept|corp)\.)|(?<=\bapprox\.))"
)
_ABBREVIATED = re.compile(_ABBREVIATION_PATTERN)
_ABBREVIATED_ANY_CASE = re.compile(_ABBREVIATION_PATTERN, re.IGNORECASE)


class _FoldTable(dict):
    """`str.translate` table. Sentence ends become a line break (a question mark stays,
    with `keep` in it, so questions can be told apart). With `squeeze`, punctuation that
    clings to a word (commas, quotes, brackets) is deleted and word breakers (spaces,
    dashes, slashes, apostrophes, symbols) become a space, so folding leaves few double
    spaces; without it every such character becomes a space and lengths are kept. Any
    other character (the separator too) stays. Filled as characters are first seen."""

    def __init__(self, keep: str = "", squeeze: bool = False) -> None:
        super().__init__()
        self.keep = keep
        self.squeeze = squeeze

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        value: str | None
        if char == _SEPARATOR or char in self.keep:
            value = char  # one character for one keeps `translate` on its fast path
        elif char == _BREAK:
            value = "\n"
        elif char == _SPARED:
            value = None if self.squeeze else " "
        elif char in ".?!…":
            value = "\n"
        elif category[0] == "P" and self.squeeze and category != "Pd" and char not in "/'’ʼ":
            value = None  # deleted (None, unlike "", keeps the fast path)
        elif category[0] in "PZ" or category in ("Cc", "Cf", "Sk", "Sm", "So", "Sc"):
            value = " "
        else:
            value = char
        self[code] = value
        return value


_FOLD = _FoldTable(keep="?", squeeze=True)  # for the keys: questions keep their mark
_CUT = _FoldTable()  # for sentence offsets: every sentence end is a line break


def _paragraphs(text: str) -> str:
    """`text` with its paragraph breaks marked as sentence ends (same length)."""
    return text.replace("\n\n", f"{_BREAK}\n") if "\n\n" in text else text


def _pieces(text: str) -> list[str]:
    """The folded sentences of `text` (the separator between blocks one of its own),
    each stripped; empty ones are left for the caller to drop."""
    text = _NOT_AN_END.sub(_SPARED, text).lower()
    if "." in text:
        text = _ABBREVIATED.sub(_SPARED, text)
    folded = text.translate(_FOLD).replace("?", "?\n")
    return list(map(str.strip, folded.split("\n")))


_NON_SPACE = re.compile(r"\S*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of its sentences, in the order `SentenceTable` numbers
    them; the span excludes surrounding spaces and includes the closing punctuation."""
    # The same decisions as `_pieces`, keeping the length of `text` (the separator
    # character is a space there, as in the table).
    marked = _NOT_AN_END.sub(_SPARED, _paragraphs(text.replace(_SEPARATOR, " ")))
    marked = _ABBREVIATED_ANY_CASE.sub(_SPARED, marked).translate(_CUT)
    spans = []
    start = 0
    for piece in marked.split("\n"):
        end = start + len(piece)
        if not piece.isspace() and piece:
            left = start
            while text[left].isspace():
                left += 1
            # The sentence's closing punctuation and quotes run up to the next space.
            right = _NON_SPACE.match(text, end).end()  # type: ignore[union-attr]
            spans.append((left, right))
        start = end + 1
    return spans


def _keys(texts: list[str]) -> list[str]:
    """The folded sentences of `texts`, with a separator key between two texts."""
    joined = _JOINER.join(texts)
    if joined.count(_SEPARATOR) != max(0, len(texts) - 1):  # the character in a text
        joined = _JOINER.join(text.replace(_SEPARATOR, " ") for text in texts)
    # "?" alone is the mark of a question with no words: not a sentence. The rare double
    # spaces (spacing in the source) are squeezed out of the few sentences that have
    # them, which is far cheaper than a pass over the whole text.
    return [
        key if "  " not in key else " ".join(key.split())
        for key in _pieces(joined)
        if key and key != "?"
    ]


# Above this many characters the second half of the texts is folded in a second process.
_FORK_ABOVE = 4_000_000


def _keys_of(texts: list[str]) -> list[str]:
    """`_keys(texts)`; for long transcripts the halves are folded in two processes at
    once. Texts are joined with unconditional sentence ends around the separator, so
    the keys of the whole are those of the halves with a separator key between them."""
    if len(texts) < 2 or sum(map(len, texts)) < _FORK_ABOVE or not can_fork():
        return _keys(texts)
    middle = len(texts) // 2
    second = Forked(_keys, texts[middle:])
    try:
        first = _keys(texts[:middle])
    except BaseException:
        second.cancel()
        raise
    return [*first, _SEPARATOR, *second.result()]


@dataclass(frozen=True, slots=True)
class Sentence:
    """Where one sentence is: the block (index into `transcript.blocks`) and its number
    among the block's sentences (see `sentence_spans`)."""

    block: int
    ordinal: int


class SentenceTable:
    """Every sentence of the passage blocks, folded, in source order.

    `keys` holds the folded sentences (a question ends with "?"), with `_SEPARATOR`
    between blocks; `counts` says how often each occurs, in order of first appearance.
    Building it is linear in the text and mostly C-level work.
    """

    def __init__(self, transcript: Transcript, kinds: list[str] | None = None) -> None:
        blocks = transcript.blocks
        kinds = kinds if kinds is not None else [block.kind for block in blocks]
        # (A block with no text adds no sentence; leaving it in costs nothing.)
        self.block_ids = list(compress(range(len(kinds)), map(PASSAGE_KINDS.__contains__, kinds)))
        texts = list(
            map(_paragraphs, map(attrgetter("text"), map(blocks.__getitem__, self.block_ids)))
        )
        self.keys = _keys_of(texts)
        self.counts = Counter(self.keys)
        self._separators: list[int] | None = None

    def index_of(self, sentence: Sentence) -> int | None:
        """The position in `keys` of `sentence`, or None when there is no such sentence."""
        if self._separators is None:
            self.at(0)
        assert self._separators is not None
        number = bisect.bisect_left(self.block_ids, sentence.block)
        if (
            number == len(self.block_ids)
            or self.block_ids[number] != sentence.block
            or sentence.ordinal < 0
        ):
            return None
        start = self._separators[number - 1] + 1 if number else 0
        end = self._separators[number] if number < len(self._separators) else len(self.keys)
        index = start + sentence.ordinal
        return index if index < end else None

    def key_of(self, sentence: Sentence) -> str | None:
        index = self.index_of(sentence)
        return None if index is None else self.keys[index]

    def at(self, index: int) -> Sentence:
        """Where `keys[index]` (not a separator) is."""
        if self._separators is None:
            keys = self.keys
            self._separators = list(compress(range(len(keys)), map(_SEPARATOR.__eq__, keys)))
        block = bisect.bisect_left(self._separators, index)
        start = self._separators[block - 1] + 1 if block else 0
        return Sentence(self.block_ids[block], index - start)

    def locate(self, wanted: Iterable[str]) -> dict[str, list[Sentence]]:
        """Where each of the `wanted` folded sentences occurs, in source order."""
        wanted = set(wanted)
        found: dict[str, list[Sentence]] = {key: [] for key in wanted}
        keys = self.keys
        for index in compress(range(len(keys)), map(wanted.__contains__, keys)):
            found[keys[index]].append(self.at(index))
        return found

    def each(self) -> Iterable[tuple[Sentence, str]]:
        """Every sentence with its folded text (a Python-level walk: for small inputs)."""
        block = ordinal = 0
        for key in self.keys:
            if key == _SEPARATOR:
                block += 1
                ordinal = 0
                continue
            yield Sentence(self.block_ids[block], ordinal), key
            ordinal += 1


#: Characters at each end of a folded sentence that index it (see `Edges`).
EDGE = 20


class Edges:
    """How many different sentences open and close with the same `EDGE` characters.

    A sentence whose opening or closing is shared by several different sentences
    follows a template: "Mr. Chairman, I yield 2 minutes to ...", "... is recognized for
    5 minutes." Such formulas repeat by design, so the repetition rules leave them alone.
    """

    def __init__(self, table: SentenceTable) -> None:
        #: every different sentence of `2 * EDGE` characters or more (shorter ones are
        #: neither formulas worth telling apart nor near duplicates worth comparing), in
        #: order of first appearance, and the hashes of its two ends (integers take half
        #: the memory of the strings; within one run two different ends would share a
        #: hash once in billions of sentences, and then only add a candidate for the
        #: similarity test)
        self.distinct = [key for key in table.counts if len(key) >= 2 * EDGE]
        self.head_of = list(map(hash, map(itemgetter(slice(None, EDGE)), self.distinct)))
        self.tail_of = list(map(hash, map(itemgetter(slice(-EDGE, None)), self.distinct)))
        self.heads = Counter(self.head_of)
        self.tails = Counter(self.tail_of)

    def shared(self, low: int, high: float) -> tuple[set[int], set[int]]:
        """Openings and closings shared by at least `low` and fewer than `high`
        different sentences."""
        heads = {end for end, count in self.heads.items() if low <= count < high}
        tails = {end for end, count in self.tails.items() if low <= count < high}
        return heads, tails

    def variants(self, key: str) -> int:
        """Different sentences sharing `key`'s opening or its closing (at most)."""
        return max(self.heads[hash(key[:EDGE])], self.tails[hash(key[-EDGE:])])


def word_count(key: str) -> int:
    """Words in a folded sentence (they are single-spaced)."""
    return key.count(" ") + 1
