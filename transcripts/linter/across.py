"""Text shared across files: each file's sentence rows, an SQLite index of them, and the
join that finds passages copied from one transcript into another and interviews filed
twice.

The work is linear in the input and never compares pairs of files:

1. each file gives its rows (`file_rows`): one per sentence of at least `MIN_LENGTH`
   folded characters, with the hash of its key (`key_hash`), its place
   and whether a speaker says it. This is per-file work: a worker process, a Dask task
   or a shell loop can compute it;
2. the rows go into one SQLite table (`Index.add`), on disk, so memory does not grow
   with the archive; with a file name (`lint --index FILE`) it is kept between runs
   and a file already indexed and unchanged (size and modification time) is not read
   again;
3. one query groups the rows by hash (`Index.matches`): a sentence in two files or
   more, but in no more than a few (more is boilerplate: a show's standard intro, a
   licence), pairs each later copy with the first file that has it. Runs of
   consecutive shared sentences are passages (`copies`); a file most of whose
   sentences are in one other file is the same interview filed twice.

    from transcripts.linter.across import Index, file_rows
    with Index.open("archive.sqlite") as index:
        for path, transcript in files:
            index.add(path, file_rows(transcript), given=True)
        for copy in copies(index, CopyOptions()):
            print(copy.path, copy.line, copy.other_path, copy.other_line)

The rules that report these are `copied-passage` and `duplicate-transcript`
(`rules/`); the `lint` command wires them up (`pipelines.lint`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import NamedTuple

from ..errors import TranscriptError
from ..model import Kind, Transcript
from .finding import Location, Problem
from .passages import SentenceTable, folded_keys, passage_blocks
from .sentence_keys import SEPARATOR

#: Shortest sentence indexed, in folded characters: shorter ones ("Thank you.", "Yes, I
#: do.") recur everywhere and say nothing about where a passage came from. An index
#: records the value it was built with and is rebuilt when it differs.
MIN_LENGTH = 20
#: The index's layout; an index of another version is rebuilt.
VERSION = 1


def key_hash(key: str) -> int:
    """A sentence key's hash: the first 8 bytes of its BLAKE2b digest as a signed 64-bit
    integer (an SQLite INTEGER), the same in every process and on every machine
    (Python's `hash` of a string is not). Equal keys in two files have equal hashes,
    which is how text shared across files is found (here and in `perfile`). It lives
    here, with the only code that needs it, so linting one file imports no hash module."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Row(NamedTuple):
    """One indexed sentence of a file.

    `hash` is its key's hash; `position` its position in the file's `SentenceTable`
    (to find its text again); `line` the line of its block as the file shows it (in a
    JSON or YAML document, the document's own line); `length` its key's length; and
    `spoken` whether it is in a speaker's turn."""

    hash: int
    position: int
    line: int
    length: int
    spoken: bool


def file_rows(
    transcript: Transcript,
    min_length: int = MIN_LENGTH,
    document_lines: Sequence[int] | None = None,
) -> list[Row]:
    """The rows of one transcript, in source order: every sentence of the passage
    blocks (turns, prose, ...) whose key has at least `min_length` characters.
    `document_lines`, for a document of blocks, gives the line where each block is
    (`readers.positions.block_lines`); otherwise a block's own line is used."""
    block_ids = passage_blocks(transcript)
    blocks = transcript.blocks
    lines = (
        document_lines
        if document_lines is not None and len(document_lines) == len(blocks)
        else [block.line for block in blocks]
    )
    rows = []
    number = 0  # among the passage blocks (a separator key between two)
    for position, key in enumerate(folded_keys(transcript, block_ids)):
        if key == SEPARATOR:
            number += 1
        elif len(key) >= min_length:
            block = block_ids[number]
            spoken = blocks[block].kind == Kind.TURN
            rows.append(Row(key_hash(key), position, lines[block], len(key), spoken))
    return rows


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence of a file given on this run that an earlier file (the first of the
    index to hold it) has too; `files` is how many files hold it."""

    file: int
    ordinal: int
    position: int
    line: int
    length: int
    spoken: bool
    other: int
    other_ordinal: int
    other_line: int
    other_spoken: bool
    files: int


class FileEntry(NamedTuple):
    """A file of the index: its id (files added earlier have smaller ones), path as
    stored (absolute), how it is shown in findings, format, number of rows, and its
    place among this run's files (None when it was not given)."""

    id: int
    path: str
    shown: str
    format: str
    sentences: int
    order: int | None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER, mtime INTEGER,
    format TEXT, sentences INTEGER);
