"""A quotation in the prose attributed to one speaker but said by another.

The prose around an interview quotes it (`says Lukashenko`, `he told the BBC`); when the
quoted words are not in the turns of the speaker the prose names but are in another
speaker's, the quotation is put in the wrong mouth, often the interviewer's question
quoted as the guest's answer. Which quotations are checked, how they are attributed and
compared: see misquote.

Options:
  min-words: fewest words a quotation needs to be checked (default 4)

Example:
  The minister said the plan “will not survive the winter”.
  ...
  Interviewer: Critics say the plan will not survive the winter. Will it?
  Minister: It will.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..quotations import checked
from ..text import locate, quote

CODE = "TR402"
NAME = "misattributed-quote"
SEVERITY = "warning"
OPTIONS = {"min-words": 4}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    blocks = transcript.blocks
    for quotation, index, said in checked(options.context, options["min-words"]):
        other = None if said else index.who_said(quotation)
        if other is None:
            continue
        block = blocks[quotation.block]
        line, column = locate(block, quotation.start)
        end_line, end_column = locate(block, quotation.end)
        where = index.position(index.where_said(other, quotation))
        yield Problem(
            line,
            f"{quote(quotation.text)} is attributed to {quotation.speaker}, but {other} "
            f"says it (line {where[0]})",
            column,
            end_line=end_line,
            end_column=end_column,
            related=(where,),
        )
