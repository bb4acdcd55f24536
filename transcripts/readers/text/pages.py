"""Printed-page layout in text: margin line numbers, running headers and footers, page markers.

Court transcripts, hearings and the Congressional Record were printed before they were
text. What the page added (line numbers in the margin, a header or a footer on every
page, "[[Page H6118]]" markers, the HTML around a GPO `<pre>` block) is layout: it stays
in a block's `raw` and out of its `text`, and it does not break the turn it interrupts.

Each test is small and named, with its reason. `detect` runs only where a cheap check
says the text may have pages (it is hard-wrapped, holds form feeds or is HTML), so
ordinary transcripts pay nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import compress, islice, pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from ...compiled import kept
from ..htmlkind import is_html
from . import tables as tabular
from .shapes import shape_of

if TYPE_CHECKING:
    from .evidence import Use
    from .tables import Table

# What a line is, for the paragraph scanner.
TEXT = 0
BLANK = 1  # blank, or a margin number with nothing after it
LAYOUT = 2  # a page header or footer, a page marker, HTML around the text
APART = 3  # text outside the numbered body of a numbered document (a word index)

# "12   argument this morning": a line number in the left margin (1 to 35 per page).
# A margin number: a page's line number (1 to 25 in most transcripts), or a line's number
# in the whole document (`001 INTERVIEWER: ...`, as qualitative transcripts are numbered
# for coding).
_MARGIN = kept(r"[ ]{0,8}(\d{1,5})(?=[ \t]|\r?\n|\r|$)")
_MARGIN_SAMPLE = 2000
_MARGIN_SHARE = 0.5  # of non-blank lines, for a document to count as numbered
_MARGIN_MAX = 35
_MARGIN_MIN = 6  # numbered lines enough to tell
# "[[Page H6118]]" and "{time}  1117": the Congressional Record's page and time markers.
_PAGE_MARKER = kept(r"\[\[Page [A-Z]?\d+\]\]|\{time\}\s+\d{3,4}")
# A court reporter's page code opening a running header: "O5S1GUO1 Le Zhou - Direct".
# A court reporter's page code ("O5S1GUO1"): capitals and digits, two letters or more.
_PAGE_CODE_AHEAD = r"(?=[A-Z0-9]{5,12}\b)(?=\S*\d)(?=\S*[A-Z]\S*[A-Z])"
_PAGE_CODE = kept(_PAGE_CODE_AHEAD + "[A-Z0-9]+")
_TAG = kept(r"<[^<>\n]*>")
_TITLE = kept(r"<title>(.*?)</title>", re.I | re.S)
_DIGITS = kept(r"\d+")
_SENTENCE_END = (".", "?", "!", ",", ";", ":")
_FURNITURE_WIDTH = 80
# A running header or footer recurs on most pages: at least this many times, and at
# least once per this many lines of text.
_FURNITURE_MIN = 3
_FURNITURE_SPACING = 300

_PRE = kept(r"<pre[\s>]", re.I)


class Page:
    """Per line (by index): what it is (`codes`: TEXT, BLANK, LAYOUT or APART) and where
    its text starts (`starts`, after a margin number). `html` says the text came from an
    HTML `<pre>` block, whose entities and tags are decoded in block text; `title` is the
    page's `<title>`; `numbered` that lines carry margin numbers; `tables` the tables
    whose header rows are layout (`tables.py`; once the labels are decided, only the
    tables of turns). `starts` are final once the page is made; `margined` says whether
    any line's text starts after a margin number. (A plain class: a dataclass would cost
    every run its start-up time.)"""

    __slots__ = (
        "codes",
        "html",
        "margined",
        "numbered",
        "only_tables",
        "starts",
        "tables",
        "title",
    )

    def __init__(
        self,
        codes: bytearray,
        starts: list[int],
        html: bool = False,
        title: str | None = None,
        numbered: bool = False,
        tables: list[Table] | None = None,
    ) -> None:
        self.codes = codes
        self.starts = starts
        self.margined = any(starts)
        self.html = html
        self.title = title
        self.numbered = numbered
        self.tables = tables or []
        self.only_tables = False  # found for its tables alone (plain text around them)

    def joined(self, lines: Sequence[str], first: int, last: int) -> str:
        """Lines `first`..`last` of text (and text set apart) as block text, one per line,
        each without its margin number and `clean`ed (inline here: a call per line would
        cost more than the rest), the page's layout and emptied lines left out."""
        codes, starts = self.codes, self.starts
        if not (self.tables or self.html):  # the common case: no test a line of text asks
            if first == last and codes[first] == TEXT and not starts[first]:
                return lines[first].strip()  # (a line of verse, a line of a hearing)
            if codes.count(TEXT, first, last + 1) == last + 1 - first and not (
                self.margined and any(starts[first : last + 1])
            ):
                return "\n".join(filter(None, map(str.strip, lines[first : last + 1])))
        if self.tables:  # a row of a table of turns: its cells, not its separators
            words = [
                self._row_text(lines[index][starts[index] :].strip(), index)
                for index in range(first, last + 1)
                if codes[index] == TEXT or codes[index] == APART
            ]
        else:
            words = [
                lines[index][starts[index] :].strip()
                for index in range(first, last + 1)
                if codes[index] == TEXT or codes[index] == APART
            ]
        if self.html:
            words = [_decoded(word) if "<" in word or "&" in word else word for word in words]
        return "\n".join(word for word in words if word)

    def clean(self, text: str) -> str:
        """A stretch of a line as block text: stripped, decoded from HTML (entities, tags
        such as `<a href>`) where the document is HTML, and without the cell separators
        of a table's row."""
        text = text.strip()
        if self.tables:
            text = self._row_text(text)
        return _decoded(text) if self.html and ("<" in text or "&" in text) else text

    def _row_text(self, text: str, index: int | None = None) -> str:
        """A stretch of a row of a table of turns (line `index`, or the rest of a label's
        line, told by the separator) as text: its cells joined by a space."""
        for table in self.tables:
            separator = table.separator
            if index is not None:
                if table.holds(index):
                    return tabular.row_text(text, separator)
            elif text.endswith(separator) if separator == "|" else separator in text:
                return tabular.row_text(text, separator)
        return text


