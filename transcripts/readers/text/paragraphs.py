"""What an unlabelled paragraph is: a tag line, a stage direction, a heading, a time marker.

Each test is a small named function with its reason; `classify` tries them in order.
A paragraph none of them claims is prose, a continuation of a turn, or unattributed
text, which depends on where it sits (decided in `assemble.py`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from ...compiled import kept, kept_regex
from ...model import Kind
from ...timecode import (
    CLOCK_PATTERN,
    DATE_PATTERN,
    MERIDIEM_PATTERN,
    MONTH_OPENINGS,
    MONTHS,
    SPOKEN_TIME_PATTERN,
    WRITTEN_DATE_PATTERN,
)

if TYPE_CHECKING:
    import regex

# What a line of text ends with when it has finished what it says: a sentence's end, a
# clause before a list or a quotation, a closing quote or bracket, a dash breaking off;
# with the full-width punctuation of Chinese and Japanese. (A line that stops otherwise
# runs on into the next: hard-wrapped text.)
LINE_ENDS = (
    *(".", "?", "!", ":", ";", '"', "”", "’", ")", "]", "-", "—"),
    *("。", "？", "！", "」", "』", "）", "：", "…"),
)

# "#Lukashenko #Putin #North": every word a hashtag ("# Title" is a Markdown heading).
_TAGS = kept(r"#\w[\w\-]*(?:[ \t]+#\w[\w\-]*)*", re.U)
# The whole paragraph in one pair of brackets: "(LAUGHTER)", "[crosstalk]", "\[laughs\]",
# a television transcript's scene described at length in square brackets,
# also in italics or bold: "*(laughs)*", "**[BREAK]**"; or in angle brackets, words and
# not a tag, as the Knesset's records set their notes ("<הישיבה ננעלה בשעה 10:18.>", the
# sitting closed): a space inside, no "=", "/" or "!" of a tag's.
_STAGE = kept(
    r"(?:\((?P<p>[^()]{1,600})\)|\[(?P<b>[^\[\]]{1,1000})\]|\\\[(?P<e>.{1,300}?)\\\]"
    r"|\*\((?P<ip>[^()]{1,300})\)\*|_\((?P<up>[^()]{1,300})\)_"
    r"|\*\*\[(?P<bb>[^\[\]]{1,300})\]\*\*"
    r"|<(?=[^<>\n]{0,300}[ ])(?P<a>[^<>=/!?\s][^<>=\n]{0,298}[^<>=/\s])>)\.?",
    re.S,
)
# A time standing alone on its line: a clock time ("00:12:31", "[04:22]"; Teams writes
# its fields unpadded, "0:0:5.520"), a time of day ("11:49 A.M. EST", "(12:30 p.m.)"),
# or a span of two ("0:0:0.0 --> 0:0:5.520", as a caption's cue times stand over its
# text in a Teams transcript saved as a document).
_TIME_ON_LINE = r"(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{1,2}:\d{1,2})(?:[.,]\d{1,3})?"
_TIMESTAMP = kept(
    rf"[\[(\\]*(?:(?:{DATE_PATTERN}|{WRITTEN_DATE_PATTERN}),?[ \t]+)?"  # a message's date
    rf"{_TIME_ON_LINE}(?:[ ]*(?:-->|–|-)[ ]*{_TIME_ON_LINE})?"
    r"(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?[\])\\]*"
    r"(?:[ ]+\([^()\n]{1,60}\))?"  # a message export's "(Read by you after 2 minutes)"
)
_MONTH_INITIALS = frozenset(month[0] for month in MONTHS)


# A Markdown thematic break, a rule of dashes or an ornament between parts ("* * *",
# "~ ~ ~", "# # #", "• • •"), a code block's fence ("```", "```irc", around a chat log
# pasted as code), or a site generator's template tag on its own line ("{% irc %}",
# "{% endirc %}" around a log in a Jekyll page): the page, not the text.
@functools.cache  # compiled when first needed: most files never need it (start-up)
def _separator() -> re.Pattern[str]:
    return kept(
        r"(?:([-*_=~#•·])[ \t]*)(?:\1[ \t]*){2,}|`{3,}[\w+.\-]*[ \t]*"
        r"|\{%-?[ \t]*\w[^%\n]{0,200}-?%\}"
    )


# Words framed by a rule's marks, the same mark before and after them: a divider between
# parts of an interview, "*** Part two ***", "=== Session 2 ===", "-- a long pause --".
@functools.cache
def _framed() -> re.Pattern[str]:
    return kept(
        r"(?P<open>(?P<mark>[-*=~#•·—–])(?:[ \t]?(?P=mark))*)(?P<space>[ \t]*)"
        r"(?P<words>[^\s\-*=~#•·—–][^\n]{0,78}?)[ \t]*(?P<close>(?P=mark)(?:[ \t]?(?P=mark))*)"
    )


MARKDOWN_HEADING = kept(r"#{1,6}[ \t]+\S")
_WORDS = kept(r"[^\W\d_][\w'’\-]*")


# The credit a transcription service or tool writes under its output: "Transcribed by
# https://otter.ai", "Transcription by Rev.com", "Captions generated with Descript".
@functools.cache
def _credit() -> re.Pattern[str]:
    return kept(
        r"(?i:(?:auto(?:matically)?[ -])?(?:transcribed|transcription|transcript|captioned"
        r"|captions?|subtitles?|generated|created|produced|powered))"
        r"(?:[ \t]+\w+)?[ \t]+(?i:by|with|using|via|on)[ \t]+"
        r"(?:<?https?://|www\.|[\w\-]+\.(?:ai|com|io|org|net|app|co)\b|[A-Z])[^\n]{0,80}"
        # A copyright notice under the transcript: "Copyright © 2021 NPR. All rights reserved."
        # (with the terms that may follow it: "Visit our website terms of use ...")
        r"|(?:(?i:copyright)[ \t]*(?:©|\([cC]\)|\d{4})|©[ \t]*\d{4})[^\n]{0,500}"
        # The page a wiki's transcript was saved from, under it: MediaWiki's 'Retrieved
        # from "https://ethw.org/w/index.php?title=Oral-History:..."'
        r'|(?i:retrieved[ \t]+from)[ \t]+["“]?[ \t]*<?https?://[^\s"”]{1,500}[ \t]*["”]?'
        # A word on how the transcript was made: "This is a rush transcript. Copy may not
        # be in its final form.", "This transcript was produced by a third-party service
        # and may contain errors."
        r"|(?i:this[ ]is[ ]an?[ ](?:rush|unedited|uncorrected|automated|raw)[ ]transcript\b"
        r"|(?:this|the)[ ]transcript[ ](?:was|is|has[ ]been)[ ](?:\w+[ ]){0,2}?"
        r"(?:produced|generated|created|made|prepared|transcribed|provided)\b)[^\n]{0,300}"
    )


def is_tags(text: str) -> bool:
    """A line of hashtags: metadata, not speech."""
    return _TAGS.fullmatch(text) is not None


def tags_of(text: str) -> list[str]:
    """The tags of a tag line, without their `#`."""
    return [tag.lstrip("#") for tag in text.split()]


def is_stage_direction(text: str) -> bool:
    """Wholly bracketed text describes the scene rather than being said."""
    return _STAGE.fullmatch(text) is not None


def is_italic_aside(text: str) -> bool:
    """A line wholly in italics between turns, a sentence or words in lower case: what
    happens, or a note on the text ("_There is a knock at the door._", "*laughs*",
    "*This transcript has been edited for clarity.*"), not more of the turn above. Not
    a question (an interviewer's may be set in italics) nor a title ("_Spinning Wheel
    Song_" over the verse)."""
    if _ITALIC_LINE.fullmatch(text) is None:
        return False
    words = text[1:-1].rstrip()
    return words.endswith(_ASIDE_ENDS) or words.islower()


_ASIDE_ENDS = (".", "!", "…", ".)", ".]")


# One line in single underscores or asterisks (not bold), with no other mark of the kind
# inside.
_ITALIC_LINE = kept(r"_(?![_\s])[^_\n]{1,300}(?<!\s)_|\*(?![*\s])[^*\n]{1,300}(?<!\s)\*")


def is_more_mark(text: str) -> bool:
    """A screenplay's "(MORE)" under the last line of a page: the speech goes on over the
    page, under the same name again ("LENA (CONT'D)"). Layout, not something done."""
    return text[:1] == "(" and _more().fullmatch(text) is not None


@functools.cache
def _more() -> re.Pattern[str]:
    return kept(r"\([ \t]*(?i:more)[ \t]*\)")


def is_continued_cue(label: str) -> bool:
    """Is a screenplay's cue marked as going on from the speaker's last speech ("LENA
    (CONT'D)", "LENA (CONT.)", "LENA (CONTINUING)")?"""
    return label.endswith(")") and _CONTINUED_CUE.search(label) is not None


_CONTINUED_CUE = kept(r"\([ \t]*(?i:cont['’]?d|cont\.|continued|continuing)[ \t]*\)\Z")


class ChatEvent(NamedTuple):
    """A line of a chat log that is no one's message: `nick` is who acts in an action
    (IRC's `/me`, "* alice waves"), None for a nick joining, leaving or renamed; `time`
    is the time the line opens with, as text ("10:02"), if any."""

    nick: str | None
    time: str | None


def chat_event(text: str) -> ChatEvent | None:
    """The chat event a line of a chat log is (`ChatEvent`), or None for any other line.
    Asked only of documents whose labels are a chat log's `<nick>`: elsewhere "* item" is
    a list item and "-- " a dash."""
    if text[:1] not in _CHAT_EVENT_OPENINGS:
        return None
    found = _chat_event().match(text)
    if found is None:
        return None
    return ChatEvent(found["nick"], found["time"])


# After the time of day a log may open its lines with ("[10:02] "): a nick's action
# ("* alice waves"), or the server's word that a nick joined, left or was renamed
# ("*** bob has joined #chan", irssi's "-!- bob [~b@host] has quit", WeeChat's "--> bob",
# "<-- bob" and "-- bob is now known as rob").
@functools.cache
def _chat_event() -> re.Pattern[str]:
    return kept(
        rf"(?:[\[(]?(?P<time>{CLOCK_PATTERN})[\])]?[ \t]+)?"
        r"(?:\*[ \t]+(?P<nick>[^\s*<>\[\]]{1,40})[ \t]+\S|(?:\*\*\*|-->|<--|-!-|--)[ \t]+\S)"
    )


_CHAT_EVENT_OPENINGS = frozenset("*-<[(0123456789")


def is_credit(text: str) -> bool:
    """A line crediting the service or tool that made the transcript, a word on how it
    was made ("This is a rush transcript."), or a copyright notice: not speech, though it
    follows the last turn."""
    width = len(text)
    return (
        (width <= _CREDIT_WIDTH or (width <= _NOTICE_WITH_TERMS and text.startswith(_NOTICES)))
        and "\n" not in text
        and _credit().fullmatch(text) is not None
    )


_CREDIT_WIDTH = 120
# A copyright notice may run on with the site's terms after it (NPR's).
_NOTICE_WITH_TERMS = 600
_NOTICES = ("Copyright", "COPYRIGHT", "copyright", "©")


# The editor's note under (or over) a published interview: "This interview has been edited
# and condensed for clarity.", "Responses were lightly edited for length."
@functools.cache
def _edited() -> re.Pattern[str]:
    return kept(
        r"[*_]*(?:(?:(?:this|the|our|following|above|full)[ \t]+){0,3}"
        r"(?:interview|conversation|transcript|q&a|exchange|discussion|responses|answers"
        r"|remarks|text|questions[ \t]+and[ \t]+answers)[ \t]+)?"
        r"(?:(?:has|have)[ \t]+been|was|were|is|are)?[ \t]*"
        r"(?:lightly[ \t]+)?(?:edited|condensed|abridged|shortened)"
        r"(?:(?:,[ \t]*|[ \t]+and[ \t]+)(?:lightly[ \t]+)?(?:edited|condensed|abridged|shortened))*"
        r"[ \t]+for[ \t]+(?:length|clarity|brevity|space|style|readability)"
        r"(?:(?:,[ \t]*|[ \t]+and[ \t]+)(?:length|clarity|brevity|space|style|readability))*"
        r"[ \t]*\.?[*_]*",
        re.IGNORECASE,
    )


def is_editorial_note(text: str) -> bool:
    """An editor's note that the interview was edited ("This interview has been edited and
    condensed for clarity."): not speech, though it follows the last turn."""
    return len(text) <= _NOTE_WIDTH and "\n" not in text and _edited().fullmatch(text) is not None


_NOTE_WIDTH = 160


def _mentions_editing(text: str) -> bool:
    """Does the text name a way a note says the interview was edited ("edited",
    "condensed", "abridged", "shortened"; in lower case, capitalised or in capitals, as
    notes write them)? Asked before the note's pattern, which most paragraphs would fail
    more slowly."""
    if _names_editing(text):
        return True
    # (a note in capitals, "THIS INTERVIEW HAS BEEN EDITED FOR CLARITY.": asked only of
    # text with no letter in lower case, which `isupper` tells at the first one it meets;
    # asked once, as some capitals stay capitals in lower case, "ϒ")
    return text.isupper() and _names_editing(text.lower())


def _names_editing(text: str) -> bool:
    return "dited" in text or "ondensed" in text or "bridged" in text or "hortened" in text


class Entrance(NamedTuple):
    """A play's entrance or exit: `who` is what follows the verb ("OBERON", "" for a bare
    "Exit."), `marked` that the line is set in italics or bold ("_Enter Hamlet._")."""

    who: str
    marked: bool


def entrance_of(text: str) -> Entrance | None:
    """The entrance or exit a paragraph is shaped like ("Enter OBERON.", "Exit.", "Exeunt
    all but PUCK.", "Re-enter HERMIA", "_Enter Hamlet._"), or None. Only the shape: an
    "Enter the code" in speech has it too, so the caller weighs who is named."""
    if text[:1] not in ENTRANCE_OPENINGS or len(text) > _ENTRANCE_WIDTH:
        return None
    if text[:1] == "[" and "]" not in text:
        text = text[1:]  # "[_Exit the Boy._", "[Exit.": a bracket opened and never closed
    found = _ENTRANCE.fullmatch(text)
    if found is None or found["open"] != found["close"][::-1]:
        return None
    return Entrance(" ".join((found["who"] or "").split()), bool(found["open"]))


# The verb of a play's entrance or exit opens the line (in italics or bold, as some
# editions set it); after it, who comes or goes, over a line or two.
# The verbs of a play's entrances and exits, as a play capitalises them.
ENTRANCE_VERBS = "Re-?enter|Enter|Exit|Exeunt|Manet|Manent"
_ENTRANCE = kept(
    r"(?P<open>[*_]{0,2})(?:(?i:" + ENTRANCE_VERBS + "))"
    r"(?P<who>[ \t\n]+.*?)?[.;]?(?P<close>[*_]{0,2})",
    re.S,
)
ENTRANCE_OPENINGS = frozenset("EeRrMm_*[")
_ENTRANCE_WIDTH = 240


def is_timestamp(text: str) -> bool:
    """A time marker on its own line (a message's date and time too)."""
    return len(text) <= _TIMESTAMP_WIDTH and _TIMESTAMP.fullmatch(text) is not None


def is_spoken_time(text: str) -> bool:
    """A time written out for a screen reader, alone or after the speaker's name, as a
    Teams transcript copied from its web pane repeats it over each utterance ("0 minutes
    3 seconds0:03", "Peter Hogg 0 minutes 3 seconds"): a time marker, not speech."""
    if len(text) > _TIMESTAMP_WIDTH or "seconds" not in text:
        return False
    found = _SPOKEN_TIME.fullmatch(text)
    return found is not None and all(word[:1].isupper() for word in found["who"].split())


def spoken_time_name(text: str) -> str:
    """The name before a time written out for a screen reader ("Jess Gibbs" of "Jess
    Gibbs 0 minutes 6 seconds"), "" where there is none (see `is_spoken_time`)."""
    found = _SPOKEN_TIME.fullmatch(text)
    return found["who"].strip() if found is not None else ""


# A time in words ("1 hour 2 minutes 3 seconds"), with the clock glued after it, or a
# name (of capitalised words, checked above) before it.
_SPOKEN_TIME = kept(
    r"(?P<who>(?:[^\W\d_][\w'’.\-]*[ ]){0,5})" + SPOKEN_TIME_PATTERN + r"(?:" + CLOCK_PATTERN + ")?"
)


_TIMESTAMP_WIDTH = 100


def is_chat_notice(text: str) -> bool:
    """A chat app's line about the chat, not in it: someone joining or leaving ("Ana
    joined the channel", "Ben has left the meeting", "ana joined #fieldwork"), a meeting
    app's word that someone started or stopped it ("Ana Ruiz started transcription"), or, after
    the date and time a WhatsApp export opens each line with ("12/03/2024, 09:20 - ", or
    on an iPhone "[12/03/2024, 09:20:02] ", its notices marked by U+200E),
    anything WhatsApp says of the group ("Tom left", "Ana added Ben", "Messages and
    calls are end-to-end encrypted. ..."). Without that opening, only the shapes no
    sentence takes: what was joined named as a chat's place, no full stop after it."""
    if len(text) > _NOTICE_WIDTH or "\n" in text:
        return False
    stamp = text.lstrip("\u200e[")  # (an iPhone's stamp is bracketed, perhaps marked)
    if stamp[:1].isdigit():
        # a WhatsApp line ("12/03/2024, 09:20 - ", on iPhones "[12/03/2024, 09:20:02] "):
        # it holds one of the words of its notices
        if _NOTICE_WORDS.search(text) is None:
            return False
    elif (
        "joined" not in text
        and "left" not in text
        and "encrypted" not in text
        # (a meeting's notice is short: its nouns are sought only then)
        and (
            len(text) > _MEETING_NOTICE_WIDTH
            or ("transcription" not in text and "recording" not in text)
        )
    ):
        return False  # (asked of most paragraphs: the words first, the pattern after)
    return _chat_notice().fullmatch(text) is not None


_NOTICE_WIDTH = 240
_MEETING_NOTICE_WIDTH = 80  # "Ana Ruiz started transcription", a long name and all
_NOTICE_WORDS = kept("joined|left|encrypted|added|removed|created|changed")
_WHO = r"(?:\p{Lu}[\p{L}\p{M}'’\-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’\-]*){0,3}|[\p{Ll}\d_.\-]{2,32})"
_CHAT_PLACE = r"(?:the[ ](?:channel|chat|meeting|call|group|conversation|room|huddle)|\#\S+)"
_ENCRYPTED = r"Messages(?:[ ]and[ ]calls)?[ ]are[ ]end-to-end[ ]encrypted\b.*"  # WhatsApp


@functools.cache
def _chat_notice() -> regex.Pattern[str]:
    # (kept: compiling it cost more than a chat log's notices; see `compiled.kept_regex`)
    return kept_regex(
        rf"(?:{_ENCRYPTED}"
        rf"|{_WHO}[ ](?:has[ ])?(?:joined|left)[ ]{_CHAT_PLACE}"
        rf"|{_WHO}[ ](?:started|stopped)[ ](?:transcription|recording)"  # Teams, Zoom
        rf"|(?:{DATE_PATTERN},?[ ]{CLOCK_PATTERN}(?:{MERIDIEM_PATTERN})?[ ][-–][ ]"
        rf"|\u200e?\[{DATE_PATTERN},?[ ]{CLOCK_PATTERN}(?:{MERIDIEM_PATTERN})?\][ ]\u200e?"
        rf"(?:[^:\n]{{1,60}}:[ ]\u200e(?={_ENCRYPTED}))?)"  # the group's name: the notice
        rf"(?:{_ENCRYPTED}"
        rf"|{_WHO}[ ](?:joined|left|added|removed|created[ ]group|changed)\b(?:[ ][^:]*)?))"
    )


def is_day_separator(text: str) -> bool:
    """A chat app's line between the days of a conversation: "Today", "Yesterday",
    "Monday", "Monday, March 3rd", "March 3rd, 2024" (a weekday or a date alone, no full
    stop after it). Whether it stands between messages is the caller's to ask: a
    message may say "Today" too."""
    return len(text) <= 40 and _day_separator().fullmatch(text) is not None


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_DAY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)[ ]\d{1,2}(?:st|nd|rd|th)?(?:,[ ]\d{4})?"
)


