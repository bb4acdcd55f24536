"""How tier formats (ELAN, Praat TextGrid) name the tiers that are not a speaker's.

Their writers put one speaker on each tier; speech nobody is named for, and stage
directions, go on tiers with these names (and no participant), which their readers
read back as what they are. Annotators keep their notes on tiers too (`Comments`,
`Notes`, an ELAN tier of a linguistic type `comment`): `names_notes` tells such a name,
and the readers keep those tiers' annotations as notes, not as anyone's speech.
"""

from __future__ import annotations

import re

UNATTRIBUTED = "unattributed"
DIRECTIONS = "stage directions"
NOT_SPEAKERS = frozenset({UNATTRIBUTED, DIRECTIONS})

# The words that make a tier's (or a tier type's) name a name for notes.
NOTE_WORDS = frozenset({"comment", "comments", "note", "notes", "remark", "remarks"})
_WORD = re.compile(r"[^\W\d_]+")


def names_notes(name: str | None) -> bool:
    """Does this tier or type name say it holds notes (`Comments`, `notes-Ana`,
    `comment-lt`)? Any of its words among `NOTE_WORDS`, in any case: a person's name
    holds none of them."""
    if not name:
        return False
    return any(word in NOTE_WORDS for word in _WORD.findall(name.lower()))