def _decoded(text: str) -> str:
    """Stripped text of an HTML page without its tags and entities."""
    from html import unescape  # only HTML pages need it

    return unescape(_TAG.sub("", text)).strip()


def detect(text: str, lines: Sequence[str], start: int, wrapped: bool) -> Page | None:
    """The page layout of `lines[start:]`, or None when the text shows no sign of pages
    and is not hard-wrapped (then the plain one-paragraph-per-line scan reads it)."""
    is_html = is_pre_page(text)
    form_feeds = "\f" in text
    tables = tabular.find(text, lines, start) if not is_html else []
    paged = wrapped or form_feeds or is_html or _opens_numbered(lines, start)
    # A blank line's code is BLANK (1, `isspace`'s True), any other's TEXT (0).
    blank = bytearray(map(str.isspace, lines))
    if not (paged or tables or _may_hold_page_codes(text, blank)):
        return None
    count = len(lines)
    codes = bytearray(start) + blank[start:]
    if not (paged or tables):
        # a court reporter's pages set as lines, each page's header after a gap
        # ("O5OVGUO4 Bonsukan - Direct"): paged if such headers recur
        paged = _has_page_codes(lines, start, codes)
        if not paged:
            return None
    starts = [0] * count
    title = None
    if is_html:
        title = _mark_html(text, lines, start, codes)
    numbered = _is_numbered(lines, start, codes)
    if numbered:
        _mark_margins(lines, start, codes, starts)
    _mark_markers(text, lines, start, codes, starts)
    if form_feeds or numbered or _has_page_codes(lines, start, codes):
        _mark_furniture(lines, start, codes, starts)
    for table in tables:
        for index in table.frame():
            codes[index] = LAYOUT
    page = Page(codes, starts, html=is_html, title=title, numbered=numbered, tables=tables)
    page.only_tables = not paged
    return page


def is_wrapping_only(page: Page | None) -> bool:
    """Was the layout found only because the lines looked hard-wrapped (no page layout,
    margin numbers, HTML or tables)? A document known to hold a line per paragraph then
    has no layout at all."""
    return (
        page is not None
        and not (page.html or page.numbered or page.tables or page.title)
        and LAYOUT not in page.codes
        and APART not in page.codes
    )


