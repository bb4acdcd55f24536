"""The YAML writer: the document's dict form, with PyYAML's C emitter when available.

Several documents are written as a YAML stream (`---` before each).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..io import Sink
from ..model import Block, Transcript
from ..options import WriteOptions
from .strings import StringSink


def _dump(data: Any, explicit_start: bool) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        explicit_start=explicit_start,
        width=1 << 16,
    )


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    return _dump(transcript.to_dict(), explicit_start=False)


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Sink | StringSink,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    for header, blocks in documents:
        header.blocks = list(blocks)
        sink.write(_dump(header.to_dict(), explicit_start=many))
