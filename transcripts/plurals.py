"""Counts written as a reader says them: `1 turn`, `3 turns`, `1 line`, `2 lines`.

One definition for every human-readable output (lint's summary, the stats table,
`parse --explain`).
"""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 turn`, `3 turns` (or `plural_form` for a noun that does not take an s)."""
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"