def settle_tables(page: Page | None, uses: Sequence[Use]) -> Page | None:
    """The page once the labels are decided: a table none of whose rows was taken as a
    turn (a price list, a glossary) is text again, header and all; a page found only
    for such tables is no page."""
    if page is None or not page.tables:
        return page
    accepted = [use.line for use in uses if use.accepted]  # (in order)
    kept = []
    codes = page.codes
    for table in page.tables:
        turns = bisect_right(accepted, table.last) - bisect_left(accepted, table.first_row)
        if turns >= _TABLE_TURNS_LEAST:
            kept.append(table)
        else:
            for index in table.frame():
                codes[index] = TEXT
    page.tables = kept
    # The text after a table of turns, up to the next label, goes on with no one's turn.
    for table in kept:
        index = table.last + 1
        after = bisect_right(accepted, table.last)
        end = accepted[after] if after < len(accepted) else len(codes)
        while index < end and codes[index] != LAYOUT:
            if codes[index] == TEXT:
                codes[index] = APART
            index += 1
    return None if not kept and page.only_tables else page


# A table is a transcript when at least this many of its rows are turns.
_TABLE_TURNS_LEAST = 2


def _opens_numbered(lines: Sequence[str], start: int) -> bool:
    """Do most of the first lines of text open with a margin number? (A deposition whose
    numbered lines each hold a sentence does not look hard-wrapped, yet has pages.)
    A cheap look at the start: `_is_numbered` then decides."""
    sample = [line for line in islice(lines, start, start + _OPENING_SAMPLE) if not line.isspace()]
    numbered = sum(1 for line in sample if _MARGIN.match(line))
    return numbered >= _MARGIN_MIN and numbered >= _MARGIN_SHARE * len(sample)


_OPENING_SAMPLE = 200  # lines


def layout_end(codes: bytearray, index: int) -> int:
    """The last layout line of the run of layout (and blank) lines from `index`: one
    stretch of the page's layout, a paragraph of its own."""
    last = index
    while index < len(codes) and codes[index] in (LAYOUT, BLANK):
        if codes[index] == LAYOUT:
            last = index
        index += 1
    return last


def is_pre_page(text: str) -> bool:
    """An HTML page whose transcript sits in `<pre>` (GPO hearings, the Congressional
    Record: pages printed first, then put on the web): read here, as printed pages. (The
    text reader sends here only the pages whose text is mostly in `<pre>`; others are
    read by `htmlpage.py`.)"""
    return is_html(text) and _PRE.search(text) is not None


def _mark_html(text: str, lines: Sequence[str], start: int, codes: bytearray) -> str | None:
    """Lines outside `<pre>` and lines made only of tags are layout (the page's wrapper)."""
    inside = False
    for index in range(start, len(lines)):
        line = lines[index]
        lowered = line.lower()
        if "<pre" in lowered:
            inside = True
        if (not inside or not _TAG.sub("", line).strip()) and codes[index] != BLANK:
            codes[index] = LAYOUT
        if "</pre" in lowered:
            inside = False
    found = _TITLE.search(text, 0, 5000)
    if found:
        from html import unescape

        title = " ".join(unescape(found.group(1)).split()).strip(" -")
        return title or None
    return None


def _is_numbered(lines: Sequence[str], start: int, codes: bytearray) -> bool:
    """Do most lines open with a margin line number that counts up, page by page or
    through the whole document?"""
    numbers = []
    nonblank = 0
    for index in range(start, min(len(lines), start + _MARGIN_SAMPLE)):
        if codes[index] != TEXT:
            continue
        nonblank += 1
        found = _MARGIN.match(lines[index])
        if found and int(found.group(1)) >= 1:
            numbers.append(int(found.group(1)))
    enough = max(_MARGIN_MIN, _MARGIN_SHARE * nonblank)
    # Numbered pages count 1, 2, 3 ... and start again at 1.
    lines_of_pages = [number for number in numbers if number <= _MARGIN_MAX]
    if len(lines_of_pages) >= enough and _counts_up(lines_of_pages, restarts=True):
        return True
    # A numbered document counts on through its pages.
    return len(numbers) >= enough and _counts_up(numbers, restarts=False)


def _counts_up(numbers: list[int], restarts: bool) -> bool:
    """Do the numbers (nearly all) count up by one, or start again at 1 when `restarts`?"""
    steps = sum(1 for a, b in pairwise(numbers) if b == a + 1 or (restarts and b == 1 and a >= 3))
    return steps >= 0.8 * (len(numbers) - 1)