CREATE TABLE IF NOT EXISTS rows (
    file INTEGER, ordinal INTEGER, hash INTEGER, position INTEGER, line INTEGER,
    length INTEGER, spoken INTEGER, PRIMARY KEY (file, ordinal)) WITHOUT ROWID;
CREATE TEMP TABLE given (file INTEGER PRIMARY KEY, shown TEXT, seq INTEGER);
"""


def _tables(db: sqlite3.Connection) -> dict[str, list[str]]:
    """The tables of the database's main schema, each with its columns in order."""
    names = [
        row[0] for row in db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
    ]
    return {
        name: [row[0] for row in db.execute("SELECT name FROM pragma_table_info(?)", (name,))]
        for name in names
    }


@functools.cache
def _our_tables() -> dict[str, list[str]]:
    """The tables `_SCHEMA` makes (its temporary one aside), with their columns."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(_SCHEMA)
        return _tables(db)
    finally:
        db.close()


class Index:
    """Sentence rows of many files in SQLite, on disk: a named file kept between runs
    (`lint --index FILE`), or a temporary one removed on `close`.

    Files are numbered in the order they are first added, which decides which copy is
    "first". A run marks the files it was given (`add(..., given=True)` or `give`);
    findings are made for those only, pointing into any file of the index. Changes are
    committed by `close` (or leaving a `with` block) when all went well, so a run that
    fails leaves a kept index as it was."""

    def __init__(self, connection: sqlite3.Connection, temporary: str | None) -> None:
        self._db = connection
        self._temporary = temporary
        self._hash_indexed = False
        self._given = 0

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Index:
        """The index kept in `path` (created if missing; rebuilt when it was made by
        another version or with another `MIN_LENGTH`), or a temporary one."""
        temporary = None
        if path is None:
            folder = tempfile.mkdtemp(prefix="transcripts-index-")
            temporary = folder
            name = os.path.join(folder, "index.sqlite")
        else:
            name = os.fspath(path)
        try:
            connection = sqlite3.connect(name, isolation_level=None)
            connection.execute("PRAGMA journal_mode = " + ("OFF" if temporary else "DELETE"))
            connection.execute("PRAGMA synchronous = " + ("OFF" if temporary else "NORMAL"))
            connection.execute("PRAGMA cache_size = -8000")  # 8 MB, whatever the archive
            connection.execute("PRAGMA temp_store = FILE")
            connection.execute("BEGIN")
            index = cls(connection, temporary)
            index._prepare()
        except sqlite3.DatabaseError as error:
            if temporary:
                _remove_folder(temporary)
            raise TranscriptError(f"cannot use it as an index: {error}", name) from None
        return index

    def _prepare(self) -> None:
        db = self._db
        ours = _our_tables()
        found = _tables(db)
        others = sorted(set(found) - set(ours))
        if others:  # someone else's database: adding tables to it would change it
            shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
            raise sqlite3.DatabaseError(
                f"it is a database of something else (tables {shown}); give a new file "
                "or one that lint --index made"
            )
        if any(columns != ours[name] for name, columns in found.items()):
            for name in found:  # ours, from another version: all made again
                db.execute(f"DROP TABLE {name}")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        meta = dict(db.execute("SELECT key, value FROM meta"))
        wanted = {"version": str(VERSION), "min-length": str(MIN_LENGTH)}
        if meta and meta != wanted:  # made otherwise: start again
            db.execute("DELETE FROM rows")
            db.execute("DELETE FROM files")
            db.execute("DELETE FROM meta")
            meta = {}
        if not meta:
            db.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
        self._hash_indexed = bool(
            db.execute("SELECT 1 FROM sqlite_master WHERE name = 'rows_by_hash'").fetchone()
        )

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(commit=kind is None)

    def close(self, commit: bool = True) -> None:
        """Commit (unless `commit` is false) and close; a temporary index is removed."""
        try:
            if commit and not self._temporary:
                self._db.execute("COMMIT")
            else:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self._db.close()
        if self._temporary:
            _remove_folder(self._temporary)

    def unchanged(self, path: str) -> bool:
        """Does the index hold `path` as it is now (same size and modification time)?"""
        found = self._db.execute(
            "SELECT size, mtime FROM files WHERE path = ?", (os.path.abspath(path),)
        ).fetchone()
        if found is None:
            return False
        try:
            info = os.stat(path)
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == tuple(found)

    def add(
        self,
        path: str,
        rows: Iterable[Row],
        *,
        format: str = "text",
        shown: str | None = None,
        given: bool = True,
        size: int | None = None,
        mtime: int | None = None,
        order: int | None = None,
    ) -> int:
        """Index a file's rows (replacing what the index held for it) and return its id;
        `given`, it is one of this run's files (findings are made for it), the
        `order`-th (default: after those given before). `size` and `mtime`
        (nanoseconds) default to the file's own, when it exists."""
        absolute = os.path.abspath(path)
        if size is None or mtime is None:
            try:
                info = os.stat(path)
                size, mtime = info.st_size, info.st_mtime_ns
            except OSError:
                size, mtime = -1, -1
        db = self._db
        rows = list(rows)
        found = db.execute("SELECT id FROM files WHERE path = ?", (absolute,)).fetchone()
        if found is None:
            cursor = db.execute(
                "INSERT INTO files (path, size, mtime, format, sentences) VALUES (?, ?, ?, ?, ?)",
                (absolute, size, mtime, format, len(rows)),
            )
            file = int(cursor.lastrowid or 0)
        else:
            file = int(found[0])
            db.execute(
                "UPDATE files SET size = ?, mtime = ?, format = ?, sentences = ? WHERE id = ?",
                (size, mtime, format, len(rows), file),
            )
            db.execute("DELETE FROM rows WHERE file = ?", (file,))
        db.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (file, ordinal, row.hash, row.position, row.line, row.length, int(row.spoken))
                for ordinal, row in enumerate(rows)
            ),
        )
        if given:
            self._mark(file, shown or path, order)
        return file

    def _mark(self, file: int, shown: str, order: int | None) -> None:
        order = self._given if order is None else order
        self._db.execute("INSERT OR REPLACE INTO given VALUES (?, ?, ?)", (file, shown, order))
        self._given = order + 1

    def give(self, path: str, shown: str | None = None, order: int | None = None) -> bool:
        """Mark a file the index already holds as one of this run's (see `add`); False
        if it holds no such file."""
        found = self._db.execute(
            "SELECT id FROM files WHERE path = ?", (os.path.abspath(path),)
        ).fetchone()
        if found is None:
            return False
        self._mark(int(found[0]), shown or path, order)
        return True

    def forget_missing(self) -> int:
        """Drop the files that no longer exist (a kept index outlives files); how many."""
        gone = [
            (file,)
            for file, path in self._db.execute("SELECT id, path FROM files").fetchall()
            if not os.path.exists(path)
        ]
        self._db.executemany("DELETE FROM rows WHERE file = ?", gone)
        self._db.executemany("DELETE FROM files WHERE id = ?", gone)
        return len(gone)

    def file(self, file: int) -> FileEntry:
        """What the index knows of file `file`; it is shown as given on this run, or
        by its path relative to the current folder when that is below it."""
        path, format, sentences, shown, order = self._db.execute(
            "SELECT path, format, sentences, shown, seq FROM files LEFT JOIN given ON id = file "
            "WHERE id = ?",
            (file,),
        ).fetchone()
        return FileEntry(file, path, shown or _shown(path), format, sentences, order)

    def matches(self, most_files: int) -> Iterator[Match]:
        """Every indexed sentence of a given file that the first file holding it (an
        earlier one) holds too, when no more than `most_files` files hold it; ordered by
        file, earlier file and place. One query: rows grouped by hash, never files paired."""
        db = self._db
        if not self._hash_indexed:
            db.execute("CREATE INDEX IF NOT EXISTS rows_by_hash ON rows (hash, file, ordinal)")
            self._hash_indexed = True
        query = """
            WITH wanted AS (
                SELECT DISTINCT hash FROM rows WHERE file IN (SELECT file FROM given)),
            shared AS (
                SELECT rows.hash AS hash, MIN(rows.file) AS first,
                       COUNT(DISTINCT rows.file) AS files
                FROM rows JOIN wanted ON rows.hash = wanted.hash
                GROUP BY rows.hash HAVING files BETWEEN 2 AND :most),
            firsts AS (
                SELECT shared.hash AS hash, shared.first AS first, shared.files AS files,
                       MIN(rows.ordinal) AS ordinal
                FROM shared JOIN rows ON rows.hash = shared.hash AND rows.file = shared.first
                GROUP BY shared.hash)
            SELECT later.file, later.ordinal, later.position, later.line, later.length,
                   later.spoken, firsts.first, earlier.ordinal, earlier.line,
                   earlier.spoken, firsts.files
            FROM firsts
            JOIN rows AS later ON later.hash = firsts.hash AND later.file != firsts.first
            JOIN given ON given.file = later.file
            JOIN rows AS earlier ON earlier.file = firsts.first AND earlier.ordinal = firsts.ordinal
            ORDER BY later.file, firsts.first, later.ordinal
        """
        for (
            file,
            ordinal,
            position,
            line,
            length,
            spoken,
            other,
            other_ordinal,
            other_line,
            other_spoken,
            files,
        ) in db.execute(query, {"most": max(2, most_files)}):
            yield Match(
                file,
                ordinal,
                position,
                line,
                length,
                bool(spoken),
                other,
                other_ordinal,
                other_line,
                bool(other_spoken),
                files,
            )


