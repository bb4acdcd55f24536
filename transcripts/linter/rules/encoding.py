"""Text damaged by a wrong character encoding somewhere upstream.

Three kinds of damage, all of which show up as garbage in the published text:
- mojibake: UTF-8 read as Windows-1252 or Latin-1, so `’` appears as `â€™`, `é` as
  `Ã©`, `—` as `â€”`. Each suspect sequence is re-encoded and decoded to check that it
  really is mangled UTF-8, and the message gives the character it stands for;
- U+FFFD REPLACEMENT CHARACTER (`�`): a character that could not be decoded and is lost;
- control characters (U+0000-U+001F and U+007F-U+009F, except tab, line breaks and the
  form feed that marks a page break in court transcripts): debris from old word
  processors and PDF extraction, invisible in most viewers.

The fix for mojibake is usually to re-decode the whole file (`transcripts convert
--encoding`), not to edit each place by hand; where only some places are damaged,
`lint --fix` puts back the character each mojibake stands for and removes control
characters (safe fixes: what was said does not change). A replacement character is
lost for good and has no fix.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ...compiled import kept
from ...model import Transcript
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..source import at_line_break, find_in_source

CODE = "TR302"
NAME = "encoding"
SEVERITY = "error"
USES = ("source-text",)  # the source text, read a piece at a time (see `linter.source`)
OPTIONS: dict[str, object] = {}

# Windows-1252's characters for the bytes 0x80-0x9F, which continue a UTF-8 sequence.
_CP1252_CONTINUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_SUSPECT = kept(
    "[\u00c2-\u00f4][\u0080-\u00bf" + _CP1252_CONTINUATION + "]{1,3}"
    "|\ufffd"
    "|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    for found, line, column in find_in_source(
        options.context, _SUSPECT, in_ascii="controls", cut_after=at_line_break
    ):
        text = found.group()
        fix = None
        if text == "\ufffd":
            message = "U+FFFD REPLACEMENT CHARACTER: a character was lost in decoding"
        elif len(text) == 1:
            message = f"control character {_describe(text)} in the text"
            fix = _replace(line, column, text, "", f"remove {_describe(text)}")
        else:
            text, original = _unmangle(text)
            if original is None:
                continue
            message = (
                f"mojibake “{text}” is “{original}” in UTF-8 read as Windows-1252; "
                "re-decode the file as UTF-8"
            )
            fix = _replace(line, column, text, original, f"replace “{text}” with “{original}”")
        yield Problem(line, message, column, end_column=column + len(text), fix=fix)


def _replace(line: int, column: int, text: str, by: str, description: str) -> Fix:
    return Fix(description, (Edit(line, column, line, column + len(text), by),))


def _unmangle(text: str) -> tuple[str, str | None]:
    """The longest start of `text` that is one character of UTF-8 mis-decoded as
    Windows-1252 or Latin-1, and that character; only characters common in Western text
    count (Latin letters, punctuation, €, ™), so real text such as "Ö’s" or "É—" is not
    taken for mangled Hebrew or African letters."""
    for size in range(len(text), 1, -1):
        for encoding in ("cp1252", "latin-1"):
            try:
                original = text[:size].encode(encoding).decode("utf-8")
            except UnicodeError:
                continue
            if len(original) == 1 and _plausible(original):
                return text[:size], original
    return text, None


def _plausible(char: str) -> bool:
    code = ord(char)
    if unicodedata.category(char)[0] == "C":
        return False
    return 0xA0 <= code <= 0x17F or 0x2000 <= code <= 0x206F or code in (0x20AC, 0x2122)


def _describe(char: str) -> str:
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB",
    "\x1a": "SUB",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
}