def _mark_margins(lines: Sequence[str], start: int, codes: bytearray, starts: list[int]) -> None:
    """Text starts after the margin number; a number alone is an empty line of the page,
    and text with no number is outside the numbered body (an index, a certificate).

    A margin number follows the one before it, or starts a page at 1 (so "9 78:9" in a
    word index after the transcript is no line number).
    """
    margin = _MARGIN.match
    previous = 0
    for index in range(start, len(lines)):
        if codes[index] != TEXT:
            continue
        line = lines[index]
        found = margin(line)
        if found is not None:
            number = int(found[1])
            if number == 1 or 0 < number - previous <= 2 or (previous == 0 and number <= 3):
                previous = number
                end = starts[index] = found.end()
                if end == len(line) or line[end:].isspace():
                    codes[index] = BLANK
                continue
        codes[index] = APART


def _mark_markers(
    text: str, lines: Sequence[str], start: int, codes: bytearray, starts: list[int]
) -> None:
    """ "[[Page H6118]]" and "{time}  1117" on a line of their own are page markers; a line
    of control characters (a stray ^Z) is not text either."""
    # The common case, told from the whole text: it holds no marker and nothing
    # unprintable but its line ends.
    markers = "[[Page" in text or "{time}" in text
    if not markers and _printable_but_line_ends(text):
        return
    # Only a line holding a marker's opening, or something unprintable, can be either.
    if markers:
        maybe = [
            index
            for index in range(start, len(lines))
            if "[[Page" in lines[index]
            or "{time}" in lines[index]
            or not lines[index].strip().isprintable()
        ]
    else:
        maybe = [
            index for index in range(start, len(lines)) if not lines[index].strip().isprintable()
        ]
    for index in maybe:
        if codes[index] in (BLANK, LAYOUT):
            continue
        content = lines[index][starts[index] :].strip()
        marker = content[:1] in "[{" and _PAGE_MARKER.fullmatch(content) is not None
        control = not content.isprintable() and not any(char.isalnum() for char in content)
        if marker or control:
            codes[index] = LAYOUT


def _printable_but_line_ends(text: str) -> bool:
    """Is every character of `text` printable but its line ends? (Looked at a stretch at
    a time, so a large text is never copied whole.)"""
    return all(_printable_stretch(text[at : at + _STRETCH]) for at in range(0, len(text), _STRETCH))


def _printable_stretch(stretch: str) -> bool:
    """Is every character of `stretch` printable but its line ends? In ASCII, whatever is
    left once `bytes.translate` has dropped the printable characters and line ends is
    not (a pass over bytes, against a copy without line ends and a pass over it)."""
    if stretch.isascii():
        return not stretch.encode("ascii").translate(None, _PRINTABLE_ASCII_AND_LINE_ENDS)
    return stretch.replace("\n", "").replace("\r", "").isprintable()


_STRETCH = 1 << 18
_PRINTABLE_ASCII_AND_LINE_ENDS = bytes(
    code for code in range(128) if chr(code).isprintable() or chr(code) in "\n\r"
)


# A court reporter's page code opening a line after two blank lines (`_after_gap`,
# `_page_code_key`), looked for in the text before its lines are coded: most texts
# have none.
_CODE_AFTER_GAP = kept(r"\n[ \t]*\r?\n[ \t]*\r?\n" + _PAGE_CODE_AHEAD)
_GAP = bytes((BLANK, BLANK))


def _may_hold_page_codes(text: str, blank: bytearray) -> bool:
    """Does a court reporter's page code open a line after two blank lines
    (`_CODE_AFTER_GAP`)? `blank` holds BLANK for each of the text's blank lines: a text
    with no two blank lines in a row, as most are, is not searched (the search costs
    ten times as much as coding the lines)."""
    return _GAP in blank and _CODE_AFTER_GAP.search(text) is not None


def _has_page_codes(lines: Sequence[str], start: int, codes: bytearray) -> bool:
    """Does a court reporter's page code ("O5S1GUO1") open lines after page-break gaps?"""
    return any(_page_code_key(lines, index, codes) for index in _after_gaps(codes, start))


