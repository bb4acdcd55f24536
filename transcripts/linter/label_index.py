"""Which earlier labels could name the same person as a label: the speaker-variant rule's
fast path, so that it never compares every pair of labels (3,000 voices in a caption
file were 4.5 million comparisons, about 40 seconds).

Each of the rule's reasons needs something two labels share, and the index keeps
labels by it, in the order the rule considers them:

- the same name written differently: the same key (the label without case, spacing
  and punctuation);
- a misspelling: keys one letter apart (under twelve letters) or two (twelve or more)
  whose letters other than digits differ (`Speaker 1` / `Speaker 2` never are). Short
  keys are kept under themselves and every string made by deleting one of their
  letters (two keys one edit apart share one); long keys under their seven rarest
  three-letter pieces, since two edits break at most six of them (prefix filtering,
  as similarity joins do). In each bucket, labels are grouped by their key without
  digits, and the group of the label looked up is passed over whole: a thousand labels
  that differ only in a number cost one step, not a thousand;
- a full name and a surname: the surname (a label is kept under it), and the last
  word of a full name.

Each is a superset of what the rule accepts; the rule then decides on each candidate
as it would have on every pair. At most `LIMIT` candidates are given per label (and
`LIMIT` groups looked at per bucket), so a file built to crowd one bucket costs a
bounded amount per label, not a quadratic one; a file with fewer labels than `LIMIT`
gets exactly the findings of comparing every pair. `reference_candidates` is the twin
that yields every earlier label; a property test holds the rule's findings with the
index to those with its twin.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..compiled import kept

#: The most candidates given for one label (and groups taken from one bucket).
LIMIT = 16
#: Keys at least this long may be two letters apart, and shorter ones one letter (but
#: none shorter than `MISSPELLING_FROM`): the rule's thresholds.
TWO_EDITS_FROM = 12
MISSPELLING_FROM = 6

_DIGITS = kept(r"\d")
_Q = 3  # letters in a piece
_PREFIX = 2 * _Q + 1  # two edits break at most 2Q pieces


class LabelIndex:
    """Labels added in the rule's order (0, 1, 2, ...), looked up by what they share.
    `keys` are all the keys that will be added: how rare their pieces are orders them."""

    def __init__(self, keys: Iterable[str], *, misspellings: bool = True) -> None:
        self._lists: defaultdict[object, list[int]] = defaultdict(list)  # bucket -> labels
        # bucket -> key without digits -> labels: the misspelling buckets, by group
        self._grouped: defaultdict[object, defaultdict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._added = 0
        # Each key's pieces, and its misspelling buckets once asked for: a label's are
        # looked up before it is added, and both need them (no bound: a key each).
        # Without `misspellings` (no label is rare enough to be one), no label is looked
        # up by its misspelling buckets, and none is kept under them.
        self._misspellings = misspellings
        self._pieces = (
            {key: _pieces(key) for key in keys if len(key) >= TWO_EDITS_FROM}
            if misspellings
            else {}
        )
        self._piece_counts = Counter(piece for pieces in self._pieces.values() for piece in pieces)
        self._buckets: dict[str, set[object]] = {}

    def add(self, key: str, *, surname: str | None, last_name: str | None) -> None:
        """Index the next label by its `key`, the one name it holds when it is a lone
        surname (`surname`), and the last word of a name of several (`last_name`)."""
        position = self._added
        self._added += 1
        self._lists[("key", key)].append(position)
        if surname is not None:
            self._lists[("surname", surname)].append(position)
        if last_name is not None:
            self._lists[("full name", last_name)].append(position)
        if not self._misspellings:
            return
        group = _digitless(key)
        for bucket in self._near(key):
            self._grouped[bucket][group].append(position)

    def candidates(
        self,
        key: str,
        *,
        surname: str | None,
        last_name: str | None,
        misspelt: bool,
    ) -> Iterator[int]:
        """Earlier labels (by position, each once, at most `LIMIT`) that may name the same
        person as a label with this `key`, `surname` and `last_name` (see `add`): the
        same key, and also, when `misspelt` (the label is rare enough to be a
        misspelling or a short form), keys one or two letters away and the full names
        of its surname or the surname of its full name."""
        lists = [self._lists.get(("key", key), [])]
        if misspelt:
            if not self._misspellings:
                raise ValueError("a misspelling looked up in an index made without them")
            own = _digitless(key)
            near: list[list[int]] = []
            for bucket in self._near(key):
                groups = self._grouped.get(bucket)
                if groups:
                    near.extend(
                        itertools.islice(
                            (members for group, members in groups.items() if group != own), LIMIT
                        )
                    )
            # Merging hundreds of lists costs more than the rule's checks: those that
            # start latest cannot hold the first candidates when there are many.
            if len(near) > 2 * LIMIT:
                near = heapq.nsmallest(2 * LIMIT, near, key=_first)
            lists.extend(near)
            if surname is not None:
                lists.append(self._lists.get(("full name", surname), []))
            if last_name is not None:
                lists.append(self._lists.get(("surname", last_name), []))
        previous = -1
        given = 0
        for position in heapq.merge(*lists):
            if position != previous:
                yield position
                previous = position
                given += 1
                if given >= LIMIT:
                    return

    def _near(self, key: str) -> set[object]:
        """The misspelling buckets of a key: any two keys the rule could call one a
        misspelling of the other share one."""
        buckets = self._buckets.get(key)
        if buckets is None:
            buckets = self._buckets[key] = self._near_buckets(key)
        return buckets

    def _near_buckets(self, key: str) -> set[object]:
        length = len(key)
        buckets: set[object] = set()
        if MISSPELLING_FROM <= length <= TWO_EDITS_FROM:
            buckets.add(key)
            buckets.update(key[:at] + key[at + 1 :] for at in range(length))
        if length >= TWO_EDITS_FROM:
            counts = self._piece_counts
            pieces = self._pieces.get(key) or _pieces(key)
            rarest = sorted(pieces, key=lambda piece: (counts[piece], piece))
            buckets.update(rarest[:_PREFIX])
        return buckets


def _first(members: list[int]) -> int:
    return members[0]


def _digitless(key: str) -> str:
    return _DIGITS.sub("", key)


def _pieces(text: str) -> list[tuple[str, int]]:
    """The text's three-letter pieces, each with how many times it came before (so that
    the pieces are a set, and shared pieces count as often as both texts hold them)."""
    seen: dict[str, int] = {}
    pieces = []
    for at in range(len(text) - _Q + 1):
        piece = text[at : at + _Q]
        before = seen.get(piece, 0)
        pieces.append((piece, before))
        seen[piece] = before + 1
    return pieces


def reference_candidates(position: int) -> Iterator[int]:
    """Every earlier label: what the index stands in for."""
    return iter(range(position))
