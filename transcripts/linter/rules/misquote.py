"""A quotation in the prose around the interview that its speaker does not say in it.

An article or a note above a transcript often quotes the interview: `he says`, `says
Lukashenko`, `according to Lukashenko`. When the quoted words are not in that speaker's
turns, the quotation is wrong or the transcript is; a journalist checking an interview
before it runs wants to know either way. The finding names the speaker's closest
sentence (the one sharing most words with the quotation and the words around it) as
its related location, with how similar it is.

What is checked: text in double quotes (“ ”, " ", « ») of at least `min-words` words in
a prose block (never in a turn: a speaker may quote anyone). Its sentence, the quoted
words left out, must have a speech cue (says, said, told, added, according to, ...) and
name exactly one roster speaker, by label, full name or surname (a label of one or two
letters, such as Q or A, is no name to look for); or have a cue and "he"
or "she" while the sentence before names exactly one. A quotation is found when, after
folding case, punctuation, quotes and spacing, its words appear in a row in one of the
speaker's turns; an ellipsis or a bracketed insertion ("[the army]") may stand for
words left out or changed. Not reported: accurate quotations, quotations the rule cannot
attribute, quotations of a speaker with no turns, and quotations said by another
speaker (misattributed-quote reports those).

Options:
  min-words: fewest words a quotation needs to be checked (default 4: a word or two in
    quotes is a term, not a claim about what was said)

Example (the sample interview's lede; line 10 says "would only serve to escalate
hostilities", line 12 "could lead to NATO's military presence in Ukraine"):
  1 – Nonsense. ... says Lukashenko in an interview with the BBC and Russian state media.
  2 Deploying foreign soldiers “will be a step towards escalating the conflict”, he says
    further. This will make Ukraine point to the foreign forces “so that NATO forces are
    stationed in Ukraine”, according to Lukashenko.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..quotations import checked, sentence_around
from ..text import locate, quote

CODE = "TR401"
NAME = "misquote"
SEVERITY = "warning"
OPTIONS = {"min-words": 4}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    blocks = transcript.blocks
    for quotation, index, said in checked(options.context, options["min-words"]):
        if said or index.who_said(quotation) is not None:
            continue
        block = blocks[quotation.block]
        line, column = locate(block, quotation.start)
        end_line, end_column = locate(block, quotation.end)
        quoted = quote(quotation.text)
        message = f"{quoted}: {quotation.speaker} does not say this in the transcript"
        related: tuple[tuple[int, int], ...] = ()
        closest = index.closest(quotation.speaker, quotation, sentence_around(block, quotation))
        if closest is not None:
            passage, similarity = closest
            where = index.position(passage)
            related = (where,)
            message += (
                f"; closest, line {where[0]} ({similarity:.0%} similar): {quote(passage.text)}"
            )
        yield Problem(
            line, message, column, end_line=end_line, end_column=end_column, related=related
        )
