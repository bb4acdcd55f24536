"""The grammar of speaker labels: what the opening of a line can look like when it names
who speaks, described by its parts rather than by a list of known conventions.

A candidate label is, at the start of a line (after indentation, a quote or list marker,
an emoji (`🎙️ Host:`),
a turn's number (`12.`, or a parliament's question number and reference: `Q1. [900123]`,
`T2. [900456]`), a broadcast `>>`, and an optional time):

    [wrapper] NAME [affiliation] [time] [wrapper] [delimiter] [time]  then speech or nothing

- NAME: one to six name-like words (or one word in lower case right before a colon:
  `agent:`, `user:`): capitalised or in capitals, initials (also glued to the surname,
  as Russian transcripts write them: `В.Путин:`), honorific
  abbreviations ("Mr.", "Hon."), name particles ("of", "van", "pro tempore"), a number
  after a word ("Speaker 3", "SPEAKER_00"), a name cut short in capitals right before
  the colon ("SL.:", "MNG.:"), or a short word of a script without letter case
  ("主持人");
- wrapper: Markdown bold or italic, brackets, HTML bold, a chat log's angle brackets:
  `**Ali**`, `*Joe (1:00:05)*`, `[Name]`, `<b>Name</b>`, `<alice> text`;
- affiliation: `, CNN ANCHOR`, `(Riding, Party)`, `[Interviewer]`, ` - Company - Title`,
  `--Title`, a screenplay's extension in capitals after a tab on a cue set in and alone
  (`JOHN<TAB>(CONT'D)`; `Ben<TAB>(laughs)` at the margin is a tab-separated turn); a
  second parenthesis after it is a note, not part of the label (`(Seat) (Party)`,
  `The Acting CHAIRMAN (Mr. Latham) (during the vote).`);
- a meeting chat's sender after a time (`10:02:03 From Ana Berg to Everyone:`) or
  before it (`From Ana Berg to Everyone 10:02 AM`), the recipient set aside;
- time: `[00:15]` before the name (inside the wrapper too: `**[00:15] Ana:**`),
  `(00:00:11)` after it, `0:34` or `\\[04:22\\]` after
  the label (a time of day, `10:02 AM` as a meeting app writes it, is no time in the
  recording);
- delimiter: a colon (`:`, full-width `：`), a period (`LILY.`, `Mr. GRASSLEY.`, a stenogram's
  two initials after a surname in capitals, `АРІСТОВ Ю.Ю. Дякую.`; glued to a
  dash as Spanish plays set it, `BERNARDA.—¡Silencio!`, or to a hyphen as Pacific
  Hansards set it, `HON. S. KIRPAL.- Thank you`), a dash
  between spaces (`JOHN — text`, `Mary Jones - text`), a wide gap before the text
  (`Q\\xa0\\xa0text`, a tab: `Name<TAB>text`), the corner bracket opening the speech in a
  Japanese script (`太郎「おはよう」`), or nothing when the label stands alone on its line
  or is wrapped;
- a table's row: a name in a cell ended by a `|` (`| Interviewer | How did you start? |`,
  or without the outer pipes, `Interviewer | How did you start?`), after a row number or
  a time in a cell of its own (`| 00:01:02 | Interviewer | ... |`); which lines frame a
  table is `tables.py`'s.

`shape_of` parses one line into a `Shape`, or None. It decides nothing about speakers:
which shapes a document uses as labels is inferred from the document (`conventions.py`).
Its `signature` is what the inference groups labels by.

Two marks after a name are read and set aside: inside a wrapper, or before a colon
ending the line, a few words in lower case that say how the line is given, not who gives
it (`_Princess sings_`, `*Bob, laughing*`, `ChatGPT said:` over the message:
`Shape.aside`); and a screenplay's caret after a name alone on its line
(`BRICK ^`: Fountain's mark of dialogue spoken at the same time as the speech before).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ... import names
from ...compiled import compile_kept, kept, kept_regex
from ...timecode import CLOCK_PATTERN, DATE_PATTERN, MERIDIEM_PATTERN, parse_clock
from .lines import indent_width

if TYPE_CHECKING:
    import regex

# How a name is written, where a convention keeps it (`Signature.case`): in lower case
# ("agent"), or as a sentence opens ("Phóng viên", "Le journaliste").
LOWER = "lower"
PHRASE = "phrase"

# A time of day after a label's name, as chat apps stamp each message (`Signature.time`).
CLOCK = "clock"
# A time on the line under a label standing alone, stepping forward from label to label
# (`candidates.py`): "Ana Ruiz" over "9:14 AM", "Jane Doe" over "00:00:05".
BELOW = "below"
# A time (or a message's date and time) on the line right above a label standing alone,
# as a message export stamps each message: "May 17, 2022  5:29:42 PM" over "Ana Ruiz".
ABOVE = "above"
# A time after a label standing alone on its line (`Ali  0:00`, `Ana Ruiz  14:02` over
# the message): every label of such an export carries one, so it is part of the shape,
# and a one-word reply alone on its line ("Yes") is not of it.
ALONE_TIMED = "after"
# A time into the recording between a name and its words, with no delimiter (`Ana Ruiz
# 00:01:05 Welcome back`): the time is the label's end, so it is part of the shape.
INLINE_TIMED = "between"

# An emoji or another pictograph before each label, as a podcast's notes mark speakers
# ("🎙️ Host:", "🎧 Guest:"): a marker (`Signature.marker`), whichever one it is.
PICTOGRAPH = "emoji"
# (the emoji blocks: dingbats and miscellaneous symbols, the supplementary pictographs)
_PICTOGRAPHS = "[\u2600-\u27bf\U0001f300-\U0001faff]"

# Placement of the speech: on the label's line, or below it.
INLINE = "inline"
ALONE = "alone"

# Wrappers, by what they are rather than how they are written.
_WRAPPERS = {
    "**": "bold",
    "__": "bold",
    "<b>": "bold",
    "<strong>": "bold",
    "*": "italic",
    "_": "italic",
    "[": "brackets",
    "【": "brackets",  # Chinese lenticular brackets: 【主持人】
    "<": "angle",  # a chat log's nick: "<alice> text"
    "#": "hash",  # a dialogue corpus's "#Person1#: text" (DialogSum)
}
_CLOSERS = {"**": "**", "__": "__", "<b>": "</b>", "<strong>": "</strong>", "*": "*", "_": "_"}
_CLOSERS["["] = "]"
_CLOSERS["【"] = "】"
_CLOSERS["<"] = ">"
_CLOSERS["#"] = "#"


class Signature(NamedTuple):
    """The parts of a label's shape that a document's convention keeps fixed.

    A time written after a label with its speech on its line and an affiliation come and
    go within one convention ("**Rob Pike:** \\[04:22\\]" beside "**Rob Pike:**"; "WOLF
    BLITZER, CNN ANCHOR:" then "BLITZER:"), so they are not part of it (a label alone on
    its line with a time after it is: `ALONE_TIMED`); nor is where the speech starts (on the
    label's line or below it), which is a habit the inference learns per document.
    """

    # "", ">>" (broadcast), ">" (quote), "-" (list), "#" (heading), "|" (row), "from"
    # (a meeting chat's sender); a turn's number is none (it comes and goes)
    marker: str
    wrapper: str  # "", "bold", "italic", "brackets", "angle" (a chat log's `<nick>`)
    # "", "before" (a time opens the line), "inside" (Name (00:01):), CLOCK (a time of
    # day after the label, as a chat app stamps every message: `Ana Ruiz  9:14 AM`; an
    # offset after it comes and goes, a time of day does not), BELOW (a time on the
    # line under the label), ABOVE (on the line above it), ALONE_TIMED (a time after a
    # label alone on its line)
    time: str
    # ":", ".", "dash" (`JOHN — text`), "gap" (spaces before the text), "cell" (the
    # name is a table's cell: `| Name | text |`), "quote" (the speech in corner brackets
    # right after the name: `太郎「おはよう」`), ""
    delimiter: str
    # "lower": a name in lower case (`agent:`, `user:`, `spk_0:`); "phrase": written as a
    # sentence opens (`Phóng viên:`, `Le journaliste :`)
    case: str = ""

    @property
    def is_strong(self) -> bool:
        """A shape ordinary sentences seldom take: a colon after a name, a time with it,
        or a chat log's `<nick>`. A period, a gap or nothing after a few capitalised
        words is weak evidence."""
        return self.delimiter == ":" or self.time != "" or self.wrapper == "angle"

    def describe(self, placement: str | None = None) -> str:
        """The convention as a reader would write it: `**Name:** text`, `NAME.` alone."""
        name = "name" if self.case == "lower" else "Role word" if self.case == PHRASE else "Name"
        if self.time == "inside":
            name += " (0:00)"
        elif self.time == CLOCK:
            name += " 9:14 AM"
        elif self.time == BELOW:
            name += " over a time"
        elif self.time == ABOVE:
            name += " under a time"
        if self.wrapper == "hash":
            name = f"#{name}#"  # (the colon after it: "#Person1#:")
        if self.delimiter == ":":
            name += ":"
        elif self.delimiter == ".":
            name += "."
        elif self.delimiter == "dash":
            name += " —"
        if self.wrapper == "bold":
            name = f"**{name}**"
        elif self.wrapper == "italic":
            name = f"*{name}*"
        elif self.wrapper == "brackets":
            name = f"[{name}]"
        elif self.wrapper == "angle":
            name = f"<{name}>"
        if self.delimiter == "cell":
            name += " |"
        if self.time == ALONE_TIMED:
            name += "  0:00"  # (after the wrapper: `**Ali**  0:00`)
        elif self.time == INLINE_TIMED:
            name += " 0:00:00"  # `Ana Ruiz 00:01:05 Welcome back`
        if self.time == "before":
            name = f"0:00 | {name}" if self.delimiter == "cell" else f"[0:00] {name}"
        if self.marker == PICTOGRAPH:
            name = f"(emoji) {name}"
        elif self.marker:
            name = f"{self.marker} {name}"
        if self.delimiter == "quote":
            return name + "「text」"
        if placement == INLINE or self.delimiter in ("gap", "cell"):
            if self.delimiter == "cell" and self.marker == "|":
                return name + " text |"
            return name + ("   text" if self.delimiter == "gap" else " text")
        if placement == ALONE:
            return f"{name} alone on its line, speech below"
        return name


class Shape(NamedTuple):
    """A candidate label found at the start of a line."""

    name: str  # the name as written, spacing normalised ("MRS. UPJOHN")
    label: str  # name and affiliation as written ("WOLF BLITZER, CNN ANCHOR")
    affiliation: str | None  # "CNN ANCHOR", "Minister of ..., Lib.", None
    signature: Signature
    placement: str  # INLINE (speech on the label's line) or ALONE
    rest_at: int  # where the text after the label starts in the line
    time: float | None  # a time given with the label, in seconds
    indent: int  # columns of indentation before the label
    aside: str | None = None  # how the line is given, inside the wrapper ("sings")
    # the wrapper's closing mark, at the end of the line after the speech, where the
    # whole line is wrapped ("**Q: How did you start?**"): not part of what is said
    trailing: str | None = None


_CLOCK = CLOCK_PATTERN
# A time in brackets may be a span: "[00:00:00.000 --> 00:00:03.120]", "(1:05 - 1:09)", or
# a diarisation tool's seconds, "[0.00 - 3.12]" (seconds alone only in brackets before a
# name, `_BRACKETED_SECONDS`).
_SECONDS = r"\d{1,6}\.\d{1,3}s?"  # (a diarisation tool's "0.00 - 3.12", "4.52s")
# A time in seconds alone, in brackets before a name, as a meeting corpus writes each
# line's start ("[0050.42] Speaker B: Okay"): two or three decimals, where "[3.2]"
# numbers a section.
_BRACKETED_SECONDS = r"\d{1,6}\.\d{2,3}"
_SPAN_SEPARATOR = r"[ ]*(?:-->|--?|–)[ ]*"
_SPAN = f"(?:{_CLOCK}(?:{_SPAN_SEPARATOR}{_CLOCK})?|{_SECONDS}{_SPAN_SEPARATOR}{_SECONDS})"
# A date before the time of day, as chat and meeting exports write it: "[12/01/2023,
# 10:02:03]", "2023-01-12 10:02"; and the half of the day after a time: "10:02 AM".
_DAY = DATE_PATTERN + r",?[ ]"
# The day a chat app writes before the time of day after a name: a date, or a day's
# word, with "at" ("Ana — Today at 9:14 AM", "Ana — Yesterday at 18:02", "Ana — Monday
# 9:14 AM", "Ana — 03/12/2024 9:14 AM", as Discord copies them).
_CHAT_DAY = r"(?:{DAY}|[{UPPER}][{LOWER}]{{2,8}}[ ](?:at[ ])?)"
_MERIDIEM = MERIDIEM_PATTERN


def _alternatives(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first (so "der" is tried before "de"), in
    the same order in every run: the grammar, and what it matches, do not depend on the
    order a set happens to iterate in."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_ABBREVIATION = _alternatives(names.NAME_ABBREVIATIONS)
_PARTICLE = _alternatives(names.NAME_PARTICLES)
# Diarisation labels in lower case ("spk_0", "speaker_1"): a role word and a number.
_NUMBERED_ROLE = _alternatives(
    word for word in names.ROLE_WORDS if len(word) >= 3 and word.isalpha()
)

# The grammar below is written once with these letter classes, and compiled twice: with
# Unicode classes (the `regex` module) for any text, and with their ASCII equivalents
# (the faster `re`) for lines that are ASCII, where the two match alike (a test holds
# them to it). {CASELESS} is the alternative for a word of a script without case.
_UNICODE_CLASSES = {
    "UPPER": r"\p{Lu}\p{Lt}",
    "LETTER": r"\p{L}",
    "MARK": r"\p{M}",
    "UPPER_OR_CASELESS": r"\p{Lu}\p{Lt}\p{Lo}",
    "LOWER": r"\p{Ll}",
    # 主持人, ジョン・スミス, היו"ר, and an abbreviation before a name: डॉ. शर्मा
    "CASELESS": r"| [\p{Lo}]" + names.CASELESS_LETTER + r"{0,19}+(?:\.(?=[ ][\p{Lo}]))?",
    "PICTOGRAPH": _PICTOGRAPHS,
}
_ASCII_CLASSES = {
    "UPPER": "A-Z",
    "LETTER": "A-Za-z",
    "MARK": "",
    "UPPER_OR_CASELESS": "A-Z",
    "LOWER": "a-z",
    "CASELESS": "",
    "PICTOGRAPH": "(?!)",  # (no emoji in ASCII)
}
# One word of a name.
_TOKEN = r"""(?:
    (?=[{LETTER}]{{1,5}}\.)(?i:{ABBREVIATION})\.      # Mr. Hon. St.
  | (?:[{UPPER}]\.){{1,2}}+[{UPPER}][{LOWER}][{LETTER}{MARK}'’\-]*+  # "В.Путин", "J.Smith"
  | [{UPPER}]\.(?:[ ]?[{UPPER}]\.){{1,2}}+              # initials: "J.R.", "Иванов И.И."
  | [{UPPER}](?:\.[{UPPER}]){{1,2}}+(?![{LETTER}{MARK}.])  # initials with no last point: "B.D"
  | [{UPPER}]\.(?=[ ][{UPPER}])                        # an initial: "J. Smith"
  | [{UPPER}]{{2,5}}\.(?=[ ]?[:：]|[ ]\([^()\r\n]{{1,40}}\)[ ]?[:：])  # SL.: (not Tel.:)
  | (?=[{UPPER}][{LOWER}]{{2,11}}[ ]\d{{4}})(?i:{NUMBERED_ROLE})[ ]\d{{4,9}}(?![{LETTER}\d])
                                                       # a support chat's "Visitor 48213"
  | [{UPPER}][{LETTER}{MARK}'’\-]*+(?:_?\d{{1,3}})?+     # Name, NAME, O'Brien, Speaker4
  | [1-9](?i:st|nd|rd|th)(?=[ ][{UPPER}])              # an ordinal: "1ST GIRL", "2nd Officer"
  | (?=[a-z]{{2,12}}[_ ]?\d)(?:{NUMBERED_ROLE})[_ ]?\d{{1,3}}(?![{LETTER}\d])  # spk_0
  {CASELESS}
)"""
# Later words may also be a name particle ("SMITH of New Jersey") or a number ("Speaker 3",
# "UNIDENTIFIED REPORTER #1").
_LATER = (
    r"(?:{TOKEN}|(?=[a-z])(?:{PARTICLE})(?=[ .:：(])|\#?\d{{1,3}}(?!\d|:\d)"
    r"|[‘“'\"][{UPPER}][{LETTER}{MARK}\-]*+(?:[ ][{UPPER}][{LETTER}{MARK}\-]*+)?[’”'\"])"
    # (a nickname in quotes: "Andrew ‘Boz’ Bosworth", "Dwayne 'The Rock' Johnson")
)
# A name may open with a particle or two in lower case before a capitalised word: "de
# Klerk", "van der Berg".
# A name in lower case, as chat and support logs and chatbot transcripts write them
# ("agent:", "user:", "participant 2:"), is one word (and a number) right before a
# colon (with a dot in it, a user name, "ana.ruiz", only before the time),
# a chat log's nick in angle brackets ("<alice> text"), or a chat app's user before a
# dash and the time of day ("ana — Today at 9:14 AM").
_LOWER_NAME = (
    r"[{LOWER}][{LOWER}{MARK}'’\-_]{{1,24}}+"
    r"(?:\.[{LOWER}][{LOWER}{MARK}'’\-_]{{0,24}}+(?=[ \t]+\d|[ ][—–][ ]))?"  # ana.ruiz  14:02
    r"(?:[ _]?\d{{1,3}})?"
    r"(?=[ \t]*[:：]|>[ \t]|[ ][—–][ ](?:{CHAT_DAY})?\d{{1,2}}:\d"  # ana — Today at 9:14 AM
    r"|[ \t]+\d{{1,2}}:[0-5]\d(?:{MERIDIEM})?{LINE_END})"  # ana  14:02 (alone, message below)
)
# An office named in full before its holder in brackets, as the UK Hansard writes a
# minister: "The Secretary of State for Health and Social Care (Victoria Atkins)"; or
# named by a French honorific and its article, as French parliaments write the chair and
# the government's speakers: "M. le président.", "Mme la ministre déléguée :".
_OFFICE = (
    r"The[ ][{UPPER}][{LETTER}'’\-]*+"
    r"(?:[ ](?:[{UPPER}][{LETTER}'’\-]*+|of|for|and|the|to|on|in|at)){{2,14}}(?=[ ]\()"
    r"|(?:" + "|".join(map(re.escape, names.FRENCH_HONORIFICS_WRITTEN)) + ")"
    r"[ ](?:l[ae][ ]|l['’])[{LOWER}][{LOWER}'’\-]*+"
    r"(?:[ ][{LOWER}][{LOWER}'’\-]*+){{0,8}}(?=[ \xa0]?[.:：])"
)
# A chat log's nick, right after its angle bracket and mode: any characters but spaces
# and brackets, digits and a bridge's mark included ("<rot13maxi>", "<BlueMatt[m]>").
_NICK = r"(?:(?<=<)|(?<=<[ @+%~&]))[^\s<>@+%~&*_][^\s<>]{{0,29}}(?=>[ \t])"
_ONE_NAME = (
    r"(?:{NICK}|{LOWER_NAME}|{OFFICE}"
    r"|(?:(?:(?=[a-z])(?:{PARTICLE})[ ]){{1,2}}(?=[{UPPER}]))?{TOKEN}(?:[ ]{LATER}){{0,5}})"
)
# A group speaking together is a list of names ending in "and": "BLAND, DE CASTRO, AND
# ROPER", "Ana and Ben". Last (tried only where no name fits): a role written as a
# sentence opens, a capitalised word and a word or two in lower case right before the
# colon ("Phóng viên:", "Le journaliste :"), which only recurring makes a label
# (`conventions.py`: "He said:" opens a quotation).
_NAME = r"(?:{ONE}(?:(?:,[ ]{ONE}){{0,4}},?[ ](?:and|AND|And|&)[ ]{ONE})?|{PHRASE})"
_PHRASE = (
    r"[{UPPER}][{LOWER}{MARK}'’\-]*+(?:[ ][{LOWER}][{LOWER}{MARK}'’\-]*+){{1,2}}"
    r"(?=[ \t\xa0]*[:：])"
)
# A word of an affiliation: a title, an office, a place or a party ("CNN ANCHOR",
# "Chief Executive Officer", "D-NM"), with the small words titles hold. The first word is
# a capitalised word or a number, never a small word ("Mr. Chairman, the U.S. decision
# ..." is a sentence, not "Mr. Chairman" and a title).
_AFFILIATION_WORD = (
    r"(?:[{UPPER_OR_CASELESS}\d](?:[{LETTER}{MARK}\d'’\-&/]|\.(?=[{LETTER}\d]))*+(?:\.(?=[ ]))?"
    r"|(?:{SMALL}|&))"
)
# The small words an affiliation's title holds in lower case ("Minister of Health").
_SMALL_WORDS = "of|the|and|for|to|on|in|at|de|du|des|la|le|y|et|und"
# An affiliation never opens with "and": "BLAND, DE CASTRO, AND ROPER." is a group.
_AFFILIATION_WORDS = r"(?=[{UPPER_OR_CASELESS}\d])(?!(?i:and)[ ]){WORD}(?:[ ]{WORD}){{0,9}}"
_AFFILIATION = r"""(?:
    (?:,[ ]{{1,2}}{WORDS}(?:[ ](?:--?|–|—)[ ]{WORDS})?){{1,3}}    # , CNN ANCHOR; , Acme - CEO
  | [ ]?(?P<italic_note>[_*](?=\())?                           # NORA _(aside)_. (Gutenberg)
    \((?![ ]*{SPAN}[ ]*\))[^()\r\n]{{1,120}}\)(?(italic_note)(?P=italic_note))  # (Riding, Party)
    (?:,[ ]{WORDS}){{0,3}}                                    # (D), NEW MEXICO, SENATOR
  | [ ]?\[(?![ ]*{SPAN}[ ]*\])(?:[^\[\]\r\n]{{1,60}}             # [Interviewer]
      |[_*]?[{LOWER}][^\[\]\r\n]{{60,200}})\]                     # [in the space between ...]
  | （[^（）\r\n]{{1,40}}）                                     # 李明（记者）
  | ,[ ](?=[a-z][^.\r\n]{{0,100}}\.[ ](?:—|–|--?)[ ])[^.\r\n]{{1,100}}  # , on behalf of X. –
  | ,(?:[ ][{LOWER}][{LOWER}{MARK}'’\-]*+){{1,3}}(?=[ \t\xa0]*[:：])   # Ana Ruiz, host:
  | [ ]reporting(?=[ \t\xa0]*:)                        # CARRIE KAHN reporting: (NPR)
  | [ ]{{1,2}}(?:--?|–|—)[ ]{{0,2}}
    (?!(?:{CHAT_DAY})?\d{{1,2}}:\d){WORDS}                       # (not "— Today at 9:14")
    (?:[ ](?:--?|–|—)[ ]{WORDS})?                             # - Company - Title
    (?:,[ ]{WORDS}){{0,2}}                                    # - Acme - VP, Investor Relations
    (?!\.(?:[ \t\xa0\r\n]|\Z))                               # (not "Ana - Morning John.")
)"""
_LINE_END = r"[ \t\xa0\u3000\r\n]*\Z"
_GRAMMAR = r"""
    (?P<indent>[ \t\xa0\u3000]{{0,48}})
    (?:(?P<marker>>>|>(?=[ ])|[-•+*](?=[ \t])|\#{{1,6}}(?=[ ])|\d{{1,4}}[.)](?=[ \t])
      |[A-Z]\d{{1,3}}\.(?=[ \t])(?:[ \t]+\[\d{{1,9}}\](?=[ \t]))?       # Q1. [900123] Name
      |\|(?:[ \t]*\d{{1,6}}[ \t]*\|)?                            # ### Name, 12. Name, | row
      |{PICTOGRAPH}\ufe0f?(?=[ ])                                    # 🎙️ Host: (a podcast's notes)
      |[○◯](?=\S))[ \t\xa0]*)?                                       # ○議長（…君）　(Japan's Diet)
    (?P<pre_open>\*\*|__)?(?(pre_open)(?=\\?[\[(]?\d))        # **[00:00:02] Ana:**, **0:01 - Ana:**
    (?:(?=[\\\[(\d])(?P<before>
        \\?[\[(][ ]{{0,4}}(?P<date>{DAY})?{SPAN}(?:{MERIDIEM})?+[ ]{{0,4}}\\?[\])]?
      | \[{SECONDS}\]                                             # [0050.42] (AMI's seconds)
      | (?P<bare_date>{DAY})?{SPAN}(?:{MERIDIEM})?+                # "9:14 AM" names no "AM"
    )[ \t\xa0]+(?:[-–—|][ \t\xa0]+)?)?                            # [00:15], [12/01/2023, 10:02]
    (?P<sender>(?(before)From[ \t]+                              # Zoom's chat: 10:02:03 From Ana
      |From[ \t]+(?=[^\r\n]{{1,80}}?[ \t]to[ \t][^\r\n]{{1,80}}?     # From Ana to Everyone 9:14 AM
        [ \t]{CLOCK}(?:{MERIDIEM})?{LINE_END})))?                  # (not "From May to June: ...")
    (?P<open>\*\*|__|\*|_|\[|【|<(?i:b|strong)>|<[ @+%~&]?(?=[^\s<>/!?])|\#(?=[^\s\#]))?
    (?P<name>{NAME})
    (?(sender)(?P<recipient>[ \t]+to[ \t]+(?:{NAME})                # to Everyone,
      (?:[ \t]*\([^()\r\n]{{1,30}}\))?)?)                             # to Tom(Direct Message)
    (?P<affiliation>{AFFILIATION})?
    (?P<note>[ ]\((?![ ]*{SPAN}[ ]*\))[^()\r\n]{{1,40}}\))?       # (Lab), (during the vote)
    (?P<aside>(?:,?[ ][{LOWER}][{LOWER}'’]*){{1,3}}(?=\*|_|\]|</)  # _Princess sings_
      |[ ][{LOWER}]{{2,12}}(?=[ \t]*[:：]{LINE_END}))?                 # ChatGPT said: (alone)
    (?:[ \t]*(?P<inside>\({SPAN}\)|\[{SPAN}\]))?
    (?:[ \t]+\[\d{{1,4}}\](?={LINE_END}))?                           # a turn's number: "[2]"
    (?P<inner>[ ]?[:：](?=\*|_|\]|】|</|>[ \t\xa0]*$))?                # <Name:> (the Knesset)
    (?P<inner_dot>(?<![ ])\.(?=\*|_|</))?                         # _Ham._, **Mag.** (a play)
    (?P<close>\*\*|__|\*|_|\](?!\()|】|</(?i:b|strong)>|>(?=[ \t])|(?<=[:：])>|\#)?  # (a link)
    (?:[ ]\^(?={LINE_END}))?                                    # BRICK ^ (dual dialogue)
    (?:
        [ \t\xa0]*(?:[:：][ \t\xa0]*)?(?P<cell>\|)                  # | Name | text |
      | (?P<abbreviated>\.(?=[ \t\xa0]*[:：]))?                   # Int.:, Корр.: (abbreviated)
        [ \t\xa0]*(?P<colon>:(?=[^/\\\d]|\Z)|：)                  # (A：1990年, not 10:30)
      | (?P<dash>\.?[ ](?:—|–|--?)(?=[ \t\xa0]+\S))              # JOHN — text, Name. – text
      | (?P<dot>\.(?=[ \t\xa0\r\n]|\Z)|\.[—–](?![—–])          # LILY. text, BERNARDA.—Text
        |\.-(?=[ \t\xa0]))                                     # HON. S. KIRPAL.- Thank you
      | (?<=\])(?P<directed>[ ](?=\S))                          # PRAED [to Vivie] Yes.
      | (?<=[*_\]>】])
      | (?P<quote>(?=[「『]))                                     # 太郎「おはよう」
      | (?=,?[ \t\xa0]*(?:\\?\[|\()?(?:{DAY})?\d{{1,3}}:\d)
      | (?={LINE_END})
      | (?P<gap>(?=\xa0|[ \t]{{2}}|\t|\u3000))
    )
    (?:,?[ \t\xa0]*(?P<after>\\?\[(?P<after_date>{DAY})?{SPAN}\\?\]   # [04:22], [12.03.24 10:02]
      |\({SPAN}\)|(?P<after_day>{CHAT_DAY})?{CLOCK}(?P<meridiem>{MERIDIEM})?)
      (?=[ \t\xa0\r\n]|\Z))?                                  # 0:34, 10:02 AM
    [ \t\xa0\u3000]*
"""


def grammar(classes: dict[str, str]) -> str:
    """The label grammar as regular-expression source, with the given letter classes."""

    def fill(template: str, **parts: str) -> str:
        return template.format(**classes, **parts)

    token = fill(_TOKEN, ABBREVIATION=_ABBREVIATION, NUMBERED_ROLE=_NUMBERED_ROLE)
    later = fill(_LATER, TOKEN=token, PARTICLE=_PARTICLE)
    chat_day = fill(_CHAT_DAY, DAY=_DAY)
    lower = fill(_LOWER_NAME, CHAT_DAY=chat_day, MERIDIEM=_MERIDIEM, LINE_END=_LINE_END)
    office = fill(_OFFICE)
    one = fill(
        _ONE_NAME,
        NICK=fill(_NICK),
        TOKEN=token,
        LATER=later,
        PARTICLE=_PARTICLE,
        LOWER_NAME=lower,
        OFFICE=office,
    )
    name = fill(_NAME, ONE=one, PHRASE=fill(_PHRASE))
    words = fill(_AFFILIATION_WORDS, WORD=fill(_AFFILIATION_WORD, SMALL=_SMALL_WORDS))
    affiliation = fill(_AFFILIATION, WORDS=words, SPAN=_SPAN, CHAT_DAY=chat_day)
    return fill(
        _GRAMMAR,
        NAME=name,
        AFFILIATION=affiliation,
        CLOCK=_CLOCK,
        SPAN=_SPAN,
        SECONDS=_BRACKETED_SECONDS,
        LINE_END=_LINE_END,
        DAY=_DAY,
        CHAT_DAY=chat_day,
        MERIDIEM=_MERIDIEM,
    )


@functools.cache
def unicode_grammar() -> regex.Pattern[str]:
    """The grammar with Unicode letter classes, compiled the first time a line outside
    ASCII asks for it: compiling it takes about a tenth of a second, which a file in
    ASCII (and a run over small files) need not pay."""
    import regex  # here, not at the top: see `compiled._regex_engine`

    return regex.compile(grammar(_UNICODE_CLASSES), regex.VERBOSE | regex.VERSION0)


# Possessive quantifiers came to `re` in Python 3.11; before, every line takes `regex`.
# (Its compiled program is kept in the user's cache: compiling it is most of a small
# file's run.)
_ASCII: re.Pattern[str] | None = (
    compile_kept(grammar(_ASCII_CLASSES), re.VERBOSE, "label-grammar")
    if sys.version_info >= (3, 11)
    else None
)


@functools.cache
def _clock_in() -> regex.Pattern[str]:
    import regex  # here, not at the top: see `compiled._regex_engine`

    return regex.compile(r"\d[\d:.,]*\d")


# (The lookaheads before the abbreviations, the particles and a time opening the line only
# save time: they fail at once where the alternation after them would fail slowly.)
# Shapes by the text they were read from (the same label recurs through a document);
# past this many, shapes are no longer remembered, so no document can make it grow.
_REMEMBERED = 50_000
_shapes: dict[tuple[str, bool, bool, bool, bool | str | None], Shape | None] = {}
# A line's opening up to a colon and the spaces after it, with the character that follows
# (not a digit, bracket or parenthesis, which may open a time): where no parenthesis or
# bracket comes before the colon, the grammar reads nothing past this, so lines that open
# alike have the same shape, and a document's recurring "Name: " is read once. (The
# opening's characters take no colon, so a colon can only come where they stop: taken
# possessively, a line of prose with no colon near its start is given up at once, not
# tried again at each of 80 shorter openings. A test holds it to the greedy pattern.)
_HEAD_WIDTH = 80  # (characters before the colon, at most)
_HEAD = kept(rf"[^:：\r\n(\[]{{1,{_HEAD_WIDTH}}}+[:：][ \t]+[^\s\d\\\[(]")
_heads: dict[str, Shape] = {}  # (only labels: prose that opens alike is seldom repeated)
# Labels alone on their line by the whole line: a play's "First Citizen:", a debate's
# "Mr. Bill Blaikie (Winnipeg-Transcona, NDP):" recur through a document as they are.
_alone: dict[str, Shape] = {}


# A cheap test that a line cannot be a label, to spare most lines of prose and verse the
# grammar. No label opens with
# - a capitalised word, a space, then a word in lower case ("And let me speak"): after
#   the first word and one space the grammar takes only another name word (capitalised,
#   a particle such as "van", a number, a role numbered as in "speaker 1", an
#   abbreviation such as "mr.") or a group's "and", or a word or two in lower case
#   right before a colon ("Le journaliste :", "ChatGPT said:");
# - capitalised words, a space, then a word in lower case ("That I crave death"): as
#   after one word, and besides a group's name in lower case after "And" ("Tom And
#   jerry:") and the small words of an office ("The Secretary for Health (Ana Ruiz)");
# - capitalised words, a comma, then a word in lower case ("Romeo, come forth"): after a
#   comma it takes only another name (opening with a particle, or in lower case right
#   before a colon or a dash), an affiliation (capitalised or a number, or in lower
#   case where a period and a dash end it: ", on behalf of the PPE Group. –") or ", and";
# - capitalised words, a comma, capitalised words, then a word in lower case ("Mr.
#   Speaker, I am delighted"): after a comma the words are an affiliation, which takes
#   only its small words in lower case ("Minister of Health"), or a group's next name;
# - a word in lower case ("and so farewell"), unless it is an abbreviation, a numbered
#   role ("spk_0"), a particle opening a name ("de Klerk") or a name in lower case right
#   before a colon ("agent: hi") or a dash (Discord's "ana — Today at 9:14 AM").
# The capitalised words may be abbreviations ("Mr.": a name cut short there is none).
# A word is told by its ASCII letters; what may follow them in a name, a phrase or an
# aside is any character but a space, a colon or punctuation (more than the grammar
# takes: "Le café :", "Ana, van Dijk and Ben:"), so the filter only ever errs towards
# asking the grammar. (A test holds the filter to the grammar.)
_CAPITALISED = r"[A-Z][a-z']*+"  # (ends where the grammar's name word ends: at a space)
# (After its lookahead an abbreviation is written capitalised in ASCII, so it is one of
# them capitalised: matched as written rather than ignoring case, it costs a line opening
# "Dr." or "Mr." half as much. A test holds the two alike.)
_CAPITALISED_ABBREVIATION = _alternatives(word.capitalize() for word in names.NAME_ABBREVIATIONS)
_NAME_WORD = rf"(?>{_CAPITALISED}(?!\.)|(?=[A-Z][a-z]{{1,4}}\.)(?:{_CAPITALISED_ABBREVIATION})\.)"
_WORD_CHARS = r"[^\s:：,.;!?()\[\]<>]++"
_BEFORE_COLON = rf"{_WORD_CHARS}(?:[ ]{_WORD_CHARS})?[ \t\xa0]*[:：]"
_LOWER_NAME_AHEAD = (
    rf"{_WORD_CHARS}(?:\.{_WORD_CHARS})?(?:[ _]?\d{{1,3}})?"
    rf"(?:[ \t]*[:：]|[ ][—–][ ]|[ \t]+\d{{1,2}}:\d)"
)
# (after capitalised words and a space: what in lower case may still go on with a name,
# a group, an office or an affiliation)
_NOT_A_NAME_GOING_ON = (
    rf"(?!(?:{_SMALL_WORDS}|{_PARTICLE})(?![^\W\d_]))(?!{_BEFORE_COLON})(?!{_LOWER_NAME_AHEAD})"
)
# (after a name and a comma: a role in lower case right before the colon, "Ana Ruiz,
# host:"; any letters, as the grammar's role may be in any script)
_LOWER_ROLE_AHEAD = r"[^\W\d_][\w'’\-]*(?:[ ][^\W\d_][\w'’\-]*){0,2}[ \t\xa0]*[:：]"
# (after capitalised words and a comma: what in lower case may open another name or an
# affiliation there, or capitalised words then a word in lower case)
_AFTER_COMMA = (
    rf"(?:(?=[a-z])(?!(?:and|{_PARTICLE})[ ])(?!{_LOWER_NAME_AHEAD})(?!{_LOWER_ROLE_AHEAD})"
    rf"(?![^.\r\n]{{0,100}}\.[ ](?:—|–|--?)[ ])"
    rf"|{_CAPITALISED}(?:[ ]{_CAPITALISED})*+[ ](?=[a-z]){_NOT_A_NAME_GOING_ON})"
)
# A court reporter's question or answer with one space before the words, as a page of
# a trial's record copied from its PDF sets them under margin numbers ("5 Q Do you know
# somebody named Hope Hicks?", "6 A Yes, I do."): the letter alone, then what is said,
# opening with a capital, a digit or a quotation (not "A lot of people").
_EXAMINATION_OPENING = r"[QA][ ](?=[^\W\d_a-z]|\d|[\"“‘'(\[])"
_PROSE_OPENING = compile_kept(
    # (not a court's "Q Do you know ...": `_examination_shape` reads it)
    rf"[ \t]*+(?!{_EXAMINATION_OPENING})(?:{_NAME_WORD}(?:"
    rf"[ ](?=[a-z])(?!(?:and|{_PARTICLE})(?![^\W\d_]))(?!{_BEFORE_COLON})"
    rf"|(?:[ ]{_NAME_WORD})++(?:[ ](?=[a-z]){_NOT_A_NAME_GOING_ON}|,[ ]{_AFTER_COMMA})"
    rf"|,[ ]{_AFTER_COMMA})"
    rf"|(?=[a-z])(?!(?:{_PARTICLE})[ ])(?!{_LOWER_NAME_AHEAD}))"
    # (not an abbreviation, "mr.", nor a numbered role, "speaker 1"; any character outside
    # ASCII may be a letter folding to one of an abbreviation's, as "ſ" does to "s")
    r"(?![a-z][a-zA-Z\x80-\U0010ffff]{0,4}\.)(?![a-z]{2,12}[_ ]?\d)[a-z]",
    0,
    "prose-opening",
)


def cannot_be_label(line: str, pos: int = 0) -> bool:
    """Is `line` (from `pos`) sure to fit no label shape? False when unsure."""
    return _PROSE_OPENING.match(line, pos) is not None


def shape_of(line: str, pos: int = 0, likely: bool = False) -> Shape | None:
    """The candidate label at the start of `line` (or at `pos`, after a margin number).

    `likely` says the line is likely a label (the line of text before it was one, as in a
    dialogue of one-paragraph turns): then a "Name: " opening seen before (`_heads`) is
    looked up first, by the line's first colon: a remembered opening is a name holding no
    colon, the colon, a space or a tab, and the text's first character, so where the
    line up to its first colon and two characters more is one, it is the line's opening
    (`_HEAD`) too. (An opening with a wider gap or a full-width colon is found by `_HEAD`
    itself, after the prose test.) The shape is the same as with the prose test first:
    the test (`_PROSE_OPENING`) reads no character past such an opening, as the words it
    takes end before the colon and each lookahead it makes from them stops at the colon
    or at the spaces after it; all but the one after a comma (`_AFTER_COMMA`, which looks
    up to a sentence's end). So where the opening holds no comma, every line opening with
    it is prose to the test or none is; and an opening is remembered (`_remember`) only
    from a line the test let through. (Property tests hold the look-up to `_HEAD`, and
    the two orders alike.)"""
    if likely and not pos:
        colon = line.find(":")
        if 0 < colon <= _HEAD_WIDTH:
            opening = line[: colon + 3]
            known = _heads.get(opening)
            if known is not None and "," not in opening:
                return known  # "Name: text", seen before: the same shape again
    if _PROSE_OPENING.match(line, pos) is not None:  # `cannot_be_label`, without a call
        return None
    if pos:
        return _grammar_shape(line, pos)
    known = _alone.get(line)
    if known is not None:  # "First Citizen:" again, alone on its line
        return known
    head = _HEAD.match(line)
    opening = head.group() if head is not None else None
    if opening is not None:
        known = _heads.get(opening)
        if known is not None:  # "Name: text", seen before: the same shape again
            return known
    shape = _grammar_shape(line, pos)
    if shape is not None:
        _remember(line, opening, shape)
    return shape


def _remember(line: str, opening: str | None, shape: Shape) -> None:
    """Keep a label's shape for the next line that opens alike: by the whole line for a
    label alone on it, by its opening for "Name: text"."""
    if shape.placement == ALONE:
        if len(_alone) < _REMEMBERED:
            _alone[line] = shape
    elif (
        opening is not None
        and shape.trailing is None
        and len(_heads) < _REMEMBERED
        and not _affiliation_may_run_on(opening)
    ):
        _heads[opening] = shape


def _affiliation_may_run_on(opening: str) -> bool:
    """Might the grammar read past this "Name: " opening? Only where a comma is followed
    by a word in lower case: such an affiliation runs to a period and a dash, which may
    lie past the colon ("Ana Ruiz, on behalf of the group: Hello. — ..."), so two lines
    opening alike may hold labels of different lengths."""
    comma = opening.find(", ")
    while comma >= 0:
        if opening[comma + 2 : comma + 3].islower():
            return True
        comma = opening.find(", ", comma + 2)
    return False


def _grammar_for(line: str) -> re.Pattern[str] | regex.Pattern[str]:
    """The fast ASCII grammar for a line in ASCII, else the Unicode one."""
    return _ASCII if _ASCII is not None and line.isascii() else unicode_grammar()


def _grammar_shape(line: str, pos: int) -> Shape | None:
    """The shape the grammar reads at `pos` of `line`."""
    stenogram = _stenogram_shape(line, pos)
    if stenogram is not None:
        return stenogram
    found = _grammar_for(line).match(line, pos)
    if found is None:
        return _examination_shape(line, pos)
    end = found.end()
    after = line[end : end + 1]
    # (what past the match decides the shape: the line ending there, a digit there, a
    # wide gap before the text rather than a time ahead, `_beyond`)
    gap = found["gap"] is not None
    key = (
        found.group(),
        after in ("", "\r", "\n"),
        after.isdigit(),
        gap,
        _beyond(found, line, after),
    )
    try:
        shape = _shapes[key]
    except KeyError:
        shape = _read_shape(line[pos:], found if pos == 0 else _match(line[pos:]))
        if len(_shapes) < _REMEMBERED:
            _shapes[key] = shape
    if shape is None:
        return _examination_shape(line, pos)
    if _may_be_an_answer(shape):
        examination = _examination_shape(line, pos)
        if examination is not None:
            return examination
    if pos:
        shape = shape._replace(rest_at=shape.rest_at + pos)
    return shape


def _may_be_an_answer(shape: Shape) -> bool:
    """Might the grammar's name be a court's answer and its first word ("A Yes." read as
    a name "A Yes" alone, "Q Why." as "Q Why")? Not a name before a colon ("A MARTÍNEZ,
    HOST:", "A Patrician:") nor one in capitals ("A LORD." over a play's speech)."""
    name = shape.name
    return (
        name[:1] in _EXAMINATION_LETTERS
        and name[1:2] == " "
        and shape.signature.delimiter != ":"
        and not shape.signature.wrapper
        and not name.isupper()
    )


# A stenogram's label: a surname in capitals and its two initials, then the speech with no
# colon ("АРІСТОВ Ю.Ю. Дякую.", "ЦАБАЛЬ В.В. Колеги, хто за?"), as Ukrainian and Russian
# parliaments and committees print their records. (The grammar reads on past the
# initials: "АРІСТОВ Ю.Ю. Дякую." would be a name of three words before its period.)
@functools.cache
def _stenogram() -> regex.Pattern[str]:
    return kept_regex(
        r"(?P<indent>[ \t]{0,8})"
        r"(?P<name>\p{Lu}[\p{Lu}'’\-]+(?:[ ]\p{Lu}[\p{Lu}'’\-]+)?[ ](?:\p{Lu}\.[ ]?){2})"
        r"(?<=\.)[ ]+(?=\S)"
    )


_EXAMINATION = kept(r"([ \t]{0,8})" + _EXAMINATION_OPENING)


def _examination_shape(line: str, pos: int) -> Shape | None:
    """The question or answer of a court's examination (`_EXAMINATION_OPENING`) at `pos`."""
    if line[pos : pos + 10].lstrip(" \t")[:1] not in _EXAMINATION_LETTERS:
        return None  # (most lines: at once)
    found = _EXAMINATION.match(line, pos)
    if found is None or line[found.end() :].strip() == "":
        return None
    indent = found[1]
    letter = line[pos + len(indent)]
    signature = Signature("", "", "", "", "")
    return Shape(letter, letter, None, signature, INLINE, found.end(), None, indent_width(indent))


_EXAMINATION_LETTERS = frozenset("QA")


def _stenogram_shape(line: str, pos: int) -> Shape | None:
    """The label of a stenogram's line (`_stenogram`) at `pos`, if it is one."""
    found = _stenogram().match(line, pos)
    if found is None:
        return None
    name = " ".join(found["name"].split())
    signature = Signature("", "", "", ".", "")
    indent = indent_width(found["indent"])
    return Shape(name, name, None, signature, INLINE, found.end(), None, indent)


def _beyond(found: re.Match[str] | regex.Match[str], line: str, after: str) -> bool | str | None:
    """What past the match decides its shape, for the shape cache's key: for a wrapper
    opened and not closed after the name, whether the line ends with it ("**Q: text**",
    a label, against "**Q: text", emphasis); for a tab before a parenthesis, the rest of
    the line ("JOHN<TAB>(CONT'D)", a cue, against "JOHN<TAB>(quietly) Go."); None for
    any other match (the common case, asked no more)."""
    opener = "open" if found["open"] is not None else "pre_open"
    if found[opener] is not None and found["close"] is None:
        return wraps_line(line, found.start(opener))
    if after == "(" and found["gap"] is not None:
        return line[found.end() :]
    return None


def _match(line: str) -> re.Match[str] | regex.Match[str]:
    found = _grammar_for(line).match(line)
    assert found is not None  # it matched at `pos` of the longer line
    return found


# The verbs a chat export writes after who said it, alone on the line over the message
# ("ChatGPT said:", "You said:").
_SAID = frozenset("said says asked asks wrote writes replied replies answered answers".split())


def _read_shape(line: str, found: re.Match[str] | regex.Match[str]) -> Shape | None:
    """The shape a grammar match describes (the line starts where the match does)."""
    opener, closer = found["open"], found["close"]
    if found["pre_open"] is not None:  # the wrapper opened before the time
        if opener is not None:
            return None
        opener = found["pre_open"]
    if opener is not None and opener[:1] == "<" and len(opener) == 2:
        opener = "<"  # a nick's channel mode ("<@alice>", an operator) is not its name
    trailing = None
    if opener is not None:
        if closer is None and _wraps_line(line, opener, found):
            trailing = opener  # "**Q: How did you start?**": the whole line in bold
        elif closer != _CLOSERS[opener]:
            return None  # "**Name" with no closing "**" is emphasis, not a label
        wrapper = _WRAPPERS[opener]
    elif closer is not None:
        return None
    else:
        wrapper = ""
    if (found["inner"] is not None or found["inner_dot"] is not None) and opener is None:
        return None
    if found["colon"] is not None and not _is_lower_case_role(found["affiliation"]):
        return None  # "Look, honestly: I would have left": words, not a name and a role
    if found["affiliation"] is not None and found["affiliation"].strip(", ") == "I":
        return None  # "Mr Speaker, I move:": an address, then a sentence's subject
    name = " ".join(found["name"].split())
    if found["abbreviated"] is not None:
        if line[found.end() : found.end() + 1].isdigit():
            return None  # "Tel.: 10,337 Gerrard.", "No.: 42": a field and its number
        name += "."  # "Int.:", "Корр.:": the abbreviation's period is the name's
    aside = found["aside"]
    said = aside is not None and opener is None  # "ChatGPT said:" alone on its line
    if said and names.is_non_speaker_label(f"{name}{aside}"):
        name, aside, said = f"{name}{aside}", None, False  # "Call participants:": a field
    elif said and aside.strip() not in _SAID:
        return None  # "The Question is:", "Mr Speaker I move:": the words of a sentence
    rest_at = found.end()
    alone = rest_at >= len(line) or line[rest_at] in "\r\n"
    marker = _signature_marker(found)
    if marker == "|" and found["cell"] is None:
        return None  # a table's row names its speaker in a cell of its own
    if found["cell"] is not None:
        delimiter = "cell"
    elif found["colon"] is not None or found["inner"] is not None:
        delimiter = ":"
    elif found["inner_dot"] is not None:
        delimiter = "."  # a play's name and its period in italics, `_Ham._ To be`
    elif found["dot"] is not None:
        delimiter = "."
        if _is_lone_initial(name):
            return _initial_label(line, found, name)
        written = found.group("name", "affiliation")
        last = "".join(part for part in written if part).rsplit(None, 1)[-1].lstrip(",(")
        if (len(last) == 1 or "." in last) and len(name) > 1:
            return None  # "Mr. Rey D. Pagtakhan", "Diaz-Balart, L.", "the U.S.": an initial's
        if last.casefold() in names.NAME_ABBREVIATIONS:
            return None  # "Mr. Chairman, ...", "Finally, Mr. Speaker": the abbreviation's
        if len(name) > 1 and line[rest_at : rest_at + 1].isdigit():
            return None  # "Amendment No. 42", "SEC. 101.": a number's abbreviation
    elif alone or wrapper:
        delimiter = ""
    elif found["directed"] is not None:
        if not _is_directed(name, found["affiliation"]):
            return None  # "Ana [Interviewer] thinks so": no label
        delimiter = "."  # a play's NAME. text, the direction standing for the period
    elif found["dash"] is not None:
        delimiter = "dash"
    elif found["quote"] is not None:
        delimiter = "quote"  # the speech in corner brackets right after the name
    elif found["gap"] is not None:
        extension = _tabbed_extension(line, found, name)
        if extension is not None:
            return extension
        delimiter = "gap"
    elif _is_recording_clock(found):
        delimiter = ""  # "Ana Ruiz 00:01:05 Welcome back": a time into the recording
    else:
        return None  # "Name 10:30am ...", "Lunch 12:30 in the hall": words after a name
    before, inside, after = found["before"], found["inside"], found["after"]
    time = before or inside or after
    of_day = after is not None and (
        found["meridiem"] is not None or found["after_date"] or found["after_day"]
    )
    if of_day or found["date"] or found["bare_date"] or _is_time_of_day(before):
        time = None  # "10:02 AM", "[12/01/2023, 10:02]": a time of day, no offset
        if of_day and names.is_non_speaker_label(name):
            rest_at = found.start("after")  # "Hearing date: 2026-10-05, 11:00 AM": its value
    # ("You said:" alone on its line, as a copied chatbot conversation heads each
    # message, is written as a sentence opens too: only recurring makes it a label)
    # (a chat log's nicks are typed in either case, "<ariard>" and "<JohnLaw>": one
    # convention, read as names in lower case are, which must recur)
    nick = wrapper == "angle" and found["inner"] is None  # (not the Knesset's "<Name:>")
    case = "lower" if nick or name.islower() else PHRASE if said or is_phrase(name) else ""
    written = (
        "before"
        if before
        else "inside"
        if inside
        else CLOCK
        if of_day
        else ALONE_TIMED
        if after and alone
        else INLINE_TIMED
        if after and not delimiter and not wrapper
        else ""
    )
    signature = Signature(marker, wrapper, written, delimiter, case)
    affiliation = found["affiliation"]
    if affiliation and affiliation.rsplit(None, 1)[-1].casefold() in _CUT_AT:
        return None  # "SLOW MOTION -- DOUBLE DOORS PUSH OPEN AND Edith ENTERS THE": cut
    label = name
    if affiliation and delimiter == "dash":
        affiliation = affiliation.removesuffix(".")  # "..., President of the Commission. –"
    if affiliation:
        mark = found["italic_note"]
        if mark:  # "_(aside)_": the note, without its italics
            affiliation = affiliation.replace(mark + "(", "(", 1).removesuffix(mark)
        label = " ".join(f"{name}{affiliation}".split())
        affiliation = affiliation.strip().lstrip(",-–—").strip()
        if affiliation.startswith("(") and affiliation.endswith(")"):
            affiliation = affiliation[1:-1].strip()
    return Shape(
        name,
        label,
        affiliation or None,
        signature,
        ALONE if alone else INLINE,
        rest_at,
        _seconds(time) if time else None,
        indent_width(found["indent"]),
        aside.lstrip(", ") if aside else None,
        trailing,
    )


# The words a title or an affiliation never ends with, where a wrapped sentence breaks.
_CUT_AT = frozenset({"the", "a", "an", "and", "or"})


def _is_directed(name: str, affiliation: str | None) -> bool:
    """Is a name in capitals followed by a stage direction in brackets, how the line is
    given, before the speech ("MRS WARREN [rising] Oh, no.", as Shaw's plays set it)?"""
    if not name.isupper() or not affiliation:
        return False
    written = affiliation.strip()
    if not (written.startswith("[") and written.endswith("]")):
        return False
    return names.is_delivery_note(written[1:-1].strip("_* "))


_HALF_OF_DAY = kept(r"\d" + MERIDIEM_PATTERN)


def _is_time_of_day(written: str | None) -> bool:
    """Is the time written before a label a time of day ("(09:14:10 AM)", a support
    chat's), not a time into the recording?"""
    return written is not None and _HALF_OF_DAY.search(written) is not None


def _signature_marker(found: re.Match[str] | regex.Match[str]) -> str:
    """What opens the label, as its signature keeps it: bullets alike, a Markdown heading
    with its level (a chatbot's "#### Claude Thoughts:" under its "### Claude:" is a
    section of the message, not a speaker), a table's row, a meeting chat's sender mark;
    a turn's number as none."""
    marker = found["marker"] or ""
    if marker[:1] == "|":
        return "|"  # a table's row, perhaps numbered ("| 12 | Ana | text |")
    if found["sender"] is not None:
        return "from"  # a meeting chat's "From Ana Berg to Everyone:"
    if marker in ("•", "+", "*"):
        return "-"
    if marker in ("○", "◯"):
        return "○"  # a Japanese record's circle before each speaker
    if marker[:1] > "\u2000" and marker[:1] != "•":
        return PICTOGRAPH  # each speaker's own emoji ("🎙️ Host:", "🎧 Guest:"): one mark
    if marker.startswith("#"):
        return marker.rstrip()  # a Markdown heading: "### Jane Doe" over the speech
    if marker[:1].isdigit() or marker[1:2].isdigit():
        # A turn's number ("12. Interviewer: ...", "Q1. [900123] Name: ...") comes and
        # goes within a convention, as a time does: only questions may be numbered.
        return ""
    return marker


def _tabbed_extension(
    line: str, found: re.Match[str] | regex.Match[str], name: str
) -> Shape | None:
    """A screenplay's cue set in from the margin with its extension after a tab, alone on
    its line ("JOHN<TAB>(CONT'D)"): the name and its extension, the speech below. The
    name and the extension are in capitals, as a cue writes them; a transcript's
    "Ben<TAB>(laughs)" at the margin is a turn whose speech opens with a note."""
    if not found["indent"] or not name.isupper() or found["affiliation"] or found["note"]:
        return None
    extension = _EXTENSION.fullmatch(line, found.end())
    if extension is None or not extension["text"].isupper():
        return None
    written = extension["paren"]
    return Shape(
        name,
        f"{name} {written}",
        extension["text"].strip(),
        Signature(_signature_marker(found), "", "", ""),
        ALONE,
        extension.end("paren") + len(extension["tail"]),
        None,
        indent_width(found["indent"]),
    )


_EXTENSION = kept(r"(?P<paren>\((?P<text>[^()\r\n]{1,40})\))(?P<tail>[ \t]*)(?:\r?\n)?")


def _wraps_line(line: str, opener: str, found: re.Match[str] | regex.Match[str]) -> bool:
    """Does Markdown bold opened before a name and a colon close at the end of the line,
    round the speech too ("**Q: How did you get the job?**")?"""
    if opener not in _LINE_WRAPPERS or found["colon"] is None:
        return False
    content = line.rstrip()
    return content.endswith(opener) and len(content) - len(opener) > found.end()


def wraps_line(line: str, pos: int = 0) -> bool:
    """Is the line wrapped whole in Markdown bold (for the shape caches' keys: such a line
    and one that only opens alike read differently)?"""
    return line.startswith(_LINE_WRAPPERS, pos) and line.rstrip().endswith(_LINE_WRAPPERS)


_LINE_WRAPPERS = ("**", "__")


def is_phrase(name: str) -> bool:
    """Is the name written as a sentence opens, a capitalised word then words in lower
    case ("Phóng viên", "Le journaliste", "He said"), none a name's particle ("Ludwig
    van")?"""
    first, _, rest = name.partition(" ")
    return (
        bool(rest)
        and first[:1].isupper()
        and rest[:1].islower()
        and all(word[:1].islower() and word not in names.NAME_PARTICLES for word in rest.split())
    )


def _is_recording_clock(found: re.Match[str] | regex.Match[str]) -> bool:
    """Is the time right after the name, with words after it on the line, a time into
    a recording: bare, with hours, minutes and seconds ("Ana Ruiz 00:01:05 Welcome"),
    which a time of day ("Lunch 12:30 in the hall", "Ana 10:30am") seldom writes?"""
    after = found["after"]
    return (
        after is not None
        and after[:1].isdigit()
        and after.count(":") == 2
        and found["meridiem"] is None
        and found["after_day"] is None
    )


def _is_lower_case_role(affiliation: str | None) -> bool:
    """Is an affiliation in lower case after a comma, before a colon, a role or a title
    ("Ana Ruiz, host:", "Ben Okafor, executive director:"), as it must be to make a
    label: "Yes, of course:" and "Look, honestly:" are words opening a sentence. True for
    any other affiliation."""
    if affiliation is None or affiliation[:2] != ", " or not affiliation[2:3].islower():
        return True
    return any(names.is_role_or_title(word) for word in affiliation[2:].split())


def _is_lone_initial(name: str) -> bool:
    """`A. Yes.` reads as the name "A. Yes" to the grammar; a capital and a period
    opening a line with more text after it is the `Q.`/`A.` of an examination."""
    return (
        len(name) > 2
        and name[1:3] == ". "
        and name[0].isupper()
        and name[0].casefold() not in names.FRENCH_HONORIFICS  # "M. Jean Dupont. Merci."
    )


def _initial_label(line: str, found: re.Match[str] | regex.Match[str], name: str) -> Shape:
    """`Q. text` / `A. Yes.`: the letter is the label and the rest is speech."""
    at = found.start("name") + 2
    while at < len(line) and line[at] in " \t\xa0":
        at += 1
    signature = Signature(_signature_marker(found), "", "", ".")
    indent = indent_width(found["indent"])
    return Shape(name[0], name[0], None, signature, INLINE, at, None, indent)


def _seconds(written: str) -> float | None:
    """The time a label gives (the start of a span), in seconds."""
    clock = _clock_in().search(written)
    if clock is None:
        return None
    if ":" not in clock.group():  # a diarisation tool's "0.00 - 3.12"
        return float(clock.group())
    return parse_clock(clock.group())


# A Japanese interview's mark before the unnamed interviewer's words ("――まず、..."): like
# a broadcast `>>`, someone speaks and the text does not say who.
UNNAMED = "――"
# A time in brackets, then the space where a name goes, left empty, then a label's
# delimiter ("[00:22:41]  :"): a transcription service's "[time] Name:" whose speaker it
# could not name; like a broadcast `>>`, someone speaks and the text does not say who.
# Not a time right against its colon: Rev's "(00:02:22):" under "Lenny (00:01:29):" is
# the same speaker's next paragraph, the name left out. (Nor a bare "12:30:", which may
# be a schedule's time.)
_NAMELESS = r"\[[ ]*" + _SPAN + r"[ ]*\]|\([ ]*" + _SPAN + r"[ ]*\)"
# A label that is no name ("Question for Readers:", "**Date:**", "Editor's note:") or a
# broadcast `>>` naming no one: what is left of a line's opening when the name grammar
# finds nothing. Whether it is a note, a heading or text is decided from its words.
_FIELD = kept(  # (`re`: twice as fast as `regex` here, and the same)
    r"[ \t\xa0]{0,16}(?:"
    r"(?:(?P<chevron>>>(?!>)|" + UNNAMED + r")|(?P<nameless>" + _NAMELESS + r")[ \t\xa0]+[:：])"
    r"[ \t\xa0]*"
    r"|(?:[-•+*][ \t]+)?"  # a list item's marker, not part of the label
    r"(?:\*\*)?(?P<label>[^\s:*#>][^:*\r\n]{0,79}?)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:|[:：])"
    r"(?=[ \t\xa0\r\n]|\Z)[ \t\xa0]*"
    r")"
)


class Field(NamedTuple):
    """A label-like opening that the name grammar does not read as a name."""

    label: str
    rest_at: int
    chevron: bool  # someone speaks, the text does not say who (`>>`, a nameless label)
    time: float | None = None  # (a nameless label's)


def field_of(line: str, pos: int = 0) -> Field | None:
    """The field label or broadcast `>>` at the start of `line` (or at `pos`), if any."""
    found = _FIELD.match(line, pos)
    if found is None:
        return None
    if found["chevron"] is not None:
        return Field(found["chevron"], found.end(), True)
    nameless = found["nameless"]
    if nameless is not None:
        return Field(nameless, found.end(), True, _seconds(nameless))
    label = " ".join(found["label"].split())
    return Field(label, found.end(), False) if label else None
