"""The YAML writer: the document's dict form, with PyYAML's C emitter when available.

Several documents are written as a YAML stream (`---` before each). Blocks are written
in batches as they come, so a large document never exists as one giant YAML node tree,
and block records are turned into YAML nodes directly (they hold only strings, numbers,
booleans and the lists and objects of pieces and words), which skips most of PyYAML's
generic representer. The output is the same, byte for byte, as `yaml.dump` of the whole
dict form.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from .. import safeyaml
from ..io import Sink
from ..model import Block, Transcript
from ..options import WriteOptions
from .strings import StringSink

_BATCH = 2048  # blocks a batch: big enough to amortise the emitter's start, small in memory

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


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
    sink = StringSink()
    write_documents([(transcript, transcript.blocks)], sink, options)
    return sink.getvalue()


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
        for batch in _batches(blocks):
            if not written:
                sink.write("blocks:\n")
                written = True
            sink.write(_dump_blocks(batch))
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


def _dump_blocks(blocks: list[Block]) -> str:
    """A YAML sequence of block records, as `yaml.dump` would write it."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    def node(value: Any) -> Any:
        if isinstance(value, str):
            return ScalarNode(_STR, value)
        if isinstance(value, bool):
            return ScalarNode(_BOOL, "true" if value else "false")
        if isinstance(value, int):
            return ScalarNode(_INT, str(value))
        if isinstance(value, dict):  # a piece or a word
            pairs = [(ScalarNode(_STR, key), node(item)) for key, item in value.items()]
            return MappingNode(_MAP, pairs, flow_style=False)
        if isinstance(value, list):
            return SequenceNode(_SEQ, [node(item) for item in value], flow_style=False)
        return ScalarNode(_FLOAT, _float(value))

    items = [node(block.to_dict()) for block in blocks]
    stream = io.StringIO()
    dumper = _dumper()(stream, **_options(False))
    dumper.open()
    dumper.serialize(SequenceNode(_SEQ, items, flow_style=False))
    dumper.close()
    return stream.getvalue()


def _float(value: float) -> str:
    """A float as PyYAML's SafeRepresenter writes it."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text
