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
from .errors import TranscriptError
from .linter import Finding, LintSettings, across
from .linter.across import Row, key_hash
from .linter.engine import lint_document
from .linter.passages import each_sentence
from .model import Transcript
from .pipelines import reader_warning
from .pipelines.lint import copy_findings
from .readers.positions import block_lines
from .statistics.report import DEFAULT_SORT, Report, build_report
from .statistics.tally import SpeakerTally, Tally

__all__ = [
    "FileRows",
    "PassageHash",
    "Row",
    "SentenceHash",
    "SpeakerTally",
    "Tally",
    "combine",
    "join_rows",
    "key_hash",
    "lint_file",
    "lint_file_rows",
    "merge_findings",
    "passage_hashes",
    "report",
    "sentence_hashes",
    "sentence_rows",
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
    blocks = transcript.blocks
    for sentence, key in each_sentence(transcript):
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


class FileRows(NamedTuple):
    """One file's part of the across-files check (`copied-passage`,
    `duplicate-transcript`): its path as given, the format it was read in, its size and
    modification time (ns) before it was read, and its sentence `rows`
    (`linter.across.Row`: hash, position, line, length, spoken). Small and picklable: a
    worker returns it, one process joins them (`join_rows`)."""

    path: str
    format: str
    size: int
    mtime: int
    rows: list[Row]


def lint_file_rows(
    path: str | os.PathLike[str],
    settings: LintSettings | None = None,
    *,
    format: str | None = None,
    encoding: str | None = None,
) -> tuple[list[Finding], FileRows]:
    """`lint_file`'s findings and the file's `FileRows`, from one reading of it: what a
    worker of a cluster maps over an archive before `join_rows`."""
    settings = settings or LintSettings()
    name = os.fspath(path)
    info = os.stat(name)
    transcript, source, chosen = read_document(
        name, format, speakers=settings.speakers, encoding=encoding
    )
    findings = lint_document(transcript, source.text, chosen.name, settings, path=name)
    rows = across.file_rows(transcript, document_lines=block_lines(chosen.name, source.text))
    return findings, FileRows(name, chosen.name, info.st_size, info.st_mtime_ns, rows)


def sentence_rows(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
) -> FileRows:
    """A file's `FileRows` alone (no lint rule run)."""
    name = os.fspath(path)
    info = os.stat(name)
    transcript, source, chosen = read_document(name, format, speakers=speakers, encoding=encoding)
    rows = across.file_rows(transcript, document_lines=block_lines(chosen.name, source.text))
    return FileRows(name, chosen.name, info.st_size, info.st_mtime_ns, rows)


def join_rows(
    shards: Iterable[FileRows],
    settings: LintSettings | None = None,
    *,
    index: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
) -> list[Finding]:
    """The across-files findings of the files whose rows are `shards`, as `transcripts
    lint` reports them for those files (the files are these runs' inputs, in the
    shards' order: a passage's later copy is reported against its first one).

    The rows are written to an SQLite index as they come (a temporary one, or `index`,
    kept between runs, which may hold other files: copies of those are found too) and
    joined by hash in one query, so memory does not grow with the number of files.
    Files with a copy are read again to place their findings; one that cannot be
    raises `TranscriptError`. Findings come file by file in the shards' order."""
    settings = settings or LintSettings()
    found: list[tuple[int, list[Finding]]] = []
    with across.Index.open(index) as store:
        for order, shard in enumerate(shards):
            store.add(
                shard.path,
                shard.rows,
                format=shard.format,
                shown=shard.path,
                size=shard.size,
                mtime=shard.mtime,
                order=order,
            )
        for order, result in copy_findings(store, settings, encoding=encoding):
            if isinstance(result, str):
                raise TranscriptError(result)
            found.append((order, result))
    found.sort(key=lambda item: item[0])
    return [finding for _, findings in found for finding in findings]


def merge_findings(
    per_file: Iterable[tuple[str, Sequence[Finding]]], across_files: Iterable[Finding]
) -> list[Finding]:
    """All findings of a run as `transcripts lint` orders them: `per_file` gives each
    file's path and its findings (`lint_file`, `lint_file_rows`) in the files' order,
    `across_files` what `join_rows` found; they come file by file, each file's findings
    by place."""
    pending: dict[str, list[Finding]] = {}
    for finding in across_files:
        pending.setdefault(finding.path, []).append(finding)
    merged: list[Finding] = []
    for path, findings in per_file:
        extra = pending.pop(os.fspath(path), None)
        merged.extend(sorted([*findings, *extra], key=Finding.sort_key) if extra else findings)
    for extra in pending.values():  # (paths not among `per_file`)
        merged.extend(extra)
    return merged
