"""An in-memory sink, so streaming writers can also return a string."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Block, Transcript
    from ..options import WriteOptions


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