@functools.cache
def _day_separator() -> regex.Pattern[str]:
    return kept_regex(
        rf"[ \t]*(?:Today|Yesterday|{_WEEKDAY}(?:,[ ]{_MONTH_DAY})?|{_MONTH_DAY})[ \t]*"
    )


def is_page_number(line: str) -> bool:
    """A page's number alone on its line, set far from the margin ("            13."), as
    a script or a printed page puts it; a number at the margin may be what was said."""
    return line[:PAGE_NUMBER_INDENT].isspace() and _PAGE_NUMBER.fullmatch(line.strip()) is not None


PAGE_NUMBER_INDENT = 20  # columns
_PAGE_NUMBER = kept(r"\d{1,3}\.?")  # (a year, "1908", is no page)


def is_separator(text: str) -> bool:
    """A rule of dashes, stars or underscores."""
    return _separator().fullmatch(text) is not None


def divider_kind(text: str) -> str | None:
    """The kind of a divider's words framed by a rule's marks: a heading for a part's
    title ("*** Part two ***", "--- BREAK ---"), a stage direction for what happened,
    a few words all in lower case ("-- a long pause --", "~ tape stops ~"); None for
    other text (speech broken off between dashes: "-- what was I saying --").
    A pair of asterisks right around the words is Markdown's bold, not a frame
    ("**Part two**"); a single hyphen is a list's or a sentence's ("- a pause -")."""
    found = _framed().fullmatch(text)
    if found is None:
        return None
    mark, words = found["mark"], found["words"]
    least = _FRAME_LEAST.get(mark, 1)
    if found["open"].count(mark) < least or found["close"].count(mark) < least:
        return None
    if mark == "*" and not found["space"] and len(found["open"]) < 3:
        return None
    if not any(c.isalpha() for c in words):
        return None
    if not words[0].islower():
        return Kind.HEADING
    if (
        not words.islower()
        or _SENTENCE_MARKS.search(words) is not None
        or len(words.split()) > _DIRECTION_WORDS
    ):
        return None  # "-- what was I saying --", "-- and then, you know --": speech broken off
    return Kind.STAGE_DIRECTION


