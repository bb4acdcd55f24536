"""Options readers and writers take, shared by every format so the registry can call any."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the user told the readers.

    `speakers` declares the roster (it overrides inference); `encoding` decodes legacy
    input (otherwise UTF-8, or UTF-16/32 when a BOM says so).
    """

    speakers: tuple[str, ...] = ()
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What the user told the writers; `path` names the document in multi-file output."""

    path: str | None = None
