"""The sentences of a transcript, keyed once and shared by the repetition rules.

Duplicate and near-duplicate detection compare the sentences of the blocks that carry
words of the conversation (turns, unattributed text, labelled blocks, prose) by their keys
(`sentence_keys`): `SentenceTable` holds every key in source order and says where each
sentence is; `Edges` tells the sentences that follow a template.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, islice
from operator import attrgetter, eq, itemgetter

from ..model import Kind, Transcript
from .sentence_keys import SEPARATOR as _SEPARATOR
from .sentence_keys import keys

#: Block kinds whose sentences are compared: what people said or wrote, not page furniture,
#: headings (a running title repeats by design) or stage directions ("(Laughter.)").
PASSAGE_KINDS = frozenset({Kind.TURN, Kind.UNATTRIBUTED, Kind.LABELLED, Kind.PROSE})


@dataclass(frozen=True, slots=True)
class Sentence:
    """Where one sentence is: the block (index into `transcript.blocks`) and its number
    among the block's sentences that have a key (see `sentence_keys.sentence_spans`)."""

    block: int
    ordinal: int


class SentenceTable:
    """Every sentence of the passage blocks that has a key, in source order.

    `keys` holds the sentence keys (a question's ends with "?"), with a separator key
    between blocks; `counts` says how often each occurs, in order of first appearance.
    Building it is linear in the text and mostly C-level work.
    """

    def __init__(self, transcript: Transcript, kinds: list[str] | None = None) -> None:
        blocks = transcript.blocks
        kinds = kinds if kinds is not None else [block.kind for block in blocks]
        # (A block with no text adds no sentence; leaving it in costs nothing.)
        self.block_ids = array(  # 8 bytes a block, not a Python integer's 36
            "q", compress(range(len(kinds)), map(PASSAGE_KINDS.__contains__, kinds))
        )
        texts = list(map(attrgetter("text"), map(blocks.__getitem__, self.block_ids)))
        self.keys = keys(texts)
        self.counts = Counter(self.keys)
        self._separators: array[int] | None = None

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
            self._separators = array("q", compress(range(len(keys)), map(_SEPARATOR.__eq__, keys)))
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
        #: order of first appearance, and the hashes of its two ends, in arrays of 8 bytes
        #: a hash (a Python integer in a list takes five times that; within one run two
        #: different ends would share a hash once in billions of sentences, and then only
        #: add a candidate for the similarity test)
        self.distinct = [key for key in table.counts if len(key) >= 2 * EDGE]
        self.head_of = array("q", map(hash, map(itemgetter(slice(None, EDGE)), self.distinct)))
        self.tail_of = array("q", map(hash, map(itemgetter(slice(-EDGE, None)), self.distinct)))
        #: how many different sentences share each opening and closing, for those shared
        #: by two or more (most are not: a missing one is one sentence's own)
        self.heads = _shared_only(self.head_of)
        self.tails = _shared_only(self.tail_of)

    def shared(self, low: int, high: float) -> tuple[set[int], set[int]]:
        """Openings and closings shared by at least `low` (2 or more) and fewer than
        `high` different sentences."""
        heads = {end for end, count in self.heads.items() if low <= count < high}
        tails = {end for end, count in self.tails.items() if low <= count < high}
        return heads, tails

    def variants(self, key: str) -> int:
        """Different sentences sharing `key`'s opening or its closing (at most; 1 when
        none but one sentence has either)."""
        return max(self.heads[hash(key[:EDGE])], self.tails[hash(key[-EDGE:])])


class _Shared(dict[int, int]):
    """Counts of the ends shared by two different sentences or more; 1 for any other."""

    def __missing__(self, end: int) -> int:
        return 1


def _shared_only(ends: array[int]) -> _Shared:
    """How often each end that occurs more than once occurs. Sorted, a shared end equals
    its successor: found at C speed, and counted alone (a count of every end would hold
    an entry for each different sentence, twice the memory of the sorted copy)."""
    ordered = sorted(ends)
    shared = set(compress(ordered, map(eq, ordered, islice(ordered, 1, None))))
    del ordered
    return _Shared(Counter(compress(ends, map(shared.__contains__, ends))))


def word_count(key: str) -> int:
    """Words in a sentence key (they are single-spaced). Folding splits a word at its
    apostrophes and hyphens ("don t"), so this counts the parts a key compares, which is
    what the near-duplicate rule's threshold is about."""
    return key.count(" ") + 1
