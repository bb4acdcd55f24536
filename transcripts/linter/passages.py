"""The sentences of a transcript, keyed once and shared by the repetition rules.

Duplicate and near-duplicate detection compare the sentences of the blocks that carry
words of the conversation (turns, unattributed text, labelled blocks, prose) by their keys
(`sentence_keys`): `SentenceTable` knows every key in source order (by its hash, the text
folded again where a rule needs it) and says where each sentence is; `Edges` tells the
sentences that follow a template.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, compress, islice, repeat
from operator import attrgetter, eq, itemgetter, methodcaller, not_
from typing import NamedTuple

from ..model import Kind, Transcript
from .sentence_keys import SEPARATOR as _SEPARATOR
from .sentence_keys import key_batches, keys

#: Block kinds whose sentences are compared: what people said or wrote, not page furniture,
#: headings (a running title repeats by design) or stage directions ("(Laughter.)").
PASSAGE_KINDS = frozenset({Kind.TURN, Kind.UNATTRIBUTED, Kind.LABELLED, Kind.PROSE})


class Sentence(NamedTuple):
    """Where one sentence is: the block (index into `transcript.blocks`) and its number
    among the block's sentences that have a key (see `sentence_keys.sentence_spans`)."""

    block: int
    ordinal: int


class SentenceTable:
    """Every sentence of the passage blocks that has a key, in source order.

    A position numbers the keys in source order with a separator key between blocks
    (see `folded_keys`). The table keeps, for each position, the key's hash and length
    (and for a long key the hashes of its two ends, see `Edges`), in array items, not
    a string each; of the text, only the questions' keys. Any other key's text is folded
    again from its block when a rule asks for it (`texts`), which it does for the few
    sentences that repeat or nearly repeat; keys with equal hashes are told apart by
    that text, so a collision never makes two different sentences one. Building it is
    linear in the text and mostly C-level work.
    """

    def __init__(self, transcript: Transcript, kinds: list[str] | None = None) -> None:
        self.transcript = transcript
        self.block_ids = passage_blocks(transcript, kinds)
        self.hashes = array("q")
        self.lengths = array("I")  # 0 for a separator
        #: the positions of the keys of `2 * EDGE` characters or more, and the hashes of
        #: their first and last `EDGE` characters (see `Edges`)
        self.long_at = array("q")
        self.heads = array("q")
        self.tails = array("q")
        self._separators = array("q")
        self._question_at = array("q")
        #: the questions' keys, a line each, a string per batch (one string per key
        #: would keep most of the memory a batch's keys took: see `_add`)
        self._questions: list[str] = []
        for batch in key_batches(_texts(transcript, self.block_ids)):
            self._add(batch)
        self._repeated: tuple[int, dict[str, list[int]]] | None = None

    def _add(self, batch: list[str]) -> None:
        """Take what the table keeps of a batch of keys (see `sentence_keys.key_batches`)."""
        start = len(self.hashes)
        positions = range(start, start + len(batch))
        separators = list(map(_SEPARATOR.__eq__, batch))
        self._separators.extend(compress(positions, separators))
        self.hashes.extend(map(hash, batch))
        lengths = array("I", map(len, batch))
        for index in compress(range(len(batch)), separators):
            lengths[index] = 0
        self.lengths.extend(lengths)
        long = list(map((2 * EDGE).__le__, lengths))
        self.long_at.extend(compress(positions, long))
        self.heads.extend(map(hash, map(itemgetter(slice(None, EDGE)), compress(batch, long))))
        self.tails.extend(map(hash, map(itemgetter(slice(-EDGE, None)), compress(batch, long))))
        asked = list(map(str.endswith, batch, repeat("?")))
        self._question_at.extend(compress(positions, asked))
        self._questions.append("\n".join(compress(batch, asked)))

    def __len__(self) -> int:
        return len(self.hashes)

    def _text(self, number: int) -> str:
        """The text of the `number`th passage block."""
        return self.transcript.blocks[self.block_ids[number]].text

    def index_of(self, sentence: Sentence) -> int | None:
        """The position of `sentence`, or None when there is no such sentence."""
        number = bisect.bisect_left(self.block_ids, sentence.block)
        if (
            number == len(self.block_ids)
            or self.block_ids[number] != sentence.block
            or sentence.ordinal < 0
        ):
            return None
        start, end = self._bounds(number)
        index = start + sentence.ordinal
        return index if index < end else None

    def _bounds(self, number: int) -> tuple[int, int]:
        """The positions of the `number`th passage block's keys (start, end)."""
        start = self._separators[number - 1] + 1 if number else 0
        end = self._separators[number] if number < len(self._separators) else len(self)
        return start, end

    def at(self, index: int) -> Sentence:
        """Where the key at position `index` (not a separator) is."""
        block = bisect.bisect_left(self._separators, index)
        start = self._separators[block - 1] + 1 if block else 0
        return Sentence(self.block_ids[block], index - start)

    def all_keys(self) -> list[str]:
        """Every key, separators included, by position (folded again: for small inputs)."""
        return list(folded_keys(self.transcript, self.block_ids))

    def texts(self, indices: Iterable[int]) -> dict[int, str]:
        """The key at each position of `indices` (not separators), folded again from
        the blocks that hold them, all at once."""
        wanted = sorted(set(indices))
        if not wanted:
            return {}
        numbers = sorted({bisect.bisect_left(self._separators, index) for index in wanted})
        found: dict[int, str] = {}
        folded = keys(map(self._text, numbers))
        separators = [-1, *compress(range(len(folded)), map(_SEPARATOR.__eq__, folded))]
        for number, separator in zip(numbers, separators, strict=True):
            start, end = self._bounds(number)
            for index in wanted[
                bisect.bisect_left(wanted, start) : bisect.bisect_left(wanted, end)
            ]:
                found[index] = folded[separator + 1 + index - start]
        return found

    def same(self, one: Sentence, other: Sentence) -> bool:
        """Do both sentences exist and have the same key?"""
        first, second = self.index_of(one), self.index_of(other)
        if first is None or second is None or self.hashes[first] != self.hashes[second]:
            return False
        texts = self.texts((first, second))
        return texts[first] == texts[second]

    def questions(self) -> Iterator[tuple[int, str]]:
        """The position and key of every question, in order."""
        keys = chain.from_iterable(map(methodcaller("split", "\n"), filter(None, self._questions)))
        return zip(self._question_at, keys, strict=True)

    def repeated(self, shortest: int) -> dict[str, list[int]]:
        """Each key of at least `shortest` characters that occurs more than once, with
        its positions, in order of first appearance. Found by hashes (most sentences
        occur once), then told apart by their text."""
        if self._repeated is None or shortest < self._repeated[0]:
            self._repeated = max(shortest, 1), self._find_repeated(max(shortest, 1))
        least, found = self._repeated
        if shortest <= least:
            return found
        return {key: where for key, where in found.items() if len(key) >= shortest}

    def count(self, key: str) -> int:
        """How often `key`, a key of the table of `repeated`'s length or more, occurs."""
        if self._repeated is None or len(key) < self._repeated[0]:
            self.repeated(len(key))
        assert self._repeated is not None
        return len(self._repeated[1].get(key, ())) or 1

    def _find_repeated(self, shortest: int) -> dict[str, list[int]]:
        long = (
            self.long_at  # the usual length (`min-length`'s default): already picked out
            if shortest == 2 * EDGE
            else array("q", compress(range(len(self)), map(shortest.__le__, self.lengths)))
        )
        hashes = array("q", map(self.hashes.__getitem__, long))
        shared = _repeated_values(hashes)
        candidates = list(compress(long, map(shared.__contains__, hashes)))
        del hashes, shared
        texts = self.texts(candidates)
        groups: dict[str, list[int]] = {}
        for index in candidates:
            groups.setdefault(texts[index], []).append(index)
        return {key: where for key, where in groups.items() if len(where) > 1}

    def locate(self, wanted: Iterable[str]) -> dict[str, list[Sentence]]:
        """Where each of the `wanted` keys occurs, in source order."""
        found: dict[str, list[Sentence]] = {key: [] for key in wanted}
        hashes = set(map(hash, found))
        candidates = list(compress(range(len(self)), map(hashes.__contains__, self.hashes)))
        texts = self.texts(candidates)
        for index in candidates:
            if texts[index] in found:
                found[texts[index]].append(self.at(index))
        return found


