"""The fast twins of `transcripts.words`: the same sentence and word rules, at C speed on
megabytes of text. Tests hold each twin to its reference (`words.sentence_spans`,
`words.token_words`) on any text; change a rule in `words`, and these follow from it.

`mark_sentence_ends` rewrites a text so that its sentence ends can be counted or cut with
string methods. Of each run of final punctuation (`.`, `?!`, `...`), at most one mark is
left, at the run's first place: none (all `SPARED`) when the run ends no sentence, else
the mark that says what the sentence is (a question mark for a question). The first line
break of each paragraph break becomes `PARAGRAPH`. Nothing else changes and the length
stays the same, so offsets still hold. Texts joined with `BOUNDARY` are marked as if each
were alone.

How: per final punctuation mark, one `re` substitution spares the runs it begins that
end no sentence, deciding on the ASCII characters around them (in English text, every
run) at C speed. A run that those characters cannot settle (a capital "É" after it, a
single "Ж." before it, a question mark among other marks, the very start of the text) is
decided by the reference pattern itself, at that run. Text all in ASCII gets patterns
without the characters it cannot hold (quicker to compile and to match).

`count_sentences` counts sentences and questions; on ASCII text whose runs are single
marks it needs no marking, only one scan per mark.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from . import words
from .compiled import kept
from .words import (
    ABBREVIATIONS,
    BEFORE_ABBREVIATION,
    CJK_TERMINALS,
    CLOSERS,
    NUMBER_ABBREVIATIONS,
    OPENERS,
    QUESTION_MARKS,
    TERMINALS,
    UNINTELLIGIBLE_CODES,
)

#: Joins texts that are marked (and counted) together, each as if alone.
BOUNDARY = "\x00"
#: Final punctuation that is not a sentence's end mark.
SPARED = "\x01"
#: The first line break of a paragraph break.
PARAGRAPH = "\x03"
_MARKS = SPARED + PARAGRAPH
# What a text's own mark characters become first: another control character, which the
# rules treat exactly alike (neither white space, letter nor punctuation).
_INERT = "\x02"


def _class(characters: str, also: str = "", ascii_only: bool = False) -> str:
    """A pattern matching one of `characters` (or what the class items `also` match). With
    `ascii_only`, for text known to be all ASCII, the others are left out: such a class is
    quick to compile (one holding characters beyond Latin-1 takes ten times longer, and
    patterns are compiled at every start) and quick to match."""
    if ascii_only:
        characters = "".join(c for c in characters if c < "\x80")
        if not (characters or also):
            return "(?!)"  # nothing in ASCII text
    escaped = "".join("\\" + c if c in "\\]^-[" else c for c in characters)
    return f"[{also}{escaped}]"


def _by_length(abbreviations: Iterable[str]) -> list[str]:
    """Alternations of abbreviations of one length each (`re` look-behinds need a fixed
    width), longest first, matched in any ASCII case as `words.spelled` spells them out:
    `(?ai:...)` is that, and far cheaper to compile than a class per letter."""
    groups: dict[int, list[str]] = {}
    for abbreviation in sorted(abbreviations):
        groups.setdefault(len(abbreviation), []).append(re.escape(abbreviation))
    return [f"(?ai:{'|'.join(groups[size])})" for size in sorted(groups, reverse=True)]


class _Compiled(dict):  # type: ignore[type-arg]
    """Patterns by final punctuation mark, compiled on first use: a command on a small
    file compiles only those of the marks it meets, so it starts fast."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}

    def __missing__(self, mark: str) -> re.Pattern[str]:
        pattern = self[mark] = kept(self.sources[mark])
        return pattern


