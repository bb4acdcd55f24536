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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, islice
from operator import attrgetter, eq, gt, itemgetter
from typing import overload

from ..model import Kind, Transcript
from .sentence_keys import SEPARATOR as _SEPARATOR
from .sentence_keys import key_batches

#: Block kinds whose sentences are compared: what people said or wrote, not page furniture,
#: headings (a running title repeats by design) or stage directions ("(Laughter.)").
PASSAGE_KINDS = frozenset({Kind.TURN, Kind.UNATTRIBUTED, Kind.LABELLED, Kind.PROSE})


@dataclass(frozen=True, slots=True)
class Sentence:
    """Where one sentence is: the block (index into `transcript.blocks`) and its number
    among the block's sentences that have a key (see `sentence_keys.sentence_spans`)."""

    block: int
    ordinal: int


class SentenceKeys(Sequence[str]):
    """A table's keys, in order, kept as a few long strings (a batch's keys joined by line
    breaks, which no key holds) and where each key starts in its batch: a key costs its
    characters and 8 bytes, where a list of strings would add a string object's 50-odd
    bytes and a pointer to each (the table of a large transcript is as large as its text).
    Read one by one (`keys[i]`) or in order (iterating, a batch split at a time)."""

    def __init__(self) -> None:
        self._batches: list[str] = []
        self._firsts = array("q")  # the index of each batch's first key
        self._starts = array("q")  # where each key starts in its batch
        self._length = 0

    def add(self, keys: list[str]) -> None:
        """Keep the next batch of keys."""
        if not keys:
            return
        self._firsts.append(self._length)
        self._batches.append("\n".join(keys))
        ends = accumulate(map((1).__add__, map(len, keys)), initial=0)
        self._starts.extend(islice(ends, len(keys)))
        self._length += len(keys)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("sentence key index out of range")
        batch = bisect.bisect_right(self._firsts, index) - 1
        text, start = self._batches[batch], self._starts[index]
        end = text.find("\n", start)
        return text[start:] if end < 0 else text[start:end]

    def __iter__(self) -> Iterator[str]:
        for text in self._batches:
            yield from text.split("\n")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SentenceKeys, list)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SentenceKeys({list(self)!r})"


class SentenceTable:
    """Every sentence of the passage blocks that has a key, in source order.

    `keys` holds the sentence keys (a question's ends with "?"), with a separator key
    between blocks; `repeated` the keys that occur more than once, with how often, in
    order of first appearance (most sentences occur once: a count of every key would
    hold each of them again), and `later_copies` a byte per key, 1 where it repeats an
    earlier one. Building it is linear in the text and mostly C-level work.
    """

    def __init__(self, transcript: Transcript, kinds: list[str] | None = None) -> None:
        blocks = transcript.blocks
        kinds = kinds if kinds is not None else [block.kind for block in blocks]
        # (A block with no text adds no sentence; leaving it in costs nothing.)
        self.block_ids = array(  # 8 bytes a block, not a Python integer's 36
            "q", compress(range(len(kinds)), map(PASSAGE_KINDS.__contains__, kinds))
        )
        texts = map(attrgetter("text"), map(blocks.__getitem__, self.block_ids))
        self.keys = SentenceKeys()
        #: each key's `hash`, to find keys at C speed; where each separator key is
        self.hashes = array("q")
        self._separators = array("q")
        for batch in key_batches(texts):
            at = len(self.keys)
            self._separators.extend(compress(count(at), map(_SEPARATOR.__eq__, batch)))
            self.hashes.extend(map(hash, batch))
            self.keys.add(batch)
        self.repeated, self.later_copies = _repeated(self.keys, self.hashes)

    def count(self, key: str) -> int:
        """How often a key of the table occurs."""
        return self.repeated.get(key, 1)

    def index_of(self, sentence: Sentence) -> int | None:
        """The position in `keys` of `sentence`, or None when there is no such sentence."""
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
        block = bisect.bisect_left(self._separators, index)
        start = self._separators[block - 1] + 1 if block else 0
        return Sentence(self.block_ids[block], index - start)

    def locate(self, wanted: Iterable[str]) -> dict[str, list[Sentence]]:
        """Where each of the `wanted` folded sentences occurs, in source order."""
        wanted = set(wanted)
        found: dict[str, list[Sentence]] = {key: [] for key in wanted}
        hashes = set(map(hash, wanted))
        for index in compress(count(), map(hashes.__contains__, self.hashes)):
            key = self.keys[index]
            if key in found:  # (not a key of the same hash)
                found[key].append(self.at(index))
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


def _repeated(keys: SentenceKeys, hashes: array[int]) -> tuple[dict[str, int], bytearray]:
    """The keys that occur more than once, with how often, in order of first appearance;
    and a byte per key, 1 for an occurrence after the first. Keys whose hash another key
    shares are compared as keys (sorted, a shared hash equals its successor: found at C
    speed); no other key is looked at twice."""
    later = bytearray(len(keys))
    ordered = sorted(hashes)
    shared = set(compress(ordered, map(eq, ordered, islice(ordered, 1, None))))
    del ordered
    counts: Counter[str] = Counter()
    for index in compress(count(), map(shared.__contains__, hashes)):
        key = keys[index]
        if counts[key]:
            later[index] = 1
        counts[key] += 1
    return {key: number for key, number in counts.items() if number > 1}, later


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
        #: order of first appearance, as the index of its first occurrence in the table's
        #: keys, and the hashes of its two ends, in arrays of 8 bytes
        #: a hash (a Python integer in a list takes five times that; within one run two
        #: different ends would share a hash once in billions of sentences, and then only
        #: add a candidate for the similarity test)
        self.distinct = array("q", compress(count(), self._kept(table)))
        keys = table.keys
        self.head_of = array(
            "q", map(hash, map(itemgetter(slice(None, EDGE)), compress(keys, self._kept(table))))
        )
        self.tail_of = array(
            "q", map(hash, map(itemgetter(slice(-EDGE, None)), compress(keys, self._kept(table))))
        )
        #: how many different sentences share each opening and closing, for those shared
        #: by two or more (most are not: a missing one is one sentence's own)
        self.heads = _shared_only(self.head_of)
        self.tails = _shared_only(self.tail_of)

    @staticmethod
    def _kept(table: SentenceTable) -> Iterator[bool]:
        """For each key of the table: is it the first occurrence of a different sentence
        of `2 * EDGE` characters or more? (Streamed: no list of the keys is made.)"""
        long = map((2 * EDGE).__le__, map(len, table.keys))
        return map(gt, long, table.later_copies)  # (True > 0: long, and no later copy)

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
