"""Words and sentences: the one definition of each, which lint and stats derive from.

The functions here are the reference: plain, and held to the golden cases in
tests/cases/sentences.yaml. Their fast twins for megabytes of text are in `words_fast`,
built from the constants here and tested against these functions.

Speech first: a transcriber's note in brackets or parentheses ("[laughter]",
"(inaudible)", "[crosstalk 01:07:27]", "\\[04:22\\]") is not something anyone said, so
`speech` removes it (a note that speech was unintelligible becomes the CHAT code `xxx`),
and so does the target of a Markdown link.

A word is a run of letters, combining marks and digits in any script, joined across a
single apostrophe, hyphen or full stop ("don't", "it’s", "state-of-the-art", "U.S",
"3.5") and across a comma between digits ("12,000"). A URL or an e-mail address is one
word. Chinese and Japanese characters count one word each (as word processors count
them), since those scripts put no spaces between words. The CHAT codes `xxx`, `yyy` and
`www` (unintelligible or untranscribed speech) are not words.

A sentence ends at a run of `.`, `?`, `!` or `…` (closing quotes and brackets may follow)
that is followed by white space and a letter that is not lower-case or a digit (one
opening quote or bracket may come first), or by the end of the text; `。`, `？` and `！`
end one whatever follows. A paragraph break (a blank line) ends a sentence as the end of
the text does. A run of full stops does not end a sentence after a title or other
abbreviation ("Mr.", "Dr.", "Mar.", "vs.", "approx."; "No." and "p." only before a
number) or after a single capital letter: an initial ("J. R. R. Tolkien") or a letter of
a dotted abbreviation ("J.R.R.", "U.S.", "D.C."). Words that often end a sentence are no
abbreviations here: "etc.", "Inc.", "a.m." and "p.m." before a capital end one. A
question is a sentence whose final punctuation ends in a question mark ("Why?!" is an
exclamation, "Why!?" a question).

Words never span white space, so counting the words of a text and adding up the words of
its white-space separated tokens give the same number; `stats` relies on that to count
large transcripts quickly.

A word or sentence rule changes here, and only here; then the golden cases, and the
fast twins if a test says they disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from .timecode import parse_clock

if TYPE_CHECKING:
    import regex

#: Apostrophes and hyphens that join the parts of a word ("don't", "it’s", "well-known").
APOSTROPHES = "'’"
HYPHENS = "-\u2010\u2011"
#: Punctuation that ends sentences; `。？！` end one even with no space after them.
TERMINALS = ".?!…。？！؟"
QUESTION_MARKS = "?？؟"
CJK_TERMINALS = "。？！"
#: Quotes and brackets that may close a sentence after its final punctuation, or open one.
CLOSERS = "\"'”’“‘»«)]"
OPENERS = "\"'“‘”’«»([¿¡"

#: Abbreviations after which a full stop does not end a sentence (compared in lower case).
#: Titles and similar words that are normally followed by a name or a number; words such
#: as "etc." or "p.m." that often end a sentence are left out on purpose.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st mt vs e.g i.e u.s u.k u.n gen col lt sgt capt cmdr adm
    rep sen gov pres rev fr hon jan feb mar apr jun jul aug sep sept oct nov dec fig vol
    dept approx
    """.split()
)
#: Abbreviations that are also ordinary words: they hold a sentence together only when a
#: number follows ("No. 5", but "I said no. 5 people came" cannot be told apart).
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p", "pp"})

#: First words of a transcriber's note in brackets: "(Laughter.)", "[crosstalk]", "(At
#: sidebar)" (the second word counts too), "[inaudible 00:12:01]".
NOTE_WORDS = frozenset(
    """
    laughter laughs laughing laugh laughed chuckles chuckling chuckle giggles giggling
    applause applauding clapping claps cheers cheering cheer boos booing groans sighs sigh
    sighing coughs coughing cough sneezes gasps whispers whispering whispered crying cries
    sobbing sniffles pause pauses paused pausing silence music noise beep bleep bleeped
    inaudible unintelligible indiscernible incomprehensible unclear garbled crosstalk
    cross-talk overlapping overtalk simultaneous interposing interruption interrupts
    sic ph sp phonetic phonetically foreign speaking speaks translated translation
    interpreter interpreting video audio recording recorded played plays playing break
    commercial recess sidebar continued conferred conferring jury background off-mic
    mic muffled static silent nods shakes gestures gesturing
    """.split()
)
#: Notes saying the speech could not be made out; they become `xxx` (CHAT's code).
UNINTELLIGIBLE_WORDS = frozenset(
    "inaudible unintelligible indiscernible incomprehensible unclear garbled muffled".split()
)
#: CHAT codes for unintelligible (xxx, yyy) and untranscribed (www) speech: not words, and
#: an utterance holding one is left out of the mean length of utterance.
UNINTELLIGIBLE_CODES = frozenset({"xxx", "yyy", "www"})


