"""The Praat TextGrid writer (long text format): one interval tier per speaker.

Each tier's intervals tile the whole time span, as Praat requires: a turn's pieces (or
the turn itself) are intervals with text, the gaps between them intervals without.
Unattributed speech and stage directions go on tiers of their own (`tiers.py`). Two
pieces of one speaker that overlap cannot both be intervals of one tier: the later one
starts where the earlier ends (`losses` says how many were moved).
"""

from __future__ import annotations

from ..losses import note
from ..model import Transcript
from ..options import WriteOptions
from .tierspans import tier_spans
from .timed import note_metadata, note_timings, timed_blocks


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a TextGrid."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "TextGrid", options.losses)
    note_metadata(transcript, options.losses)
    note_timings(blocks, options.losses, keeps_pieces=True)
    tiers = tier_spans(blocks)
    xmin = min((span[0] for spans in tiers.values() for span in spans), default=0.0)
    xmin = min(xmin, 0.0)
    xmax = max((span[1] for spans in tiers.values() for span in spans), default=0.0)
    moved = 0
    out = [
        'File type = "ooTextFile"\nObject class = "TextGrid"\n\n',
        f"xmin = {_number(xmin)} \nxmax = {_number(xmax)} \n",
        f"tiers? <exists> \nsize = {len(tiers)} \nitem []: \n",
    ]
    for number, (tier, spans) in enumerate(tiers.items(), start=1):
        intervals: list[tuple[float, float, str]] = []
        clock = xmin
        for start, stop, text in sorted(spans):
            if start < clock:
                moved += 1
                start = clock
            stop = max(stop, start)
            if start > clock:
                intervals.append((clock, start, ""))
            intervals.append((start, stop, text))
            clock = stop
        if clock < xmax or not intervals:
            intervals.append((clock, xmax, ""))
        out.append(
            f"    item [{number}]:\n"
            '        class = "IntervalTier" \n'
            f"        name = {_string(tier)} \n"
            f"        xmin = {_number(xmin)} \n        xmax = {_number(xmax)} \n"
            f"        intervals: size = {len(intervals)} \n"
        )
        for index, (start, stop, text) in enumerate(intervals, start=1):
            out.append(
                f"        intervals [{index}]:\n"
                f"            xmin = {_number(start)} \n            xmax = {_number(stop)} \n"
                f"            text = {_string(text)} \n"
            )
    note(
        options.losses,
        "the start of {n} overlapping piece{s} (moved to the end of the one before)",
        moved,
    )
    return "".join(out)


def _number(value: float) -> str:
    return repr(round(value, 6)) if value % 1 else str(int(value))


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