class _Patterns:
    """The patterns, built from the rules in `words` on first use.

    `re` finds a pattern led by one literal character fastest, so there are patterns per
    final punctuation mark, each matching the mark where it begins (or goes on) a run."""

    def __init__(self, ascii_only: bool) -> None:
        self.ascii_only = ascii_only
        _class = self.character_class
        terminal = _class(TERMINALS)
        closer = _class(CLOSERS)
        opener = _class(OPENERS)
        boundary = _class(BOUNDARY + PARAGRAPH)
        not_ascii = r"[^\x00-\x7f]"
        run_end = rf"(?!{terminal})"
        # What may follow a run and its closing quotes for it to end a sentence, decided on
        # ASCII: white space and a capital or digit (one opening quote may come first), or
        # the end of the text.
        after = rf"(?:\s+{opener}?[A-Z0-9]|\s*(?:{boundary}|\Z))"
        spared = _class(TERMINALS + SPARED)
        self.no_end = _Compiled()
        self.no_end_unabbreviated = _Compiled()
        # The same for text whose runs are all single marks (no "..." or "?!"), the
        # common case: smaller patterns, quicker to compile and to run. A Chinese or
        # Japanese mark alone always ends a sentence, so it has none.
        self.no_end_alone = _Compiled()
        self.no_end_alone_unabbreviated = _Compiled()
        self.inside = _Compiled()
        self.followed = _Compiled()
        self.followed_unabbreviated = _Compiled()
        self.multiple = _Compiled()
        self.unsettled = _Compiled()
        self.blank_after = _Compiled()
        for mark in TERMINALS:
            first = re.escape(mark)
            # (A spared character was a mark: what follows it is inside its run.)
            begins = rf"{first}(?<!{_class(TERMINALS + SPARED)}{first})"
            # The run read on from its first mark, and its last mark looked back at.
            ends_with = rf"{terminal}*{run_end}(?<="
            cjk, other = _class(CJK_TERMINALS), _class(".?!…؟")
            ends = rf"{ends_with}{cjk})|{ends_with}{other}){closer}*{after}"
            # A run that ends no sentence: its first mark is spared (the others always are).
            self.no_end_unabbreviated.sources[mark] = rf"{begins}(?!{ends})"
            if mark in ".…":
                # Full stops alone ("...") do not end a sentence after an abbreviation or
                # an initial; a run with another mark in it always may.
                dots = _class(".…")
                ends = (
                    rf"(?={dots}*{run_end}{closer}*{after}){_not_abbreviated(first, _class)}"
                    rf"|(?!{dots}*{run_end})(?:{ends})"
                )
            self.no_end.sources[mark] = rf"{begins}(?!{ends})"
            if mark not in CJK_TERMINALS:
                self.no_end_alone_unabbreviated.sources[mark] = rf"{first}(?!{closer}*{after})"
                checks = _not_abbreviated(first, _class) if mark in ".…" else ""
                self.no_end_alone.sources[mark] = rf"{first}(?!(?={closer}*{after}){checks})"
            # Counting runs of one mark: each that ends a sentence, with a white-space
            # character captured when more text of its paragraph follows ("" when not).
            alone = rf"{first}(?<!{terminal}{first}){run_end}"
            ending = rf"(?={closer}*(?:(\s)\s*{opener}?[A-Z0-9]|\s*(?:{boundary}|\Z)))"
            self.followed_unabbreviated.sources[mark] = alone + ending
            checks = _not_abbreviated(first, _class) if mark in ".…" else ""
            self.followed.sources[mark] = alone + checks + ending
            self.multiple.sources[mark] = rf"{first}(?={terminal})"
            self.inside.sources[mark] = rf"{first}(?<={spared}{first})"
            # Runs the ASCII rules cannot settle: what follows is not ASCII ("É", "—",
            # "«Д"), or a single letter outside ASCII stands before full stops ("Ж.").
            follows = rf"(?:{opener}{not_ascii}|(?!{opener}){not_ascii})"
            unsettled = rf"(?={terminal}*{run_end}{closer}*\s+{follows})"
            if mark in ".…":
                lone = rf"[^{BEFORE_ABBREVIATION}{PARAGRAPH}.]{not_ascii}{first}"
                unsettled += rf"|(?<={not_ascii}{first})(?<!{lone})"
            if mark in QUESTION_MARKS:  # a question mark among other marks: "?!", "...?"
                unsettled += rf"|(?<={terminal}{first})|(?={terminal})"
            self.unsettled.sources[mark] = rf"{first}(?:{unsettled})"
            # Counting: a text or paragraph whose last sentence ends here has nothing more
            # than the run's spared marks, closing quotes and space.
            self.blank_after.sources[mark] = rf"{first}{SPARED}*{closer}*\s*(?={boundary}|\Z)"
        # How far back from a run the abbreviation look-behinds reach.
        self.reach = max(map(len, ABBREVIATIONS | NUMBER_ABBREVIATIONS)) + 1
        self._boundary = boundary

    def character_class(self, characters: str, also: str = "") -> str:
        return _class(characters, also, self.ascii_only)

    # The patterns below are compiled on first use too.

    @functools.cached_property
    def run(self) -> re.Pattern[str]:
        terminal = self.character_class(TERMINALS)
        return kept(rf"(?<!{terminal}){terminal}+")

    @functools.cached_property
    def paragraph(self) -> re.Pattern[str]:
        return kept(r"\n(?=[ \t\r\f\v]*\n)")

    @functools.cached_property
    def boundary(self) -> re.Pattern[str]:
        return kept(self._boundary)

    @functools.cached_property
    def blank_segment(self) -> dict[str, re.Pattern[str]]:
        return {mark: kept(rf"{mark}\s*(?={self._boundary}|\Z)") for mark in (BOUNDARY, PARAGRAPH)}

    @functools.cached_property
    def blank_start(self) -> re.Pattern[str]:
        return kept(rf"\s*(?:{self._boundary}|\Z)")

    @functools.cached_property
    def title_token(self) -> re.Pattern[str]:
        titles = "|".join(_by_length(ABBREVIATIONS))
        opener = self.character_class(OPENERS)
        return kept(
            rf"(?:(?:^|{opener})(?:{titles})|(?:^|[{re.escape(OPENERS)}.])[A-Z\x80-\U0010ffff])"
            r"[.…]"
        )

    @functools.cached_property
    def number_token(self) -> re.Pattern[str]:
        numbered = "|".join(_by_length(NUMBER_ABBREVIATIONS))
        return kept(rf"(?:^|{self.character_class(OPENERS)})(?:{numbered})[.…]")