def passage_blocks(transcript: Transcript, kinds: list[str] | None = None) -> array[int]:
    """The indices of the blocks whose sentences are compared (`PASSAGE_KINDS`), in
    order. (A block with no text adds no sentence; leaving it in costs nothing.)"""
    kinds = kinds if kinds is not None else [block.kind for block in transcript.blocks]
    # 8 bytes a block, not a Python integer's 36
    return array("q", compress(range(len(kinds)), map(PASSAGE_KINDS.__contains__, kinds)))


def folded_keys(transcript: Transcript, block_ids: Iterable[int]) -> Iterator[str]:
    """Every key of the blocks `block_ids`, in order, with a separator key between two
    blocks: what a `SentenceTable`'s positions number, a batch at a time."""
    return chain.from_iterable(key_batches(_texts(transcript, block_ids)))


def _texts(transcript: Transcript, block_ids: Iterable[int]) -> Iterator[str]:
    return map(attrgetter("text"), map(transcript.blocks.__getitem__, block_ids))


def each_sentence(transcript: Transcript) -> Iterator[tuple[Sentence, str]]:
    """Every sentence of the passage blocks with its key, in order (a Python-level
    walk: for small inputs)."""
    block_ids = passage_blocks(transcript)
    number = ordinal = 0
    for key in folded_keys(transcript, block_ids):
        if key == _SEPARATOR:
            number += 1
            ordinal = 0
            continue
        yield Sentence(block_ids[number], ordinal), key
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
        # Which long sentences (see `distinct`) are the first of their text. Ends are
        # told by hashes: within one run two different ends would share a hash once in
        # billions of sentences, and then only add a candidate for the similarity test.
        again = table.repeated(2 * EDGE).values()
        later = set(chain.from_iterable(islice(where, 1, None) for where in again))
        first = bytes(map(not_, map(later.__contains__, table.long_at)))
        del later
        self._table = table
        self._first = first  # a byte a long sentence, not three copies of 8
        #: how many different sentences share each opening and closing, for those shared
        #: by two or more (most are not: a missing one is one sentence's own)
        self.heads = _shared_only(array("q", compress(table.heads, first)))
        self.tails = _shared_only(array("q", compress(table.tails, first)))

    def distinct(self) -> Iterator[tuple[int, int, int]]:
        """The position of every different sentence of `2 * EDGE` characters or more
        (shorter ones are neither formulas worth telling apart nor near duplicates worth
        comparing), in order of first appearance, with the hashes of its two ends."""
        table = self._table
        return compress(zip(table.long_at, table.heads, table.tails, strict=True), self._first)

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
    shared = _repeated_values(ends)
    return _Shared(Counter(compress(ends, map(shared.__contains__, ends))))


def _repeated_values(values: array[int]) -> set[int]:
    """The values (64-bit hashes) that occur more than once. Sorted, such a value equals
    its successor: found at C speed, with no count of every value. The sorted copy holds
    a Python integer an item (five times the array's 8 bytes), so it is made a half
    of the values at a time (negative ones, then the others), and the values found are copied
    out of it before it is freed: integers kept from it would pin the memory it took."""
    found = array("q")
    for half in (map((0).__gt__, values), map((0).__le__, values)):
        ordered = sorted(compress(values, half))
        found.extend(compress(ordered, map(eq, ordered, islice(ordered, 1, None))))
        del ordered
    return set(found)


def word_count(key: str) -> int:
    """Words in a sentence key (they are single-spaced). Folding splits a word at its
    apostrophes and hyphens ("don t"), so this counts the parts a key compares, which is
    what the near-duplicate rule's threshold is about."""
    return key.count(" ") + 1
