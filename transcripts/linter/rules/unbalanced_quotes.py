"""A quotation mark or bracket left open, or closed without being opened, in a turn.

Checks curly double quotes (“ ”), straight double quotes ("), guillemets (« »),
parentheses, square brackets and braces, turn by turn: a turn and the paragraphs that
continue it after an interruption count as one. An unclosed quote hides where the quoted
words end; a stray bracket often marks a note that lost its other half.

Left alone, because they are conventions rather than mistakes:
- a quotation that runs over several paragraphs, each opening with “ and only the last
  closing it;
- a quote or bracket left open by a turn that is cut off (it ends with a dash or an
  ellipsis: the speaker was interrupted);
- single quotes and apostrophes (’ is both), and list markers such as "a)" or "1)";
- a bracket that opens a paragraph and is left open to the paragraph's end, where the
  document does so again and again (at least three times): its convention for an aside
  or stage direction of several lines ("[_FARNCOMBE joins ROPER ... delightedly._"),
  not a slip. One or two such brackets are still reported.

Example:
  Lukashenko: As I said, “nonsense. It is a path I believe neither Russia nor Belarus
  should entertain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...compiled import kept
from ...model import Block, Kind, Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..text import locate

CODE = "TR301"
NAME = "unbalanced-quotes"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}

_PAIRS = {"“": "”", "«": "»", "(": ")", "[": "]", "{": "}"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_MARK_CHARACTERS = '“”«»()[]{}"'
_MARKS = kept(r'[“”«»()\[\]{}"]')
# "a)", "1)", "ii)": an enumeration, not a closing parenthesis; ":)" and ";)" are smileys.
_LIST_MARKER = kept(r"(?:^|(?<=\s))(?:[a-zA-Z]|\d{1,2}|[ivx]{1,4})\)|[:;]-?\)")
_CUT_OFF = ("-", "—", "–", "…", "...", "-\u00ad")
_ASIDE_OPENERS = "([{"
# how many paragraph-long open brackets make them the document's convention
_CONVENTION = 3
_BATCH = 4096  # turns searched for a mark at once


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    texts = [block.text for block in transcript.blocks if block.kind == Kind.TURN]
    # A few memchr-speed searches answer for most large transcripts, a batch of turns at
    # a time: no copy of the whole text (twice the file or more beyond Latin-1).
    if not any(
        any(mark in joined for mark in _MARK_CHARACTERS)
        for joined in ("\n".join(texts[at : at + _BATCH]) for at in range(0, len(texts), _BATCH))
    ):
        return
    del texts
    turn: list[Block] = []  # the current turn: a block and the blocks that continue it
    marked = False  # does the current turn hold a quote or a bracket at all?
    asides: list[Problem] = []  # brackets opening a paragraph, left open to its end
    search = _MARKS.search
    for block in transcript.blocks:
        if block.kind != Kind.TURN:
            continue
        if block.continued and turn and block.speaker == turn[-1].speaker:
            turn.append(block)
            marked = marked or search(block.text) is not None
            continue
        if marked:
            yield from _check_turn(turn, asides)
        turn = [block]
        marked = search(block.text) is not None
    if marked:
        yield from _check_turn(turn, asides)
    if len(asides) < _CONVENTION:
        yield from asides  # a slip or two, not the document's habit


def _check_turn(blocks: list[Block], asides: list[Problem]) -> Iterator[Problem]:
    """Yield the turn's problems; an unclosed paragraph-long aside goes to `asides`."""
    open_marks: list[tuple[str, Block, int]] = []  # (mark, block, offset)
    straight: tuple[str, Block, int] | None = None  # an open " (they do not nest)
    for block in blocks:
        text = block.text
        skip = {found.end() - 1 for found in _LIST_MARKER.finditer(text)}
        for found in _MARKS.finditer(text):
            mark, offset = found.group(), found.start()
            if mark == '"':
                straight = None if straight else (mark, block, offset)
            elif mark == "“" and _continued_quotation(open_marks, text, offset):
                continue  # a quotation running on into a new paragraph
            elif mark in _PAIRS:
                open_marks.append((mark, block, offset))
            else:
                match = next(
                    (
                        i
                        for i in range(len(open_marks) - 1, -1, -1)
                        if open_marks[i][0] == _CLOSERS[mark]
                    ),
                    None,
                )
                if match is not None:
                    del open_marks[match:]  # marks opened inside and never closed go too
                elif offset not in skip:  # "a)" closes nothing and is not meant to
                    yield _problem(block, offset, f"{mark} closes what was never opened")
    if straight:
        open_marks.append(straight)
    if not open_marks or _cut_off(blocks[-1].text):
        return
    mark, block, offset = min(open_marks, key=lambda item: (item[1].line, item[2]))
    closer = _PAIRS.get(mark, '"')
    problem = _problem(block, offset, f"{mark} opens and is not closed by {closer} in this turn")
    if mark in _ASIDE_OPENERS and _opens_paragraph(block.text, offset):
        asides.append(problem)  # reported at the end only if the document rarely does it
    else:
        yield problem


def _opens_paragraph(text: str, offset: int) -> bool:
    """Is the mark at `offset` the first thing of its paragraph (a block, or after a blank line)?"""
    before = text[:offset]
    return not before.strip() or bool(re.search(r"\n[ \t]*\n[ \t]*$", before))


def _continued_quotation(open_marks: list[tuple[str, Block, int]], text: str, offset: int) -> bool:
    """A “ at the start of a paragraph while a “ from an earlier paragraph is still open."""
    if not open_marks or open_marks[-1][0] != "“":
        return False
    before = text[:offset]
    return not before.strip() or before.rstrip(" \t").endswith("\n")


def _cut_off(text: str) -> bool:
    stripped = text.rstrip(' \t\n"”»)]')
    return stripped.endswith(_CUT_OFF)


def _problem(block: Block, offset: int, message: str) -> Problem:
    line, column = locate(block, offset)
    return Problem(line, message, column)
