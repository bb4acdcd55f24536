"""One pass over a transcript's blocks: each speaker's turns, talk time, and the blocks
that are not speech, counted by kind. Tallies of several files merge by speaker name,
and a tally holds counts, not turns: a running total over an archive stays small."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import KINDS, Block, Kind, Transcript
from .counting import BATCH, SpeakerCounter, TokenKinds
from .counts import TextCounts
from .offload import Offload

#: Non-speech kinds in the model's order, the order stats lists them in.
NON_SPEECH_ORDER: tuple[str, ...] = tuple(
    value
    for name, value in vars(Kind).items()
    if not name.startswith("_") and value in KINDS and value != Kind.TURN
)


#: A turn's longest: (words, line it starts on, file it is in).
Longest = tuple[int, int, str | None]

_MICROS = 1_000_000


@dataclass
class SpeakerTally:
    """One speaker's counts in one file or several: what stats reports and nothing more,
    so that its size depends on the speaker's vocabulary, never on how many turns or
    files were counted.

    `turn_lengths` maps words per turn to how many turns had that many (the median and
    the mean come from it); `longest` is the first of the longest turns; `vocabulary`
    holds the distinct words (`words.word_type`); talk time is kept in whole
    microseconds, so that adding tallies in any grouping gives the same total."""

    counts: TextCounts = field(default_factory=TextCounts)
    turn_lengths: Counter[int] = field(default_factory=Counter)
    longest: Longest | None = None
    vocabulary: set[str] = field(default_factory=set)
    talk_micros: int | None = None  # None: no turn of theirs has a time

    @property
    def turns(self) -> int:
        return sum(self.turn_lengths.values())

    @property
    def talk_seconds(self) -> float | None:
        return None if self.talk_micros is None else self.talk_micros / _MICROS

    def add_talk(self, seconds: float) -> None:
        self.talk_micros = (self.talk_micros or 0) + round(seconds * _MICROS)

    def count(self, counter: SpeakerCounter, path: str | None) -> None:
        """Take in what `counter` counted of this speaker in the file at `path`."""
        counter.flush()
        lengths = counter.turn_words
        if lengths:
            most = max(lengths)
            index = lengths.index(most)  # the first of the longest turns
            self._keep_longest((most, counter.turn_lines[index], path))
        self.counts += counter.counts
        self.turn_lengths.update(lengths)
        if self.vocabulary:
            self.vocabulary |= counter.vocabulary()
        else:  # the speaker's first file: their vocabulary, not a copy of it
            self.vocabulary = counter.vocabulary()

    def _keep_longest(self, longest: Longest | None) -> None:
        if longest is not None and (self.longest is None or longest[0] > self.longest[0]):
            self.longest = longest

    def update(self, other: SpeakerTally) -> None:
        """Add the same speaker's counts from files counted after these."""
        self.counts += other.counts
        self.turn_lengths.update(other.turn_lengths)
        self._keep_longest(other.longest)
        self.vocabulary |= other.vocabulary
        if other.talk_micros is not None:
            self.talk_micros = (self.talk_micros or 0) + other.talk_micros

    def copy(self) -> SpeakerTally:
        return SpeakerTally(
            self.counts,
            Counter(self.turn_lengths),
            self.longest,
            set(self.vocabulary),
            self.talk_micros,
        )


