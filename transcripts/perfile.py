"""Per-file results that merge: the work of `stats` and `lint` on one file, and the
sentence and passage hashes that finding text repeated across files needs, as public,
typed functions, so that any engine (a process pool, Dask, Spark, a shell loop) can map
them over an archive and combine what they return.

    from functools import reduce
    from transcripts.perfile import Tally, tally_file, report

    total = reduce(Tally.merge, map(tally_file, paths), Tally())  # any grouping
    print(report(total).totals["words"])

`Tally.merge` is associative with `Tally()` as identity: tallies combined in any grouping,
in the files' order, give the numbers `transcripts stats` gives for those files. Every
function works in the calling process and raises `TranscriptError` for a file it cannot
read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from .api import open_document, read_document
from .linter import Finding, LintSettings
from .linter.engine import lint_document
from .linter.passages import SentenceTable
from .linter.sentence_keys import key_hash
from .model import Transcript
from .pipelines import reader_warning
from .statistics.report import DEFAULT_SORT, Report, build_report
from .statistics.tally import SpeakerTally, Tally

__all__ = [
    "PassageHash",
    "SentenceHash",
    "SpeakerTally",
    "Tally",
    "combine",
    "lint_file",
    "passage_hashes",
    "report",
    "sentence_hashes",
    "tally_file",
]


def tally_file(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    speaker_map: Iterable[str] | Mapping[str, str] = (),
    diarization: str | None = None,
) -> Tally:
    """What `stats` counts in one file, as a `Tally` to merge with others, with the
    reader's one-line warning in `warnings` when it found no speakers or barely any (as
    `stats` says it). It is counted in the calling process (never a second one),
    streaming the file's blocks."""
    name = os.fspath(path)
    header, blocks = open_document(
        name,
        format,
        speakers=speakers,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
    )
    tally = Tally.of_document(header, blocks, name, single_process=True)
    warning = reader_warning(header, name)
    if warning:
        tally.warnings.append(warning)
    return tally


def combine(tallies: Iterable[Tally]) -> Tally:
    """The tallies folded in order into one (a running total: memory does not grow with
    how many there are)."""
    total = Tally()
    for tally in tallies:
        total.update(tally)
    return total


def report(
    tally: Tally,
    *,
    sort: str = DEFAULT_SORT,
    reverse: bool = False,
    only: Sequence[str] = (),
) -> Report:
    """The statistics of a tally, as `transcripts.stats` returns them (with the file's
    `path` set when the tally is of one file)."""
    return build_report(tally, sort=sort, reverse=reverse, only=only, path=tally.path)


def lint_file(
    path: str | os.PathLike[str],
    settings: LintSettings | None = None,
    *,
    format: str | None = None,
    encoding: str | None = None,
) -> list[Finding]:
    """One file's findings, as `transcripts lint` reports them for it (comments in the
    file honoured, JSON and YAML documents pointed into), sorted by place. Findings of
    several files concatenate in the files' order."""
    settings = settings or LintSettings()
    name = os.fspath(path)
    transcript, source, chosen = read_document(
        name, format, speakers=settings.speakers, encoding=encoding
    )
    return lint_document(transcript, source.text, chosen.name, settings, path=name)


class SentenceHash(NamedTuple):
    """One sentence of a file: the hash of its key (see below) and the line of the
    block it is in."""

    hash: int
    line: int


class PassageHash(NamedTuple):
    """A run of consecutive sentences of a file: the hash of their keys and the line of
    the block the run starts in."""

    hash: int
    line: int


#: Shorter sentence keys are left out: "Thank you." recurs everywhere and means nothing
#: (the `duplicate-passage` rule's `min-length`).
MIN_LENGTH = 40
#: Sentences in a passage.
PASSAGE = 3


def _keyed(transcript: Transcript) -> Iterator[tuple[str, int]]:
    """Each sentence key of the passage blocks (turns, prose, ...) with its block's line,
    in order: the keys the repetition rules compare (`linter.sentence_keys`)."""
    table = SentenceTable(transcript)
    blocks = transcript.blocks
    for sentence, key in table.each():
        yield key, blocks[sentence.block].line


def sentence_hashes(transcript: Transcript, min_length: int = MIN_LENGTH) -> list[SentenceHash]:
    """The hash of every sentence of at least `min_length` characters (once folded to
    its key: case, punctuation and spacing dropped), in order. Equal hashes in two
    files are the same sentence: group them (in SQLite, a dict, a DataFrame) to find
    text repeated across an archive, linear in its size."""
    return [
        SentenceHash(key_hash(key), line)
        for key, line in _keyed(transcript)
        if len(key) >= min_length
    ]


def passage_hashes(transcript: Transcript, size: int = PASSAGE) -> list[PassageHash]:
    """The hash of every run of `size` consecutive sentences (of any length, across
    paragraphs), in order: shingles, so a passage copied into another file shares all
    its hashes but those at its edges."""
    keyed = list(_keyed(transcript))
    return [
        PassageHash(key_hash("\n".join(key for key, _ in keyed[at : at + size])), keyed[at][1])
        for at in range(len(keyed) - size + 1)
    ]