# The marks a frame needs of each character on each side (an em dash frames alone).
_FRAME_LEAST = {"-": 2, "*": 2}
_SENTENCE_MARKS = kept(r"[,;?!]")
_DIRECTION_WORDS = 6  # "-- a long pause --" is short; speech runs longer


def is_markdown_heading(text: str) -> bool:
    return "\n" not in text and MARKDOWN_HEADING.match(text) is not None


def is_all_caps_heading(text: str) -> bool:
    """A short line in capitals with no sentence ending: "TRANSCRIPT: SECOND DEBATE";
    in printed text it may run over two or three lines ("ORAL ARGUMENT OF DONALD B.
    VERRILLI, JR.,\nON BEHALF OF THE PETITIONERS")."""
    # str.isupper: every cased character is upper case, and there is one (it stops at
    # the first lower-case letter, so prose fails it at once).
    if len(text) > 240 or not text.isupper() or text.endswith(_HEADING_NEVER_ENDS):
        return False
    breaks = text.count("\n")
    if breaks > 2 or len(text) // (breaks + 1) > 100:
        return False
    letters = [c for c in text if c.isalpha()]
    # (most letters in capitals: "COVID-19ウイルスを…" is a Japanese sentence, not a heading)
    return len(letters) >= 3 and 2 * sum(map(str.isupper, letters)) > len(letters)


