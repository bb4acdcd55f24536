"""The Parquet writer: one row per block, with the document's path, for pandas, polars
and DuckDB to read a whole archive as one table.

Columns: path, block (its index in the document), kind, speaker, label, line, end_line,
start, end (seconds, null where unknown), text. Documents are written as they are read,
in row groups of `ROW_GROUP` blocks, so an archive of any size is written in bounded
memory. Needs pyarrow (`interview-transcripts[parquet]`), imported only to write Parquet.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from ..errors import TranscriptError
from ..model import Block, Transcript
from ..options import WriteOptions
from .timed import note_metadata

COLUMNS = ("path", "block", "kind", "speaker", "label", "line", "end_line", "start", "end", "text")
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


def _write(
    documents: Iterable[tuple[Transcript, Iterable[Block]]], write: Any, path: str | None
) -> None:
    pa, pq = pyarrow_modules()
    table_schema = schema()
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    with pq.ParquetWriter(_Output(write), table_schema) as writer:

        def flush() -> None:
            writer.write_table(pa.table(columns, schema=table_schema))
            for values in columns.values():
                values.clear()

        for header, blocks in documents:
            name = path or header.source or "-"
            for index, block in enumerate(blocks):
                row = (
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
                for column, value in zip(COLUMNS, row, strict=True):
                    columns[column].append(value)
                if len(columns["path"]) >= ROW_GROUP:
                    flush()
        if columns["path"]:
            flush()