def _not_abbreviated(first: str, character_class: Callable[..., str]) -> str:
    """Look-behinds, taken just after a run's first full stop `first`: no abbreviation and
    no initial before it, and no "No." before it if a number follows the run."""
    # `words.BEFORE_ABBREVIATION`, and the same with a full stop (before an initial)
    before = character_class(OPENERS + BOUNDARY + PARAGRAPH, also=r"\s")
    before_letter = character_class(OPENERS + BOUNDARY + PARAGRAPH + ".", also=r"\s")
    checks = [rf"(?<!{before}(?:{group}){first})" for group in _by_length(ABBREVIATIONS)]
    checks.append(rf"(?<!{before_letter}[A-Z]{first})")
    numbered = "|".join(
        rf"(?<={before}(?:{group}){first})" for group in _by_length(NUMBER_ABBREVIATIONS)
    )
    dots, closers = character_class(".…"), character_class(CLOSERS)
    checks.append(rf"(?!(?={dots}*{closers}*\s+[0-9])(?:{numbered}))")
    return "".join(checks)


@functools.cache
def _patterns(ascii_only: bool) -> _Patterns:
    """The patterns for text all in ASCII, or for any text."""
    return _Patterns(ascii_only)


def mark_sentence_ends(text: str, *, abbreviations: bool = True) -> str:
    """`text` with its sentence ends marked (see the module docstring); same length.

    `abbreviations=False` promises that the text's white-space separated tokens need no
    abbreviation checks (`checks_abbreviations`), so they are skipped."""
    return _mark(text, abbreviations)[0]


