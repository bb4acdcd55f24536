"""What single-spaced text is: words between single spaces, no white space around them,
as a turn's text and a cleaned caption line are held."""

from __future__ import annotations


def clean_spaces(text: str) -> str:
    """Single spaces between words (caption lines are joined into running text)."""
    return " ".join(text.split())


def is_spaced(text: str) -> bool:
    """Is `text` already as `clean_spaces` makes it (`" ".join(text.split()) == text`)?

    Asked by a few searches at `str.find` speed, not by splitting: a reader joining the
    texts of tens of thousands of segments finds them spaced already, and a pattern tried
    at every character costs ten times as much."""
    if text[:1] == " " or text[-1:] == " " or "  " in text:
        return False
    spaces = _ASCII_SPACES if text.isascii() else _SPACES
    return not any(map(text.__contains__, spaces))


#: The characters `str.split()` splits at, but for the space (those `str.isspace` says
#: are spaces: a test holds this list to it); the first nine are the ASCII ones.
_SPACES = (
    *"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680",
    *map(chr, range(0x2000, 0x200B)),
    *"\u2028\u2029\u202f\u205f\u3000",
)
_ASCII_SPACES = _SPACES[:9]
