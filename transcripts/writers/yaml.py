"""The YAML writer: the document's dict form, block records written by our own emitter.

Several documents are written as a YAML stream (`---` before each). The header (source,
metadata, speakers) goes through PyYAML's safe dumper, since metadata may hold anything.
Block records hold only strings, numbers, booleans and the lists and objects of pieces
and words, so they are written here directly, in batches as they come: a string is a
plain scalar only when every YAML reader reads it back as that same string (it opens
with a letter, is no boolean or null word of YAML 1.1 or 1.2, holds no `: `, ` #`,
line break or character a reader refuses), otherwise a double-quoted scalar with JSON's
escapes (a subset of YAML's) plus YAML's own for the characters JSON leaves raw. This is
several times faster than PyYAML's emitter, which calls its Python resolver back for
every scalar; a test holds the output to loading back as the dict form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .. import safeyaml
from ..io import Sink
from ..model import Block, Transcript
from ..options import WriteOptions
from .jsonenc import dense
from .strings import StringSink, written

# Blocks a batch: the batch's text joined (some 60 KB) stays under the C allocator's
# threshold for a mapping of its own (128 KiB), so its buffer comes from the heap and is
# reused rather than mapped afresh each time (a page fault per 4 KiB; see `jsonenc.BATCH`).
_BATCH = 128


def _options(explicit_start: bool) -> dict[str, Any]:
    return {
        "allow_unicode": True,
        "default_flow_style": False,
        "explicit_start": explicit_start,
        "width": 1 << 16,
        "sort_keys": False,
    }


def _dumper() -> Any:
    return safeyaml.dumper()


def _dump(data: Any, explicit_start: bool) -> str:
    import yaml

    text: str = yaml.dump(data, Dumper=_dumper(), **_options(explicit_start))
    return text


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    return written(write_documents, transcript, options)


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Sink | StringSink,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    """Write each document: its header, then its blocks in batches."""
    for header, blocks in documents:
        sink.write(_dump(header.header_dict(), explicit_start=many))
        written = False
        known: dict[str, str] = {}  # the document's repeated scalars, made once
        for batch in _batches(blocks):
            if not written:
                sink.write("blocks:\n")
                written = True
            sink.write(_dump_blocks(batch, known))
        if not written:
            sink.write("blocks: []\n")


def _batches(blocks: Iterable[Block]) -> Iterator[list[Block]]:
    batch: list[Block] = []
    for block in blocks:
        batch.append(block)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _dump_blocks(blocks: list[Block], known: dict[str, str] | None = None) -> str:
    """A YAML block sequence of block records (the value of `blocks:`).

    Written field by field from the block, in `Block.to_dict`'s order and with its rule
    for optional fields, rather than through a dict per block; the scalars of kinds,
    speakers and labels, which repeat, are made once (per batch, or once in `known`,
    kind, speaker and label -> its scalar, kept from batch to batch). A test holds it
    to `_mapping` of the dict form.
    """
    out: list[str] = []
    append = out.append
    if known is None:
        known = {}

    def repeated(value: str) -> str:
        try:
            return known[value]
        except KeyError:
            made = known[value] = scalar(value)
            return made

    for block in blocks:
        speaker, label = block.speaker, block.label
        record = f"- kind: {repeated(block.kind)}\n"
        if speaker is not None:
            record += f"  speaker: {repeated(speaker)}\n"
        if label is not None:
            record += f"  label: {repeated(label)}\n"
        line: object = block.line
        end_line: object = block.end_line
        if line.__class__ is not int or end_line.__class__ is not int:  # not from a reader
            line, end_line = scalar(line), scalar(end_line)
        record += f"  text: {scalar(block.text)}\n  line: {line}\n  end_line: {end_line}\n"
        if block.start is not None:
            record += f"  start: {scalar(block.start)}\n"
        if block.end is not None:
            record += f"  end: {scalar(block.end)}\n"
        if block.continued:
            record += "  continued: true\n"
        raw = block.raw
        if raw is not None:
            record += f"  raw: {scalar(raw)}\n"
        append(record)
        if block.pieces is not None:
            pieces = [piece.to_dict() for piece in block.pieces]
            if not pieces:
                append("  pieces: []\n")
            else:
                append("  pieces:\n")
                for piece in pieces:
                    _mapping(piece, "  ", out)
    return "".join(out)


def _mapping(record: dict[str, Any], indent: str, out: list[str]) -> None:
    """One record as a sequence item (`- key: value` and then `  key: value`)."""
    lead = indent + "- "
    inner = indent + "  "
    for key, value in record.items():
        if type(value) is list:
            if not value:
                out.append(f"{lead}{key}: []\n")
            else:
                out.append(f"{lead}{key}:\n")
                for item in value:
                    _mapping(item, inner, out)
        else:
            out.append(f"{lead}{key}: {scalar(value)}\n")
        lead = inner


# Characters JSON leaves raw that YAML readers refuse or read as line breaks.
_YAML_ONLY_ESCAPES = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# Words YAML 1.1 or 1.2 readers take for booleans or null when plain.
_RESERVED = frozenset(
    variant
    for word in ("y", "n", "yes", "no", "true", "false", "on", "off", "null")
    for variant in (word, word.capitalize(), word.upper())
)
_RESERVED_LONGEST = max(map(len, _RESERVED))


def scalar(value: Any) -> str:
    """A value of a block record as a YAML scalar that reads back as the same value."""
    if type(value) is str:
        # A letter first; no control, line break, odd space or character readers refuse
        # (str.isprintable is false for all of these).
        # (The scan of every character comes last: most texts fail sooner.)
        if (
            value[:1].isalpha()
            and ": " not in value
            and " #" not in value
            and value[-1] not in ": "
            and (len(value) > _RESERVED_LONGEST or value not in _RESERVED)
            and value.isprintable()
        ):
            return value
        return _quoted(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if value is None:
        return "null"
    return _float(value)


def _quoted(text: str) -> str:
    """A double-quoted scalar: JSON's escapes, and YAML's `\\xNN`/`\\uNNNN` for the rest."""
    try:
        quoted = dense(text)
    except UnicodeEncodeError:  # a lone surrogate: escaped, as YAML allows
        quoted = json.dumps(text)
    if quoted.isascii():  # JSON escaped every control character but DEL
        return quoted.replace("\x7f", "\\x7f") if "\x7f" in quoted else quoted
    if not quoted.isprintable() and _YAML_ONLY_ESCAPES.search(quoted):
        quoted = _YAML_ONLY_ESCAPES.sub(_escape, quoted)
    return quoted


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _float(value: float) -> str:
    """A float as PyYAML's SafeRepresenter writes it (a dot always, so YAML 1.1 reads a
    float too)."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text
