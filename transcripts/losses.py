"""What a conversion could not carry over, counted so the user hears about it once.

Readers and writers add to the `Losses` in their options ("3 prose blocks", "the times
of 12 blocks"); `transcripts convert` prints the summary as one line on stderr. Nothing
is ever dropped silently (pandoc's "could not render" warnings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

_DETAILS_SHOWN = 5  # names listed in parentheses before "..."

#: A block with no words (an RTTM turn: a speaker's time, nothing said) that a format has
#: no place for: a cue, a paragraph or an utterance needs text. Every writer that leaves
#: one out says so in these words.
EMPTY_BLOCKS = "{n} block{s} with no text"

#: A character XML 1.0 cannot hold even escaped (a control character from a damaged file,
#: a lone surrogate), which the XML writers (ELAN, Word) write as U+FFFD so that the
#: document stays readable (`xmlsafe.xml_text`): the character is lost, and said to be.
NOT_IN_XML = "{n} character{s} XML cannot hold (control characters, written as U+FFFD)"


@dataclass(slots=True)
class _Item:
    count: int = 0
    details: dict[str, None] = field(default_factory=dict)  # insertion-ordered set


class Losses:
    """Counts of lost things, by a phrase template such as ``"{n} prose block{s}"``.

    `{n}` is replaced by the count, `{s}` by "s" unless the count is one; details (tier
    names, metadata keys) are listed after the phrase.
    """

    def __init__(self) -> None:
        self._items: dict[str, _Item] = {}

    def add(self, template: str, count: int = 1, detail: str | None = None) -> None:
        if count <= 0:
            return
        item = self._items.setdefault(template, _Item())
        item.count += count
        if detail is not None:
            item.details[detail] = None

    def __bool__(self) -> bool:
        return bool(self._items)

    def phrases(self) -> list[str]:
        """Each loss as a phrase: "3 prose blocks", "1548 dependent tiers (%mor, %gra)"."""
        phrases = []
        for template, item in self._items.items():
            phrase = template.format(n=f"{item.count:,}", s="" if item.count == 1 else "s")
            if item.details:
                names = list(item.details)
                shown = ", ".join(names[:_DETAILS_SHOWN])
                phrase += f" ({shown}{', ...' if len(names) > _DETAILS_SHOWN else ''})"
            phrases.append(phrase)
        return phrases

    def summary(self) -> str:
        """All losses in one line ("" when nothing was lost)."""
        return "; ".join(self.phrases())


def note(losses: Losses | None, template: str, count: int = 1, detail: str | None = None) -> None:
    """Record a loss when someone is listening (library calls usually pass no `Losses`)."""
    if losses is not None:
        losses.add(template, count, detail)
