"""Whether a text is HTML: a page, or a page's paragraphs pasted as they are. One
definition for the text reader (which reads such text as a page, `text/htmlpage.py`,
or as printed pages where it is in `<pre>`, `text/pages.py`) and for lint (whose
`html-entity` rule leaves a page's markup alone). Small, so that asking costs no
import of the reader."""

from __future__ import annotations

import functools
import re

from ..compiled import kept

# How much of the start of a text to look at, and the tags that make a page.
HTML_SNIFF = 4096
_HTML_START = ("<!doctype html", "<html", "<?xml", "<!--")
_HTML_BLOCKS = r"(?:p|div|br|li|h[1-6]|tr|td|table|blockquote|body|section|article|ul|ol|dl)"
_HTML_BLOCK_TAG = kept(rf"</?{_HTML_BLOCKS}[\s/>]", re.I)


# A line of a page opens or ends with a block tag (a tag inside a sentence is a word).
@functools.cache
def _html_block_line() -> re.Pattern[str]:
    return kept(rf"[ \t]*</?{_HTML_BLOCKS}[\s/>]|.*</?{_HTML_BLOCKS}(?:\s[^<>]*)?/?>[ \t]*$", re.I)


# A line of a fragment of a page may open with an inline tag ("<b>Ana Lima:</b> Where
# ..."): a page's text pasted without its paragraphs.
_HTML_INLINE_LINE = kept(r"[ \t]*<(?:b|strong|em|i|span|font)[\s>][^<>]*</", re.I)
_HTML_PAGE_TAG = kept(r"<(?:html|head|body|meta|title)[\s>]", re.I)


def is_html(text: str) -> bool:
    """Is `text` an HTML page or a fragment of one (see `html_kind`)?"""
    return html_kind(text) is not None


def html_kind(text: str) -> str | None:
    """ "page" when `text` is an HTML page, "fragment" when it is lines of a page's text
    pasted without its paragraphs, "mixed" when it is a page's blocks among text that
    does not open with a tag (Markdown with HTML in it, as static sites keep their
    pages), None when it is text with a few tags or none. (A page
    or fragment is read by `text/htmlpage.py`, or by `text/pages.py` where its text is
    in `<pre>`.)

    It is when it opens as a page (`<!doctype html>`, `<html>`), or when it holds block
    tags and at least half the lines of its start open or end with one (a page on one
    line holds several), or when at least half of them open with an inline tag closed on
    the line (`<b>Name:</b> text`: a fragment). The common case, text with no `<` near
    its start, costs one search of its first few kilobytes.
    """
    if text.find("<", 0, HTML_SNIFF) < 0:
        return None
    head = text[:HTML_SNIFF]
    opening = head.lstrip().lower()
    if opening.startswith(_HTML_START) and _HTML_PAGE_TAG.search(head):
        return "page"
    lines = [line for line in head.splitlines() if line.strip()]
    if len(_HTML_BLOCK_TAG.findall(head)) < 2:
        # A fragment: most lines open with an inline tag closed on the line.
        inline = sum(1 for line in lines if _HTML_INLINE_LINE.match(line))
        return "fragment" if inline >= 2 and inline * 2 >= len(lines) else None
    tagged = sum(1 for line in lines if _html_block_line().match(line))
    if tagged * 2 < len(lines):
        return None
    # Markdown with block tags among its lines (a static site's page, opening with its
    # front matter): blank lines break its paragraphs, as Markdown's do.
    return "page" if opening.startswith("<") else "mixed"
