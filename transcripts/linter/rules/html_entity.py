"""HTML entities and markup left in the text: `&#39;`, `&quot;`, `&amp;`, `<br>`, `<i>`.

Text copied out of a web page's source, or exported by a tool that escaped it for HTML,
keeps the escapes instead of the characters: "don&#39;t", "&quot;nonsense&quot;". They
break searching and word counts and show up in anything printed from the transcript.
Reported once per line, with every entity and tag on it.

Reported: numeric character references (`&#39;`, `&#x27;`) and the named entities of
HTML (`&amp;`, `&nbsp;`, `&rsquo;`, ...) with their semicolon, and the tags of inline
and paragraph markup (`<b>`, `</i>`, `<br/>`, `<p>`, `<span class="x">`, `<font>`, ...).
Not reported: a file the text reader reads as HTML, a page (`<!DOCTYPE html>`, the
Congressional Record's pages) or a page's paragraphs pasted as they are
(`<p><strong>Q:</strong> ...</p>`): there entities and tags are the format, taken out
of the text as it is read (`readers.htmlkind` decides for both); nor the tags of a
Markdown file, where HTML is the format's own markup (`<br>`, a speech balloon's
`<div class="balloon">`), though its entities are reported. Nor is
an ampersand in ordinary text ("AT&T", "Q&A", "&c"), angle brackets
that are no tag ("<inaudible>", "a < b", CHAT's "<a dog>", whose words are no
attributes).

`lint --fix` replaces the entities by the characters they stand for (a safe fix: the
text reads the same; `&nbsp;` becomes a space); tags are left for an editor, since
removing one may join two words or lose a line break.

Example:
  Guest: I don&#39;t think it was &quot;nonsense&quot; at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from ...compiled import kept
from ...model import Transcript
from ...plurals import plural
from ...readers.htmlkind import HTML_SNIFF, html_kind
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..source import find_in_source, source_text

CODE = "TR304"
NAME = "html-entity"
SEVERITY = "warning"
USES = ("source-text",)  # the source text, read a piece at a time (see `linter.source`)
OPTIONS: dict[str, object] = {}

_TAGS = "a|b|i|u|s|em|strong|br|p|span|div|font|sup|sub|small|big|mark|del|ins|hr"
_MARKUP = kept(
    rf"&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
    rf"|</?(?:{_TAGS})(?:\s+[a-zA-Z\-]+=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))*\s*/?>",
    re.IGNORECASE,
)


class _NoTagOpen:
    """Where the text may be cut for `_MARKUP` (see `source.CutAfter`): after a line break
    with no tag open. An entity holds no line break, and a tag holds no "<" but its first
    character and no ">" but its last, so only a "<" with no ">" after it yet can start a
    match that runs on past the cut."""

    def __init__(self) -> None:
        self.open = False

    def __call__(self, parts: list[str]) -> bool:
        text = "".join(parts)
        opening, closing = text.rfind("<"), text.rfind(">")
        if opening != closing:  # (equal only when the text holds neither)
            self.open = opening > closing
        return not self.open and text.endswith("\n")


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    if html_kind(source_text(options.context).head(HTML_SNIFF)) is not None:
        return  # a transcript kept as an HTML page: its entities and tags are its format
    tags_are_markup = _is_markdown(transcript)
    found = [
        (line, column, match.group())
        for match, line, column in find_in_source(options.context, _MARKUP, cut_after=_NoTagOpen())
        if _is_markup(match.group()) and not (tags_are_markup and match.group()[0] == "<")
    ]
    for line, on_line in groupby(found, key=lambda item: item[0]):
        items = list(on_line)
        entities = [(column, text) for _, column, text in items if text.startswith("&")]
        tags = [text for _, _, text in items if text.startswith("<")]
        what = []
        if entities:
            shown = ", ".join(dict.fromkeys(text for _, text in entities))
            what.append(f"HTML {plural(len(entities), 'entity', 'entities')} {shown}")
        if tags:
            shown = ", ".join(dict.fromkeys(tags))
            what.append(f"HTML {plural(len(tags), 'tag')} {shown}")
        fix = None
        if entities:
            fix = Fix(
                "replace the entities by their characters",
                tuple(
                    Edit(line, column, line, column + len(text), _character(text))
                    for column, text in entities
                ),
            )
        yield Problem(
            line,
            f"{' and '.join(what)} in the text; write the characters themselves",
            items[0][1],
            fix=fix,
        )


def _is_markdown(transcript: Transcript) -> bool:
    """Was the transcript read from a Markdown file (by its extension)?"""
    from ...formats import format_for_extension

    found = format_for_extension(transcript.source or "")
    return found is not None and found.name == "markdown"


def _is_markup(text: str) -> bool:
    """A tag, a numeric reference, or a named entity HTML knows."""
    if not text.startswith("&") or text.startswith("&#"):
        return True
    import html.entities  # a large table, loaded only when an entity is found

    return text[1:] in html.entities.html5


def _character(entity: str) -> str:
    import html

    character = html.unescape(entity)
    return " " if character == "\u00a0" else character
