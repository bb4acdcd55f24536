"""The Parquet writer: one row per block, with the document's path, for pandas, polars
and DuckDB to read a whole archive as one table; and, beside it, the speakers table.

Blocks: path, block (its index in the document), kind, speaker, label, line, end_line,
start, end (seconds, null where unknown), text. Speakers (`write_tables`): one row per
document and speaker of its roster: path, speaker, aliases (the other labels it went
by), inferred (false: declared by the user), turns, words (spoken words, as `stats`
counts them: `words.count_words`), first_line (of its first turn; null: none). The two
join on (path, speaker). Documents are written as they are read, in row groups of
`ROW_GROUP` rows, so an archive of any size is written in bounded memory. Needs pyarrow
(`interview-transcripts[parquet]`), imported only to write Parquet.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from ..errors import TranscriptError
from ..model import Block, Kind, Transcript
from ..options import WriteOptions
from ..words import count_words
from .timed import note_metadata

COLUMNS = ("path", "block", "kind", "speaker", "label", "line", "end_line", "start", "end", "text")
SPEAKER_COLUMNS = ("path", "speaker", "aliases", "inferred", "turns", "words", "first_line")
#: The file names `parse -t parquet -o DIR` writes in DIR.
BLOCKS_FILE = "blocks.parquet"
SPEAKERS_FILE = "speakers.parquet"
ROW_GROUP = 65_536
#: The output is bytes: `parse` refuses to write it to a terminal.
BINARY = True


def pyarrow_modules() -> tuple[ModuleType, ModuleType]:
    """pyarrow and pyarrow.parquet, or a one-line error saying how to install them."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise TranscriptError(
            "writing Parquet needs pyarrow: pip install 'interview-transcripts[parquet]'"
        ) from None
    return pyarrow, pyarrow.parquet


def schema() -> Any:
    pa, _ = pyarrow_modules()
    text, integer, seconds = pa.string(), pa.int64(), pa.float64()
    types = (text, integer, text, text, text, integer, integer, seconds, seconds, text)
    return pa.schema(list(zip(COLUMNS, types, strict=True)))


def speakers_schema() -> Any:
    pa, _ = pyarrow_modules()
    text, integer = pa.string(), pa.int64()
    types = (text, text, pa.list_(text), pa.bool_(), integer, integer, integer)
    return pa.schema(list(zip(SPEAKER_COLUMNS, types, strict=True)))


def write(transcript: Transcript, options: WriteOptions | None = None) -> bytes:
    """The transcript's blocks as a Parquet file's bytes."""
    options = options or WriteOptions()
    note_metadata(transcript, options.losses)
    buffer = io.BytesIO()
    _write([(transcript, transcript.blocks)], buffer.write, options.path or transcript.source)
    return buffer.getvalue()


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Any,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    """Every document's blocks as rows of one table, written as they come."""
    _write(documents, sink.write_bytes, None)


def write_tables(
    documents: Iterable[tuple[Transcript, Iterable[Block]]], blocks: Any, speakers: Any
) -> None:
    """Every document's blocks as rows of the blocks table (to the sink `blocks`) and
    its speakers as rows of the speakers table (to `speakers`), written as they come."""
    _write(documents, blocks.write_bytes, None, speakers.write_bytes)


class _Output:
    """A file-like object pyarrow writes to, handing the bytes on."""

    def __init__(self, write: Any) -> None:
        self._write = write
        self.closed = False
        self._position = 0

    def write(self, data: bytes) -> int:
        self._write(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class _Table:
    """Rows of one Parquet table, written a row group at a time as they come."""

    def __init__(self, write: Any, table_schema: Any) -> None:
        self._pa, pq = pyarrow_modules()
        self._schema = table_schema
        self._writer = pq.ParquetWriter(_Output(write), table_schema)
        self._columns: dict[str, list[Any]] = {name: [] for name in table_schema.names}
        self._names = tuple(table_schema.names)

    def add(self, row: tuple[Any, ...]) -> None:
        for column, value in zip(self._names, row, strict=True):
            self._columns[column].append(value)
        if len(self._columns[self._names[0]]) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        self._writer.write_table(self._pa.table(self._columns, schema=self._schema))
        for values in self._columns.values():
            values.clear()

    def close(self) -> None:
        if self._columns[self._names[0]]:
            self._flush()
        self._writer.close()


def _write(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    write: Any,
    path: str | None,
    write_speakers: Any = None,
) -> None:
    """The blocks table written with `write`; with `write_speakers`, the speakers table
    too, from the same pass over the blocks."""
    blocks = _Table(write, schema())
    speakers = _Table(write_speakers, speakers_schema()) if write_speakers else None
    try:
        for header, document_blocks in documents:
            name = path or header.source or "-"
            counts: dict[str, list[int]] = {}  # speaker: [turns, words, first line]
            for index, block in enumerate(document_blocks):
                blocks.add(
                    (
                        name,
                        index,
                        block.kind,
                        block.speaker,
                        block.label,
                        block.line,
                        block.end_line,
                        block.start,
                        block.end,
                        block.text,
                    )
                )
                if speakers is not None and block.kind == Kind.TURN and block.speaker:
                    count = counts.setdefault(block.speaker, [0, 0, block.line])
                    count[0] += 1
                    count[1] += count_words(block.text)
            if speakers is not None:
                _speaker_rows(speakers, name, header, counts)
    finally:
        blocks.close()
        if speakers is not None:
            speakers.close()


def _speaker_rows(
    table: _Table, name: str, header: Transcript, counts: dict[str, list[int]]
) -> None:
    """One row per speaker of the document's roster (read once its blocks have passed:
    a streaming reader completes it as it goes), then any speaker of a turn it lacks."""
    listed: set[str] = set()
    for speaker in header.speakers:
        listed.add(speaker.name)
        turns, words, first = counts.get(speaker.name) or (0, 0, None)
        aliases = list(speaker.aliases)
        table.add((name, speaker.name, aliases, speaker.inferred, turns, words, first))
    for other, (turns, words, first) in counts.items():
        if other not in listed:
            table.add((name, other, [], True, turns, words, first))