# What a sentence or a clause ends in, which a heading in capitals never does (the
# full-width stops of Chinese and Japanese too).
_HEADING_NEVER_ENDS = (".", ",", ";", "?", "!", "。", "、", "？", "！", "．", "，", "；")


def is_title_case_heading(text: str) -> bool:
    """A short one-line title: most long words capitalised, no sentence punctuation at the end.

    Used only outside the dialogue, where a title or section heading is expected.
    """
    if "\n" in text or len(text) > 120 or text.endswith((".", ",", ";", "!")):
        return False
    words = _WORDS.findall(text)
    if not words or not words[0][0].isupper():
        return False
    long_words = [word for word in words if len(word) >= 4]
    if not long_words:
        return len(words) <= 4 and all(word[0].isupper() for word in words)
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return capitalised / len(long_words) >= 0.75


def heading_text(text: str) -> str:
    """A heading without its Markdown markup."""
    return text.lstrip("#").strip().strip("*_").strip()


# Characters a separator, tag line, time marker, stage direction or Markdown heading can
# open with; a paragraph opening otherwise skips those tests (most paragraphs are prose).
_MARKED_OPENINGS = frozenset("-*_=#[(<`{\\0123456789~•·—–")
_CREDIT_OPENINGS = frozenset("AaTtCcSsGgPpRr©")