def _page_code_key(lines: Sequence[str], index: int, codes: bytearray) -> str | None:
    """The page code family ("OSGUO") of a header line after a gap of blank lines."""
    if codes[index] != TEXT or not _after_gap(codes, index):
        return None
    line = lines[index]
    if len(line) > _FURNITURE_WIDTH or not line[:1].isalnum():
        return None
    found = _PAGE_CODE.match(line)
    return _DIGITS.sub("", found.group()) if found else None


def _after_gaps(codes: bytearray, start: int) -> list[int]:
    """The lines of text from `start` right after two or more blank lines (`_after_gap`),
    found in one pass over the codes."""
    return [found.start() for found in _AFTER_GAP.finditer(codes, start)]


_AFTER_GAP = kept(b"(?<=%c%c)%c" % (BLANK, BLANK, TEXT))  # in the codes


def _after_gap(codes: bytearray, index: int) -> bool:
    """Is the line right after two or more blank lines (where a page broke)?"""
    return index >= 2 and codes[index - 1] == BLANK and codes[index - 2] == BLANK


def _near_page_break(lines: Sequence[str], codes: bytearray, index: int) -> bool:
    """Is the line within three non-blank lines of a form feed, or right after a gap of
    blank lines, or right before one, or next to where margin numbers start again at 1?"""
    if _after_gap(codes, index) or (
        index + 2 < len(codes) and codes[index + 1] == BLANK and codes[index + 2] == BLANK
    ):
        return True
    if _by_layout(codes, index):
        return True
    if _numbering_restarts_by(lines, codes, index):
        return True
    seen = 0
    for step in (-1, 1):
        other, seen = index, 0
        while 0 <= other < len(lines) and seen <= 3:
            if "\f" in lines[other]:
                return True
            if codes[other] != BLANK:
                seen += 1
            other += step
    return False


def _by_layout(codes: bytearray, index: int) -> bool:
    """Is the next or the last line of text before it (blank lines aside) page layout
    already found (a running header): where a page breaks?"""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(codes) and codes[other] == BLANK:
            other += step
        if 0 <= other < len(codes) and codes[other] == LAYOUT:
            return True
    return False


def _numbering_restarts_by(lines: Sequence[str], codes: bytearray, index: int) -> bool:
    """Is the next non-blank line numbered 1 in the margin, or the one before it numbered
    at the end of a page (a deposition's page number between line 25 and line 1)?"""
    for step, wanted in ((1, range(1, 2)), (-1, range(_PAGE_END_LEAST, _MARGIN_MAX + 1))):
        other = index + step
        while 0 <= other < len(lines) and codes[other] == BLANK:
            other += step
        if 0 <= other < len(lines):
            found = _MARGIN.match(lines[other])
            if found is not None and int(found.group(1)) in wanted:
                return True
    return False


# A page of numbered lines ends at line 20 or later (25 in most transcripts).
_PAGE_END_LEAST = 20


def _opens_with_label(content: str, known: dict[str, bool] | None = None) -> bool:
    """Does the line open with a label ended by a colon or a period ("THE COURT:", "Q.")?
    A running header is a bare phrase ("Alderson Reporting Company"), never a label.
    (`known` keeps the answers for texts asked again.)"""
    if known is not None and content in known:
        return known[content]
    shape = shape_of(content)
    answer = shape is not None and shape.signature.delimiter in (":", ".")
    if known is not None:
        known[content] = answer
    return answer


def _content(lines: Sequence[str], starts: list[int], index: int) -> str:
    """A line's text as running headers are compared: after the margin number, form feeds
    as spaces, stripped."""
    return lines[index][starts[index] :].replace("\f", " ").strip()


