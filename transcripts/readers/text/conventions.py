"""Which label shapes a document uses for its speakers, inferred from the document.

Candidates (`candidates.py`) are grouped by shape signature into families. A family's
*habits* are what nearly all of its recurring labels do: stand alone on their line or
open it, follow a blank line, write names in capitals or open them with a title, keep
one indentation. A label that breaks a habit is not counted as the family's.

A family is a *convention* of the document when its labels read as a cast taking turns:

- two or more names, and consecutive labels mostly change speaker;
- speech follows most of them;
- names recur (most labels name someone named again), or, in a short document, a strong
  shape (a colon, a time) holds a few names taking turns;
- in a weak shape (a period, a gap, nothing after a few capitalised words), the names
  are names, not words the text also writes in lower case ("Yeah.", "No.");
- names in lower case (`agent:`, `user:`) are a convention only where they are the
  document's own: two or more recurring names taking turns, none beside a convention
  that capitalises its names; so are a chat log's nicks (`<alice> text`), which must
  recur too.

The strongest convention is found first. Other families join it when they pass the same
test, when they mostly name its speakers in another shape, or when they are one
recurring role taking turns with its speakers (a briefing's bare `Q`). A line right under
a label that stands alone is that label's speech, whatever it looks like.

Within a convention, a name with two or more labels keeping the habits is *confirmed*: a
speaker wherever the shape holds (its capitals and placement included). Another name
must keep every habit, read as a name, have speech after it (or another label: the
speech was lost), and, before the dialogue starts, be marked as a speaker (a role, an
honorific or capitals; a chatbot's `system:` where its other roles take turns). Every
decision is a `Verdict` with its reason.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise, takewhile
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ... import names
from ...compiled import kept
from ...timecode import CLOCK_PATTERN
from .evidence import Convention, Family, Habit, Inference, Record, Rejection, Use, Verdict
from .lines import indent_width
from .paragraphs_scan import is_list_item
from .roster import names_one_of
from .shapes import ALONE, INLINE, PHRASE, Shape, Signature
from .tally import Tally

if TYPE_CHECKING:
    import regex

# A habit binds when at least this share of a family's recurring labels keep it, and
# there are at least this many of them to tell.
HABIT_SHARE = 0.85
HABIT_MIN_LABELS = 5
# How names are written is learned from this many confirmed names or more.
HABIT_MIN_NAMES = 2
# Of a convention's labels: the share whose name recurs, the share followed by speech,
# the share of consecutive labels that change speaker.
MIN_RECURRING = 0.5
MIN_SPEECH = 0.5
MIN_TURN_TAKING = 0.3
# Figures and habits are learned from at most this many labels of a shape, spread evenly.
SAMPLE = 4000
# A strong shape with a few names taking turns is a dialogue even when little recurs:
# at most this many labels, changing speaker this often.
SHORT_DIALOGUE = 12
# A few labels each used once, over text in lower case, are a list's items from this many.
LIST_LEAST = 3
# Labels each used once are a form's fields from this many, unless a role or a title
# marks most of them as people.
FIELDS_LEAST = 4
# A chair giving the floor (`_chaired`) speaks at least this often.
CHAIR_LEAST = 3
SHORT_TURN_TAKING = 0.5
SHORT_DIALOGUE_GAP = 4  # lines between two labels of a short dialogue, on average
# A second convention in a weak shape (a period, a gap, nothing) needs this many labels.
MIN_WEAK = 20
# A family mostly naming a convention's speakers (this share of its uses) joins it.
MIN_OVERLAP = 0.5
_RECURRING = Verdict(True, "a recurring name of the convention")
_INTRODUCES = Verdict(True, "gives in parentheses a short form the convention uses")
_NO_NAME = Verdict(False, "not shaped like a name")


# A byline under a title: "by Sam Ortiz", "Written by Mara Ellison", "Story by ...".
@functools.cache
def _byline() -> regex.Pattern[str]:
    import regex  # here, not at the top: see `compiled._regex_engine`

    return regex.compile(
        r"[ \t]*(?:(?i:written|story|screenplay|teleplay|words)[ ]+)?(?i:by)"
        r"(?:[ ]+\p{Lu}|[ \t]*$)"  # "by Sam Ortiz", "Written by" over the names
    )


_NOTE_OR_FIELD = Verdict(False, "names a note or a field, not a person")
_NAMED_INTERVIEWER = Verdict(True, "a publication's name taking turns with the speakers")
_SONG_TITLE = Verdict(False, "a song's title over its verse, not a speaker")
_IN_A_LIST = Verdict(False, "one of a list of names, with no speech between them")
_HEADER_FIELD = Verdict(False, "a header field naming who held the role, not a turn")
_TITLE_LINE = Verdict(False, "the document's title: its first line, a name never used again")
_TITLE_HEADING = Verdict(False, "the document's title: its first line, a heading after the name")
_SCRIPT_TITLE = Verdict(False, "the script's title on its title page, over its byline")
_CAST = Verdict(False, "a part in the play's cast list, not a speech")
# A cast list's heading is looked for in this many first lines; the list runs at most
# this many lines under it.
CAST_HEADING_WITHIN = 2000
CAST_LIST_LINES = 120
_SHOT = Verdict(False, "a screenplay's shot or place, set as its action is, not a cue")
# A screenplay is told by at least this many cues alone, half of them or more, standing
# at one column over speech set further left (`_screenplay_columns`).
SCREENPLAY_CUES_LEAST = 6
SCREENPLAY_SHARE = 0.5
_LEGEND = Verdict(False, "a legend of the labels (I: Interviewer, B: Respondent), not a turn")
# A legend's line is short: the labels and what each stands for.
_LEGEND_CHARS = 120
# What ends a sentence, before any closing quote, bracket or emphasis mark.
_SENTENCE_ENDS = tuple(".?!…。？！")
_CLOSING_MARKS = "\"'”’»)]*_ "
# Labels standing alone one under another, this many or more, are a list of names.
NAME_LIST_LEAST = 3
# Where every label of a convention is a recurring name keeping its habits, all are taken
# at once rather than one by one (a test turns this off to hold the two to one answer).
DECIDE_AT_ONCE = True
# Why a family that is no convention of its own joins one: its labels then need speech.
_SAME_SPEAKERS = "it names the same speakers"
# A name seen this often in lower case in the text is a word of the language.
COMMON_WORD_USES = 2
# A role written as a sentence opens ("Le journaliste :") is a label where it recurs at
# least this often, taking turns with the speakers.
PHRASE_ROLE_LEAST = 3
# ... and makes at least this share as many labels as the speakers' convention.
PHRASE_ROLE_SHARE = 0.2


class _Assessment(Record):
    """A family's habits, the names its habit-keeping labels confirm, and the labels
    that keep the habits."""

    __slots__ = (  # noqa: RUF023  # in the order of the fields, as repr shows them
        "habits",
        "keeping",
        "tally",
        "confirmed",
        "slots",
        "capitals",
        "names",
        "looks",
        "kept_looks",
    )

    def __init__(
        self,
        habits: list[Habit],
        keeping: list[Use],
        tally: Tally,
        confirmed: set[str] | None = None,
        slots: set[int] | None = None,
        capitals: dict[str, bool] | None = None,
        names: Counter[str] | None = None,
        looks: set[Look] | None = None,
        kept_looks: set[Look] | None = None,
    ) -> None:
        self.habits = habits
        self.keeping = keeping
        self.tally = tally  # the family's labels counted by name and look
        self.confirmed: set[str] = set() if confirmed is None else confirmed
        # lines right under labels that stand alone
        self.slots: set[int] = set() if slots is None else slots
        # confirmed name -> in capitals
        self.capitals: dict[str, bool] = {} if capitals is None else capitals
        # the keeping labels per name
        self.names: Counter[str] = Counter() if names is None else names
        # the looks of the family's labels
        self.looks: set[Look] = set() if looks is None else looks
        # ... of those keeping the habits
        self.kept_looks: set[Look] = set() if kept_looks is None else kept_looks


def infer(
    uses: list[Use],
    common: Callable[[], Counter[str]],
    declared: Sequence[str] = (),
    lines: Sequence[str] = (),
) -> Inference:
    """Decide every candidate's verdict and the document's conventions. `common` counts
    the words the text writes in lower case (called only if a name needs it); `lines`
    are the lines the uses were found in (read only to weigh a few labels)."""
    if declared:
        return _declared(uses, declared)
    judge = _Judge(common, lines)
    families = _families(uses, judge)
    judge.uses = uses
    assessed = {id(family): _assess(family) for family in families}
    inference = Inference(uses=uses)
    ranked = sorted(families, key=lambda f: (-_recurring_uses(assessed[id(f)]), -len(f.uses)))
    primary = None
    for family in ranked:
        if judge.convention_reason(family, assessed[id(family)]) is None:
            primary = family
            break
    if primary is None:
        for family in ranked:
            reason = judge.convention_reason(family, assessed[id(family)])
            inference.rejected.append(Rejection(family, reason or ""))
        _reject_rest(uses, "no shape of label recurs as a cast taking turns")
        return inference
    chosen = [(primary, assessed[id(primary)], "its names take turns and recur")]
    taken = assessed[id(primary)]
    slots = (
        _speech_slots([u for u in taken.keeping if u.key in taken.confirmed], spoken=True)
        if any(look.alone for look in taken.kept_looks)
        else set()
    )
    confirmed = set(assessed[id(primary)].confirmed)
    for family in ranked:
        if family is primary:
            continue
        for use in family.uses:
            if use.line in slots:
                use.verdict = Verdict(False, "the speech of the label above it")
        family.uses = [use for use in family.uses if use.line not in slots]
        if not family.uses:
            continue
        assessment = assessed[id(family)] = _assess(family)
        reason = judge.convention_reason(family, assessment, alone=False)
        if reason is None and not (_is_strong(family) or len(assessment.keeping) >= MIN_WEAK):
            reason = f"a weak shape with few labels ({len(assessment.keeping)}) beside the main one"
        lower = _in_lower_case_words(family)
        if reason is None and lower:
            # "as follows:", "below:" ending wrapped sentences in a document whose labels
            # are capitalised: names in lower case are a convention only of their own.
            reason = "names in lower case beside a convention that capitalises them"
        if reason is None:
            chosen.append((family, assessment, "its names take turns and recur"))
            confirmed |= assessment.confirmed
        elif _overlap(family, confirmed) >= MIN_OVERLAP:
            chosen.append((family, assessment, _SAME_SPEAKERS))
        elif not lower and (why := _cast_beside(family, primary)) is not None:
            assessment.confirmed = set(family.names())
            chosen.append((family, assessment, why))
            confirmed |= assessment.confirmed
        else:
            inference.rejected.append(Rejection(family, reason))
    # A song's title ("SONG.", "THE FAIRIES' SONG.") over its verse recurs as a play's
    # names do; it is no one, so no use of it is taken as known (`judge` says why).
    confirmed -= {key for key in confirmed if names.is_song_title(key)}
    # Where the dialogue starts: the first confirmed name in a shape that is a convention
    # of its own (a cast list before a play, "King   Rob Moore.", names its speakers in
    # another shape: it starts nothing).
    start = min(
        (
            next((use.line for use in family.uses if use.key in confirmed), family.uses[0].line)
            for family, _, why in chosen
            if why != _SAME_SPEAKERS
        ),
        default=primary.uses[0].line,
    )
    for family, assessment, why in chosen:
        convention = Convention(family, assessment.habits, why)
        label_lines = _LabelLines(family.uses)
        # The common case, decided at once: a confirmed name in a look that keeps every
        # habit, where no other label's speech stands; `judge` has the same answer.
        plain = set()
        if assessment.habits and why != _SAME_SPEAKERS:
            plain = {
                look
                for look in assessment.looks  # (the looks of `family.uses`)
                if _first_broken(look, assessment.habits, _ALL, judge.memo(convention)) is None
            }
        capitals = assessment.capitals
        pairs = assessment.tally.pairs()  # (each name in each look its labels have)
        recurring = {
            (key, look)
            for key, look in pairs
            if look in plain and key in confirmed and (look.capitals or not capitals.get(key))
        }
        slots = assessment.slots
        taken = False
        if DECIDE_AT_ONCE and recurring and len(recurring) == len(pairs) and not slots:
            # (every label is such a case, as in most long documents: all at once)
            for use in family.uses:
                use.verdict = _RECURRING
            taken = True
        else:
            for use in family.uses:
                if (use.key, use.look) in recurring and use.line not in slots:
                    use.verdict = _RECURRING
                    taken = True
                else:
                    verdict = use.verdict = judge.judge(
                        use, convention, confirmed, start, label_lines, assessment
                    )
                    taken = taken or verdict.accepted
        if taken:
            inference.conventions.append(convention)
    _take_named_interviewers(judge.publications(), inference.conventions)
    _reject_name_lists(uses)
    if lines:
        _reject_header_fields(uses, lines)
        _reject_legend(uses, lines)
        _reject_shots(uses, lines)
        _reject_cast_list(uses, lines)
        _reject_title_page(uses, lines)
        _reject_title_line(uses, lines)
    _reject_rest(uses, "its shape is not one the document uses for speakers")
    return inference


def _take_named_interviewers(
    publications: dict[Signature, dict[str, list[Use]]], conventions: list[Convention]
) -> None:
    """Take the labels of a publication asking the questions ("**The Paris Review:**",
    "City Times:"), whose name ends in a word that usually marks a note ("Review",
    "Times"): a name of two words or more (`_publications`), in one convention's shape,
    recurring with speech and taking turns with its speakers, never two of its labels in
    a row. An editor's note now and then between the turns does not take turns so."""
    by_signature = {convention.signature: convention for convention in conventions}
    for signature, by_name in publications.items():
        convention = by_signature.get(signature)
        if convention is None:
            continue
        for key, asked in by_name.items():
            shapes = [other for other in by_signature if key in publications.get(other, {})]
            if len(shapes) > 1 or not _asks(asked, convention.accepted()):
                continue  # (a name in two conventions' shapes is no one publication's)
            for use in asked:
                use.verdict = _NAMED_INTERVIEWER
            family = convention.family
            family.uses = sorted([*family.uses, *asked], key=attrgetter("line"))