def _escape(characters: str) -> str:
    """Characters made safe inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in characters)


# White space as `str.split` sees it (the `regex` module's \s leaves out \x1c-\x1f).
_SPACE_CHARS = r"\s\x1c-\x1f"
_SPACE = f"[{_SPACE_CHARS}]"
_LETTERS = r"\p{L}\p{M}\p{N}"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_WORD_CHAR = rf"[[{_LETTERS}]--[{_CJK}]]"
_URL_CHAR = r"[^\s\p{Cc}<>\"“”()\[\]{}]"
_JOINER = f"[{_escape(APOSTROPHES + HYPHENS)}.]"
# A CHAT code standing as a whole word: "xxx", but not "xxxl", "a-xxx" or "xxx-rated".
_CODE_PATTERN = (
    rf"(?<!{_WORD_CHAR})(?<!{_WORD_CHAR}{_JOINER})(?:xxx|yyy|www)(?!{_JOINER}?{_WORD_CHAR})"
)
_WORD_PATTERN = (
    r"(?V1)"
    # CHAT codes are skipped as whole words ("xxx" but not "xxxl" or "xxx-rated").
    rf"{_CODE_PATTERN}(*SKIP)(*FAIL)"
    rf"|(?:https?://|www\.){_URL_CHAR}*[^\s\p{{Cc}}<>\"“”()\[\]{{}}.,;:!?'’]"  # a URL
    rf"|[{_LETTERS}._%+\-]+@[{_LETTERS}\-]+(?:\.[{_LETTERS}\-]+)+"  # an e-mail address
    rf"|[{_CJK}]"  # one Chinese or Japanese character
    rf"|{_WORD_CHAR}+(?:{_JOINER}{_WORD_CHAR}+|(?<=\p{{N}}),\p{{N}}+)*"
)

# A note in brackets or parentheses on one line (Markdown escapes its brackets: \[04:22\]).
_NOTE_PATTERN = r"(?<=\])\([^\s()]+\)|\\?[\[(][ \t]*([^\[\]()\n]{1,80}?)[ \t]*\\?[\])]"
_NOTE_HEAD_PATTERN = r"[\p{L}\-]+"

#: A paragraph break: a line break, then another after nothing but spaces or tabs. It
#: ends a sentence as the end of the text does.
PARAGRAPH_BREAK = r"\n[ \t\r\f\v]*\n"
#: What may come before an abbreviation for it to count as one ("Mr." but not "Amr.").
BEFORE_ABBREVIATION = f"{_SPACE_CHARS}\\x00{_escape(OPENERS)}"


def spelled(abbreviation: str) -> str:
    """An abbreviation as a pattern matching it in any ASCII case: "mr" -> "[Mm][Rr]". (Spelled
    out rather than left to a case-insensitive flag, on which `re` and `regex` differ.)"""
    return "".join(
        f"[{c.upper()}{c}]" if c.isalpha() else "\\" + c if c == "." else c for c in abbreviation
    )


def sentence_end_pattern() -> str:
    """The sentence-end rule as a `regex` pattern (see the module docstring): a match is
    a run of final punctuation and its closing quotes that ends a sentence; it looks no
    further than the end of the text (or of the `endpos` given to the search)."""
    terminals = f"[{_escape(TERMINALS)}]"
    abbreviations = "|".join(spelled(a) for a in sorted(ABBREVIATIONS, key=lambda a: (-len(a), a)))
    numbered = "|".join(
        spelled(a) for a in sorted(NUMBER_ABBREVIATIONS, key=lambda a: (-len(a), a))
    )
    before = rf"(?:^|(?<=[{BEFORE_ABBREVIATION}]))"
    # A single capital letter: an initial, or a letter of "J.R.R." or "U.S.A.".
    before_letter = rf"(?:^|(?<=[{BEFORE_ABBREVIATION}.]))"
    closers = f"(?>[{_escape(CLOSERS)}]*)"
    starter = rf"[{_escape(OPENERS)}]?[[\p{{L}}\p{{N}}]--\p{{Ll}}]"
    # A run of full stops alone does not end a sentence after an abbreviation or an
    # initial; a run with any other mark in it ("U.S.?") always may.
    dots_only = rf"(?=[.…]+(?!{terminals}))"
    not_abbreviated = (
        rf"(?<!{before}(?:{abbreviations}))(?<!{before_letter}\p{{Lu}})"
        rf"(?!(?<={before}(?:{numbered}))[.…]+{closers}{_SPACE}+\p{{N}})"
    )
    run = rf"(?:{dots_only}{not_abbreviated}|(?!{dots_only})){terminals}++"
    cjk = rf"(?<=[{CJK_TERMINALS}][{_escape(CLOSERS)}]*)"
    after = rf"(?:{cjk}|(?={_SPACE}+{starter}|{_SPACE}*\Z))"
    return rf"(?V1)(?<!{terminals}){run}{closers}{after}"


@functools.cache
def _pattern(name: str) -> regex.Pattern[str]:
    # Patterns are compiled on first use: importing `regex` costs more than a small command.
    import regex

    sources: dict[str, Callable[[], str]] = {
        "word": lambda: _WORD_PATTERN,
        "code": lambda: "(?V1)" + _CODE_PATTERN,
        "note": lambda: _NOTE_PATTERN,
        "note_head": lambda: _NOTE_HEAD_PATTERN,
        "end": sentence_end_pattern,
        "paragraph": lambda: PARAGRAPH_BREAK,
    }
    return regex.compile(sources[name]())


def has_notes(text: str) -> bool:
    """Might `text` hold a transcriber's note or a link target? (A cheap first test.)"""
    return "[" in text or "(" in text