def _mark_furniture(lines: Sequence[str], start: int, codes: bytearray, starts: list[int]) -> None:
    """Running headers and footers: short lines that recur page after page next to page
    breaks ("Alderson Reporting Company", a page number, "O5S1GUO1 Le Zhou - Direct").

    A line counts when its shape (digits aside) recurs at least `_FURNITURE_MIN` times
    and once per `_FURNITURE_SPACING` lines, and most of its uses sit by a page break;
    the uses that do are layout.
    Sentences, bracketed notes and labels never count, so a recurring answer ("Yes.")
    or stage direction stays text.
    """
    text_lines = codes.count(TEXT, start) + codes.count(APART, start)
    least = max(_FURNITURE_MIN, text_lines // _FURNITURE_SPACING)
    coded: dict[str, list[int]] = {}  # by page code family ("OSGUO")
    worded: list[int] = []  # the other candidates, grouped by their words below
    texts: list[str] = []
    after_gaps = set(_after_gaps(codes, start))  # where a page code may open a header
    for index, content in _furniture_candidates(lines, start, codes, starts):
        code = _page_code_key(lines, index, codes) if index in after_gaps else None
        if code is not None:
            coded.setdefault(code, []).append(index)
        else:
            worded.append(index)
            texts.append(content)
    # A label is never furniture: asked only of the lines that recur often enough, and
    # once per text (a running header repeats its words, page after page).
    labels: dict[str, bool] = {}
    recurring = [
        [
            index
            for index in indices
            if not _opens_with_label(_content(lines, starts, index), labels)
        ]
        for indices in recurring_shapes(worded, texts, least).values()
    ]
    for indices in [*coded.values(), *recurring]:
        if len(indices) < least:
            continue
        near = [index for index in indices if _near_page_break(lines, codes, index)]
        if len(near) * 2 >= len(indices):
            for index in near:  # elsewhere the same words are not the page's
                codes[index] = LAYOUT


def _furniture_candidates(
    lines: Sequence[str], start: int, codes: bytearray, starts: list[int]
) -> Iterator[tuple[int, str]]:
    """The lines of text (and text set apart) from `start` that may be a page's header
    or footer (`_may_be_furniture`), each with its text (`_content`). (A chunk of lines
    at a time, in list comprehensions: a loop over every line costs more. The lines of
    text are told by their codes translated at once, and `_may_be_furniture` is asked
    inline, not called per line: a test holds the two to the plain definition.)"""
    for chunk in range(start, len(lines), _CHUNK):
        end = min(chunk + _CHUNK, len(lines))
        indices = list(compress(range(chunk, end), codes[chunk:end].translate(_TEXT_OR_APART)))
        contents = [lines[index][starts[index] :].replace("\f", " ").strip() for index in indices]
        yield from [
            (index, content)
            for index, content in zip(indices, contents, strict=True)
            if content  # (`_may_be_furniture`, inline)
            and len(content) <= _FURNITURE_WIDTH
            and not content.endswith(_SENTENCE_END)
            and content[0] not in "([{"
        ]


# Per page code, 1 for a line of text or text set apart (for `bytes.translate`).
_TEXT_OR_APART = bytes(code in (TEXT, APART) for code in range(256))


_CHUNK = 10_000  # lines


def _may_be_furniture(content: str) -> bool:
    """Could a line with this text be a running header or footer? A short line, but no
    sentence and no bracketed note."""
    return (
        bool(content)
        and len(content) <= _FURNITURE_WIDTH
        and not content.endswith(_SENTENCE_END)
        and content[0] not in "([{"
    )


def shape_key(content: str) -> str:
    """A line's words, digits aside: the lines of one running header or footer share it
    ("Page 3 of 18", "Page 4 of 18")."""
    return _DIGITS.sub("#", " ".join(content.split()))


def recurring_shapes(indices: list[int], texts: list[str], least: int) -> dict[str, list[int]]:
    """The lines (`indices`, with their `texts`) grouped by `shape_key`, in order of each
    shape's first line, keeping the shapes that recur at least `least` times.

    A shape key costs a regex substitution per line, and most lines' shapes are their
    own; so the lines are first counted by a cheaper key that two lines of one shape
    always share (`_rough_key`), and only lines whose cheap key recurs `least` times get
    a shape key. A test holds this to grouping every line by `shape_key`."""
    rough = [
        text.encode("ascii").translate(None, _ROUGH_ASCII) if text.isascii() else _rough_key(text)
        for text in texts
    ]
    counts = Counter(rough)
    groups: dict[str, list[int]] = {}
    shapes: dict[str, str] = {}  # a running header repeats its very words: keyed once
    for number, key in enumerate(rough):
        if counts[key] >= least:
            text = texts[number]
            shape = shapes.get(text)
            if shape is None:
                shape = shapes[text] = shape_key(text)
            groups.setdefault(shape, []).append(indices[number])
    return {key: group for key, group in groups.items() if len(group) >= least}


def _rough_key(text: str) -> bytes:
    """The text without white space, digits and `#` (what a run of digits becomes in a
    `shape_key`), as bytes: two lines of one shape have the same."""
    return _NOT_ROUGH.sub("", text).encode("utf-8", "surrogatepass")


# What `_rough_key` leaves out, in any text and in ASCII text (where `bytes.translate`
# does it faster): what `str.split` takes for white space, what `\d` takes for a digit.
_NOT_ROUGH = kept(r"[\s\d#]+")
_ROUGH_ASCII = b" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f0123456789#"


def running_headers(lines: Sequence[str], uses: Sequence[Use]) -> list[int]:
    """The lines of candidate labels that are a running page header: the same line page
    after page, but for a page number counting up ("CHM Ref: X5006.2009    © 2008 ...
    Page 3 of 18", as a PDF turned into text repeats it). A speaker's label never recurs
    with the very same words and a counter; a header that opens like one is layout.

    Asked per distinct label, of the labels used at least `_FURNITURE_MIN` times whose
    line holds a digit, so a document without one costs a count of its labels."""
    counts = Counter(map(_KEY, uses))
    recurring = {key for key, count in counts.items() if count >= _FURNITURE_MIN}
    if not recurring:
        return []
    last: dict[str, int] = {}  # each recurring label's last line (found from the end)
    for use in reversed(uses):
        if use.key in recurring and use.key not in last:
            last[use.key] = use.line
            if len(last) == len(recurring):
                break
    suspects = {key for key, line in last.items() if _DIGIT.search(lines[line])}
    if not suspects:
        return []
    by_key: dict[str, list[int]] = {}
    for use in uses:
        if use.key in suspects:
            by_key.setdefault(use.key, []).append(use.line)
    headers: list[int] = []
    for indices in by_key.values():
        wrapped = [index + 1 for index in indices if _wrapped_number(lines, index)]
        ends = set(wrapped)
        texts = [
            lines[index] + lines[index + 1] if index + 1 in ends else lines[index]
            for index in indices
        ]
        if _counts_pages(indices, texts):
            headers += indices + wrapped
    return sorted(headers)


_KEY = attrgetter("key")
_DIGIT = kept(r"\d")
# Of a header's page numbers, at least this share of the steps from one to the next add
# one or two (a book's left and right pages may each have their own header); and a page
# holds at least this many lines.
_COUNTING_SHARE = 0.8
_PAGE_LEAST = 10


def _counts_pages(indices: list[int], texts: list[str]) -> bool:
    """Are the lines one text with a number that counts up line after line, by one or
    two pages (a page number), the same digits aside, ending no sentence ("CLERK: Item
    4." then "CLERK: Item 5." is someone speaking), at least a page's worth of lines
    apart?"""
    if any(b - a < _PAGE_LEAST for a, b in pairwise(indices)):
        return False
    if len({_DIGITS.sub("#", " ".join(text.split())) for text in texts}) != 1:
        return False
    if texts[0].rstrip().endswith(_SENTENCE_END):
        return False
    numbers = [[int(n) for n in _DIGITS.findall(text)] for text in texts]
    for place in range(len(numbers[0])):
        column = [row[place] for row in numbers]
        steps = list(pairwise(column))
        if all(b > a for a, b in steps) and sum(b - a <= 2 for a, b in steps) >= (
            _COUNTING_SHARE * len(steps)
        ):
            return True
    return False


def _wrapped_number(lines: Sequence[str], index: int) -> bool:
    """Is the line after a running header a number alone, the end of the header that
    the conversion to text wrapped ("Page 18 of" then "18")?"""
    after = index + 1
    return after < len(lines) and lines[after].strip().isdigit()


def with_running_headers(
    lines: Sequence[str], start: int, page: Page | None, headers: Sequence[int]
) -> Page:
    """The page layout with the running headers as layout, and the lines that recur
    beside them page after page (a title over each header) as well: the first such line
    without a number is the document's title. A document with no page layout found
    before gets one: running headers say it was printed."""
    if page is None:
        codes = bytearray(start) + bytearray(map(str.isspace, islice(lines, start, None)))
        page = Page(codes, [0] * len(lines))
    for index in headers:
        page.codes[index] = LAYOUT
    before = bytes(page.codes)
    _mark_furniture(lines, start, page.codes, page.starts)
    if page.title is None:
        found = (
            _content(lines, page.starts, index)
            for index, (was, now) in enumerate(zip(before, page.codes, strict=True))
            if now != was
        )
        page.title = next((text for text in found if not _DIGIT.search(text)), None)
    return page
