"""Small text helpers the rules share: source positions of text, quoting in messages."""

from __future__ import annotations

import bisect

from .. import names
from ..compiled import kept
from ..model import Block

_LINE_BREAK = kept(r"\r\n|\r|\n")

# Words that carry no topic (as folded: "don't" is "don t"): what is left names what a
# question or a quotation is about (repeated-question, misquote).
FUNCTION_WORDS = frozenset(
    """
    a about am an and any are as at be because been being both but by can could did do
    does doing down during each for from further had has have having he her here hers
    herself him himself his i if in into is it its itself just let me my myself of off on
    once or our ours ourselves out over own she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were will with would you your yours yourself yourselves s t d ll m re ve
    don didn doesn isn aren wasn weren won wouldn couldn shouldn haven hasn hadn also ever
    really think mean say said tell know get got go going make made well oh okay ok yes
    yeah right sir madam mr mrs ms dr
    """.split()
)
# Not among them, because they make a different question of the same words: the
# question words (who, what, which, why, how, when, where), negations, and words of
# order or degree (before, after, more, only, again...).

#: Labels that stand for a group speaking together ("ALL:", "BOTH:"): no person's name,
#: so no variant of one (compared without case and spacing).
GROUP_LABELS = frozenset({"all", "both", "omnes", "everyone", "everybody", "together", "others"})
#: Words that tell roles of one kind apart ("First Citizen", "Second Citizen", "Young
#: Marcius"): two labels differing in them are different people.
DISTINGUISHING_WORDS = names.ORDINALS | frozenset(
    "young old elder younger older junior senior ghost".split()
)


def raw_lines(raw: str) -> list[str]:
    """A block's raw text split at LF, CRLF or CR only, like the text reader splits it
    (`str.splitlines` would also split at form feeds and other separators)."""
    return _LINE_BREAK.split(raw)


class LineBreaks:
    """Where the line breaks of one text end (as `raw_lines` splits it), found in one
    pass, so that many offsets in the text are placed by bisection: splitting the text
    before each offset instead costs the whole text per offset, quadratic in a block with
    a finding on every line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [found.end() for found in _LINE_BREAK.finditer(text)]

    def place(self, offset: int) -> tuple[int, int]:
        """The 0-based line and 1-based column of character `offset`, as
        `raw_lines(text[:offset])` counts them: an offset between the CR and LF of a CRLF
        is on the line after it (the CR alone ends a line), at column 1."""
        passed = bisect.bisect_right(self.ends, offset)
        text = self.text
        if 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":
            return passed + 1, 1
        return passed, offset - (self.ends[passed - 1] if passed else 0) + 1


def locate(block: Block, offset: int) -> tuple[int, int]:
    """The 1-based source (line, column) of character `offset` of `block.text`.

    A block's text is its source lines stripped, the label removed and blank lines
    collapsed, so each of its lines is found in the raw source lines in order; when the
    block has no raw text (it came from JSON), lines are counted in the text itself.
    """
    text = block.text
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    within = offset - line_start
    if not block.raw:
        return block.line + text.count("\n", 0, offset), within + 1
    wanted = _lines_before(text, line_start)
    line_end = text.find("\n", line_start)
    current = text[line_start : line_end if line_end >= 0 else len(text)]
    cursor = 0
    sources = raw_lines(block.raw)
    for number, source_line in enumerate(sources):
        if not source_line.strip():
            continue
        if wanted:
            # An earlier text line: skip past the source line that holds it.
            if wanted[0] in source_line or not wanted[0]:
                wanted.pop(0)
                cursor = number + 1
            continue
        found = source_line.find(current) if current else 0
        if found >= 0:
            return block.line + number, found + within + 1
    return block.line + cursor, within + 1


def _lines_before(text: str, line_start: int) -> list[str]:
    """The non-empty text lines before the one starting at `line_start`."""
    before = text[:line_start]
    return [line for line in before.split("\n") if line.strip()]


def quote(text: str, limit: int = 80) -> str:
    """`text` on one line, shortened to about `limit` characters, in double quotes."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        cut = flat.rfind(" ", 0, limit)
        flat = flat[: cut if cut > limit // 2 else limit].rstrip(",;:") + "…"
    return f"“{flat}”"
