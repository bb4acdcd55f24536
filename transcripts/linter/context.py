"""What a rule sees besides the transcript: its options, and analyses the rules share."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from operator import attrgetter
from typing import Any, TypeVar, cast

from ..model import Kind, Transcript

T = TypeVar("T")


class Context:
    """Per-transcript facts computed once and shared by the rules that need them
    (the sentence table, where the dialogue starts and ends)."""

    #: The analyses as large as the text, by the name a rule lists in its `USES`, with
    #: the cache entries they fill: freed (`keep_only`) once no rule left to run uses
    #: them. A rule that used one without saying so would only compute it again.
    LARGE: Mapping[str, tuple[str, ...]] = {
        "sentences": ("sentences", "sentence-edges"),
        "source-text": ("source-text",),
    }

    def __init__(self, transcript: Transcript, speakers: tuple[str, ...] = ()) -> None:
        self.transcript = transcript
        self.declared_speakers = speakers
        self._cache: dict[str, Any] = {}

    def cached(self, name: str, compute: Callable[[], T]) -> T:
        """`compute()`'s result, computed on first use only."""
        try:
            return cast(T, self._cache[name])
        except KeyError:
            value = self._cache[name] = compute()
            return value

    def keep_only(self, used: Iterable[str]) -> None:
        """Free the large analyses (`LARGE`) but those named in `used`."""
        wanted = set(used)
        for name, entries in self.LARGE.items():
            if name not in wanted:
                for entry in entries:
                    self._cache.pop(entry, None)

    def sentences(self) -> Any:
        """The shared `passages.SentenceTable` of the transcript."""
        from .passages import SentenceTable

        return self.cached("sentences", lambda: SentenceTable(self.transcript, self.kinds()))

    def sentence_edges(self) -> Any:
        """The shared `passages.Edges` of the sentence table (to recognise formulas)."""
        from .passages import Edges

        return self.cached("sentence-edges", lambda: Edges(self.sentences()))

    def kinds(self) -> list[str]:
        """Each block's kind, in order: lets rules test "is there any X?" at C speed
        (`Kind.LABELLED in kinds`) before they loop over a large transcript."""
        return self.cached("kinds", lambda: list(map(attrgetter("kind"), self.transcript.blocks)))

    def turn_indices(self) -> list[int]:
        """Indices of the turn blocks, in order."""

        def compute() -> list[int]:
            kinds = self.kinds()
            return list(compress(range(len(kinds)), map(Kind.TURN.__eq__, kinds)))

        return self.cached("turn-indices", compute)

    def dialogue(self) -> range:
        """Indices of the blocks from the first turn to the last (empty without turns):
        where text that belongs to no speaker is out of place."""
        turns = self.turn_indices()
        return range(turns[0], turns[-1] + 1) if turns else range(0)

    def turn_number(self, index: int) -> tuple[str, int, int] | None:
        """For the turn at block `index`: (speaker, how many turns that speaker has begun
        so far, how many turns anyone has); None when the block is not a turn. A
        continued turn shares the numbers of the turn it continues."""
        block = self.transcript.blocks[index] if 0 <= index < len(self.transcript.blocks) else None
        if block is None or block.kind != Kind.TURN or not block.speaker:
            return None
        begun, by_speaker = self.cached("turn-starts", self._turn_starts)
        own = bisect.bisect_right(by_speaker.get(block.speaker, []), index)
        return block.speaker, max(own, 1), max(bisect.bisect_right(begun, index), 1)

    def _turn_starts(self) -> tuple[list[int], dict[str | None, list[int]]]:
        """Block indices where a turn begins (not continued), all and per speaker."""
        blocks = self.transcript.blocks
        begun = [index for index in self.turn_indices() if not blocks[index].continued]
        by_speaker: dict[str | None, list[int]] = {}
        for index in begun:
            by_speaker.setdefault(blocks[index].speaker, []).append(index)
        return begun, by_speaker


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