def _mark(text: str, abbreviations: bool) -> tuple[str, list[str]]:
    """The marked text, and the final punctuation marks it held."""
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, _INERT)
    patterns = _patterns(text.isascii())
    if "\n" in text:
        text = patterns.paragraph.sub(PARAGRAPH, text)
    present = [mark for mark in TERMINALS if mark in text]
    if not present:
        return text, present
    # Runs of more than one mark ("...", "?!") are rare in most text; without any, the
    # passes that handle them are skipped.
    runs_of_many = any(patterns.multiple[mark].search(text) for mark in present)
    settled = _settle_by_reference(text, patterns, present, runs_of_many)
    if runs_of_many:
        no_end = patterns.no_end if abbreviations else patterns.no_end_unabbreviated
    else:
        no_end = patterns.no_end_alone if abbreviations else patterns.no_end_alone_unabbreviated
    # Full stops last: the patterns of the other marks look back at full stops ("U.S.…",
    # "J.…"), never the other way round.
    for mark in sorted(present, key=".".__eq__):
        if mark in no_end.sources:
            text = no_end[mark].sub(SPARED, text)
    if runs_of_many:
        for mark in present:
            text = patterns.inside[mark].sub(SPARED, text)
    if settled:
        pieces: list[str] = []
        done = 0
        for begin, replacement in settled:
            pieces += (text[done:begin], replacement)
            done = begin + len(replacement)
        pieces.append(text[done:])
        text = "".join(pieces)
    return text, present


def abbreviation_kind(token: str) -> str | None:
    """What a white-space free token may do to the abbreviation rules: "title" if it may
    hold an abbreviation or an initial before a full stop ("Mr.", "(Dr.", "J.R.R."),
    "number" if one that counts only before a number ("No."), "digit" if it starts with
    a digit (as that number does); else None. Where no token of a text is a "title", nor
    both a "number" and a "digit", `mark_sentence_ends` may skip its abbreviation checks
    (see `checks_abbreviations`)."""
    patterns = _patterns(token.isascii())
    if patterns.title_token.search(token):
        return "title"
    if patterns.number_token.search(token):
        return "number"
    return "digit" if token[:1].isnumeric() else None


def checks_abbreviations(kinds: Iterable[str | None]) -> bool:
    """Do tokens of these `abbreviation_kind`s need the abbreviation checks?"""
    seen = set(kinds)
    return "title" in seen or {"number", "digit"} <= seen


def _settle_by_reference(
    text: str, patterns: _Patterns, present: list[str], runs_of_many: bool
) -> list[tuple[int, str]]:
    """Where the runs the ASCII patterns cannot decide begin, and what they become, by
    the reference pattern evaluated at each (it looks no further than the end of its text
    or paragraph): runs that depend on characters outside ASCII, runs with a question
    mark among other marks, and runs near the start of the text (where the look-behinds
    of the patterns cannot see what the reference sees)."""
    starts: set[int] = set()
    if any(mark in text[: patterns.reach + 1] for mark in present):
        starts = {run.start() for run in patterns.run.finditer(text, 0, patterns.reach + 1)}
    if text.isascii():  # only a question mark among other marks can be unsettled
        unsettled = [
            patterns.unsettled[mark] for mark in present if runs_of_many and mark in QUESTION_MARKS
        ]
    else:
        unsettled = [patterns.unsettled[mark] for mark in present]
    for pattern in unsettled:
        # One search per run, resumed after it: searching from every mark of a long run
        # ("?!?!?!...") would look ahead to its end each time, quadratic in its length.
        found = pattern.search(text)
        while found is not None:
            at = found.start()
            while at and text[at - 1] in TERMINALS:  # back to where the run begins
                at -= 1
            starts.add(at)
            run_end = patterns.run.match(text, at).end()  # type: ignore[union-attr]
            found = pattern.search(text, max(run_end, found.start() + 1))
    if not starts:
        return []
    reference: Any = words._pattern("end")
    settled = []
    stop = -1  # where the text or paragraph holding the current run ends
    for begin in sorted(starts):
        end = patterns.run.match(text, begin).end()  # type: ignore[union-attr]
        if begin > stop:
            found = patterns.boundary.search(text, begin)
            stop = len(text) if found is None else found.start()
        kept = SPARED
        if reference.match(text, begin, stop) is not None:
            kept = text[end - 1]  # the run's last mark says what the sentence is
        settled.append((begin, kept + SPARED * (end - begin - 1)))
    return settled


