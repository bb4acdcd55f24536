"""JSON encoding shared by the json and jsonl writers.

orjson encodes several times faster than the standard library, which is most of the
cost of `parse --to jsonl` on a large file; the standard library takes over for what
orjson refuses (integers beyond 64 bits in metadata) or when orjson is missing.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import TranscriptError
from ..model import Block, block_records

_dense_stdlib = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode

try:
    import orjson

    def dense_bytes(value: Any, newline: bool = False) -> bytes:
        """One-line JSON without spaces, as UTF-8 bytes (optionally with a newline)."""
        try:
            return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE if newline else 0)
        except (TypeError, orjson.JSONEncodeError):
            return _encoded(_dense_stdlib(value) + ("\n" if newline else ""))

except ImportError:  # pragma: no cover - orjson is a declared dependency

    def dense_bytes(value: Any, newline: bool = False) -> bytes:
        return _encoded(_dense_stdlib(value) + ("\n" if newline else ""))


def _encoded(text: str) -> bytes:
    """JSON text as UTF-8; a lone surrogate (half a character, from a document built in
    Python: readers refuse them) is an error, not an exception from the codec."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise TranscriptError(
            f"cannot write {text[error.start]!r}: a lone surrogate is not text"
        ) from None


#: Blocks encoded at a time: big enough that the per-batch work is nothing, small enough
#: that a batch's bytes stay in the processor's caches and a stream's memory stays flat,
#: and that the batch joined (some 60 KiB of JSON Lines) stays under the C allocator's
#: threshold for a mapping of its own (128 KiB): a larger batch is a buffer mapped and
#: unmapped again each time, a page fault every 4 KiB (32,000 for the 50 MB bench file).
BATCH = 128


def batches(blocks: Iterable[Block], size: int = BATCH) -> Iterator[list[Block]]:
    """The blocks in lists of `size` (the last one shorter), as they come."""
    iterator = iter(blocks)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def encoded_blocks(
    batch: Sequence[Block], lead: tuple[str, Any] | None = None, newline: bool = False
) -> list[bytes]:
    """Each block's dict form as dense JSON, after the field `lead` (key, value) when
    given (a writer's own, such as the JSON Lines `path`), optionally with a newline each.

    The batch's records made in one frame (`model.block_records`), then orjson called on
    each from C: building and encoding the dicts is most of what writing a large
    document costs.
    A batch holding what orjson refuses (an integer beyond 64 bits) is encoded again
    record by record, the standard library taking those.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a declared dependency
        return [dense_bytes(_record(block, lead), newline) for block in batch]
    option = orjson.OPT_APPEND_NEWLINE if newline else 0
    records = block_records(batch, lead)
    try:
        # (orjson's `default` and `option` given by position: no Python frame per block)
        return list(map(orjson.dumps, records, itertools.repeat(None), itertools.repeat(option)))
    except (TypeError, orjson.JSONEncodeError):
        return [dense_bytes(_record(block, lead), newline) for block in batch]


def _record(block: Block, lead: tuple[str, Any] | None) -> dict[str, Any]:
    return block.to_dict(None if lead is None else dict([lead]))


def dense(value: Any) -> str:
    """One-line JSON without spaces."""
    return dense_bytes(value).decode("utf-8")


def pretty(value: Any, indent: int = 2) -> str:
    """Indented JSON for small nested values (metadata)."""
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