def _publications(uses: list[Use]) -> dict[Signature, dict[str, list[Use]]]:
    """The labels that might be a publication asking the questions ("The Paris
    Review"), by shape and name: a name of two words or more, set aside as a note for its
    last word, naming no field."""
    found: dict[Signature, dict[str, list[Use]]] = {}
    for use in uses:
        if (
            use.verdict is _NOTE_OR_FIELD  # (the one verdict object: `_prejudge`; first)
            and len(use.shape.name.split()) >= 2
            and names.name_words(use.shape.name) is not None
            and not names.is_field_name(use.shape.name)
        ):
            found.setdefault(use.shape.signature, {}).setdefault(use.key, []).append(use)
    return found


def _asks(asked: list[Use], answered: list[Use]) -> bool:
    """Do these labels of one name ask what the `answered` labels answer? They recur
    (`PHRASE_ROLE_LEAST`), each has speech, no two come in a row and they are a third or
    more of the labels. (An editor's note now and then does not take turns so.)"""
    if len(asked) < PHRASE_ROLE_LEAST or not answered or not all(u.speech for u in asked):
        return False
    key = asked[0].key
    order = sorted([*asked, *answered], key=attrgetter("line"))
    turns = [use.key == key for use in order]
    return not any(a and b for a, b in pairwise(turns)) and len(asked) * 3 >= len(order)


_LINE = attrgetter("line")
# The characters of the next speaker's words in which a name said is an address.
_ADDRESS_WINDOW = 80


class _LabelLines:
    """The lines of a family's labels, gathered the first time one is asked about (most
    documents decide every label without asking)."""

    __slots__ = ("_lines", "_uses")

    def __init__(self, uses: list[Use]) -> None:
        self._uses = uses
        self._lines: set[int] | None = None

    def __contains__(self, line: object) -> bool:
        if self._lines is None:
            self._lines = {use.line for use in self._uses}
        return line in self._lines

    def after(self, line: int) -> Use | None:
        """The family's first label after `line` (its uses are in line order)."""
        uses = self._uses
        index = bisect_right(uses, line, key=_LINE)
        return uses[index] if index < len(uses) else None


def _unknown_group(label: str, confirmed: set[str]) -> bool:
    """Is the label a list of names ("Questions and Answers", "Ana and Ben") of which
    some never speak on their own? With no speech after it, such a label is a heading
    (a call's section), not a group whose speech was lost."""
    members = names.group_members(label)
    return members is not None and not all(
        names.normalise(member) in confirmed for member in members
    )


def _reject_name_lists(uses: list[Use]) -> None:
    """Labels standing alone one right under another, `NAME_LIST_LEAST` or more with no
    speech between them, before the first label with speech or after the last one, are
    a list of the people (a call's participants), not turns. (Inside the dialogue, such
    a run is turns whose speech was lost, as in a play that kept only its labels.)"""
    first = next((index for index, use in enumerate(uses) if _spoken(use)), None)
    if first is None:
        return
    last = next(index for index in range(len(uses) - 1, -1, -1) if _spoken(uses[index]))
    _reject_list_in(uses[:first])
    _reject_list_in(uses[last + 1 :])


