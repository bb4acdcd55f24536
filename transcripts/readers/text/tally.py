"""A family's labels counted by name and look in one pass: the counts the inference reads.

The inference asks of a family, again and again, how many labels name each key, which
looks its labels have, and how many of them are in capitals, each time over some of its
looks. A document of 200,000 labels has a few dozen distinct (name, look) pairs: they are
counted once (`Tally`), and every such question is answered from the pairs, not by another
pass over the labels. `conventions.py` keeps the rules; this module only counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, KeysView, Sequence
from operator import attrgetter
from typing import Any

from .evidence import Use

_KEY = attrgetter("key")
_LOOK = attrgetter("look")


class Tally:
    """The uses of a family counted by (name, look), in the order each pair first occurs
    (so names come out in the order of their first label, as counting the uses does)."""

    __slots__ = ("_pairs",)

    def __init__(self, uses: Sequence[Use]) -> None:
        self._pairs: Counter[tuple[str, Any]] = Counter(
            zip(map(_KEY, uses), map(_LOOK, uses), strict=True)
        )

    def pairs(self) -> KeysView[tuple[str, Any]]:
        """Each (name, look) the uses have."""
        return self._pairs.keys()

    def looks(self) -> set[Any]:
        """The looks the uses have."""
        return {look for _, look in self._pairs}

    def names(self, looks: Container[Any] | None = None) -> Counter[str]:
        """How many uses name each key (only uses of `looks`, when given)."""
        counts: Counter[str] = Counter()
        for (key, look), count in self._pairs.items():
            if looks is None or look in looks:
                counts[key] += count
        return counts

    def names_where(self, test: Callable[[Any], bool], looks: Container[Any]) -> Counter[str]:
        """How many uses of `looks` whose look passes `test` name each key."""
        counts: Counter[str] = Counter()
        for (key, look), count in self._pairs.items():
            if look in looks and test(look):
                counts[key] += count
        return counts
