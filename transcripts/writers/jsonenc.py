"""JSON encoding shared by the json and jsonl writers.

orjson encodes several times faster than the standard library, which is most of the
cost of `parse --to jsonl` on a large file; the standard library takes over for what
orjson refuses (integers beyond 64 bits in metadata) or when orjson is missing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import TranscriptError

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


def block_encoder() -> Callable[[dict[str, Any]], bytes]:
    """The fastest encoder for block records, one per line (orjson; the standard library
    for the rare integer beyond 64 bits)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a declared dependency
        return lambda record: dense_bytes(record, newline=True)
    option = orjson.OPT_APPEND_NEWLINE
    dumps = orjson.dumps

    def encode(record: dict[str, Any]) -> bytes:
        try:
            return dumps(record, option=option)
        except TypeError:  # an integer beyond 64 bits (a confidence of 10**30)
            return dense_bytes(record, newline=True)

    return encode


def dense(value: Any) -> str:
    """One-line JSON without spaces."""
    return dense_bytes(value).decode("utf-8")


def pretty(value: Any, indent: int = 2) -> str:
    """Indented JSON for small nested values (metadata)."""
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
