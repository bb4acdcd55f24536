"""Counts and nouns written as a reader says them: `1 turn`, `3 turns`, `an Azure`.

One definition for every human-readable output (lint's summary, the stats table,
`parse --explain`).
"""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 turn`, `3 turns` (or `plural_form` for a noun that does not take an s)."""
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"


def with_article(noun: str) -> str:
    """`a Whisper`, `an Amazon Transcribe`: the indefinite article a reader expects.

    Decided by the first letter, which is right for the product and format names the
    messages use (none starts with a silent or a "you" sound).
    """
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
