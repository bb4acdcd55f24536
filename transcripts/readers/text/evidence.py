"""The evidence the text reader weighs about speaker labels, as named types.

Every candidate label is a `Use`; its `verdict` says whether it was taken as a speaker
label and why. Uses are grouped by shape (`Family`); the families the document uses as
labels are its `Convention`s, each with the habits its labels keep (a blank line before,
names in capitals, ...). `Inference` is the whole decision: what `transcripts parse
--explain` prints and what the warning for a document with no speakers names.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from ...plurals import plural
from ...terminal import printable
from .shapes import Shape, Signature

# Below this share of the dialogue-like text in turns, the labels barely found the speakers.
ATTRIBUTED_ENOUGH = 0.5
# A family of label-like lines rejected is named in the warning when it has this many.
HINT_LEAST = 3


class Record:
    """A mutable record whose fields are its `__slots__`, compared and shown field by
    field as a dataclass is. (The records below are written out: a dataclass costs
    0.3-0.4 ms to make at import, and every run on a text file imports these.)"""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass's

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Verdict(NamedTuple):
    """Whether a candidate is a speaker label, and the reason in a few words."""

    accepted: bool
    reason: str


class Use(Record):
    """One candidate label: where it is, its shape, and what surrounds it."""

    __slots__ = (  # noqa: RUF023  # in the order of the fields, as repr shows them
        "line",
        "shape",
        "key",
        "speech",
        "blank_before",
        "after_sentence",
        "next_line",
        "heading_next",
        "verdict",
        "look",
    )

    def __init__(
        self,
        line: int,
        shape: Shape,
        key: str,
        speech: bool = False,
        blank_before: bool = False,
        after_sentence: bool = True,
        next_line: int = -1,
        heading_next: bool = False,
        verdict: Verdict | None = None,
        look: Any = None,
    ) -> None:
        self.line = line  # 0-based index of its line
        self.shape = shape
        self.key = key  # the name compared across the document (case and spacing folded)
        self.speech = speech  # speech follows it, on its line or the lines below
        self.blank_before = blank_before  # a blank line (or the start of the text) before
        # A blank line comes before it, or the text line before it ends a sentence (what
        # its look weighs: after a blank line the line before is not asked)
        self.after_sentence = after_sentence
        self.next_line = next_line  # the next line of text after it (-1: none)
        self.heading_next = heading_next  # that line is a heading (short, in capitals)
        self.verdict = verdict
        self.look = look  # how it sits and is written (`conventions.Look`), once worked out

    @property
    def accepted(self) -> bool:
        return self.verdict is not None and self.verdict.accepted


class Habit(NamedTuple):
    """Something (nearly) every confirmed label of a convention does, so a label that
    does not is suspect: `share` of them do it."""

    name: str  # "blank line before", "name in capitals", ...
    share: float


class Family(Record):
    """The candidate labels of one shape, and the figures that decide whether the document
    uses that shape for its speakers."""

    __slots__ = ("signature", "uses")

    def __init__(self, signature: Signature, uses: list[Use] | None = None) -> None:
        self.signature = signature
        self.uses: list[Use] = [] if uses is None else uses

    def names(self) -> Counter[str]:
        return Counter(use.key for use in self.uses)

    def describe(self, uses: list[Use] | None = None) -> str:
        """The shape as a reader would write it, with where the speech starts (on the
        label's line or below it) as most of its labels (or of `uses`) have it."""
        placements = Counter(use.shape.placement for use in uses or self.uses)
        return self.signature.describe(placements.most_common(1)[0][0] if placements else None)

    def examples(self, count: int = 3) -> list[Use]:
        """The first use of each of the most used names."""
        seen: dict[str, Use] = {}
        for use in self.uses:
            seen.setdefault(use.key, use)
        ranked = self.names().most_common(count)
        return [seen[key] for key, _ in ranked]


class Convention(Record):
    """A shape the document writes its speaker labels in, and the habits of its labels."""

    __slots__ = ("family", "habits", "reason")

    def __init__(self, family: Family, habits: list[Habit], reason: str) -> None:
        self.family = family
        self.habits = habits
        self.reason = reason  # why it was chosen

    @property
    def signature(self) -> Signature:
        return self.family.signature

    def accepted(self) -> list[Use]:
        return [use for use in self.family.uses if use.accepted]

    def describe(self) -> str:
        """The shape as a reader would write it, placed as most of its labels are."""
        return self.family.describe(self.accepted())


class Rejection(Record):
    """A family of label-like lines that is not a convention of the document, and why."""

    __slots__ = ("family", "reason")

    def __init__(self, family: Family, reason: str) -> None:
        self.family = family
        self.reason = reason


class Inference(Record):
    """What the text reader inferred about a document's speaker labels.

    `conventions` are the shapes taken as labels; `rejected` the families of label-like
    lines that were not, each with its reason; `uses` every candidate with its verdict.
    `attributed` is the share of the dialogue-like text that falls in turns; `warning`,
    when set, says in one line that the speakers were not (or barely) found.
    """

    __slots__ = (  # noqa: RUF023  # in the order of the fields, as repr shows them
        "conventions",
        "rejected",
        "uses",
        "declared",
        "attributed",
        "warning",
    )

    def __init__(
        self,
        conventions: list[Convention] | None = None,
        rejected: list[Rejection] | None = None,
        uses: list[Use] | None = None,
        declared: bool = False,
        attributed: float | None = None,
        warning: str | None = None,
    ) -> None:
        self.conventions: list[Convention] = [] if conventions is None else conventions
        self.rejected: list[Rejection] = [] if rejected is None else rejected
        self.uses: list[Use] = [] if uses is None else uses
        self.declared = declared
        self.attributed = attributed
        self.warning = warning

    def accepted(self) -> list[Use]:
        # (`Use.accepted` read without the property: this runs over every candidate)
        return [use for use in self.uses if (v := use.verdict) is not None and v.accepted]

    def finish(self, speech: int, unattributed: int) -> None:
        """Record how much of the dialogue-like text the labels attribute (`speech`
        characters in turns, `unattributed` in text inside the dialogue that no label
        names) and set the warning when the speakers were not, or barely, found."""
        total = speech + unattributed
        self.attributed = speech / total if total else None
        if not speech and not self.accepted():
            found = (
                "none of the declared speakers' labels found"
                if self.declared
                else ("no speaker labels found")
            )
            self.warning = found + self._hint()
        elif self.attributed is not None and self.attributed < ATTRIBUTED_ENOUGH:
            self.warning = (
                f"speaker labels attribute only {self.attributed:.0%} of the text that"
                f" reads as speech{self._hint()}"
            )

    def _hint(self) -> str:
        """The most frequent label-like lines not taken, and the two ways out."""
        ways = "; see `transcripts parse --explain`, or name the speakers with --speaker"
        rejection = max(self.rejected, key=lambda r: len(r.family.uses), default=None)
        if rejection is None or len(rejection.family.uses) < HINT_LEAST:
            return ways
        family = rejection.family
        example = family.uses[0]
        shape = family.describe()
        return (
            f" (most frequent label-like lines: {shape}, {len(family.uses)} of them, e.g. line"
            f" {example.line + 1} {printable(example.shape.label)!r}: {rejection.reason})" + ways
        )

    def summary(self) -> str:
        """One line: the conventions chosen, or that none was."""
        if self.declared:
            return f"speakers declared; {len(self.accepted())} labels of them found"
        if not self.conventions:
            return "no speaker labels found"
        parts = []
        for convention in self.conventions:
            uses = convention.accepted()
            people = len({use.key for use in uses})
            parts.append(
                f"{convention.describe()} ({plural(len(uses), 'label')}, {plural(people, 'name')})"
            )
        return "; ".join(parts)