@dataclass
class Tally:
    """What stats counted in one file or several, the per-file result that merges:
    speakers in the order they first appear, blocks that are not speech by kind, how
    many `files` were counted, and the `path` of the file when there is exactly one.

    Tallies combine with `merge` (a new tally; associative, with `Tally()` as its
    identity, so any engine may map files to tallies and fold them in any grouping,
    keeping their order) or `update` (in place, for a running total). A tally holds
    counts and vocabularies, not turns, so a running total over any number of files
    stays as small as its speakers' vocabularies."""

    speakers: dict[str, SpeakerTally] = field(default_factory=dict)
    non_speech: Counter[str] = field(default_factory=Counter)
    files: int = 0
    path: str | None = None
    # The readers' warnings about the documents counted (no speakers found, ...), one line
    # each, naming the file: so a command can say why a count is empty.
    warnings: list[str] = field(default_factory=list)

    def speaker(self, name: str) -> SpeakerTally:
        tally = self.speakers.get(name)
        if tally is None:
            tally = self.speakers[name] = SpeakerTally()
        return tally

    @classmethod
    def of_document(
        cls,
        header: Transcript,
        blocks: Iterable[Block],
        path: str,
        *,
        single_process: bool = False,
    ) -> Tally:
        """Count one document: its roster (speakers without turns still get a row) and
        its blocks, streamed once. (Merge tallies to combine documents, so that a
        continued turn never reaches back into another file.) A long document is partly
        counted in a second process (see `offload`) unless `single_process`."""
        self = cls(files=1, path=path)
        for speaker in header.speakers:
            self.speaker(speaker.name)
        counters: dict[str, SpeakerCounter] = {}
        kinds = TokenKinds()  # what each token is, judged once for every speaker
        pending: tuple[SpeakerTally, float] | None = None  # a turn with a start, no end
        # name -> (tally, its counter, the counter's pending texts, their `append`s, its
        # name): the loop below runs once per block of files of any size, so it calls no
        # Python code but to count a full batch.
        entries: dict[str | None, tuple[Any, ...]] = {}
        non_speech = self.non_speech
        turn = Kind.TURN
        offload: Offload | None = None  # a second counting process, once a batch fills
        try:
            for block in blocks:
                if block.kind == turn:
                    entry = entries.get(block.speaker)
                    if entry is None:
                        entry = entries[block.speaker] = self._entry(block.speaker, counters, kinds)
                    tally, counter, texts, add_text, add_line, name = entry
                    if block.continued:
                        counter.pending_continued.append(len(texts))
                    add_text(block.text)
                    add_line(block.line)
                    if len(texts) >= BATCH:
                        if offload is None and not single_process and Offload.available():
                            try:
                                offload = Offload()
                            except OSError:  # no process to be had: count it all here
                                single_process = True
                        if offload is not None and offload.takes(name, len(texts)):
                            offload.submit(name, counter)
                        else:
                            counter.flush()
                else:
                    non_speech[block.kind] += 1
                start = block.start
                if start is not None:
                    # A turn with a start and no end lasts until the next timed block starts.
                    if pending is not None:
                        if start >= pending[1]:
                            pending[0].add_talk(start - pending[1])
                        pending = None
                    if block.kind == turn:
                        if block.end is None:
                            pending = (tally, start)
                        elif block.end >= start:
                            tally.add_talk(block.end - start)
            if offload is not None:
                for name in offload.remote_speakers():
                    offload.submit(name, counters[name])  # the last batches
                counters.update(offload.collect())
                offload = None
        finally:
            if offload is not None:  # stopped by an error: do not wait for the counts
                offload.close()
        for name, counter in counters.items():
            self.speakers[name].count(counter, path)
        return self

    def _entry(
        self, name: str | None, counters: dict[str, SpeakerCounter], kinds: TokenKinds
    ) -> tuple[Any, ...]:
        name = name or "(unknown)"
        tally = self.speaker(name)
        counter = counters[name] = SpeakerCounter(kinds)
        texts = counter.pending_texts
        return tally, counter, texts, texts.append, counter.pending_lines.append, name

    def update(self, other: Tally) -> None:
        """Add the counts of files counted after these (in place); speakers are matched
        by name, and new ones follow in the order they appear in `other`."""
        for name, tally in other.speakers.items():
            mine = self.speakers.get(name)
            if mine is None:
                self.speakers[name] = tally.copy()
            else:
                mine.update(tally)
        self.non_speech.update(other.non_speech)
        self.path = other.path if not self.files else None if other.files else self.path
        self.files += other.files
        self.warnings.extend(other.warnings)

    def merge(self, other: Tally) -> Tally:
        """A new tally of these files followed by `other`'s; neither is changed.
        Associative, with `Tally()` as identity."""
        merged = self.copy()
        merged.update(other)
        return merged

    def copy(self) -> Tally:
        return Tally(
            {name: tally.copy() for name, tally in self.speakers.items()},
            Counter(self.non_speech),
            self.files,
            self.path,
            list(self.warnings),
        )


def tally_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block], str]], *, single_process: bool = False
) -> Tally:
    """One tally of several (header, blocks, path) documents, combined by speaker."""
    tally = Tally()
    for header, blocks, path in documents:
        tally.update(Tally.of_document(header, blocks, path, single_process=single_process))
    return tally
