"""Rolling captions: the repetition of auto-generated captions (YouTube), folded away.

Such captions show each line twice: at the bottom of one cue and again at the top of
the next, while the next line is typed in. Read naively, every line is said twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence


def fold_rolling(cues: list[list[str]]) -> list[tuple[int, int]] | None:
    """Fold the repetition of rolling captions in place; per cue what was removed.

    When a file repeats the end of the cue before for at least a quarter of its cues,
    the repeated leading lines of each cue are removed (and a line that grows word by
    word keeps only its new words). A file that repeats a line now and then ("Yes." /
    "Yes.") is left alone and None returned. Otherwise the result holds, for each cue,
    (whole lines removed from its start, characters removed from its first line).
    """
    overlaps = [(0, 0)]
    for previous, current in itertools.pairwise(cues):
        overlaps.append(_overlap(previous, current) if previous and current else (0, 0))
    folded = sum(1 for lines, chars in overlaps if lines or chars)
    if folded < 2 or folded * 4 < len(cues):
        return None
    # Work backwards, so each cue is compared with its predecessor as it was written.
    for index in range(len(cues) - 1, 0, -1):
        lines, chars = overlaps[index]
        current = cues[index]
        if lines:
            del current[:lines]
        elif chars:
            current[0] = current[0][chars:].lstrip()
    return overlaps


def may_fold(texts: Sequence[str]) -> bool:
    """Could `fold_rolling` fold these cues (each one's lines joined by "\n")? False
    when too few cues open with a line of the cue before, or with its last line, which
    each repeat it folds does: then the cues need not be split into lines to be asked."""
    repeats = 0
    for previous, current in itertools.pairwise(texts):
        if not previous or not current:
            continue
        first = current.partition("\n")[0]
        last = previous.rpartition("\n")[2]
        # `_overlap`'s two kinds: a line of the cue before again, or its last line typed
        # on ("-" then "- dash"), which the first line holds more of than it does.
        if (first in previous and first in previous.split("\n")) or (
            len(first) > len(last) and first.startswith(last) and first[len(last)] == " "
        ):
            repeats += 1
    return repeats >= 2 and repeats * 4 >= len(texts)


def folded_count(overlaps: list[tuple[int, int]] | None) -> int:
    """How many cues `fold_rolling` changed."""
    return 0 if overlaps is None else sum(1 for lines, chars in overlaps if lines or chars)


def _overlap(previous: list[str], current: list[str]) -> tuple[int, int]:
    """Whole lines of `current` that repeat the end of `previous`; else the characters of
    its first line that repeat `previous`'s last line (a line typed in word by word)."""
    last, first = previous[-1], current[0]
    if first not in previous and not first.startswith(last):
        return 0, 0  # both kinds of repeat below start with one of these
    for count in range(min(len(previous), len(current)), 0, -1):
        if previous[-count:] == current[:count]:
            return count, 0
    if len(first) > len(last) and first.startswith(last) and first[len(last)] == " ":
        return 0, len(last)
    return 0, 0
