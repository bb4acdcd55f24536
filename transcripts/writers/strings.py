"""What a text writer may write, and an in-memory sink so streaming writers can also
return a string."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..losses import Losses, note

if TYPE_CHECKING:
    from ..io import Sink
    from ..model import Block, Transcript
    from ..options import WriteOptions

#: The characters no text file written may hold: every reader takes a NUL for the sign
#: of a binary file (`io.decode`) and refuses the file. A document read from JSON or YAML
#: can hold one (`"\u0000"`), which those formats escape; every conversion's output
#: (`transcripts convert`, `transcripts.convert`) leaves it out of every other format, so
#: the file written can be read back. (`transcripts.write` renders what a document
#: holds: text parsed from a string comes back byte for byte, NULs and all.)
UNWRITABLE = "\x00"

_LEFT_OUT = "{n} NUL character{s} (a file holding one is read as binary)"


def writable(text: str, losses: Losses | None) -> str:
    """`text` without the characters a text file may not hold (`UNWRITABLE`), each one
    counted in `losses`. The usual text holds none and is given back as it is."""
    if UNWRITABLE not in text:  # one scan in C, no copy
        return text
    note(losses, _LEFT_OUT, text.count(UNWRITABLE))
    return text.replace(UNWRITABLE, "")


class WritableSink:
    """A sink passing on what a streaming writer writes as `writable` text. Bytes (a
    JSON writer's already encoded output, where a NUL is escaped) pass as they are."""

    def __init__(self, sink: Sink | StringSink, losses: Losses | None) -> None:
        self._sink = sink
        self._losses = losses
        self.encoding = sink.encoding

    def write(self, text: str) -> None:
        self._sink.write(writable(text, self._losses))

    def write_bytes(self, data: bytes) -> None:
        self._sink.write_bytes(data)


class StringSink:
    """Collects written text; `getvalue` joins it."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def write(self, text: str) -> None:
        self._parts.append(text)

    def write_bytes(self, data: bytes) -> None:
        self._parts.append(data.decode("utf-8"))

    encoding = "utf-8"

    def getvalue(self) -> str:
        return "".join(self._parts)


def written(
    write_documents: Callable[..., None],
    transcript: Transcript,
    options: WriteOptions | None = None,
) -> str:
    """What a streaming writer's `write_documents` writes for one whole transcript, as
    a string: every streaming writer's `write`."""
    sink = StringSink()
    documents: Iterable[tuple[Transcript, Iterable[Block]]] = [(transcript, transcript.blocks)]
    write_documents(documents, sink, options)
    return sink.getvalue()
