"""One pass over a transcript's blocks: each speaker's turns, talk time, and the blocks
that are not speech, counted by kind. Tallies of several files merge by speaker name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import KINDS, Block, Kind, Transcript
from .counting import BATCH, SpeakerCounter
from .offload import Offload

#: Non-speech kinds in the model's order, the order stats lists them in.
NON_SPEECH_ORDER: tuple[str, ...] = tuple(
    value
    for name, value in vars(Kind).items()
    if not name.startswith("_") and value in KINDS and value != Kind.TURN
)


@dataclass
class SpeakerTally:
    """One speaker's counts, talk time, and which file each of their turns came from."""

    counter: SpeakerCounter = field(default_factory=SpeakerCounter)
    talk_seconds: float | None = None  # None: no turn of theirs has a time
    # (index of the speaker's first turn from a file, that file), for the longest turn.
    sources: list[tuple[int, str]] = field(default_factory=list)

    def add_talk(self, seconds: float) -> None:
        self.talk_seconds = (self.talk_seconds or 0.0) + seconds

    def source_of(self, turn: int) -> str | None:
        """The file the speaker's `turn`-th turn (counting from 0) came from."""
        for first, path in reversed(self.sources):
            if first <= turn:
                return path
        return None

    def merge(self, other: SpeakerTally) -> None:
        offset = self.counter.turns
        self.counter.merge(other.counter)
        self.sources.extend((index + offset, path) for index, path in other.sources)
        if other.talk_seconds is not None:
            self.add_talk(other.talk_seconds)


@dataclass
class Tally:
    """What stats counted: speakers in the order they appear, non-speech blocks by kind,
    and the files counted."""

    speakers: dict[str, SpeakerTally] = field(default_factory=dict)
    non_speech: Counter[str] = field(default_factory=Counter)
    paths: list[str] = field(default_factory=list)
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
        self = cls(paths=[path])
        for speaker in header.speakers:
            self.speaker(speaker.name)
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
                        entry = entries[block.speaker] = self._entry(block.speaker)
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
                    offload.submit(name, self.speakers[name].counter)  # the last batches
                for name, counted in offload.collect().items():
                    self.speakers[name].counter = counted
                offload = None
        finally:
            if offload is not None:  # stopped by an error: do not wait for the counts
                offload.close()
        for tally in self.speakers.values():
            tally.counter.flush()
            tally.sources.append((0, path))
        return self

    def _entry(self, name: str | None) -> tuple[Any, ...]:
        name = name or "(unknown)"
        tally = self.speaker(name)
        counter = tally.counter
        texts = counter.pending_texts
        return tally, counter, texts, texts.append, counter.pending_lines.append, name

    def merge(self, other: Tally) -> None:
        """Add another tally's counts; speakers are matched by name."""
        for name, tally in other.speakers.items():
            self.speaker(name).merge(tally)
        self.non_speech.update(other.non_speech)
        self.paths.extend(other.paths)
        self.warnings.extend(other.warnings)


def tally_documents(
    documents: Sequence[tuple[Transcript, Iterable[Block], str]], *, single_process: bool = False
) -> Tally:
    """One tally of several (header, blocks, path) documents, combined by speaker."""
    tally = Tally()
    for header, blocks, path in documents:
        tally.merge(Tally.of_document(header, blocks, path, single_process=single_process))
    return tally