def classify(text: str, in_dialogue: bool) -> str | None:
    """The kind of an unlabelled paragraph, or None when only its position can tell."""
    opening = text[:1]
    if opening in _MARKED_OPENINGS:
        if is_separator(text):
            return Kind.LAYOUT
        if is_tags(text):
            return Kind.TAGS
        if is_timestamp(text):
            return Kind.TIMESTAMP
        if is_stage_direction(text):
            return Kind.STAGE_DIRECTION
        if in_dialogue and is_italic_aside(text):
            return Kind.STAGE_DIRECTION
        if is_chat_notice(text):  # WhatsApp's "12/03/2024, 09:20 - Tom left"
            return Kind.STAGE_DIRECTION
        divider = divider_kind(text)
        if divider is not None:
            return divider
        if is_markdown_heading(text):
            return Kind.HEADING
    elif opening in _MONTH_INITIALS and text[:3] in MONTH_OPENINGS and is_timestamp(text):
        return Kind.TIMESTAMP  # a message export's "May 17, 2022  5:29:42 PM"
    if is_all_caps_heading(text):
        return Kind.HEADING
    if is_chat_notice(text):  # "Ana joined the channel"
        return Kind.STAGE_DIRECTION
    if is_spoken_time(text):  # "Peter Hogg 0 minutes 3 seconds" (Teams, copied)
        return Kind.TIMESTAMP
    if opening in _CREDIT_OPENINGS and is_credit(text):
        return Kind.PROSE
    # (a note is short: the words of editing are sought in a paragraph that short only)
    if len(text) <= _NOTE_WIDTH and _mentions_editing(text) and is_editorial_note(text):
        return Kind.PROSE
    if not in_dialogue and is_title_case_heading(text):
        return Kind.HEADING
    return None
