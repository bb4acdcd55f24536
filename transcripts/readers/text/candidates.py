"""Finding the candidate labels of a document, with what surrounds each one.

One pass over the lines: every line whose opening fits the label grammar (`shapes.py`)
becomes a `Use`, with the context the inference weighs: a blank line before it, whether
the line before ends a sentence, and whether speech follows. Page layout (margin numbers,
running headers) is looked through, so a label after a page break is seen as it reads.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ... import names
from ...compiled import kept
from ...timecode import MONTH_OPENINGS, parse_clock, parse_time_of_day, seconds_later
from .evidence import Use
from .pages import APART, BLANK, TEXT, Page
from .paragraphs import LINE_ENDS, is_separator, is_timestamp
from .paragraphs_scan import is_list_item
from .roster import is_speech
from .shapes import ABOVE, ALONE, BELOW, Shape, shape_of

if TYPE_CHECKING:
    import regex

# Characters after which the line before a label has finished its sentence.
# (Also a straight apostrophe closing a quotation, a soft hyphen, Markdown's closing `*`.)
SENTENCE_ENDS = (*LINE_ENDS, "'", "\u00ad", "*")
_ENDS_AND_NEWLINES = tuple(end + newline for end in SENTENCE_ENDS for newline in ("\n", "\r\n"))
SPEECH_WINDOW = 64  # characters after a label enough to tell speech
_HEADING_WIDTH = 60  # a line in capitals shorter than this is a heading, not speech
# Lower-case words counted for `common_words`: enough text to know a language's small words.
_COMMON_SAMPLE = 400_000
_DIGIT_FIRST = kept(r"[ \t]*\d")  # (spares the clock test most lines)
# Times under labels standing alone are part of the labels' shape where they step forward
# by at most this much (the median step, in seconds), as a chat's messages and a
# transcript's turns do; an agenda's "Keynote" over "9:30 AM" steps by half hours.
STAMP_STEP_MOST = 15 * 60


@functools.cache
def _lower_word() -> regex.Pattern[str]:
    import regex  # here, not at the top: see `compiled._regex_engine`

    return regex.compile(r"(?<![\p{L}\p{M}'’])\p{Ll}[\p{Ll}\p{M}'’]*+(?![\p{L}\p{M}])")


# The same in ASCII text, for `re` (twice as fast; a test holds the two to it).
_LOWER_ASCII_WORD = kept(r"(?<![A-Za-z'])[a-z][a-z']*(?![A-Za-z'])")


def find_candidates(lines: Sequence[str], start: int, page: Page | None = None) -> list[Use]:
    """The candidate labels of `lines[start:]`, in order, with their context: a blank line
    before, whether the line before ends a sentence, the next line of text, and whether
    speech follows (on the label's line, or on that next line)."""
    uses: list[Use] = []
    codes = page.codes if page is not None else None
    starts = page.starts if page is not None else None
    numbered = page is not None and page.numbered
    keys: dict[str, tuple[str, bool]] = {}  # name -> (key, may be an abbreviation)
    blank_before = True
    before = -1  # the last line of text, unless a label alone on it ended what it said
    waiting: Use | None = None  # the last candidate, until the next line of text is seen
    waiting_alone = True  # that candidate (the last one, if any) stands alone on its line
    stamped: list[tuple[Use, float]] = []  # labels alone over a time, with the time
    under_stamps: list[Use] = []  # labels alone right under a time (or a date and time)
    for index in range(start, len(lines)):
        line = lines[index]
        if codes is not None:
            code = codes[index]
            if code == BLANK:
                blank_before = True
                continue
            if code != TEXT:
                continue  # page layout reads through; an index is no dialogue
        elif line.isspace():
            blank_before = True
            continue
        at = 0
        if starts is not None:
            at = starts[index]
            if numbered:
                while at < len(line) and line[at] in " \t\xa0\f":
                    at += 1
        # (where the last label had its speech on its line, the line after it and a
        # paragraph's first line are likely labels, as in a dialogue of one-paragraph
        # turns with an interjection between: `shape_of` looks their opening up first)
        likely = not waiting_alone and (blank_before or waiting is not None)
        shape = shape_of(line, at, likely) if at < len(line) else None
        if waiting is not None:
            if waiting_alone and shape is None:
                stamp = _clock_line(line, at)
                if stamp is not None:
                    # "Jane Doe" then "00:00:05" (or "9:14 AM"): the label's time; its
                    # speech is next
                    if not stamped or stamped[-1][0] is not waiting:
                        stamped.append((waiting, stamp))
                    continue
                if is_separator(line[at:].strip()):
                    continue  # a rule under the label (StreetEvents): its speech is next
            waiting.next_line = index
            if waiting_alone:
                _follow(waiting, line[at : at + 200].strip(), shape)
            waiting = None
        if shape is not None:
            name = shape.name
            known = keys.get(name)
            if known is None:
                known = keys[name] = (names.normalise(name), names.is_acronym(name))
            # (after a blank line the line before is not asked: the label's look is the
            # same either way, `Use.after_sentence`)
            after_sentence = blank_before or before < 0 or _ends_sentence(lines[before])
            use = Use(index, shape, known[0], False, blank_before, after_sentence)
            waiting_alone = shape.placement == ALONE
            if waiting_alone:
                if not blank_before and index > start and _is_stamp(lines[index - 1]):
                    under_stamps.append(use)  # "May 17, 2022  5:29 PM" over "Ana Ruiz"
                before = -1  # a label alone on its line ends what came before
            else:
                rest_at = shape.rest_at
                rest = line[rest_at : rest_at + SPEECH_WINDOW].strip()
                # "EPS: earnings per share" defines a word; it says nothing
                use.speech = is_speech(rest) and not (
                    known[1] and names.is_expansion(shape.label, rest)
                )
                before = index
            uses.append(use)
            waiting = use
        else:
            before = index
        blank_before = False
    _stamp_labels(stamped)
    _mark_under_stamps(under_stamps)
    if any(_QUESTION_NUMBERED.fullmatch(name) for name in keys):
        _number_questions(uses)
    return uses


# A question and its answer numbered alike ("Q1:" then "A1:", "Q2:" then "A2:"), as
# written interviews and questionnaires number them.
_QUESTION_NUMBERED = kept(r"(?P<role>[QA])(?P<number>\d{1,3})")


def _number_questions(uses: list[Use]) -> None:
    """Read "Q1:" / "A1:", "Q2:" / "A2:" as the `Q` and `A` of a numbered interview, the
    number the question's, not the speaker's: where two questions or more are each
    answered under the same number. ("A1" alone, with no "Q1" over it, may be a focus
    group's participant code, and stays one.)"""
    numbered = [(use, _QUESTION_NUMBERED.fullmatch(use.shape.name)) for use in uses]
    asked = {found["number"] for _, found in numbered if found and found["role"] == "Q"}
    answered = {found["number"] for _, found in numbered if found and found["role"] == "A"}
    if len(asked & answered) < 2:
        return
    for use, found in numbered:
        if found is not None and found["number"] in asked:
            role = found["role"]
            use.shape = use.shape._replace(name=role, label=role)
            use.key = names.normalise(role)


def _stamp_labels(stamped: list[tuple[Use, float]]) -> None:
    """Give the labels standing alone over a time ("Ana Ruiz" then "9:14 AM" then the
    message) the time as part of their shape (`BELOW`), where consecutive times step
    forward by a few minutes or less: then a short message alone on its line ("Sure",
    "Done") has another shape than the labels, and is not taken for one."""
    if len(stamped) < 2:
        return
    steps = sorted(seconds_later(before[1], after[1]) for before, after in pairwise(stamped))
    if steps[len(steps) // 2] > STAMP_STEP_MOST:
        return
    _give_time(BELOW, [use for use, _ in stamped])


def _mark_under_stamps(under: list[Use]) -> None:
    """Give the labels standing alone right under a time ("May 17, 2022  5:29:42 PM"
    over "Ana Ruiz" over the message, as a message export writes each one) the time as
    part of their shape (`ABOVE`): then a short message alone on its line ("Great") has
    another shape than the labels, and is not taken for one."""
    if len(under) >= 2:
        _give_time(ABOVE, under)


def _give_time(where: str, uses: list[Use]) -> None:
    """Make where a time stands by the labels (`BELOW`, `ABOVE`) part of their shape's
    signature: one new shape for all the labels of one shape."""
    timed_shapes: dict[Shape, Shape] = {}
    for use in uses:
        shape = use.shape
        timed = timed_shapes.get(shape)
        if timed is None:
            signature = shape.signature._replace(time=where)
            timed = timed_shapes[shape] = shape._replace(signature=signature)
        use.shape = timed


def _is_stamp(line: str) -> bool:
    """Is the line a time, or a message's date and time, and nothing else (from the
    margin, as exports write their stamps)?"""
    return (line[:1].isdigit() or line[:3] in MONTH_OPENINGS) and is_timestamp(line.strip())


def _ends_sentence(line: str) -> bool:
    """Does the line end a sentence, or is it a heading (which ends what came before as a
    sentence does)?"""
    if line.endswith(_ENDS_AND_NEWLINES):  # the common case, without copying the line
        return True
    content = line.rstrip()
    return content.endswith(SENTENCE_ENDS) or _is_heading(content.lstrip())


def _clock_line(line: str, at: int) -> float | None:
    """The time the line (from `at`) is, when it is nothing but a clock time ("00:00:05")
    or a time of day ("9:14 AM"), in seconds; else None."""
    if _DIGIT_FIRST.match(line, at) is None:
        return None
    rest = line[at:]
    seconds = parse_clock(rest)
    return seconds if seconds is not None else parse_time_of_day(rest)


def _follow(use: Use, text: str, shape: Shape | None) -> None:
    """What follows a label alone on its line: whether the next line of text is speech
    (not a heading, nor another label, nor a list's item: "Ingredients:" over "- 3
    apples" heads a list)."""
    use.heading_next = _is_heading(text)
    if shape is not None and shape.signature == use.shape.signature:
        return  # another label of the same shape: no speech in between
    use.speech = is_speech(text[:SPEECH_WINDOW]) and not use.heading_next and not is_list_item(text)


def _is_heading(text: str) -> bool:
    """A short line in capitals ("ORAL ARGUMENT OF", "DONALD B. VERRILLI, JR., ESQ."): a
    heading or a name, not speech."""
    return len(text) < _HEADING_WIDTH and text.isupper()


def common_words(lines: Sequence[str], start: int) -> Counter[str]:
    """How often each word occurs in lower case in the text (a sample of it): a word a
    document writes in lower case is a word of its language ("yeah", "farewell", "no"),
    not a name ("Warwick", "Lukashenko")."""
    sample: list[str] = []
    size = 0
    for index in range(start, len(lines)):
        line = lines[index]
        sample.append(line)
        size += len(line)
        if size > _COMMON_SAMPLE:
            break
    text = "".join(sample)  # (one search, not one a line)
    return Counter((_LOWER_ASCII_WORD if text.isascii() else _lower_word()).findall(text))


def is_apart(page: Page | None, index: int) -> bool:
    return page is not None and page.codes[index] == APART