def _shown(path: str) -> str:
    """A path of the index as findings show it: relative to the current folder when it
    is below it, else as stored."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith(os.pardir) else relative


def _remove_folder(folder: str) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class CopyOptions:
    """What counts as a copy (the options of `copied-passage` and `duplicate-transcript`).

    `most_files`: a sentence in more files than this is boilerplate, never part of a
    copied passage (`whole_most_files`: never counted towards the same interview);
    `min_length`: folded characters of a run of two sentences or more to report it;
    `long_sentence`: a lone shared sentence this long is a passage by itself;
    `share`: the part of a file's sentences (or of the other file's) that makes two
    files the same interview; `min_sentences`: the fewest shared sentences for that."""

    most_files: int = 3
    whole_most_files: int = 3
    min_length: int = 80
    long_sentence: int = 150
    share: float = 0.5
    min_sentences: int = 5


@dataclass(frozen=True)
class Copy:
    """A passage of a given file (`file`) that an earlier file (`other`) holds too:
    its first and last sentences (`positions` in the file's `SentenceTable`),
    block lines, and the other copy's first and last lines. `whole`: the files are the
    same interview (then the copy is the file, reported once at its first line)."""

    file: int
    other: int
    positions: tuple[int, int]
    lines: tuple[int, int]
    other_lines: tuple[int, int]
    sentences: int
    whole: bool = False


#: Sentences a run may skip on either side (one edited or too short to index).
_GAP = 2


def copies(index: Index, options: CopyOptions) -> Iterator[Copy]:
    """The copies among the given files, file by file in id order: for each pair of a
    later and an earlier file, either one `whole` copy (the same interview) or the
    passages (runs of shared sentences long enough to report, spoken in both files)."""
    pair: tuple[int, int] | None = None
    found: list[Match] = []
    for match in index.matches(max(options.most_files, options.whole_most_files)):
        key = (match.file, match.other)
        if key != pair:
            if found:
                yield from _pair_copies(index, found, options)
            pair, found = key, []
        found.append(match)
    if found:
        yield from _pair_copies(index, found, options)


def _pair_copies(index: Index, found: list[Match], options: CopyOptions) -> Iterator[Copy]:
    """The copies between one later file and one earlier file, from their matches (in
    the later file's order)."""
    first = found[0]
    shared = len({m.ordinal for m in found if m.files <= options.whole_most_files})
    if shared >= options.min_sentences:
        mine, theirs = index.file(first.file).sentences, index.file(first.other).sentences
        if shared >= options.share * min(mine, theirs):
            yield Copy(first.file, first.other, (-1, -1), (1, 1), (1, 1), shared, whole=True)
            return
    mine = theirs = 0
    for run in _runs([m for m in found if m.files <= options.most_files]):
        length = sum(match.length for match in run)
        long_enough = (
            length >= options.min_length if len(run) > 1 else (length >= options.long_sentence)
        )
        spoken = any(m.spoken for m in run) and any(m.other_spoken for m in run)
        if not (long_enough and spoken):
            continue
        if not mine:
            mine, theirs = index.file(first.file).sentences, index.file(first.other).sentences
        if not _at_both_edges(run, mine, theirs):
            yield Copy(
                first.file,
                first.other,
                (run[0].position, run[-1].position),
                (run[0].line, run[-1].line),
                (run[0].other_line, run[-1].other_line),
                len(run),
            )


#: Indexed sentences at each end of a file where a shared run is its opening or closing.
EDGE = 4


def _at_both_edges(run: list[Match], mine: int, theirs: int) -> bool:
    """Does the run open both files (it lies in the first `EDGE` sentences of each) or
    close both (in the last `EDGE`)? That is a show's standard welcome or sign-off,
    said again in each episode, not a passage pasted from one into the other."""
    opens = run[-1].ordinal < EDGE and run[-1].other_ordinal < EDGE
    closes = run[0].ordinal >= mine - EDGE and run[0].other_ordinal >= theirs - EDGE
    return opens or closes


def _runs(found: list[Match]) -> Iterator[list[Match]]:
    """Matches grouped into runs: consecutive (give or take `_GAP`) in both files."""
    run: list[Match] = []
    for match in found:
        if run:
            last = run[-1]
            step, other_step = (
                match.ordinal - last.ordinal,
                match.other_ordinal - last.other_ordinal,
            )
            if 0 < step <= _GAP + 1 and 0 < other_step <= _GAP + 1:
                run.append(match)
                continue
            if step == 0:  # the same sentence of this file (it is twice in the other)
                continue
            yield run
        run = [match]
    if run:
        yield run


def problems(
    found: Sequence[Copy], transcript: Transcript, index: Index
) -> dict[str, list[Problem]]:
    """One file's copies (all with the same `file`, whose transcript this is) as the
    problems of `copied-passage` and `duplicate-transcript`, by code: the later copy
    placed at its sentences, the first copy as a related place in the other file."""
    from ..plurals import plural
    from .repeats import Spans
    from .rules import copied_passage, duplicate_transcript
    from .text import quote

    table = SentenceTable(transcript)
    spans = Spans(transcript)
    result: dict[str, list[Problem]] = {copied_passage.CODE: [], duplicate_transcript.CODE: []}
    for copy in found:
        other = index.file(copy.other)
        if copy.whole:
            mine = index.file(copy.file).sentences
            result[duplicate_transcript.CODE].append(
                Problem(
                    1,
                    f"the same interview as {other.shown} ({copy.sentences} of "
                    f"{plural(max(mine, other.sentences), 'sentence')} shared)",
                    elsewhere=(Location(other.shown, 1, 1, "the first copy"),),
                )
            )
            continue
        first, last = table.at(copy.positions[0]), table.at(copy.positions[1])
        line, column = spans.start(first)
        end_line, end_column = spans.end(last)
        start, end = copy.other_lines
        where = f"line {start}" if start == end else f"lines {start}-{end}"
        size = f" ({plural(copy.sentences, 'sentence')})" if copy.sentences > 1 else ""
        result[copied_passage.CODE].append(
            Problem(
                line,
                f"also in {other.shown} {where}{size}: {quote(spans.text(first))}",
                column,
                end_line=end_line,
                end_column=end_column,
                elsewhere=(Location(other.shown, start, 1, "the first copy"),),
            )
        )
    return result