def _reject_header_fields(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject, before the dialogue, a label whose words are only a person's name, on a
    line next to a label no speaker's (`Interviewer: Mark Feldman` over `Date: June 12,
    1998`): the header of an oral history or a research interview, saying who held the
    role. The dialogue starts at the first label taken whose words are more than a
    name."""
    header: list[Use] = []  # the labels taken before the dialogue, each over a name
    for use in uses:
        if not use.accepted:
            continue
        words = lines[use.line][use.shape.rest_at :].strip()
        if (
            use.shape.placement == ALONE  # (speech under a label: the dialogue has begun)
            or names.name_words(words) is None
            or len(words.split()) > 4
        ):
            break
        header.append(use)
    if not header:
        return
    last = header[-1].line + 1
    near = takewhile(lambda use: use.line <= last, uses)  # (uses are in line order)
    # labels no speaker's, written as fields are ("Date: June 12, 1998"; not a roll
    # call's next name, "Quintus Tullius Cicero.", under "_Mag._ Marcus Tullius Cicero.")
    fields = {use.line for use in near if not use.accepted and use.shape.signature.delimiter == ":"}
    for use in header:
        if use.line - 1 in fields or use.line + 1 in fields:
            use.verdict = _HEADER_FIELD


def _reject_title_page(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject a script's title on its title page, however often it is set there ("THE
    ARMY OF DARKNESS" centred, then again over "Screenplay by Sam Raimi"): the first
    name taken, all of whose labels come before any other name's, and one of them over
    a byline."""
    title: str | None = None
    mine: list[Use] = []
    others = False  # another name has been taken
    for use in uses:
        if not use.accepted:
            continue
        if title is None:
            title = use.key
        if use.key != title:
            others = True
        elif others:
            return  # the name is taken again after another's: a speaker
        else:
            mine.append(use)
    if not others:
        return
    if any(
        use.shape.placement == ALONE
        and 0 <= use.next_line < len(lines)
        and _byline().match(lines[use.next_line]) is not None
        for use in mine
    ):
        for use in mine:
            use.verdict = _SCRIPT_TITLE


def _reject_cast_list(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject the labels of a play's cast list, under its heading ("Dramatis Personæ",
    "Personnages") before the first label taken: "ESCALUS, Prince of Verona." over
    "MERCUTIO, kinsman to the Prince" names a part, not a speech. The list runs to two
    blank lines in a row (a section's break) or `CAST_LIST_LINES` lines; its parts are
    the names used once there."""
    first = next((use for use in uses if use.accepted), None)
    if first is None:
        return
    before = range(min(first.line + 1, len(lines), CAST_HEADING_WITHIN))
    heading = next((at for at in before if names.is_cast_heading(lines[at])), None)
    if heading is None:
        return
    end, blanks = heading + 1, 0
    while end < min(len(lines), heading + CAST_LIST_LINES) and blanks < 2:
        blanks = blanks + 1 if lines[end].isspace() or not lines[end] else 0
        end += 1
    # A part is named once, alone on its line or with what the part is ("ESCALUS, Prince
    # of Verona."); a name speaking again is the dialogue begun ("NARRATOR: The winter
    # of 1923 ..." under a radio play's "CAST:").
    counts = Counter(use.key for use in uses if use.accepted)
    for use in uses:
        if use.line >= end:
            break
        if (
            use.accepted
            and use.line > heading
            and counts[use.key] == 1
            and (use.shape.placement == ALONE or use.shape.affiliation is not None)
        ):
            use.verdict = _CAST


def _reject_shots(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject, in a screenplay, the shots and places in capitals set at the action's
    margin ("ROADSIDE", "THREE GUARDS" over a paragraph of action): its cues stand at a
    column of their own over speech set left of them (`_screenplay_columns`), where such
    a heading stands at the column of the text under it."""
    # (whether the label stands alone asked first: in most documents none does)
    sample = [
        use
        for use in _sample(uses)
        if use.shape.placement == ALONE and _over_a_line(use, lines) and use.accepted
    ]
    columns = _screenplay_columns(sample, lines)
    if columns is None:
        return  # (told from the sample: most documents ask no more)
    cue = columns[0]
    for use in uses:
        if not (use.accepted and _over_a_line(use, lines)):
            continue
        label, under = _columns(use, lines)
        if label == under and label < cue:
            use.verdict = _SHOT


def _over_a_line(use: Use, lines: Sequence[str]) -> bool:
    """Does the label stand alone over a line of text?"""
    return use.shape.placement == ALONE and 0 <= use.next_line < len(lines)


def _columns(use: Use, lines: Sequence[str]) -> tuple[int, int]:
    """The columns of a label standing alone and of the line of text under it."""
    return use.shape.indent, indent_width(lines[use.next_line])


def _screenplay_columns(alone: Sequence[Use], lines: Sequence[str]) -> tuple[int, int] | None:
    """The columns of a screenplay's cues and of their speech, where labels standing alone
    over a line of text (`alone`, a `_sample` of them) are laid out as one's are:
    `SCREENPLAY_CUES_LEAST` of them or more, half or more, stand at one column over a
    line set further left (a cue at column 34 over dialogue at 24, action at 14); else
    None."""
    if len(alone) < SCREENPLAY_CUES_LEAST:
        return None
    columns = [_columns(use, lines) for use in alone]
    cues = Counter(label for label, under in columns if under < label)
    if not cues:
        return None
    cue, count = cues.most_common(1)[0]
    if count < max(SCREENPLAY_CUES_LEAST, SCREENPLAY_SHARE * len(columns)):
        return None
    # (the speech's column: the one most often under the cues; a parenthetical's is
    # further in, and some scripts set the speech at two columns)
    speech = Counter(under for label, under in columns if label == cue and under < cue)
    return cue, speech.most_common(1)[0][0]


def _reject_legend(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject the first label taken when its line is a legend of the labels: short, and
    after its words another label taken names itself with a colon or an equals sign ("I:
    Interviewer, B: Befragter" over a research interview of `I:` and `B:`), as the
    header of a transcript spells out its codes."""
    first = next((use for use in uses if use.accepted), None)
    if first is None or first.shape.placement != INLINE:
        return
    words = lines[first.line][first.shape.rest_at :].strip()
    if len(words) > _LEGEND_CHARS or not any(mark in words for mark in (":", "=", "：")):
        return  # (no label spelt out: the common case, asked without the labels)
    others = {use.shape.label for use in uses if use.accepted and use.key != first.key}
    if any(_spelt_out(label, words) for label in others):
        first.verdict = _LEGEND


def _spelt_out(label: str, words: str) -> bool:
    """Do the words go on to spell out this label, after a comma, a semicolon or a wide
    gap ("..., B: Befragter", "...; R = Respondent")?"""
    at = words.find(label)
    while at > 0:
        apart = (
            words[:at].rstrip(" \t").endswith((",", ";"))
            or words[at - 2 : at] == "  "
            or words[at - 1 : at] == "\t"
        )
        if apart and words[at + len(label) :].lstrip(" \t")[:1] in (":", "=", "："):
            return True
        at = words.find(label, at + 1)
    return False


def _reject_title_line(uses: list[Use], lines: Sequence[str]) -> None:
    """Reject the label on the document's first line when its name is used nowhere else,
    is no role, and its words on that line end no sentence, while two or more others take
    turns after it: the title ("HEADLINE: Small towns weigh the cost of new bridges",
    "The Data Science Hour — Episode 87: Forecasting with Small Data"), not the one turn
    of someone who then never speaks. (A role's one line stays a turn: "ANNOUNCER: And
    now, live from New York")."""
    first = next((use for use in uses if use.accepted), None)
    if first is None or first.shape.placement != INLINE or names.is_role(first.key):
        return
    if any(line.strip() for line in lines[: first.line]):
        return  # not the first line
    words = lines[first.line][first.shape.rest_at :].strip()
    if not words or words.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS):
        return
    others = {use.key for use in uses if use.accepted and use is not first}
    if len(others) < 2:
        return
    if first.key not in others:
        first.verdict = _TITLE_LINE
    elif not first.speech:  # a name that speaks later, before a heading's words
        first.verdict = _TITLE_HEADING  # "ALADDIN:  THE COMPLETE SCRIPT"


def _spoken(use: Use) -> bool:
    """A label taken as a speaker's, with speech after it."""
    return use.accepted and use.speech


def _reject_list_in(uses: list[Use]) -> None:
    """Reject, in `uses` (outside the dialogue), the labels without speech of each list
    of names (`_name_lists`)."""
    for member in _name_lists(uses):
        if member.accepted:
            member.verdict = _IN_A_LIST


def _name_lists(uses: Sequence[Use]) -> Iterator[Use]:
    """The labels without speech of each run of `NAME_LIST_LEAST` or more labels standing
    alone one right under another: a list of names (a call's participants)."""
    run: list[Use] = []
    for use in [*uses, None]:
        if use is None or use.shape.placement != ALONE or (run and run[-1].next_line != use.line):
            if len(run) >= NAME_LIST_LEAST:
                yield from (member for member in run if not member.speech)
            run = []
        if use is not None and use.shape.placement == ALONE:
            run.append(use)


def _declared(uses: list[Use], declared: Sequence[str]) -> Inference:
    """With a declared roster, a candidate is a label exactly when it names a declared
    speaker (by name or as written)."""
    keys = {names.normalise(name) for name in declared}
    for use in uses:
        if names_one_of(use, keys):
            use.verdict = Verdict(True, "names a declared speaker")
        else:
            use.verdict = Verdict(False, "not a declared speaker")
    return Inference(uses=uses, declared=True)


def _reject_rest(uses: list[Use], reason: str) -> None:
    for use in uses:
        if use.verdict is None:
            use.verdict = Verdict(False, reason)


def _families(uses: list[Use], judge: _Judge) -> list[Family]:
    """The candidates that could name a speaker, grouped by their shape's signature, each
    with its look; the others get their rejecting verdict.

    (What is decided once per shape, the look, the prejudgement and the family, is
    remembered by the shape's identity: the shape reader hands out one object for the
    labels a document repeats, and hashing a shape for every label would cost more.)"""
    families: dict[Signature, Family] = {}
    family_of: dict[int, Family | Verdict] = {}  # a shape's family, or why it has none
    # (shape, blank line before, after a sentence) -> the look, and the family's labels
    # or the verdict: one look-up a label
    seen: dict[tuple[int, bool, bool], tuple[Look, list[Use] | None, Verdict | None]] = {}
    for use in uses:
        key = (id(use.shape), use.blank_before, use.after_sentence)
        known = seen.get(key)
        if known is None:  # the first label of this shape and look
            shape = use.shape
            family = family_of.get(id(shape))
            if family is None:  # the first label of this shape
                family = family_of[id(shape)] = (
                    families.setdefault(shape.signature, Family(shape.signature))
                    if judge.prejudge(use)
                    else use.verdict or _NO_NAME
                )
            if family.__class__ is Family:
                known = seen[key] = (_look(use), family.uses, None)  # type: ignore[union-attr]
            else:
                known = seen[key] = (_look(use), None, family)  # type: ignore[assignment]
        use.look = known[0]
        members = known[1]
        if members is not None:
            members.append(use)
        else:
            use.verdict = known[2]
    return list(families.values())


def _assess(family: Family) -> _Assessment:
    """The family's habits, the labels that keep them, and the names two or more of
    those confirm.

    Where labels stand is learned from the uses of names that recur; how names are
    written, from the confirmed names themselves (one each: a play's many "Nurse"
    labels make it no more mixed-case than its one "Second Watchman")."""
    uses = family.uses
    tally = Tally(uses)  # (the counts below, from one pass over the labels)
    counts = tally.names()
    core = [use for use in _sample(uses) if counts[use.key] >= 2]
    habits = _habits(core, (PLACEMENT, PLACE)) if len(core) >= HABIT_MIN_LABELS else []
    memo: dict = {}
    looks = tally.looks()
    kept_looks = {look for look in looks if _first_broken(look, habits, _ALL, memo) is None}
    # (Where every look keeps the habits, as in most documents, the lists and counts
    # below are the family's own: they are not built again.)
    keeping = uses if len(kept_looks) == len(looks) else [u for u in uses if u.look in kept_looks]
    keeping_names = counts if keeping is uses else tally.names(kept_looks)
    # A line right under a label that stands alone may be its speech ("ROPER." then
    # "Yes."): it confirms no name, whatever it looks like.
    slots = _speech_slots(keeping) if any(look.alone for look in kept_looks) else set()
    if slots:
        kept = Counter(map(_KEY, [use for use in keeping if use.line not in slots]))
    else:
        kept = keeping_names
    confirmed = {key for key, count in kept.items() if count >= 2}
    if len(confirmed) >= HABIT_MIN_NAMES:
        habits += _habits(_last_of_each(keeping, confirmed), (NAME,), _is_strong(family))
    if all(look.capitals for look in kept_looks):
        capitals = keeping_names
    elif not any(look.capitals for look in kept_looks):
        capitals = Counter()
    else:
        capitals = tally.names_where(_CAPITALS, kept_looks)
    written = {key: capitals[key] * 2 > kept[key] for key in confirmed}
    return _Assessment(
        habits,
        keeping,
        tally,
        confirmed,
        slots,
        written,
        names=keeping_names,
        looks=looks,
        kept_looks=kept_looks,
    )


def _last_of_each(uses: list[Use], keys: set[str]) -> list[Use]:
    """The last use of each of `keys` (read from the end, so a long family is seldom
    read through)."""
    last: dict[str, Use] = {}
    for use in reversed(uses):
        if use.key in keys and use.key not in last:
            last[use.key] = use
            if len(last) == len(keys):
                break
    return list(last.values())


def _sample(uses: list[Use]) -> list[Use]:
    """Enough of a family's labels, spread through the document, to learn its habits and
    figures from (all of them up to `SAMPLE`)."""
    if len(uses) <= SAMPLE:
        return uses
    return uses[:: -(-len(uses) // SAMPLE)]


def _recurring_uses(assessment: _Assessment) -> int:
    confirmed = assessment.confirmed
    return sum(count for key, count in assessment.names.items() if key in confirmed)


# A line opening with a time into the recording ("(1:51) Entonces", "[00:01:05] and").
_OPENS_WITH_TIME = kept(r"[ \t]*[\[(]?" + CLOCK_PATTERN)


def _is_strong(family: Family) -> bool:
    """Is the family's shape one sentences seldom take: a colon, or a time with the name
    (before it, inside it, or after it on nearly every label)?"""
    if family.signature.is_strong:
        return True
    uses = _sample(family.uses)
    timed = sum(1 for use in uses if use.shape.time is not None)
    return timed >= HABIT_SHARE * len(uses)


def _timed_in_order(uses: list[Use]) -> bool:
    """Does every label give a time into the recording, stepping forward from one label to
    the next (nearly always): a record's turns in the order they were said, however few
    of its names come back? (A time of day gives no time here: an agenda's "9:30 Ana
    Ruiz" is no recording.)"""
    times = [use.shape.time for use in _sample(uses)]
    if len(times) < LIST_LEAST or None in times:
        return False
    forward = sum(1 for before, after in pairwise(times) if after >= before)  # type: ignore[operator]
    return forward >= HABIT_SHARE * (len(times) - 1)


def _song_sections(counts: Counter[str]) -> bool:
    """Do a family's names read as a song's sections: half or more of them a section's
    ("Chorus", "Bridge", "Outro"), one of them other than "Chorus" (a play's Chorus speaks
    alone among people)?"""
    sections = [key for key in counts if names.is_song_section(key)]
    if 2 * len(sections) < len(counts):
        return False
    return any(names.normalise(key) != "chorus" for key in sections)


def _close_together(uses: Sequence[Use]) -> bool:
    """Do the labels follow one another closely, as a dialogue's do (a few lines apart on
    average), rather than lie scattered through a document (list items in notes)?"""
    gaps = [b.line - a.line - 1 for a, b in pairwise(uses)]
    return sum(gaps) <= SHORT_DIALOGUE_GAP * len(gaps)


# The labels of a question asked by someone the record does not name.
_ASKING = frozenset({"q", "question", "reporter"})


def _turn_taking(uses: Sequence[Use], others: Sequence[int] = ()) -> float:
    """The share of consecutive labels that change speaker, or (`others`: the lines of
    other labels, in order) have another label between them."""
    if len(uses) < 2:
        return 0.0
    changes = sum(
        1
        for a, b in pairwise(uses)
        if a.key != b.key or bisect_left(others, b.line) > bisect_right(others, a.line)
    )
    return changes / (len(uses) - 1)


def _numbered_voices(counts: Counter[str]) -> bool:
    """Are the names two or more voices a diarisation tool numbered ("SPEAKER_00",
    "Speaker 1", "spk_0")? Its lines are segments of speech, not turns: one voice's
    many in a row (a rap battle's verses) still name a cast."""
    return len(counts) >= 2 and all(names.is_numbered_voice(key) for key in counts)


def _speech_share(uses: Sequence[Use]) -> float:
    return sum(1 for use in uses if use.speech) / len(uses) if uses else 0.0


def _speech_share_outside_lists(uses: Sequence[Use]) -> float:
    """The share of labels followed by speech, leaving out lists of names: labels
    standing alone one right under another, `NAME_LIST_LEAST` or more with no speech
    between them (an earnings call's participants, each name over its firm, before the
    call whose labels are the same names alone over their speech)."""
    listed = set(map(id, _name_lists(uses)))
    if not listed:
        return _speech_share(uses)
    return _speech_share([use for use in uses if id(use) not in listed])


def _speech_slots(uses: Sequence[Use], spoken: bool = False) -> set[int]:
    """The lines where the speech of labels that stand alone starts: the next
    line of text, at the distance such labels usually keep from their speech (a
    play's "ROPER." then a blank line then "Yes."; "HASTINGS:" then at once its verse, so
    a label after a blank line is not in the slot). With `spoken`, only slots read as
    speech."""
    alone = [use for use in uses if use.shape.placement == ALONE and use.next_line >= 0]
    if not alone:
        return set()
    distance = Counter(use.next_line - use.line for use in alone).most_common(1)[0][0]
    return {
        use.next_line
        for use in alone
        if use.next_line - use.line == distance and (use.speech or not spoken)
    }


def _heads_messages(uses: list[Use]) -> bool:
    """Do names with how they speak, alone on their line, head the messages of two or
    more speakers, each again and again ("You said:" and "ChatGPT said:" over each
    message of a copied chatbot conversation)? "He said:" opening a quotation inside
    a turn is neither alone on its line nor a cast taking turns."""
    if not all(use.shape.placement == ALONE and use.shape.aside is not None for use in uses):
        return False
    counts = Counter(map(_KEY, uses))
    return len(counts) >= 2 and min(counts.values()) >= 2


def _overlap(family: Family, confirmed: set[str]) -> float:
    """The share of a family's uses naming speakers already confirmed."""
    return sum(1 for use in family.uses if use.key in confirmed) / len(family.uses)


def _role_taking_turns(family: Family, primary: Family) -> bool:
    """One recurring role ("Q", "Operator"), or one person announced by an honorific in
    capitals ("MR. SMITH:" objecting in a deposition of `Q.` and `A.`), whose labels
    alternate with the primary convention's: between two of its labels, some other
    speaker has spoken."""
    counts = family.names()
    if len(counts) != 1:
        return False
    key, count = next(iter(counts.items()))
    name = family.uses[0].shape.name
    if family.signature.case == PHRASE:
        # a role written as a sentence opens ("Phóng viên:", "Le journaliste :") is one
        # only where it recurs as the document's own, as an interviewer's turns do;
        # "He said:" is once or twice, "Let us pray:" a few times among many turns. Set
        # in the speakers' own bold or brackets ("**Le photographe:**" among "**Monica:**"),
        # a few times are enough: no sentence's words are so marked.
        least = PHRASE_ROLE_LEAST
        if not _wrapped_alike(family.signature, primary.signature):
            least = max(least, PHRASE_ROLE_SHARE * len(primary.uses))
        marked = count >= least
    else:
        marked = names.is_role(key) or (names.has_honorific(name) and names.is_caps(name))
    if count < 2 or not marked or _speech_share(family.uses) < MIN_SPEECH:
        return False
    others = sorted(use.line for use in primary.uses)
    lines = [use.line for use in family.uses]
    between = sum(
        1 for a, b in pairwise(lines) if bisect_right(others, b) - bisect_right(others, a) > 0
    )
    return between >= MIN_TURN_TAKING * (len(lines) - 1)


def _wrapped_alike(signature: Signature, primary: Signature) -> bool:
    """Is the shape the primary convention's, wrapped (bold, italics, brackets), but for
    how the name is written?"""
    return bool(primary.wrapper) and signature._replace(case=primary.case) == primary


def _in_lower_case_words(family: Family) -> bool:
    """Are the family's names words in lower case ("agent", "user"), which must recur as
    the document's own convention? A diarisation tool's codes (`spk_0`, `speaker_1`) are
    lower case by the tool's habit, not the document's, and are read as any label."""
    if family.signature.case != "lower":
        return False
    return not all(names.is_numbered_role(use.key) for use in _sample(family.uses))


def _cast_beside(family: Family, primary: Family) -> str | None:
    """Why a family that is no convention of its own still names speakers beside the
    primary convention's, whatever its names' counts: one role taking turns with them,
    or people announced by title or role. None when neither."""
    if _role_taking_turns(family, primary):
        return "one role taking turns with the speakers"
    if _titled_cast(family, primary):
        return "speakers announced by title or role"
    return None


def _titled_cast(family: Family, primary: Family) -> bool:
    """Beside the document's speakers, a few more in a strong shape, each announced by
    a title or a role ("THE COURT:", "MR. HALE:", "DR. PRICE:" before a deposition's
    `Q.` and `A.`), with speech after most: people who speak, though each only once or
    twice. One such label alone counts only inside the dialogue (counsel's one "MR.
    LANE: Objection, form." between a question and its answer). Capitals alone are not
    enough ("NOTE:", "UPDATE:" are a document's notes)."""
    uses = family.uses
    if not _is_strong(family) or _speech_share(uses) < MIN_SPEECH:
        return False
    if len(uses) < 2 and not primary.uses[0].line < uses[0].line < primary.uses[-1].line:
        return False
    return all(
        names.is_role(use.key) or names.has_honorific(use.shape.name) for use in _sample(uses)
    )


# --- Habits -----------------------------------------------------------------------------


class Look(NamedTuple):
    """How a label sits on the page and how its name is written: what habits test. Labels
    of one look keep or break a habit alike, so the tests run once per look."""

    alone: bool  # the speech starts below the label
    blank_before: bool
    after_sentence: bool  # the line before ends a sentence (or is blank)
    capitals: bool  # the name is in capitals
    titled: bool  # the name opens with a title or is a role
    indent: int
    # a role or a participant's code ("Moderator", "P1", a letter alone: "I", "Q"): it
    # says nothing of how the document writes its people's names
    coded: bool


def _look(use: Use) -> Look:
    """How a candidate sits and how its name is written."""
    shape = use.shape
    values = (
        shape.placement == ALONE,
        use.blank_before,
        use.after_sentence or use.blank_before,
        names.is_caps(shape.name),
        _opens_with_title(use.key, shape.name),
        shape.indent,
        len(use.key) == 1 or names.is_role(use.key) or names.is_numbered_role(shape.name),
    )
    return _new(Look, values)


def _opens_with_title(key: str, name: str) -> bool:
    """Opens with an honorific or "The", or is a role ("ALL COUNSEL", "JUROR") or a
    participant's code as written (`B1`, `P01`: its capitals tell it, which the key has
    folded): what the labels of a court, a parliament or a focus group are."""
    first = key.split()[0].rstrip(".")
    return (
        first in names.HONORIFICS
        or first == "the"
        or names.is_role(key)
        or names.has_honorific(key)  # "Right Hon. Jean Chrétien"
        or names.is_numbered_role(name)
    )


_HabitTest = Callable[[Look], bool]
_LOOK = attrgetter("look")
_KEY = attrgetter("key")
_CAPITALS = attrgetter("capitals")
_new = tuple.__new__  # a NamedTuple's own constructor is a Python function: slow per label


# Kinds of habit: where the speech starts ("placement": held for every label), where
# the label stands ("place": a blank line before, a finished sentence before, the
# indentation), and how the name is written ("name": capitals, a title). A name is
# confirmed by two labels that keep every habit of placement and place, so a label
# where no label stands (a word opening a wrapped line, "Iraq. The ...") confirms
# nothing; a confirmed name may then be written another way ("Nurse" among capitals)
# and stand where its labels seldom do, and is still that speaker.
PLACEMENT, PLACE, NAME = "placement", "place", "name"
_CONFIRMED_KEEP = frozenset({PLACEMENT})
_ALL: frozenset[str] = frozenset()

# name -> (test, what a label breaking the habit is said to do, kind)
HABITS: dict[str, tuple[_HabitTest, str, str]] = {
    "alone on its line": (
        lambda look: look.alone,
        "has speech on its line, where the convention's labels stand alone",
        PLACEMENT,
    ),
    "speech on the same line": (
        lambda look: not look.alone,
        "stands alone, where the convention's labels have speech on their line",
        PLACEMENT,
    ),
    "name in capitals": (
        lambda look: look.capitals,
        "is not in capitals, unlike the convention's names",
        NAME,
    ),
    "opens with a title": (
        lambda look: look.titled,
        "does not open with a title (Mr., The ...), unlike the convention's names",
        NAME,
    ),
    "blank line before": (
        lambda look: look.blank_before,
        "has no blank line before it, unlike the convention's labels",
        PLACE,
    ),
    "after a finished sentence": (
        lambda look: look.after_sentence,
        "goes on with a sentence the line before began",
        PLACE,
    ),
}


_STANDS_ALONE = HABITS["speech on the same line"][1]


def _habits(core: list[Use], kinds: tuple[str, ...], strong: bool = False) -> list[Habit]:
    """The habits of the given kinds that nearly all of the given labels keep. In a
    strong shape (a colon, a time), how names are written (capitals, a title) is learned
    from the labels naming people, not from roles and codes: a focus group's "Moderator:"
    and "P1:", or an interview's "I:" and "R:", set no habit that a participant joining
    as "Anna:" breaks. (In a weak one, a court's "Q." and "A.", their capitals are what
    keep "Okay." from being a label.)"""
    looks = Counter(map(_LOOK, core))
    total = len(core)
    people = looks
    if strong and NAME in kinds:
        people = Counter({look: count for look, count in looks.items() if not look.coded})
    named = sum(people.values())
    habits = []
    for name, (test, _, kind) in HABITS.items():
        if kind not in kinds:
            continue
        counted, of = (people, named) if kind == NAME else (looks, total)
        if of:
            share = sum(count for look, count in counted.items() if test(look)) / of
            if share >= HABIT_SHARE:
                habits.append(Habit(name, share))
    if PLACE in kinds:
        indents = Counter(use.shape.indent for use in core)
        indent, count = indents.most_common(1)[0]
        if count / total >= HABIT_SHARE:
            habits.append(Habit(f"indented {indent}", count / total))
    return habits


def _breaks(look: Look, habit: Habit, kinds: frozenset[str] = frozenset()) -> str | None:
    """Why a label of this look breaks a habit, or None when it keeps it or the habit is
    not of the given kinds (all kinds when none are given)."""
    if habit.name.startswith("indented "):
        if kinds and PLACE not in kinds:
            return None
        if look.indent == int(habit.name.split()[1]):
            return None
        return "is indented unlike the convention's labels"
    test, broken, kind = HABITS[habit.name]
    if (kinds and kind not in kinds) or test(look):
        return None
    return broken


def _first_broken(look: Look, habits: list[Habit], kinds: frozenset[str], memo: dict) -> str | None:
    """The first habit a label of this look breaks (remembered per look)."""
    key = (look, kinds)
    try:
        return memo[key]
    except KeyError:
        broken = next((b for h in habits if (b := _breaks(look, h, kinds)) is not None), None)
        memo[key] = broken
        return broken


def _is_marked(use: Use, confirmed: set[str]) -> bool:
    """Does the label announce a speaker by itself (`names.is_marked`)? So does a
    chatbot's role where the dialogue is between such roles: `system:` over the system
    prompt, before `user:` and `assistant:` take turns. (Before other speakers,
    `System:` is as often a header's field: "System: Windows 11".)"""
    if use.key in names.CHAT_ROLES and not confirmed.isdisjoint(names.CHAT_ROLES):
        return True
    return names.is_marked(use.shape.label)


def _numbers_another_voice(use: Use, confirmed: set[str]) -> bool:
    """Is the label a numbered role ("Speaker 5", "SPEAKER_05") of which other numbers
    are confirmed names? Diarisation numbers each voice it tells apart, and starts a
    voice's turn wherever it cut the speech, so such a label may stand where the others
    seldom do."""
    role = names.numbered_role_of(use.shape.name)
    return role is not None and any(names.numbered_role_of(key) == role for key in confirmed)


def _introduces_confirmed(use: Use, confirmed: set[str]) -> bool:
    """Is the label a full name whose surname alone is a confirmed name of the document
    ("Al Kossow:" once, then "Kossow:" throughout), or, in a play's `Name.`, whose first
    letters are ("Barnardo." once, then "Bar." throughout, as the First Folio prints
    them): the speaker introduced in full."""
    if use.shape.signature.delimiter == "." and any(
        names.is_first_letters(short, use.key) for short in confirmed
    ):
        return True
    person = names.person_name(use.shape.label)
    surname = names.surname_of(person) if person else None
    return surname is not None and surname[1] >= 2 and surname[0] in confirmed


def _sets_labels_apart(convention: Convention) -> bool:
    """Do the convention's labels stand alone on their line after a blank line? There, a
    word keeping every habit is a label even if the text also writes it in lower case: a
    play's "Priest:" or "Soldier:", said once."""
    held = {habit.name for habit in convention.habits}
    return "alone on its line" in held and "blank line before" in held


def _introduces_with_role(use: Use, convention: Convention) -> bool:
    """In a convention of labels with speech on their line and a colon, a name in
    capitals with a role after it standing alone over its speech ("A MARTÍNEZ, HOST:"
    over a paragraph, as radio transcripts introduce a speaker): a label all the same."""
    return (
        use.speech
        and convention.signature.is_strong
        and names.is_caps(use.shape.name)
        and names.has_role_after(use.shape.label)
    )


def _unlike_the_others(use: Use, family: Family) -> str | None:
    """In a convention with too few labels to learn habits from: the name is written
    unlike every other label of it: mixed case where the labels of two or more other names
    are all capitals ("Next:" among "MS. JEAN-PIERRE:" and "DR. JHA:"), or speech on its
    line where theirs all stand alone ("THE SAILORS' REST, 12 Quay Street. Rooms by the
    week." among "DORA." and "FRANK."), or the other way round, in a weak shape (a colon's
    labels stand either way: "Chris Wallace (00:00:11):" over its speech)."""
    others = [other for other in family.uses if other.key != use.key]
    if len({other.key for other in others}) < 2:
        return None
    if not use.look.capitals and all(other.look.capitals for other in others):
        return HABITS["name in capitals"][1]
    alone = use.look.alone
    if not family.signature.is_strong and all(other.look.alone != alone for other in others):
        return HABITS["alone on its line" if not alone else "speech on the same line"][1]
    return None


# --- Judging ----------------------------------------------------------------------------


def _prejudge(shape: Shape) -> Verdict | None:
    """A rejecting verdict for a label that cannot name a speaker at all, else None."""
    if names.is_non_speaker_label(shape.name):
        return _NOTE_OR_FIELD
    if shape.signature.wrapper == "angle":
        return None  # a chat log's nick is whatever its owner typed ("rot13maxi")
    if shape.signature.case == "lower":
        if not names.is_lower_case_name(shape.name) and not names.is_speaker_shaped(shape.name):
            return Verdict(False, "not shaped like a name")
    elif shape.signature.case == PHRASE:
        return None  # a role written as a sentence opens: its recurring decides
    elif not names.is_speaker_shaped(shape.label) and not names.is_speaker_shaped(shape.name):
        return Verdict(False, "not shaped like a name")
    return None


class _Judge:
    """The tests on single candidates, with the document's common words to hand."""

    def __init__(self, common: Callable[[], Counter[str]], lines: Sequence[str] = ()) -> None:
        self._count_common = common
        self._lines = lines
        self._common: Counter[str] | None = None
        self._is_common: dict[str, bool] = {}
        self._memos: dict[int, dict] = {}
        self._prejudged: dict[Shape, Verdict | None] = {}
        # every candidate, and (found the first time a one-name family asks) those that
        # might be a publication asking the questions (`_publications`)
        self.uses: list[Use] = []
        self._asked: list[int] | None = None  # `_questions_between`
        self._publications: dict[Signature, dict[str, list[Use]]] | None = None

    def publications(self) -> dict[Signature, dict[str, list[Use]]]:
        """The labels that might be a publication asking the questions (`_publications`),
        found the first time they are asked for."""
        if self._publications is None:
            self._publications = _publications(self.uses)
        return self._publications

    def memo(self, convention: Convention) -> dict:
        """Where the habits a look breaks are remembered, per convention."""
        return self._memos.setdefault(id(convention), {})

    def prejudge(self, use: Use) -> bool:
        """Could this candidate be a speaker label at all? Sets a rejecting verdict if not."""
        shape = use.shape
        try:
            verdict = self._prejudged[shape]
        except KeyError:
            verdict = self._prejudged[shape] = _prejudge(shape)
        if verdict is None:
            return True
        use.verdict = verdict
        return False

    def common(self) -> Counter[str]:
        """The text's lower-case words, counted the first time a name needs them."""
        if self._common is None:
            self._common = self._count_common()
        return self._common

    def is_common(self, use: Use) -> bool:
        """Is this name one word the text also writes in lower case ("Yeah", "Farewell")?
        Names in capitals, roles and names of several words are never taken for words."""
        key = use.key
        known = self._is_common.get(key)
        if known is None:
            name = use.shape.name
            known = (
                " " not in key
                and not names.is_caps(name)
                and not names.is_role(key)
                and not names.is_numbered_role(key)
                and key.strip(".") not in names.HONORIFICS
                and self.common().get(key, 0) >= COMMON_WORD_USES
            )
            self._is_common[key] = known
        return known

    def convention_reason(
        self, family: Family, assessment: _Assessment, alone: bool = True
    ) -> str | None:
        """Why a family is not a convention of the document (None when it is one).
        `alone` says no other convention has been found: only then may a few labels
        make a short dialogue."""
        uses = assessment.keeping
        if not uses:
            return "no label keeps the shape's habits"
        if family.signature.case == PHRASE and not _heads_messages(uses):
            # "He said:", "My mother said:": the words of a sentence; such a role
            # ("Phóng viên:") is taken only as one recurring beside the speakers' names.
            return "words opening a sentence, not names (a label only as a recurring role)"
        counts = assessment.names
        if _song_sections(counts):
            return "a song's sections (verse, chorus, bridge), not speakers"
        if self._timed_like_every_line(family):
            # "00:04:12 Yeah." over "00:04:13 I think ...": a time opens every paragraph,
            # and those that stand alone are short sentences ("Yeah", "Right"), not names
            return "the lines under them open with a time too: timed lines of text, not labels"
        if len(counts) < 2:
            # (A name in lower case said again and again is a document's note, "todo:".)
            if alone and not _in_lower_case_words(family) and self._one_speaker(family, uses):
                return None
            asking = self.publications().get(family.signature, {}).values() if alone else ()
            if any(_asks(asked, uses) for asked in asking):
                return None  # one person answering a publication ("THE PARIS REVIEW")
            return "one name only: no turns are taken"
        if _speech_share_outside_lists(_sample(uses)) < MIN_SPEECH:
            return "most are not followed by speech"
        turn_taking = _turn_taking(uses[:SAMPLE])
        if turn_taking < MIN_TURN_TAKING and alone:
            turn_taking = _turn_taking(uses[:SAMPLE], self._questions_between())
        if turn_taking < MIN_TURN_TAKING and not _numbered_voices(counts):
            return "consecutive labels seldom change speaker"
        if (
            alone
            and counts.most_common(1)[0][1] >= HABIT_SHARE * len(uses)
            and not _in_lower_case_words(family)
            and self._one_speaker(family, uses)
        ):
            # one person answering, another's label of the shape once ("MS. PSAKI:" then
            # "DR. FAUCI:" over each answer, a reporter's "Q    text" between them)
            return None
        confirmed = assessment.confirmed
        recurring = sum(count for key, count in counts.items() if key in confirmed)
        strong = _is_strong(family)
        if not strong:
            common = sum(1 for use in _sample(uses) if self.is_common(use))
            if common * 2 >= len(_sample(uses)):
                return "its names are words the text also writes in lower case"
        if len(assessment.confirmed) >= 2 and recurring >= MIN_RECURRING * len(uses):
            return None
        if (
            alone
            # (names in lower case, and a chat log's nicks, must recur: "<Enter> saves"
            # and "<Esc> cancels" are keys, not people)
            and not _in_lower_case_words(family)
            and family.signature.wrapper != "angle"
            and (strong or self._cast_in_capitals(uses) or self._titled_capitals(uses))
            and turn_taking >= SHORT_TURN_TAKING
            and not any(self.is_common(use) for use in uses)
            and (recurring >= MIN_RECURRING * len(uses) or len(uses) <= SHORT_DIALOGUE)
            and _close_together(uses)
            and not self._items_of_a_list(uses, counts)
            and not self._verse_refrain(uses)
        ):
            # "Q: hi?" / "A: yes."; "Ana: hi" / "Ben: hello" / "Ana: bye"; "**Mira:** hi"
            return None
        if alone and not _in_lower_case_words(family) and self._chaired(uses, counts):
            return None  # "President. – ..." between members speaking once each
        if alone and self._screenplay(uses):
            return None  # cues at a column of their own over speech set left of them
        if (
            alone
            and turn_taking >= SHORT_TURN_TAKING
            and _timed_in_order(uses)
            and self._named_people_speaking(uses, counts)
        ):
            return None  # "[00:09:25] Patrick O'Donnell:" over each speech of a hearing
        return f"most names are used once ({len(counts)} names in {len(uses)} labels)"

    def _timed_like_every_line(self, family: Family) -> bool:
        """Is the family's time no evidence, the lines under its labels opening with one
        too ("(1:50) Ya." over "(1:51) Entonces ..." in a transcript that times every
        line, or every paragraph: "00:04:12 Yeah." then a blank line and "00:04:13 I
        think ...")? A time there says nothing of a label: "Ya" and "Yeah" are words."""
        signature = family.signature
        lines = self._lines
        if (
            not signature.time
            or signature.delimiter == ":"
            or signature.wrapper == "angle"
            or not lines
        ):
            return False
        labels = {use.line for use in family.uses}
        below = [
            lines[use.next_line]
            for use in _sample(family.uses)
            if use.next_line >= 0 and use.next_line not in labels
        ]
        timed = sum(1 for line in below if _OPENS_WITH_TIME.match(line) is not None)
        return bool(below) and 2 * timed >= len(below)

    def _addressed_next(self, use: Use, label_lines: _LabelLines) -> bool:
        """Does the next speaker name this label's person first thing ("Kate
        DeLeo-Joglekar:" over a call's opening remarks, then "Dylan Field: Thanks, Kate,
        and hi, everybody.")? Someone who just spoke, as a call's or a panel's first
        speaker is thanked, not a header's field used once before the dialogue."""
        following = label_lines.after(use.line)
        person = names.person_name(use.shape.label)
        if following is None or not person or not self._lines:
            return False
        titles, words = names.split_titles(person)
        written = person.split()
        if not words or len(written) <= len(titles):
            return False
        given = written[len(titles)]  # (a title is no address: "Thank you, Mr. Chairman")
        if len(given) < 2 or not given[:1].isupper():
            return False
        rest_at = following.shape.rest_at
        said = self._lines[following.line][rest_at : rest_at + _ADDRESS_WINDOW]
        return re.search(rf"(?<!\w){re.escape(given)}(?!\w)", said) is not None

    def _screenplay(self, uses: list[Use]) -> bool:
        """Are the labels a screenplay's cues, in capitals, laid out in its columns
        (`_screenplay_columns`)? Its parts are many and most speak once in a scene: the
        layout tells them, where recurring names cannot."""
        lines = self._lines
        alone = [
            use for use in _sample(uses) if use.shape.name.isupper() and _over_a_line(use, lines)
        ]
        return bool(lines) and _screenplay_columns(alone, lines) is not None

    def _questions_between(self) -> list[int]:
        """The lines of the questions asked under a label of no one's name (a briefing's
        reporters, `Q    text` with no colon, between the officials' `MS. PSAKI:`
        labels, or `QUESTION:`), in order: where one sits between two labels of the same
        name, someone else spoke between them. (Only a question's label: a screenplay's
        cues between its `CUT TO:` transitions make them no one's turns.)"""
        if self._asked is None:
            asked = [use for use in self.uses if use.key in _ASKING]
            self._asked = [use.line for use in asked] if len(asked) >= 2 else []
        return self._asked

    def _named_people_speaking(self, uses: list[Use], counts: Counter[str]) -> bool:
        """Are the labels people's full names, one of them at least coming back, each over
        a sentence said: a hearing's record, where the chair and the author speak again
        between witnesses and members of the public who speak once each ("Cindy Castillo
        ... in strong support"), not a programme's or a list's items ("Intro", "Q&A",
        named once each)? None may be a word the text writes in lower case."""
        if max(counts.values()) < 2 or any(self.is_common(use) for use in uses):
            return False
        full = sum(1 for use in uses if len(names.name_words(use.shape.name) or ()) >= 2)
        if full < HABIT_SHARE * len(uses):
            return False
        return 2 * sum(map(self._says_a_sentence, uses)) >= len(uses)

    def _chaired(self, uses: list[Use], counts: Counter[str]) -> bool:
        """A chair giving the floor, as a parliament's or a panel's record reads: one
        label, a role or an office ("President", "Mme la présidente", "Moderator"), is a
        quarter of the labels or more, and nearly every other label comes right before or
        after one of its labels, naming three or more people who mostly speak once, in
        sentences. Names used once are then the rule, not a list's items; none may be a
        word the text writes in lower case, and a programme's "Chair – Welcome" between
        "Dr. Ana Ruiz – Keynote" and its like says no sentence."""
        chair, chaired = counts.most_common(1)[0]
        if chaired < CHAIR_LEAST or chaired * 4 < len(uses) or len(counts) < 4:
            return False
        label = next(use.shape.name for use in uses if use.key == chair)
        if not (
            names.is_role(label) or names.office_of(label) is not None or names.is_chair(label)
        ):
            return False
        if any(self.is_common(use) for use in uses) or self._verse_refrain(uses):
            return False
        keys = [use.key for use in uses]
        beside = sum(
            1
            for at, key in enumerate(keys)
            if key != chair and ((at and keys[at - 1] == chair) or keys[at + 1 : at + 2] == [chair])
        )
        if beside < HABIT_SHARE * (len(uses) - chaired):
            return False
        return 2 * sum(map(self._says_a_sentence, uses)) >= len(uses)

    def _says_a_sentence(self, use: Use) -> bool:
        """Does the label's speech end a sentence on its first line of text (or the next,
        where a wrapped paragraph goes on)?"""
        if not self._lines:
            return True
        line = use.line if use.shape.placement != ALONE else use.next_line
        if line < 0:
            return False
        start = use.shape.rest_at if line == use.line else 0
        words = self._lines[line][start:]
        if line + 1 < len(self._lines):
            words += " " + self._lines[line + 1]
        return any(end + " " in words or end + "\n" in words for end in _SENTENCE_ENDS) or (
            words.rstrip().rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS)
        )

    def _items_of_a_list(self, uses: list[Use], counts: Counter[str]) -> bool:
        """Labels each used once: four or more, most neither a role nor a title (a
        ruling's "Held:", "Facts:", "Signed:"), or, none of them a role, most followed by
        words in lower case ("Budget: the committee approved ...", "Staffing:
        deferred"): the items of a list or a form, not a short dialogue ("Q: hi?" /
        "A: yes."; "Ana: hi" / "Ben: hello" / "Ana: bye", where a name comes back)."""
        if self._lines and self._among_other_items(uses):
            return True
        if len(uses) < LIST_LEAST or not self._lines:
            return False  # ("Ana: hi" / "Ben: hello" is as likely a dialogue)
        if any(count > 1 for count in counts.values()):
            return False
        # A ruling's or a form's fields ("Held:", "Facts:", "Ordered:", "Signed:"): so
        # many names, none coming back, are no dialogue, whatever case their text opens
        # in; people announced by a role or a title may each speak once ("THE COURT:").
        unmarked = sum(1 for use in uses if not names.is_marked(use.shape.label))
        if unmarked >= FIELDS_LEAST and unmarked * 2 > len(uses):
            return True
        if any(names.is_role(key) for key in counts):
            return False
        lower = sum(1 for use in uses if self._speech_opens_lower(use))
        return lower * 2 > len(uses)

    def _among_other_items(self, uses: list[Use]) -> bool:
        """Do the labels, bulleted, sit among a list's other items, which they are not
        ("- Model: gpt" and "- Languages: en" between "- Source: audio.mp3" and "-
        Context: ..."): fields of a list, not a dialogue, whose every item is a turn."""
        lines = self._lines
        if any(use.shape.signature.marker != "-" for use in uses):
            return False
        mine = {use.line for use in uses}
        return any(
            near not in mine and 0 <= near < len(lines) and is_list_item(lines[near])
            for use in uses
            for near in (use.line - 1, use.line + 1)
        )

    def _over_a_byline(self, use: Use) -> bool:
        """Does a label standing alone have a byline under it ("BLUE HOUR" over "by Sam
        Ortiz", a title over "Written by ...")? A title page, not a speaker's speech."""
        if use.shape.placement != ALONE or use.next_line < 0 or not self._lines:
            return False
        return _byline().match(self._lines[use.next_line]) is not None

    def _verse_refrain(self, uses: list[Use]) -> bool:
        """Does a name open two lines one right under the other, the words after it in
        lower case both times ("Sailor: where is your ship tonight?" / "Sailor: where is
        your harbour light?")? A verse's refrain; a speaker labelled twice in a row goes
        on with a new sentence ("Ana: hi" / "Ana: Are you there?")."""
        return bool(self._lines) and any(
            b.line == a.line + 1
            and a.key == b.key
            and self._speech_opens_lower(a)
            and self._speech_opens_lower(b)
            for a, b in pairwise(uses)
        )

    def _speech_opens_lower(self, use: Use) -> bool:
        """Do the words after the label (on its line, or on the next line of text) open
        with a letter in lower case?"""
        if use.shape.placement == ALONE:
            after = self._lines[use.next_line] if use.next_line >= 0 else ""
        else:
            after = self._lines[use.line][use.shape.rest_at :]
        return after.lstrip()[:1].islower()

    def _cast_in_capitals(self, uses: list[Use]) -> bool:
        """A few labels in a weak shape that still read as a play's cast: each in
        capitals, alone on its line after a blank line, and no word of the names one the
        text writes in lower case ("LILY." and "MRS. UPJOHN.", not "INTRODUCTION." and
        "METHODS.", headings whose words the text uses)."""
        common = None
        cast = [use for use in uses if use.look.alone]
        if len(cast) * 4 < len(uses) * 3:
            return False
        for use in cast:
            look = use.look
            if not (look.blank_before and look.capitals):
                return False
            for word in use.key.split():
                word = word.strip(".")
                if word in names.HONORIFICS or word in names.NAME_PARTICLES:
                    continue
                common = common if common is not None else self.common()
                if common.get(word, 0) >= COMMON_WORD_USES:
                    return False
        return True

    def _titled_capitals(self, uses: list[Use]) -> bool:
        """A few labels in a weak shape that still read as a hearing's or a parliament's
        speakers: each a title and a surname in capitals, as the Congressional Record
        writes them ("Chairman WATERS.", "Mr. MCHENRY.", "Senator GRASSLEY."), no
        surname a word the text writes in lower case, and someone speaking again (a
        list of honours, "Dr. PATEL. For her work on ...", names each person once)."""
        if len({use.key for use in uses}) == len(uses):
            return False
        common = None
        for use in uses:
            titles, rest = names.split_titles(use.shape.name)
            written = use.shape.name.split()
            if not titles or not rest or len(written) < len(rest):
                return False
            surname = written[len(written) - len(rest) :]
            if not all(
                len(word.strip(".")) >= 2 and names.is_surname_in_capitals(word.strip("."))
                for word in surname
            ):
                return False
            common = common if common is not None else self.common()
            if any(common.get(word, 0) >= COMMON_WORD_USES for word in rest):
                return False
        return True

    def _one_speaker(self, family: Family, uses: list[Use]) -> bool:
        """One name, written again and again in a strong shape, each time with speech
        after it: a monologue or a speech in parts ("THE PRESIDENT:" between rounds of
        applause); or a text that is nothing but one such label and its speech on one
        line ("Ben: I know.", a snippet passed on the command line)."""
        whole_text = len(uses) == 1 and uses[0].line == 0 and uses[0].next_line < 0
        return (
            (len(uses) >= 2 or whole_text)
            and not self._verse_refrain(uses)
            and _is_strong(family)
            and _speech_share(uses) >= MIN_SPEECH
            and not self.is_common(uses[0])
        )

    def judge(
        self,
        use: Use,
        convention: Convention,
        confirmed: set[str],
        start: int,
        label_lines: _LabelLines,
        assessment: _Assessment,
    ) -> Verdict:
        """The verdict on one candidate of a chosen convention. A label right under a
        label that stands alone is judged as a new name, whatever its name: it may be
        that label's speech."""
        if use.shape.placement == ALONE and names.is_song_title(use.key):
            return _SONG_TITLE
        known = use.key in confirmed and use.line not in assessment.slots
        if not known and use.line < start and self._over_a_byline(use):
            return Verdict(False, 'a title over its byline ("by ...")')
        if not known and use.speech and use.shape.affiliation is not None:
            # "Jane Doe (JD): text" before the "JD:" labels (a header's "Interviewer (I):
            # Jane Doe" names who the role is: a field, not a turn)
            short = names.short_form(use.shape.label)
            if short is not None and short in confirmed and not names.is_role(use.shape.name):
                return _INTRODUCES
        look = use.look
        if known and assessment.capitals.get(use.key, False) and not look.capitals:
            # "Farncombe." in a play whose FARNCOMBE is always in capitals: a word
            return Verdict(False, "written unlike this name's other labels (capitals)")
        lost = (
            known
            and use.shape.placement == ALONE
            and (use.next_line in label_lines or use.next_line < 0)
        )
        # "Michael KENNEDY:" opening a show whose labels are then "KENNEDY:": the speaker
        # introduced in full, before the dialogue, written as an introduction is.
        introduced = (
            not known
            and use.line < start
            and use.speech
            and use.line not in assessment.slots
            and _introduces_confirmed(use, confirmed)
        )
        # "Speaker 5" among a diarised "Speaker 1" to "Speaker 4": a voice heard once,
        # where the machine cut the speech (after half a sentence too)
        voice = not known and _numbers_another_voice(use, confirmed)
        kinds = _CONFIRMED_KEEP if known or introduced or voice else _ALL
        broken = _first_broken(look, convention.habits, kinds, self.memo(convention))
        if broken == _STANDS_ALONE and _introduces_with_role(use, convention):
            return Verdict(True, "introduces a speaker and role alone over the speech")
        if broken is not None and not lost:
            return Verdict(False, broken)
        if lost:
            return Verdict(True, "a recurring name whose speech was lost (a label follows)")
        if introduced:
            return Verdict(True, "introduces in full a name the convention confirms")
        if not convention.habits:
            broken = _unlike_the_others(use, convention.family)
            if broken is not None:
                return Verdict(False, broken)
        if convention.reason == _SAME_SPEAKERS and not use.speech:
            return Verdict(False, "no speech follows")
        if (
            convention.reason == _SAME_SPEAKERS
            and use.shape.placement == INLINE
            and use.shape.signature.delimiter != ":"
            and self._lines
            and self._speech_opens_lower(use)
        ):
            # "_Peachum_ sitting at a Table ...", beside "_Peachum._ Sir, ...": a direction
            # (not "niko: cargo fix for sure", a colon's speech in lower case)
            return Verdict(False, "names a speaker in a direction, in another shape")
        if convention.reason == _SAME_SPEAKERS and use.line < start:
            return Verdict(False, "before the dialogue, in another shape than its labels")
        if known:
            return _RECURRING
        if use.shape.aside is not None:
            # "_Princess sings_" is the Princess, known; "_Enter quickly, with lights_"
            # is a stage direction in italics, not someone called Enter.
            return Verdict(False, "a note on how a line is given, after no known name")
        if convention.reason == _SAME_SPEAKERS:
            # "Hero  shall 'scape ...": a verse line opening with a name, in the shape of
            # the cast list; that shape was taken for the speakers it names, no others.
            return Verdict(False, "a new name in a shape taken only for known speakers")
        if (
            self.is_common(use)
            and not _sets_labels_apart(convention)
            # (a chat log's nick in angle brackets is written in lower case wherever the
            # log names it: "-!- priya has quit" says nothing against "<priya>")
            and convention.signature.wrapper != "angle"
        ):
            return Verdict(False, "a word the text also writes in lower case, not a name")
        # A label over another label, or over a heading where the convention is
        # established enough to tell, lost its speech (Hansard); otherwise speech follows.
        # (A label with text on its line has not lost its speech: "API - application
        # programming interface" over "SDK - ..." is a glossary's entry.)
        lost_speech = (
            use.shape.placement == ALONE
            and (use.next_line in label_lines or (use.heading_next and convention.habits))
            and not _unknown_group(use.shape.label, confirmed)
        )
        if not use.speech and not lost_speech:
            return Verdict(False, "no speech follows")
        # (a time into the recording before the name, "[00:01:43] Sergeant-at-Arms:", is
        # how a transcription tool stamps each turn, the first one too)
        if use.line < start and not (
            (_is_marked(use, confirmed) or use.shape.time is not None) and use.speech
        ):
            if use.speech and self._addressed_next(use, label_lines):
                return Verdict(True, "opens the dialogue: the next speaker names them")
            return Verdict(False, "before the dialogue, and not marked as a speaker")
        return Verdict(True, "fits the convention")
