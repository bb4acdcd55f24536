"""An in-memory sink, so streaming writers can also return a string."""

from __future__ import annotations


class StringSink:
    """Collects written text; `getvalue` joins it."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def write(self, text: str) -> None:
        self._parts.append(text)

    def getvalue(self) -> str:
        return "".join(self._parts)
