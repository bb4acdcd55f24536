"""The JSON writer: the document's dict form, one block per line so it stays greppable.

Several documents (from `parse` on several files) are written as a JSON array. Output
is built block by block, so a large document streams instead of being held whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..io import Sink
from ..model import Block, Transcript
from ..options import WriteOptions
from .jsonenc import batches, dense, encoded_blocks, pretty
from .strings import StringSink, written


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The whole document as JSON text."""
    return written(write_documents, transcript, options)


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Sink | StringSink,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    """Write one document, or several as an array, streaming each document's blocks."""
    if not many:
        for header, blocks in documents:
            _write_document(header, blocks, sink, "")
        return
    sink.write("[")
    first = True
    for header, blocks in documents:
        sink.write("\n  " if first else ",\n  ")
        first = False
        _write_document(header, blocks, sink, "  ")
    sink.write("\n]\n" if not first else "]\n")


def _write_document(
    header: Transcript, blocks: Iterable[Block], sink: Sink | StringSink, indent: str
) -> None:
    inner = indent + "  "
    sink.write("{")
    for key, value in header.header_dict().items():
        sink.write(f"\n{inner}{dense(key)}: ")
        if key == "speakers":
            _write_list((dense(item) for item in value), sink, inner)
        elif isinstance(value, dict) and value and key == "metadata":
            sink.write(pretty(value).replace("\n", "\n" + inner))
        else:
            sink.write(dense(value))
        sink.write(",")
    sink.write(f'\n{inner}"blocks": ')
    _write_blocks(blocks, sink, inner)
    sink.write(f"\n{indent}}}" + ("" if indent else "\n"))


def _write_blocks(blocks: Iterable[Block], sink: Sink | StringSink, indent: str) -> None:
    """The blocks as `_write_list` writes items, encoded and written a batch at a time."""
    item_start = f"\n{indent}  ".encode()
    separator = b"," + item_start
    sink.write("[")
    first = True
    for batch in batches(blocks):
        items = separator.join(encoded_blocks(batch))
        sink.write_bytes((item_start if first else separator) + items)
        first = False
    sink.write("]" if first else f"\n{indent}]")


def _write_list(items: Iterable[str], sink: Sink | StringSink, indent: str) -> None:
    sink.write("[")
    first = True
    for item in items:
        sink.write(f"\n{indent}  {item}" if first else f",\n{indent}  {item}")
        first = False
    sink.write("]" if first else f"\n{indent}]")
