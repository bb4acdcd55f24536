"""An in-memory sink, so streaming writers can also return a string."""

from __future__ import annotations


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
