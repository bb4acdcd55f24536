"""transcripts: parse, lint, count and convert interview transcripts.

The library API is imported lazily so that the command line starts fast:

    import transcripts
    t = transcripts.read("interview.txt")
    print(transcripts.write(t, "yaml"))
    print(transcripts.stats(t).speakers)
    print(transcripts.lint(t))
    print(transcripts.convert(t, "srt", estimate_timing=150).lost)

`read`, `parse`, `write`, `convert`, `estimate_timing` and `lint` are in
`transcripts.api`, `stats` in `transcripts.statistics`; all are plain functions, typed
(the imports under TYPE_CHECKING tell type checkers what the lazy names are).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what the lazy names below are, for type checkers
    from .api import Conversion, convert, estimate_timing, lint, parse, read, write
    from .errors import TranscriptError
    from .linter import Finding, LintSettings
    from .model import Block, Kind, Speaker, Transcript
    from .statistics import stats

__all__ = [
    "Block",
    "Conversion",
    "Finding",
    "Kind",
    "LintSettings",
    "Speaker",
    "Transcript",
    "TranscriptError",
    "__version__",
    "convert",
    "estimate_timing",
    "lint",
    "parse",
    "read",
    "stats",
    "write",
]

_LAZY = {
    "read": ("transcripts.api", "read"),
    "parse": ("transcripts.api", "parse"),
    "write": ("transcripts.api", "write"),
    "stats": ("transcripts.statistics", "stats"),
    "lint": ("transcripts.api", "lint"),
    "convert": ("transcripts.api", "convert"),
    "estimate_timing": ("transcripts.api", "estimate_timing"),
    "Conversion": ("transcripts.api", "Conversion"),
    "LintSettings": ("transcripts.linter", "LintSettings"),
    "Finding": ("transcripts.linter", "Finding"),
    "Transcript": ("transcripts.model", "Transcript"),
    "Block": ("transcripts.model", "Block"),
    "Speaker": ("transcripts.model", "Speaker"),
    "Kind": ("transcripts.model", "Kind"),
    "TranscriptError": ("transcripts.errors", "TranscriptError"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'transcripts' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
