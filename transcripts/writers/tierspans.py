"""What the tier writers (ELAN, TextGrid) share: the timed blocks as spans on tiers.

One tier per speaker; unattributed speech and stage directions on the tiers `tiers.py`
names. Each span is a piece of a block (its cue or segment, with its own times), or the
whole block when it has no usable pieces.
"""

from __future__ import annotations

from ..model import Block, Kind
from ..tiers import DIRECTIONS, UNATTRIBUTED
from .timed import ends, usable_pieces

Span = tuple[float, float, str]


def tier_spans(blocks: list[Block]) -> dict[str, list[Span]]:
    """Tier name -> (start, end, text) of each span on it, in the blocks' order."""
    tiers: dict[str, list[Span]] = {}
    for block, end in zip(blocks, ends(blocks), strict=True):
        if block.kind == Kind.TURN and block.speaker:
            tier = block.speaker
        else:
            tier = DIRECTIONS if block.kind == Kind.STAGE_DIRECTION else UNATTRIBUTED
        pieces = usable_pieces(block)
        spans = (
            [(p.start, p.end, p.text) for p in pieces]
            if pieces
            else [(block.start, end, block.text)]
        )
        for start, stop, text in spans:
            assert start is not None and stop is not None
            tiers.setdefault(tier, []).append((start, stop, " ".join(text.split())))
    return tiers
