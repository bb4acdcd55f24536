"""The JSON Lines writer: per document a header record, then one record per block.

Every record carries the document's `path`, so `grep` and `jq` can work across the
output of many files. Block records have a `kind`; the header record has none.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..io import Sink
from ..model import Block, Transcript
from ..options import WriteOptions
from .jsonenc import batches, dense, encoded_blocks
from .strings import StringSink, written


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    return written(write_documents, transcript, options)


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Sink | StringSink,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    """Write each document's header and blocks, one JSON object per line."""
    for header, blocks in documents:
        path = header.source
        head = header.header_dict()
        head.pop("source", None)
        sink.write(dense({"path": path, **head}) + "\n")
        for batch in batches(blocks):
            sink.write_bytes(b"".join(encoded_blocks(batch, ("path", path), newline=True)))