def speech(text: str) -> str:
    """`text` without transcriber's notes and link targets; a note that speech could not
    be made out ("(inaudible)") becomes `xxx`, so the sentence still shows it."""
    if not has_notes(text):
        return text
    return _pattern("note").sub(_replace_note, text)


def _replace_note(found: regex.Match[str]) -> str:
    body = found.group(1)
    if body is None or parse_clock(body) is not None:  # a link target, or a time
        return " "
    heads = [word.lower() for word in _pattern("note_head").findall(body)[:2]]
    if len(body.split()) > 6 or NOTE_WORDS.isdisjoint(heads):
        return found.group(0)  # an aside in brackets is speech unless it reads as a note
    return " xxx " if not UNINTELLIGIBLE_WORDS.isdisjoint(heads) else " "


def words(text: str) -> list[str]:
    """The spoken words of `text`, in order (see the module docstring for the rules)."""
    return _pattern("word").findall(speech(text))


def count_words(text: str) -> int:
    """How many spoken words `text` has."""
    return len(words(text))


def token_words(token: str) -> list[str]:
    """The words of one white-space free token, notes not removed (stats' fast path)."""
    return _pattern("word").findall(token)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` is, as (start, end) offsets: from its first character
    that is not white space to its closing punctuation and quotes. Text with no ending is
    one sentence; white space is none. The reference the fast path (`words_fast`) is
    tested against."""
    spans: list[tuple[int, int]] = []
    paragraph = 0
    for found in [*_pattern("paragraph").finditer(text), None]:
        stop = len(text) if found is None else found.start()
        start = paragraph
        for end in _pattern("end").finditer(text, paragraph, stop):
            _add_span(spans, text, start, end.end())
            start = end.end()
        _add_span(spans, text, start, stop)
        paragraph = 0 if found is None else found.end()
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    """`text` split into sentences (see `sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def ends_sentence(text: str) -> bool:
    """Does the text end with a sentence's final punctuation (its closing quotes and
    brackets after it)? A line that stops otherwise ("Mr. Doyle, you") runs on."""
    ending = text.rstrip().rstrip(CLOSERS)
    return bool(ending) and ending[-1] in TERMINALS


def is_question(sentence: str) -> bool:
    """Does the sentence's final punctuation, before its closing quotes, end in a question
    mark? (Quotes after a space close nothing: `Why? "` ends in a quote.)"""
    ending = sentence.rstrip().rstrip(CLOSERS)
    return bool(ending) and ending[-1] in QUESTION_MARKS


def is_unintelligible(text: str) -> bool:
    """Does `text` hold a CHAT code (`xxx`) for speech that could not be transcribed?"""
    return _pattern("code").search(text) is not None


def word_type(word: str) -> str:
    """The form under which a word counts as distinct: case-folded, one apostrophe."""
    return word.casefold().replace("’", "'")