class SentenceCount(NamedTuple):
    """How many sentences texts hold, and how many of those are questions."""

    sentences: int
    questions: int


def count_sentences(text: str, *, abbreviations: bool = True) -> SentenceCount:
    """The sentences and questions of `text` (of each of its texts joined by `BOUNDARY`),
    as `words.sentences` and `words.is_question` count them. `abbreviations` as for
    `mark_sentence_ends`.

    Text in ASCII whose runs are single marks (the common case) is counted by one `re`
    scan per mark, without marking: a sentence per end that more text of its paragraph
    follows, and one per paragraph that is not blank. Other text is marked and counted.
    """
    if not text.startswith(BOUNDARY):  # so that no look-behind runs into the start
        text = BOUNDARY + text
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, _INERT)
    if not text.isascii():
        return _count_marked(text, abbreviations)
    patterns = _patterns(True)
    present = [mark for mark in TERMINALS if mark in text]
    if any(patterns.multiple[mark].search(text) for mark in present):
        return _count_marked(text, abbreviations)
    if "\n" in text:
        text = patterns.paragraph.sub(PARAGRAPH, text)
    followed = patterns.followed if abbreviations else patterns.followed_unabbreviated
    more = questions = 0
    for mark in present:
        ends = followed[mark].findall(text)
        more += len(ends) - ends.count("")
        if mark in QUESTION_MARKS:
            questions += len(ends)
    return SentenceCount(more + _paragraphs_not_blank(text, patterns), questions)


def _paragraphs_not_blank(marked: str, patterns: _Patterns) -> int:
    """How many of the texts and paragraphs of a (paragraph-)marked text are not blank."""
    segments = 1
    blank = int(patterns.blank_start.match(marked) is not None)
    for mark, pattern in patterns.blank_segment.items():
        if mark in marked:
            segments += marked.count(mark)
            blank += len(pattern.findall(marked))
    return segments - blank


def _count_marked(text: str, abbreviations: bool) -> SentenceCount:
    """`count_sentences` by marking: one sentence per end, and one more per text or
    paragraph that goes on after its last end."""
    marked, present = _mark(text, abbreviations)
    patterns = _patterns(marked.isascii())
    ends = questions = blank_tails = 0
    for mark in present:
        count = marked.count(mark)
        ends += count
        if mark in QUESTION_MARKS:
            questions += count
        if count:
            blank_tails += len(patterns.blank_after[mark].findall(marked))
    return SentenceCount(ends + _paragraphs_not_blank(marked, patterns) - blank_tails, questions)


# One word with punctuation around it, in ASCII: the word rules restricted to ASCII.
_PLAIN_ASCII = kept(
    r"[^A-Za-z0-9]*([A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+|(?<=[0-9]),[0-9]+)*)[^A-Za-z0-9]*"
)


@functools.lru_cache(maxsize=1 << 18)
def is_plain_word(token: str) -> bool:
    """Is this white-space free token exactly one word (`words.token_words`), not a CHAT
    code, and free of the marks that end a sentence with no space after them (so no
    sentence inside it lacks a word)? ASCII tokens are judged by one `re` match."""
    if token.isascii():
        found = _PLAIN_ASCII.fullmatch(token)
        if found is not None:
            return found.group(1) not in UNINTELLIGIBLE_CODES
    return (
        len(words.token_words(token)) == 1
        and not words.is_unintelligible(token)
        and not any(mark in token for mark in CJK_TERMINALS)
    )
