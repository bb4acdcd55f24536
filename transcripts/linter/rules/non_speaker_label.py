"""A `Label:` inside the dialogue whose label is not a speaker.

"Question for Readers:", "Editor's note:", "Update:", "Correction:" between the turns of
an interview: text addressed to the reader, not said by anyone in the conversation. In a
published interview it is usually a leftover from the page the transcript was copied
from, and it breaks the exchange of turns around it (the turn after it often has lost
its label too).

Labelled blocks before the first turn or after the last one (a note above the
interview, a correction below it) are where they belong and are not reported, and
neither is a field with a value rather than a note after it (fewer than three words:
"Break: [24:27]", "Date: 17-OCT-1962", a CHAT header between recording sessions), nor
a label the document uses again and again (`RECURRING` times or more: a research
interview's "**[NOTAS DE OBSERVACIÓN]:**" under each answer), the document's own way
of annotating its turns rather than a page's leftover.

Example:
  Lukashenko: ... seeking peace should always outweigh the impulse to escalate.
  Question for Readers: With the potential involvement of foreign troops ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...compiled import kept
from ...model import Kind, Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..text import quote, raw_lines

# Dates, times, numbers, links and addresses are a field's value; a note has words of
# two letters or more.
_VALUES = kept(r"\S*://\S*|\S+@\S+|[^\W\d_]*\d[\w\-:./]*")
_WORD = kept(r"\b[^\W\d_]{2,}\b")

CODE = "TR102"
NAME = "non-speaker-label"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}
RECURRING = 3


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    if Kind.LABELLED not in options.context.kinds():
        return
    blocks = transcript.blocks
    uses = Counter(block.label for block in blocks if block.kind == Kind.LABELLED)
    dialogue = (blocks[index] for index in options.context.dialogue())
    for block in (block for block in dialogue if block.kind == Kind.LABELLED):
        if len(_WORD.findall(_VALUES.sub(" ", block.text))) < 3:
            continue  # a field and its value ("Date: 17-OCT-1962", "Break: [24:27]")
        label = block.label
        if label and uses[label] >= RECURRING:
            continue  # the document's own notes, under turn after turn
        first_line = raw_lines(block.raw)[0] if block.raw else ""
        column = first_line.find(label) + 1 if label and label in first_line else 1
        what = f"“{label}:”" if label else f"The note {quote(block.text, 40)}"
        yield Problem(
            block.line,
            f"{what} inside the dialogue is not a speaker; move the note out of the "
            "interview or give its text a speaker",
            column,
            end_line=block.end_line,
        )
