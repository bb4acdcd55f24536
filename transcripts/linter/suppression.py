"""Inline suppression: comments in a transcript that turn rules off, as yamllint's do.

Where a format has comments (Markdown, HTML and plain text take HTML comments, WebVTT
takes `NOTE` blocks), a comment that starts with `transcripts:` is a directive:

    <!-- transcripts: disable-line TR201 -->            a comment on a line of text:
                                                         that line
    <!-- transcripts: disable-line speaker-variant -->  a comment on a line of its own:
    Lukashenka: ...                                      the paragraph (or cue) after it
    <!-- transcripts: disable TR1 -->                    from here ...
    <!-- transcripts: enable TR1 -->                     ... to here (or the end)
    NOTE transcripts: disable-line TR103                 WebVTT: the cue after the note

Rules are codes, names or code prefixes, separated by spaces or commas (yamllint's
`rule:NAME` is read too); none means every rule. A directive's own line is never
reported on (a comment alone on its line is no transcript text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..compiled import kept
from .registry import Rule, matches

#: Directives in the comment syntax of each kind of source.
_PATTERNS = {
    "html": kept(r"<!--\s*transcripts:\s*([a-z-]+)([^>]*?)\s*-->"),
    "vtt": kept(r"^NOTE[ \t]+transcripts:\s*([a-z-]+)([^\r\n]*)", re.M),
}
_VERBS = ("disable-line", "disable", "enable")
_LINE_BREAK = kept(r"\r\n|\r|\n")


class Span(NamedTuple):
    """Lines `first` to `last` (inclusive) where `selectors` (None: every rule) are off."""

    first: int
    last: int
    selectors: tuple[str, ...] | None


def comment_style(format_name: str | None) -> str | None:
    """The comment syntax of a format's sources, if it has one."""
    if format_name in ("text", "markdown"):
        return "html"
    if format_name == "vtt":
        return "vtt"
    return None


def spans(text: str, style: str | None) -> list[Span]:
    """Where the directives in `text` turn rules off."""
    pattern = _PATTERNS.get(style or "")
    if pattern is None or "transcripts:" not in text:
        return []
    lines = _LINE_BREAK.split(text)
    starts = [0]
    for found in _LINE_BREAK.finditer(text):
        starts.append(found.end())
    result: list[Span] = []
    open_spans: dict[tuple[str, ...] | None, int] = {}
    last_line = len(lines)
    for found in pattern.finditer(text):
        verb, rest = found.group(1), found.group(2)
        if verb not in _VERBS:
            continue
        selectors = _selectors(rest)
        line = _line_of(starts, found.start())
        alone = not _other_text(lines[line - 1], found.group(0))
        if alone:
            result.append(Span(line, line, None))  # the directive's own line
        if verb == "disable-line":
            first, last = _paragraph_after(lines, line) if alone else (line, line)
            if first:
                result.append(Span(first, last, selectors))
        elif verb == "disable":
            open_spans.setdefault(selectors, line)
        else:  # enable: closes the spans of these selectors (of all, with none)
            for key in [k for k in open_spans if selectors is None or k == selectors]:
                result.append(Span(open_spans.pop(key), line, key))
    result.extend(Span(first, last_line, key) for key, first in open_spans.items())
    return result


def _selectors(text: str) -> tuple[str, ...] | None:
    words = [w.removeprefix("rule:") for w in re.split(r"[\s,]+", text.strip()) if w]
    return tuple(words) or None


def _line_of(starts: Sequence[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _other_text(line: str, comment: str) -> bool:
    rest = line.replace(comment, "", 1)
    return bool(rest.strip()) and not rest.strip().startswith("NOTE")


def _paragraph_after(lines: Sequence[str], line: int) -> tuple[int, int]:
    """The next run of non-blank lines after `line` and its block (a cue after a NOTE),
    as (first, last) line numbers; (0, 0) when there is none."""
    index = line  # 0-based index of the line after the directive
    while index < len(lines) and lines[index].strip():  # the rest of a NOTE block
        if _PATTERNS["vtt"].match(lines[line - 1]) is None:
            break
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return 0, 0
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return index + 1, end + 1


def suppressor(found: Sequence[Span]) -> Callable[[Rule, int], bool]:
    """A test: is `rule` turned off at `line`?"""
    if not found:
        return lambda rule, line: False

    def suppressed(rule: Rule, line: int) -> bool:
        return any(
            span.first <= line <= span.last
            and (span.selectors is None or any(matches(s, rule) for s in span.selectors))
            for span in found
        )

    return suppressed
