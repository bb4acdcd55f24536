"""HTML pages read as text: a line per block of the page, with the tags out and the
entities decoded, while every block keeps the page's own bytes.

A web page holds its transcript in `<p>`, `<div>`, `<li>` and table rows, or in lines
broken by `<br>`; the whole page may sit on one physical line. The page is cut into
*lines* where a browser starts a new block (before an opening block tag, after a closing
one or a `<br>`), so each paragraph of the page is a line however the source is broken.
Each line is read as a browser shows it: tags out, entities decoded, whitespace
collapsed, a list item opened by `- `, a heading by `#`, and bold that opens the
paragraph and reads as a label written `**…**`, so `<p><strong>Ana:</strong> hi</p>`
is the label the grammar knows from Markdown. Joined, the lines' source slices are the
page exactly, so `raw` stays byte for byte, and each block's line numbers are those of
the page.

What a browser does not show as the page's text is layout: the `<head>` (its `<title>`
is the document's title), scripts and styles, navigation, the site's banner (a
`<header>` outside the page's article), footers, sidebars, forms, figures, and the tags
that wrap the page before its first paragraph and after its last.

A page whose text is mostly in `<pre>` (GPO hearings, the Congressional Record) is not
read here: its lines are hard-wrapped text, which `pages.py` reads with its margins.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from html import unescape
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ...model import Block, Kind
from .pages import BLANK, LAYOUT, TEXT, Page, layout_end
from .paragraphs_scan import Paragraph, Scan, label_of
from .shapes import shape_of

if TYPE_CHECKING:
    from .evidence import Use

# What a line of markup is made of. A tag runs to its `>` (quotes after `=` included),
# or to the end of the text when it never closes, as in a browser; so every `<` that
# opens a tag matches, and the scan stays linear on any input.
_MARKUP = re.compile(
    r"""<(?:
        !--.*?(?:--!?>|\Z)                                  # a comment
      | !\[CDATA\[.*?(?:\]\]>|\Z)
      | [!?][^>]*+(?:>|\Z)                                  # <!doctype html>, <?xml ?>
      | (?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:_-]*+)     # a tag, then its attributes
        (?:[^>"'=]++|=\s*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))|[="'])*+(?:>|\Z)
    )""",
    re.S | re.X,
)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace (a no-break space is text)
# A short first word and a wide gap after it, as a briefing's source sets a reporter's
# bare "Q" apart from the question: kept, as the label's end, where spaces collapse.
# (Three spaces at least: a page made from a PDF doubles its spaces, "MR  SPEAKER:".)
_WIDE_GAP = re.compile(r"[ \t\n\r\f]*[^\s<>]{1,3}(?:[ ]{3,}|\t)(?=\S)")
_LINE_END_AFTER = re.compile(r"[ \t]*(?:\r\n|\r|\n)?")
_LINE_END = re.compile(r"\r\n|\r|\n")
# A blank line in text, which breaks a paragraph in Markdown (the line end before it
# stays with the text above, the blank line itself with what follows).
_BLANK_LINE = re.compile(r"(?<=\n)[ \t]*\r?\n|(?<=\r)[ \t]*\r(?!\n)")

# Tags that start a line of their own (before the opening tag, after the closing one).
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt"
    " fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup"
    " hr html legend li main menu nav ol optgroup option p pre section summary table tbody"
    " tfoot thead tr ul".split()
)
_BREAKS = frozenset({"br", "hr"})  # a line ends after them
_CELLS = frozenset({"td", "th"})  # cells of a row stay on its line, apart by " | "
_HEADINGS = {f"h{level}": "#" * level + " " for level in range(1, 7)}
# A block centred on the page (`<center>`, `align="center"`, `text-align: center`): a
# court record's "OPENING ARGUMENT OF ..., ESQ.," over "ON BEHALF OF THE PETITIONER".
_CENTERED = re.compile(r"""\balign\s*=\s*["']?center|text-align\s*:\s*center""", re.I)
_CENTRED_HEADING = _HEADINGS["h4"]
_BOLD = frozenset({"b", "strong"})
# The page's furniture, not its text: what is in them is layout.
_CHROME = frozenset(
    "aside audio button canvas dialog figure footer form head iframe menu nav noembed"
    " noframes noscript object select svg template textarea video".split()
)
# Elements whose content is text, not markup, up to their closing tag; of these, scripts
# and styles show nothing, the title names the page, the others are furniture.
_RAW_TEXT = frozenset(
    "script style title textarea xmp iframe noembed noframes noscript plaintext".split()
)
_INVISIBLE = frozenset({"script", "style"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Opening one of these ends the `<head>` a page forgot to close.
_BODY_START = frozenset({"body", "p", "div", "table", "ul", "ol", "pre", "main", "article"})
# The page's content sections: a `<header>` inside one heads its article (a title, a
# byline); outside them it is the site's banner (its name, its menu), furniture.
_SECTIONS = frozenset({"article", "main", "section"})
_PAGE_END = frozenset({"body", "html"})


class HtmlPage:
    """A page as lines a transcript reader can read, and the way back to its source.

    `lines` are the page's lines as labels are looked for in them, `text` as their words
    are taken (each ends in a newline; an empty one is a blank line), `raw` their source
    slices (joined, the page exactly), `first` and `last` the source line (1-based)
    where each line's text starts and ends, `page` the codes of the lines (TEXT, BLANK,
    LAYOUT) and the page's title. `pre_share` is the share of the page's text that is
    in `<pre>`.
    """

    __slots__ = (
        "first",
        "last",
        "lines",
        "markdown",
        "page",
        "pre_share",
        "raw",
        "text",
        "views",
    )

    def __init__(
        self,
        views: list[_View],
        raw: list[str],
        first: list[int],
        last: list[int],
        page: Page,
        pre_share: float,
        markdown: bool = False,
    ) -> None:
        self.views = views
        self.markdown = markdown  # Markdown holding a page's blocks
        self.lines = [view.labels + "\n" for view in views]
        self.text = [view.text + "\n" for view in views]
        self.raw = raw
        self.first = first
        self.last = last
        self.page = page
        self.pre_share = pre_share

    def scan(self, candidates: dict[int, Use], start: int = 0) -> Scan:
        """The paragraphs of the page from line `start` (past a front matter): one per
        line of text (with the label it opens with), and one per run of layout lines."""
        lines, codes = self.lines, self.page.codes
        paragraphs: list[Paragraph] = []
        hashed: list[int] = []
        index, count = start, len(lines)
        while index < count:
            code = codes[index]
            if code == BLANK:
                index += 1
                continue
            if code == LAYOUT:  # the page's furniture
                last = layout_end(codes, index)
                paragraphs.append(Paragraph(index, last, kind=Kind.LAYOUT))
                index = last + 1
                continue
            line = lines[index]
            found = label_of(line, 0, candidates.get(index))
            if found is None:
                if line.startswith("#"):  # a heading, or a line of tags
                    hashed.append(len(paragraphs))
                paragraphs.append(Paragraph(index, index))
            else:
                label, rest_at, rule, time, speaker = found
                bare = rest_at >= len(line) or line[rest_at] in "\r\n"
                rest_at = in_text(self.views[index], rest_at)  # the words have no `**`
                paragraphs.append(
                    Paragraph(index, index, label, rest_at, speaker, bare, rule, time)
                )
            index += 1
        return Scan(paragraphs, hashed)

    def in_source(self, blocks: Iterable[Block]) -> Iterator[Block]:
        """The blocks with the page's source as their raw text and its line numbers.

        A block built from the lines holds lines `line`..`end_line` of them and its raw
        text runs to where the next block starts; each block is given its source once
        the next one is known."""
        held: Block | None = None
        for block in blocks:
            if held is not None:
                yield self._placed(held, block.line - 1)
            held = block
        if held is not None:
            yield self._placed(held, len(self.raw))

    def _placed(self, block: Block, end: int) -> Block:
        start = block.line - 1
        block.raw = "".join(self.raw[start:end])
        block.line = self.first[start]
        block.end_line = self.last[max(start, block.end_line - 1)]
        return block

    def relocate(self, uses: Sequence[Use]) -> None:
        """Candidate labels counted by source line (for `--explain` and the warning),
        once the reader is done with them counted by the page's lines."""
        first = self.first
        for use in uses:
            use.line = first[use.line] - 1
            if use.next_line >= 0:
                use.next_line = first[use.next_line] - 1


def read_page(
    text: str, source_lines: Sequence[str], fragment: bool = False, markdown: int | None = None
) -> HtmlPage:
    """The page `text` (split into `source_lines`) as lines to read. A `fragment` (lines
    of a page's text with inline tags, `<b>Ana:</b> hi`, and no paragraphs) keeps its
    line breaks, as its writer meant them. With `markdown` (Markdown holding a page's
    blocks; the number of source lines its front matter spans, 0 for none), a blank line
    breaks a paragraph as in Markdown, and the front matter's lines are lines of their
    own, as written."""
    return _Reader(text, source_lines, fragment, markdown).read()


class _Line:
    """One line of the page being read: what it shows and what it is made of."""

    __slots__ = (
        "bold",
        "bold_at",
        "cells",
        "chrome",
        "content",
        "layout",
        "links",
        "markup",
        "pre",
        "prefix",
        "shown",
        "text_end",
        "text_start",
    )

    def __init__(self) -> None:
        self.content: list[str] = []  # the text it shows, in pieces
        self.chrome: list[str] = []  # the text of the page's furniture in it
        self.cells = ""  # the kinds of its table cells, "h" or "d" each (a row of "h" heads)
        self.prefix = ""  # "- " for a list item, "## " for a heading
        self.bold_at: int | None = None  # where the bold that opens it starts in `content`
        self.bold: str | None = None  # the words of that bold, where it reads as a label
        self.layout = False  # it holds furniture (a script, a menu)
        self.markup = False  # it holds tags
        self.pre = False  # its text is in `<pre>`: its spaces are kept
        self.shown = False  # it has shown text (so bold from here on opens no label)
        # the links it opens, or -1 once it shows text outside one (a row of links alone,
        # "← Back to the summary" and "Back to top", is a menu)
        self.links = 0
        self.text_start = -1  # source offset of its first character of text
        self.text_end = -1  # source offset just past its last character of text


class _Reader:
    """One pass over the page's markup, cutting it into lines."""

    def __init__(
        self,
        text: str,
        source_lines: Sequence[str],
        fragment: bool = False,
        markdown: int | None = None,
    ) -> None:
        self.text = text
        self.fragment = fragment  # line breaks are breaks, as in `<pre>`
        self.markdown = markdown is not None  # blank lines break paragraphs
        self.front_lines = markdown or 0  # the front matter's source lines
        self.line_starts = [0]
        for line in source_lines:
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.cuts: list[int] = [0]  # where each line starts in the source
        self.views: list[_View] = []  # per line: its text and code
        self.text_spans: list[tuple[int, int]] = []  # per line: offsets of its text
        self.markup: list[bool] = []
        self.gaps: list[bool] = []  # per line: it starts a block (not after a `<br>`)
        self.gap = False
        self.line = _Line()
        self.chrome: dict[str, int] = {}  # open furniture elements, by name
        self.chrome_open = 0
        self.sections = 0  # open content sections (`_SECTIONS`)
        self.link = 0  # open <a>
        self.bold = 0  # open <b>/<strong>
        self.bold_level = 0  # the level of the bold that opens the line
        self.pre = 0  # open <pre>
        self.centered: str | None = None  # the centred block open (`<center>`, `align`)
        self.title: str | None = None
        self.pre_chars = self.chars = 0

    def read(self) -> HtmlPage:
        text = self.text
        pos = 0
        if self.front_lines:  # a line per line, as written, as `<pre>` shows its text
            pos = self.line_starts[self.front_lines]
            self.pre += 1
            self.fragment, fragment = True, self.fragment
            self._text(0, pos)
            self.pre -= 1
            self.fragment = fragment
            self.pre_chars = self.chars = 0  # (no share of the page's text in `<pre>`)
        search = _MARKUP.search
        while pos < len(text):
            found = search(text, pos)
            if found is None:
                self._text(pos, len(text))
                break
            self._text(pos, found.start())
            pos = self._markup(found)
        self._cut(len(text))
        return self._page()

    # The pieces of markup.

    def _text(self, start: int, end: int) -> None:
        """Text between tags: shown (or the furniture's), and in `<pre>` a line per line."""
        if start >= end:
            return
        if self.markdown and not self.pre and not self.chrome_open:
            for blank in _BLANK_LINE.finditer(self.text, start, end):  # Markdown's breaks
                self._show(start, blank.start())
                self._cut(blank.end())
                start = blank.end()
        if (self.pre or self.fragment) and not self.chrome_open:
            text = self.text
            at = start
            while at < end:
                newline = _next_line_end(text, at, end)
                self._show(at, newline)
                if newline >= end:
                    if self.fragment and not self.pre and text[end - 1] in "\r\n":
                        self._cut(end, gap=False)  # the fragment's line ends before a tag
                    break
                self._cut(newline, gap=False)
                at = newline
            return
        self._show(start, end)

    def _show(self, start: int, end: int) -> None:
        """Text shown on the current line (decoded), or the furniture's text."""
        source = self.text[start:end]
        piece = unescape(source) if "&" in source else source
        line = self.line
        if self.chrome_open:
            line.chrome.append(piece)
            line.layout = True
            return
        line.content.append(piece)
        if self.pre:
            line.pre = True
        elif self.centered is not None and not line.prefix:
            line.prefix = _CENTRED_HEADING
        if piece.isspace() or not piece:
            return
        if not self.link:
            line.links = -1
        if not line.shown:
            line.shown = True
            line.text_start = start + len(source) - len(source.lstrip())
        line.text_end = start + len(source.rstrip())
        count = len(piece.strip())
        self.chars += count
        if self.pre:
            self.pre_chars += count

    def _markup(self, found: re.Match[str]) -> int:
        """Read a tag, comment or declaration; where reading goes on."""
        end = found.end()
        self.line.markup = True
        name = found["name"]
        if name is None:
            return end  # a comment, a doctype: nothing shown
        name = name.lower()
        if found["close"]:
            return self._close(name, found.start(), end)
        return self._open(name, found, end)

    def _open(self, name: str, found: re.Match[str], end: int) -> int:
        start = found.start()
        if name in _BLOCKS:
            if name in _BODY_START:
                self._leave("head")
            self._cut_before(start)
            if self.centered is None and (name == "center" or _CENTERED.search(found.group())):
                self.centered = name  # its lines are headings, as a page centres its titles
        line = self.line
        self_closing = found.group().endswith("/>")
        if name in _RAW_TEXT:
            return self._raw_text(name, end)
        if name in _SECTIONS and not self_closing:
            self.sections += 1
        furniture = name in _CHROME or (name == "header" and not self.sections)
        if furniture and not self_closing and name not in _VOID:
            self.chrome[name] = self.chrome.get(name, 0) + 1
            self.chrome_open += 1
            line.layout = True
        elif name in _BREAKS:
            self._cut_after(end, gap=name != "br")
            return max(end, self.cuts[-1])
        elif name in _CELLS:
            # A cell after one with text is set apart as a table's cell is written in
            # text, "Interviewer | How did you start?": a row that names its speaker in
            # its first cell reads as one.
            line.content.append(" | " if line.shown else " ")
            line.cells += name[1]
        elif name == "pre":
            self.pre += 1
        elif name == "li" and not self.chrome_open:
            line.prefix = "- "
        elif name in _HEADINGS and not self.chrome_open:
            line.prefix = _HEADINGS[name]
        elif name == "a" and not self_closing:
            self.link += 1
            if line.links >= 0:
                line.links += 1
        elif name in _BOLD and not self_closing:
            self.bold += 1
            if line.bold_at is None and not self.chrome_open and not line.shown:
                line.bold_at = len(line.content)
                self.bold_level = self.bold
        return end

    def _close(self, name: str, start: int, end: int) -> int:
        if name in _SECTIONS:
            self.sections = max(0, self.sections - 1)
        elif name == "a":
            self.link = max(0, self.link - 1)
        if name in _BOLD:
            if self.line.bold_at is not None and self.bold <= self.bold_level:
                self._end_bold()
            self.bold = max(0, self.bold - 1)
        elif name in _PAGE_END:
            self._leave_all()
        elif name in self.chrome:
            self._leave(name)
        elif name == "pre":
            self.pre = max(0, self.pre - 1)
        if name in _BLOCKS:
            self._cut_after(end)
            if name == self.centered:
                self.centered = None
            return max(end, self.cuts[-1])
        return end

    def _raw_text(self, name: str, end: int) -> int:
        """An element whose content is text up to its closing tag: a script, a title."""
        text = self.text
        closing = re.compile(rf"</{name}(?=[\s/>])", re.I).search(text, end)
        content_end = closing.start() if closing else len(text)
        after = len(text)
        if closing is not None:
            close = text.find(">", closing.end())
            after = len(text) if close < 0 else close + 1
        line = self.line
        line.markup = line.layout = True
        content = text[end:content_end]
        if name == "title":
            if self.title is None and self.chrome_open == self.chrome.get("head", 0):
                title = " ".join(unescape(content).split()).strip(" -|")
                self.title = title or None
            line.chrome.append(unescape(content))
        elif name not in _INVISIBLE:
            line.chrome.append(unescape(content))
        return after

    def _leave(self, name: str) -> None:
        count = self.chrome.pop(name, 0)
        if count:
            self.chrome_open -= 1
            if count > 1:
                self.chrome[name] = count - 1

    def _leave_all(self) -> None:
        self.chrome.clear()
        self.chrome_open = 0

    def _end_bold(self) -> None:
        """The bold that opened the line closes: `**its text**` (its spaces outside)
        when it reads as a label, as Markdown bold does; else (a question in bold, a
        paragraph stressed) its words only."""
        line = self.line
        at = line.bold_at
        assert at is not None
        line.bold_at = None
        inner = "".join(line.content[at:])
        shown = _SPACES.sub(" ", inner).strip(" ")
        wrapped = f"**{shown}**"
        shape = shape_of(wrapped) if shown else None
        if shape is not None and shape.rest_at >= len(wrapped):
            after = " " if inner[-1:].isspace() else ""
            line.content[at:] = [wrapped + after]
            line.bold = shown

    # Cutting the page into lines.

    def _cut_before(self, at: int) -> None:
        """A line starts at a block's opening tag (with the indentation before it)."""
        text = self.text
        start = at
        floor = self.cuts[-1]
        while start > floor and text[start - 1] in " \t":
            start -= 1
        if start > floor and text[start - 1] not in "\r\n":
            start = at  # text before it on its line: the line starts at the tag
        self._cut(start)

    def _cut_after(self, end: int, gap: bool = True) -> None:
        """A line ends after a closing block tag or a `<br>` (with the rest of its source
        line, when only spaces are left on it)."""
        rest = _LINE_END_AFTER.match(self.text, end)
        self._cut(rest.end() if rest else end, gap)

    def _cut(self, at: int, gap: bool = True) -> None:
        """End the current line at `at` (nothing happens for an empty line); `gap` says
        the line after it starts a new block (else a `<br>` only broke the line)."""
        if at <= self.cuts[-1]:  # the line has not begun: it begins a block if either does
            self.gap = self.gap or gap
            return
        line = self.line
        if line.bold_at is not None:
            self._end_bold()
        self.views.append(_view(line))
        self.text_spans.append((line.text_start, line.text_end))
        self.markup.append(line.markup)
        self.gaps.append(self.gap)
        self.gap = gap
        self.cuts.append(at)
        self.line = _Line()

    def _page(self) -> HtmlPage:
        text, cuts = self.text, self.cuts
        raw = [text[a:b] for a, b in pairwise(cuts)]
        codes = bytearray(view.code for view in self.views)
        # The tags that wrap the page before its first paragraph and after its last.
        texts = [i for i, code in enumerate(codes) if code == TEXT]
        first_text = texts[0] if texts else len(codes)
        last_text = texts[-1] if texts else -1
        for index, code in enumerate(codes):
            if code == BLANK and self.markup[index] and not first_text < index < last_text:
                codes[index] = LAYOUT
        page = _Lines()
        for index, (start, end) in enumerate(self.text_spans):
            if start < 0 or codes[index] != TEXT:  # no text: where its source is
                piece = raw[index]
                start = cuts[index] + len(piece) - len(piece.lstrip())
                end = cuts[index] + len(piece.rstrip())
            first = self._line_number(start)
            last = self._line_number(max(start, end - 1))
            if self.gaps[index] and codes[index] == TEXT and index and codes[index - 1] == TEXT:
                # Two paragraphs, or two blocks, one after the other: a paragraph break,
                # as between paragraphs of text (a `<br>` breaks only the line).
                page.add(_View("", "", BLANK), "", first, first)
            page.add(self.views[index]._replace(code=codes[index]), raw[index], first, last)
        share = self.pre_chars / self.chars if self.chars else 0.0
        codes = bytearray(view.code for view in page.views)
        layout = Page(codes, [0] * len(codes), title=self.title)
        return HtmlPage(page.views, page.raw, page.first, page.last, layout, share, self.markdown)

    def _line_number(self, offset: int) -> int:
        """The source line (1-based) of an offset; the end of the text is on the last."""
        return min(max(1, bisect_right(self.line_starts, offset)), len(self.line_starts) - 1)


class _View(NamedTuple):
    """A line as read: `labels` is what labels are looked for in (with `**` around the
    bold that opens it, at `bold`, the offset of its opening `**`, or -1), `text` its
    words only."""

    labels: str
    text: str
    code: int
    bold: int = -1
    bold_width: int = 0  # the bold's words, between the markers


def _view(line: _Line) -> _View:
    """A line's text as read, and its code."""
    content = "".join(line.content)
    if line.pre:
        content = content.rstrip()
    else:
        gap = _WIDE_GAP.match(content)
        content = _SPACES.sub(" ", content).strip()
        if gap is not None:  # "Q    Dr. Hahn, a question": the gap is the label's end
            content = content.replace(" ", "  ", 1)
    if content.strip() and line.links >= _MENU_LINKS and not line.prefix:
        return _View(content, content, LAYOUT)  # a row of links alone: a menu
    if content.strip():
        if not line.pre and not (line.prefix.startswith("#") and _is_label(content)):
            content = line.prefix + content
        if line.cells and "d" not in line.cells and not line.prefix:
            content = "#### " + content  # a table's header row ("Speaker | Text"): a heading
        if line.bold is None:
            return _View(content, content, TEXT)
        marked = f"**{line.bold}**"
        at = content.find(marked)
        text = content[:at] + line.bold + content[at + len(marked) :]
        return _View(content, text, TEXT, at, len(line.bold))
    if line.layout:
        chrome = _SPACES.sub(" ", "".join(line.chrome)).strip()
        return _View(chrome, chrome, LAYOUT)
    return _View("", "", BLANK)


# A line showing only links, this many or more, is a menu ("← Back to the summary",
# "Back to top"), not text (a single link alone may be a time to play from).
_MENU_LINKS = 2


def _is_label(text: str) -> bool:
    """Is the text a label ended by a colon and nothing else ("ANA:", "**Ana Lima:**")?
    A heading that is one names who speaks next, not a section."""
    shape = shape_of(text)
    return shape is not None and shape.signature.delimiter == ":" and shape.rest_at >= len(text)


def in_text(view: _View, offset: int) -> int:
    """Where an offset of a line's `labels` falls in its `text` (past the `**`s before)."""
    if view.bold < 0 or offset <= view.bold:
        return offset
    close = view.bold + 2 + view.bold_width
    if offset <= close:
        return max(view.bold, offset - 2)
    return max(close - 2, offset - 4)


class _Lines:
    """The lines of a page as they are built: views, source and source lines."""

    def __init__(self) -> None:
        self.views: list[_View] = []
        self.raw: list[str] = []
        self.first: list[int] = []
        self.last: list[int] = []

    def add(self, view: _View, raw: str, first: int, last: int) -> None:
        self.views.append(view)
        self.raw.append(raw)
        self.first.append(first)
        self.last.append(last)


def _next_line_end(text: str, at: int, end: int) -> int:
    """Just past the next line ending in `text[at:end]`, or `end`."""
    found = _LINE_END.search(text, at, end)
    return found.end() if found else end
