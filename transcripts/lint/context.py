"""What a rule sees besides the transcript: its options, and analyses the rules share."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from ..model import Kind, Transcript

T = TypeVar("T")


class Context:
    """Per-transcript facts computed once and shared by the rules that need them
    (the sentence table, where the dialogue starts and ends)."""

    def __init__(self, transcript: Transcript, speakers: tuple[str, ...] = ()) -> None:
        self.transcript = transcript
        self.declared_speakers = speakers
        self._cache: dict[str, Any] = {}

    def cached(self, name: str, compute: Callable[[], T]) -> T:
        """`compute()`'s result, computed on first use only."""
        try:
            return self._cache[name]
        except KeyError:
            value = self._cache[name] = compute()
            return value

    def sentences(self) -> Any:
        """The shared `passages.SentenceTable` of the transcript."""
        from .passages import SentenceTable

        return self.cached("sentences", lambda: SentenceTable(self.transcript))

    def sentence_edges(self) -> Any:
        """The shared `passages.Edges` of the sentence table (to recognise formulas)."""
        from .passages import Edges

        return self.cached("sentence-edges", lambda: Edges(self.sentences()))

    def dialogue(self) -> range:
        """Indices of the blocks from the first turn to the last (empty without turns):
        where text that belongs to no speaker is out of place."""

        def compute() -> range:
            blocks = self.transcript.blocks
            first = next((i for i, b in enumerate(blocks) if b.kind == Kind.TURN), None)
            if first is None:
                return range(0)
            last = next(i for i in range(len(blocks) - 1, -1, -1) if blocks[i].kind == Kind.TURN)
            return range(first, last + 1)

        return self.cached("dialogue", compute)

    def turn_numbers(self) -> dict[int, tuple[str, int, int]]:
        """Block index -> (speaker, how many turns that speaker has begun so far, how many
        turns anyone has), for every turn; a continued turn shares the numbers of the
        turn it continues."""

        def compute() -> dict[int, tuple[str, int, int]]:
            numbers: dict[int, tuple[str, int, int]] = {}
            counts: dict[str, int] = {}
            total = 0
            for index, block in enumerate(self.transcript.blocks):
                if block.kind != Kind.TURN or not block.speaker:
                    continue
                if not block.continued or block.speaker not in counts:
                    counts[block.speaker] = counts.get(block.speaker, 0) + 1
                    total += 1
                numbers[index] = (block.speaker, counts[block.speaker], total)
            return numbers

        return self.cached("turn-numbers", compute)


class RuleOptions(Mapping[str, Any]):
    """A rule's options (its defaults, overridden by the configuration) and the shared
    `context`; read them as `options["min-words"]`."""

    def __init__(self, values: Mapping[str, Any], context: Context) -> None:
        self._values = dict(values)
        self.context = context

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"RuleOptions({self._values!r})"
