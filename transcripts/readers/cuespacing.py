"""Whether a caption file's text is spaced as its readers would clean it, found once for
the whole file: single spaces between words, none at the edges of a line, no whitespace
but spaces and line breaks. Such a file's cue text can be kept as written instead of
being split into words and joined again cue by cue (a million cues in a large file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What cleaning would change: spacing other than single spaces between words (a carriage
# return is a line break to the parsers, as a line feed is).
_UNCLEAN_MARKS = ("  ", " \n", "\n ", " \r", "\r ", *"\t\x0b\x0c\x1c\x1d\x1e\x1f")
_UNCLEAN_SPACE = re.compile(r"[^\S \n\r]")  # the same, for text beyond ASCII


def spaced_cleanly(text: str, marks: Iterable[str] = ()) -> bool:
    """Is `text` spaced as cleaned, and free of each of `marks` (what else a format's
    reader would change: a tag's opening character, say)? Searched for whole, at the
    speed of `str.find`: a pattern tried at every character costs more."""
    if text[:1] == " " or text[-1:] == " ":
        return False
    if any(mark in text for mark in (*marks, *_UNCLEAN_MARKS)):
        return False
    return text.isascii() or _UNCLEAN_SPACE.search(text) is None
