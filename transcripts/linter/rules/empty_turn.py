"""A turn with no words.

A label followed by nothing, or only by punctuation (`Interviewer:` alone, `Q: ...`,
`A: -`): the words were lost, or the label is left over from an edit. A label alone on
its line whose words follow in the next paragraph is a normal turn, not an empty one,
nor is one whose words continue after a stage direction set between them and the
label; and a turn holding only a bracketed note (`[inaudible]`, `[crosstalk]`) or a time is not
empty either: it records that something was said. Nor is a chat's reply of an emoji or
another pictograph (`👍`): it is the whole message.

Example:
  Interviewer:
  Lukashenko: Thank you for having me.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import islice

from ...compiled import kept
from ...model import Block, Kind, Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..text import raw_lines

_WORD_CHARACTER = kept(r"[^\W_]")

CODE = "TR105"
NAME = "empty-turn"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    blocks = transcript.blocks
    # Most turns start with a letter; only the others are searched for one.
    empty = [
        blocks[index]
        for index in options.context.turn_indices()
        if not blocks[index].text[:1].isalnum()
        and not _WORD_CHARACTER.search(blocks[index].text)
        and not _is_pictograph_reply(blocks[index].text)
        and not _continues_later(blocks, index)
    ]
    for block in empty:
        label = block.label or block.speaker or ""
        first_line = raw_lines(block.raw)[0] if block.raw else ""
        column = first_line.find(label) + 1 if label and label in first_line else 1
        said = f" (only “{block.text.strip()}”)" if block.text.strip() else ""
        yield Problem(
            block.line,
            f"{block.speaker}'s turn has no words{said}; were they lost, or is the label "
            "left over?",
            column,
            end_line=block.end_line,
        )


def _is_pictograph_reply(text: str) -> bool:
    """Does the turn hold an emoji or another pictograph (a symbol of Unicode's "other
    symbol" category: `👍`, `❤`, `✅`), a chat's reply in full?"""
    return any(unicodedata.category(character) == "So" for character in text)


def _continues_later(blocks: list[Block], index: int) -> bool:
    """The turn's words come after a time, a page break or a note between them and the
    label: the parser reads them as the turn continued, so the label is not left empty.
    (A stage direction right under the label the parser already puts in the turn.)"""
    speaker = blocks[index].speaker
    for block in islice(blocks, index + 1, None):
        if block.kind == Kind.TURN:
            return block.continued and block.speaker == speaker
    return False
